import { NODE_KINDS, REL_KINDS, PROVENANCE } from '../model';
import { ETHNICITY, SEN, CARE_STATUS, FAITH, IMMIGRATION_STATUS, GRACES_FIELDS, GRACES_RECORD_ROLES } from '../enums';
import { schemaStatements } from '../schema';
import { validateNode } from '../validate';

describe('the one model definition', () => {
  it('uses the ONS 2021 ethnicity list (19 categories + not stated), SEN E/K/N and the care statuses', () => {
    expect(Object.keys(ETHNICITY)).toHaveLength(20);
    expect(Object.keys(SEN)).toEqual(['E', 'K', 'N']);
    expect(Object.keys(CARE_STATUS)).toEqual(expect.arrayContaining(['CIN', 'CPP', 'CLA', 'CARE_LEAVER']));
  });

  it('fairness fields: optional codes on a person, religion in the Census 2021 categories, UASC coded, faith on no record', () => {
    const person = NODE_KINDS.find((k) => k.label === 'Person')!;
    for (const f of GRACES_FIELDS) expect([f, person.props[f]]).toEqual([f, expect.objectContaining({ values: expect.any(Array) })]);
    for (const f of GRACES_FIELDS) expect(person.props[f].required).toBeFalsy();
    expect(Object.keys(FAITH)).toEqual(['no_religion', 'christian', 'buddhist', 'hindu', 'jewish', 'muslim', 'sikh', 'other', 'not_stated']);
    expect(Object.keys(IMMIGRATION_STATUS)).toContain('uasc');
    expect(GRACES_RECORD_ROLES.faith).toEqual([]);
    for (const f of GRACES_FIELDS) expect(GRACES_RECORD_ROLES[f]).not.toContain('partner');
    const row = { id: 'p', name: 'Test', dateOfBirth: '2010-01-01', sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'POLICE', neurodiversity: ['autism', 'adhd'], immigrationStatus: 'uasc' };
    expect(validateNode('Person', row, { file: 'p.csv', row: 1 }).props).toMatchObject({ neurodiversity: ['autism', 'adhd'], immigrationStatus: 'uasc' });
    expect(() => validateNode('Person', { ...row, faith: 'pastafarian' }, { file: 'p.csv', row: 1 })).toThrow(/field "faith": unknown code "pastafarian"/);
  });

  it('puts provenance and grading on every event and every relationship', () => {
    const fields = Object.keys(PROVENANCE);
    for (const k of NODE_KINDS.filter((n) => n.event)) expect(Object.keys(k.props)).toEqual(expect.arrayContaining(fields));
    for (const r of REL_KINDS) expect(Object.keys(r.props)).toEqual(expect.arrayContaining(['id', ...fields]));
  });

  it('alleged exploitation only runs from an adult person of concern to a young person', () => {
    for (const t of ['EXPLOITS', 'GROOMS', 'RECRUITS']) {
      const r = REL_KINDS.find((k) => k.type === t)!;
      expect(r.from).toEqual(['PersonOfConcern']);
      expect(r.to).toEqual(['YoungPerson']);
    }
  });

  it('schema statements follow from the model: one id constraint per kind and type, all idempotent', () => {
    const s = schemaStatements();
    expect(s.every((x) => x.includes('IF NOT EXISTS'))).toBe(true);
    for (const k of NODE_KINDS) expect(s.some((x) => x.includes(`FOR (n:${k.label}) REQUIRE n.id IS UNIQUE`))).toBe(true);
    for (const r of REL_KINDS) expect(s.some((x) => x.includes(`FOR ()-[r:${r.type}]-() REQUIRE r.id IS UNIQUE`))).toBe(true);
  });

  it('validation follows the enums: an unknown code names the field and lists what is allowed', () => {
    const row = { id: 'p', name: 'Test', dateOfBirth: '2010-01-01', sex: 'FEMALE', ethnicity: 'MARTIAN', source: 'POLICE' };
    expect(() => validateNode('Person', row, { file: 'f.csv', row: 3 })).toThrow(/f\.csv, row 3, field "ethnicity": unknown code "MARTIAN"; allowed: ASIAN_BANGLADESHI/);
  });

  it('a list of codes takes only codes: each item is checked', () => {
    const arrest = { id: 'a', occurredAt: '2025-01-01T10:00:00Z', source: 'POLICE', sourceRef: 'R', recordedAt: '2025-01-01T10:00:00Z', gradingScheme: '3x5x2',
      sourceEval: 'A', assessment: '1', handling: 'P', reviewBy: '2026-01-01', status: 'confirmed' };
    expect(validateNode('Arrest', { ...arrest, foundWith: ['PHONES', 'UNEXPLAINED_MONEY'] }, { file: 'a.csv', row: 2 }).props.foundWith).toEqual(['PHONES', 'UNEXPLAINED_MONEY']);
    expect(() => validateNode('Arrest', { ...arrest, foundWith: ['PHONES', 'cash'] }, { file: 'a.csv', row: 2 }))
      .toThrow(/a\.csv, row 2, field "foundWith": unknown code "cash"; allowed: UNEXPLAINED_MONEY, PHONES/);
  });
});
