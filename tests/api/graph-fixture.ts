/**
 * A small hand-built graph for API tests (synthetic, obviously so). Shape, from child yp1:
 *   1 hop: inc1, inc3, exc1, ra1, ra2, me1 (events), yp2 (peer), sch1, os1, poc1 (alleged exploitation)
 *   2 hops: loc1 (via inc1/inc3), yp3 (via yp2), int1 (about poc1), rhi1 (follows up me1), inc2 (C-coded: police only)
 *   3 hops: yp4 (yp3's peer);  4 hops: yp5 (never reached)
 * Markings: inc2 handling C (police only); yp1 is SOCIAL_CARE shared with EDUCATION; yp2..yp5 and
 * exc1 are EDUCATION's; poc1, inc1, inc3, int1 are POLICE's (not shared); int2 (about loc1) is
 * 5x5x5 handling 4: Education (its originator) only.
 */
import type { LoadUnit } from '../../server/model/types';

const grade = (sourceEval = 'B', assessment = '2', handling = 'P') => ({ gradingScheme: '3x5x2', sourceEval, assessment, handling });
const prov = (source: string, recordedAt: string, extra: Record<string, unknown> = {}) => ({
  source, sourceRef: `TEST-${source}-${recordedAt.slice(0, 10)}`, recordedAt, validFrom: recordedAt, ...grade(), reviewBy: '2027-01-01', status: 'confirmed', ...extra,
});
const person = (id: string, name: string, dob: string, source: string, roles: string[], extra: Record<string, unknown> = {}) => ({
  id, name, dateOfBirth: dob, sex: 'FEMALE', ethnicity: 'NOT_STATED', source, roles, ...extra,
});
let n = 0;
const rel = (from: string, to: string, p: Record<string, unknown>) => ({ id: `r${++n}-${from}-${to}`, from, to, ...p });

export function handBuiltGraph(): LoadUnit[] {
  n = 0;
  const people = [
    person('yp1', 'Test Child Alpha', '2010-04-01', 'SOCIAL_CARE', ['YoungPerson'], { sharedWith: ['EDUCATION'] }),
    person('yp2', 'Test Child Beta', '2011-05-02', 'EDUCATION', ['YoungPerson']),
    person('yp3', 'Test Child Gamma', '2010-06-03', 'EDUCATION', ['YoungPerson']),
    person('yp4', 'Test Child Delta', '2009-07-04', 'EDUCATION', ['YoungPerson']),
    person('yp5', 'Test Child Epsilon', '2009-08-05', 'EDUCATION', ['YoungPerson']),
    person('poc1', 'Test Adult Zeta', '1990-01-01', 'POLICE', ['PersonOfConcern']),
  ];
  const inc = (id: string, at: string, extra: Record<string, unknown> = {}) => ({ id, occurredAt: at, offenceType: 'robbery', summary: `Synthetic test incident ${id}`, ...prov('POLICE', at), ...extra });
  return [
    { kind: 'node', label: 'Person', origin: 'test-people', rows: people as never },
    { kind: 'node', label: 'Location', origin: 'test-places', rows: [{ id: 'loc1', name: 'Test Park', kind: 'park', lat: 51.5, lon: -0.1, source: 'POLICE' }] },
    { kind: 'node', label: 'School', origin: 'test-schools', rows: [{ id: 'sch1', name: 'Test School', lat: 51.5, lon: -0.1, source: 'EDUCATION' }] },
    { kind: 'node', label: 'OnlineSpace', origin: 'test-online', rows: [{ id: 'os1', name: 'Test Chat Space', platform: 'TestApp', source: 'SOCIAL_CARE' }] },
    { kind: 'node', label: 'Incident', origin: 'test-incidents', rows: [
      inc('inc1', '2025-03-10T20:00:00Z'),
      inc('inc2', '2025-09-01T20:00:00Z', { handling: 'C', conditions: 'Police only: test condition' }),
      inc('inc3', '2026-01-10T20:00:00Z'),
    ] },
    { kind: 'node', label: 'Exclusion', origin: 'test-exclusions', rows: [{ id: 'exc1', occurredAt: '2025-05-01T09:00:00Z', kind: 'suspension', days: 3, ...prov('EDUCATION', '2025-05-01T09:00:00Z') }] },
    { kind: 'node', label: 'RiskAssessment', origin: 'test-ra', rows: [
      { id: 'ra1', occurredAt: '2025-02-01T10:00:00Z', ceamScore: 10, riskLevel: 'low', ...prov('SOCIAL_CARE', '2025-02-01T10:00:00Z') },
      { id: 'ra2', occurredAt: '2025-08-01T10:00:00Z', ceamScore: 18, riskLevel: 'medium', ...prov('SOCIAL_CARE', '2025-08-01T10:00:00Z') },
    ] },
    { kind: 'node', label: 'MissingEpisode', origin: 'test-missing', rows: [{ id: 'me1', occurredAt: '2025-07-01T18:00:00Z', returnedAt: '2025-07-02T09:00:00Z', missingRisk: 'medium', ...prov('POLICE', '2025-07-01T18:00:00Z', { sharedWith: ['SOCIAL_CARE', 'EDUCATION'] }) }] },
    { kind: 'node', label: 'ReturnInterview', origin: 'test-rhi', rows: [{ id: 'rhi1', occurredAt: '2025-07-03T10:00:00Z', outcome: 'completed', ...prov('SOCIAL_CARE', '2025-07-03T10:00:00Z') }] },
    { kind: 'node', label: 'IntelligenceReport', origin: 'test-intel', rows: [{ id: 'int1', occurredAt: '2025-06-01T12:00:00Z', text: 'Synthetic test intelligence', ...prov('POLICE', '2025-06-01T12:00:00Z', { ...grade('C', '4', 'P'), status: 'hypothesis' }) }] },
    // 5x5x5 handling 4: originating agency (Education) only. Three hops from yp1, via loc1.
    { kind: 'node', label: 'IntelligenceReport', origin: 'test-intel-historic', rows: [{ id: 'int2', occurredAt: '2024-11-01T12:00:00Z', text: 'Synthetic historic test intelligence', ...prov('EDUCATION', '2024-11-01T12:00:00Z', { gradingScheme: '5x5x5', sourceEval: 'B', assessment: '2', handling: '4' }) }] },
    { kind: 'rel', type: 'INVOLVED', origin: 'test-involved', rows: [
      rel('inc1', 'yp1', { role: 'victim', ...prov('POLICE', '2025-03-10T20:00:00Z') }),
      rel('inc1', 'poc1', { role: 'suspect', ...prov('POLICE', '2025-03-10T20:00:00Z') }),
      rel('inc2', 'yp2', { role: 'victim', ...prov('POLICE', '2025-09-01T20:00:00Z', { handling: 'C', conditions: 'Police only: test condition' }) }),
      rel('inc3', 'yp1', { role: 'suspect', ...prov('POLICE', '2026-01-10T20:00:00Z') }),
      rel('exc1', 'yp1', { role: 'subject', ...prov('EDUCATION', '2025-05-01T09:00:00Z') }),
      rel('me1', 'yp1', { role: 'subject', ...prov('POLICE', '2025-07-01T18:00:00Z', { sharedWith: ['SOCIAL_CARE', 'EDUCATION'] }) }),
      rel('rhi1', 'yp1', { role: 'subject', ...prov('SOCIAL_CARE', '2025-07-03T10:00:00Z') }),
    ] as never },
    { kind: 'rel', type: 'AT', origin: 'test-at', rows: [
      rel('inc1', 'loc1', prov('POLICE', '2025-03-10T20:00:00Z')),
      rel('inc2', 'loc1', prov('POLICE', '2025-09-01T20:00:00Z', { handling: 'C', conditions: 'Police only: test condition' })),
      rel('inc3', 'loc1', prov('POLICE', '2026-01-10T20:00:00Z')),
      rel('exc1', 'sch1', prov('EDUCATION', '2025-05-01T09:00:00Z')),
    ] as never },
    { kind: 'rel', type: 'ABOUT', origin: 'test-about', rows: [
      rel('ra1', 'yp1', prov('SOCIAL_CARE', '2025-02-01T10:00:00Z')),
      rel('ra2', 'yp1', prov('SOCIAL_CARE', '2025-08-01T10:00:00Z')),
      rel('int1', 'poc1', prov('POLICE', '2025-06-01T12:00:00Z', { ...grade('C', '4', 'P'), status: 'hypothesis' })),
      rel('int2', 'loc1', prov('EDUCATION', '2024-11-01T12:00:00Z', { gradingScheme: '5x5x5', sourceEval: 'B', assessment: '2', handling: '4' })),
    ] as never },
    { kind: 'rel', type: 'FOLLOWS_UP', origin: 'test-follows', rows: [rel('rhi1', 'me1', prov('SOCIAL_CARE', '2025-07-03T10:00:00Z'))] as never },
    { kind: 'rel', type: 'EXPLOITS', origin: 'test-exploits', rows: [rel('poc1', 'yp1', prov('POLICE', '2025-01-01T00:00:00Z', { ...grade('B', '3', 'P'), status: 'hypothesis' }))] as never },
    { kind: 'rel', type: 'ASSOCIATES_WITH', origin: 'test-assoc', rows: [
      rel('yp1', 'yp2', prov('EDUCATION', '2024-12-01T00:00:00Z', grade('A', '1', 'P'))),
      rel('yp2', 'yp3', prov('EDUCATION', '2024-12-01T00:00:00Z')),
      rel('yp3', 'yp4', prov('EDUCATION', '2024-12-01T00:00:00Z')),
      rel('yp4', 'yp5', prov('EDUCATION', '2024-12-01T00:00:00Z')),
    ] as never },
    { kind: 'rel', type: 'ATTENDS', origin: 'test-attends', rows: [
      rel('yp1', 'sch1', prov('EDUCATION', '2024-09-01T00:00:00Z')),
      rel('yp2', 'sch1', prov('EDUCATION', '2024-09-01T00:00:00Z')),
    ] as never },
    { kind: 'rel', type: 'ACTIVE_ON', origin: 'test-active', rows: [rel('yp1', 'os1', prov('SOCIAL_CARE', '2026-02-01T00:00:00Z'))] as never },
    { kind: 'rel', type: 'FREQUENTS', origin: 'test-frequents', rows: [rel('poc1', 'loc1', prov('POLICE', '2025-02-01T00:00:00Z', { sharedWith: ['EDUCATION'] }))] as never },
  ];
}
