/**
 * Generated text of the templates: CSV headers, template mapping JSON and the data dictionary
 * (field, type, allowed codes, required, example). templates/generate.ts writes them; a test
 * checks the committed files still agree with the model.
 */
import * as E from '../../model/enums';
import type { PropSpec } from '../../model/model';
import { TEMPLATES, TemplateDef, templateColumns, templateFields } from './templates';
import { templateMapping } from './mapping';

export const templateCsv = (t: TemplateDef): string => `${templateColumns(t).join(',')}\r\n`;
export const templateMappingJson = (t: TemplateDef): string => `${JSON.stringify(templateMapping(t), null, 2)}\n`;

/** Human labels of coded fields (code → meaning), where the model has them. */
const MEANINGS: Record<string, Record<string, string>> = {
  sex: E.SEX, ethnicity: E.ETHNICITY, sen: E.SEN, careStatus: E.CARE_STATUS, source: E.AGENCY,
  exploitationType: E.EXPLOITATION_TYPE, referralType: E.REFERRAL_TYPE, tactic: E.DISRUPTION_TACTIC, agency: E.AGENCY,
  siblingKind: E.SIBLING_KIND, parentKind: E.PARENT_KIND, foundWith: E.FOUND_WITH,
  programme: E.SUPPORT_PROGRAMME, supportOutcome: E.SUPPORT_OUTCOME,
  disruptionOutcome: E.DISRUPTION_OUTCOME, lineStatus: E.LINE_STATUS,
  faith: E.FAITH, immigrationStatus: E.IMMIGRATION_STATUS, neurodiversity: E.NEURODIVERSITY, firstLanguage: E.FIRST_LANGUAGE,
};

/** Examples of free-text, list and number fields by name; a coded field's example is one of its codes. */
const EXAMPLES: Record<string, string> = {
  name: 'Synthetic Person One', sourceRef: 'SYN-REF-17', summary: 'Synthetic example text',
  postcodeArea: 'ZZ1', aliases: 'Syn One|S. One', sharedWith: 'EDUCATION|HEALTH', platform: 'ExampleChat',
  conditions: 'Share with safeguarding leads only', text: 'Synthetic example report', outcome: 'Plan reviewed',
  pushFactors: 'family conflict|school problems', pullFactors: 'friends|an adult', phase: 'secondary',
  ward: 'Example Ward', destination: 'Example Town', lat: '51.5000', lon: '-0.1000', ceamScore: '14', days: '3', score: '0.9',
  age: '14', ageMin: '13', ageMax: '15', from: 'SYN-0001', to: 'SYN-0002',
  borough: 'B01', provider: 'Example Youth Service', notes: 'Child and carer met the mentor twice; plan agreed',
};

/** Example ids: people, contexts, events and relationships each have their own, so a link never joins a record to itself. */
const ID_EXAMPLE: Record<string, string> = { people: 'SYN-0001', places: 'SYN-PL-0001', relationships: 'SYN-R-0001' };
const EVENT_ID_EXAMPLE = 'SYN-EV-0001';
/** The record a link column's example points at. */
const LINK_EXAMPLE: Record<string, string> = { placeId: 'SYN-PL-0001', schoolId: 'SYN-PL-0002', missingEpisodeId: 'SYN-EV-0002' };
const PERSON_ID_EXAMPLE = 'SYN-0001';
/** Fields that mean something only with another field filled in. */
const NEEDS: Record<string, string> = { age: 'ageOn', ageMin: 'ageOn', ageMax: 'ageOn' };

/** The dictionary's example of a field: a value the import accepts for it. */
export function fieldExample(field: string, spec: PropSpec): string {
  // Fields of the same name can differ in type (`outcome` is a code for a return home interview
  // and free text elsewhere): a code list always gives its own first code.
  if (spec.type === 'enum') return spec.values![0];
  if (spec.type === 'string[]' && spec.values) return spec.values.slice(0, 2).join('|');
  if (EXAMPLES[field]) return EXAMPLES[field];
  switch (spec.type) {
    case 'date': return field === 'dateOfBirth' ? '2010-03-14' : spec.notFuture ? '2025-03-14' : '2026-06-30';
    case 'datetime': return '2025-03-14T18:30:00Z';
    case 'bool': return 'true';
    case 'int': return '1';
    case 'float': return '1.5';
    default: return '';
  }
}

function codes(field: string, spec: PropSpec): string {
  if (!spec.values) return spec.type === 'string[]' ? 'list, separated by `|`' : '';
  const meaning = MEANINGS[field];
  const list = spec.values.map((v) => (meaning?.[v] ? `\`${v}\` ${meaning[v]}` : `\`${v}\``)).join('; ');
  return spec.type === 'string[]' ? `list of codes, separated by \`|\`: ${list}` : list;
}

const esc = (s: string): string => s.replace(/\|/g, '\\|');

const TYPE_TEXT: Record<string, string> = {
  date: 'date YYYY-MM-DD', datetime: 'date-time ISO 8601 (e.g. 2025-03-14T18:30:00Z)', 'string[]': 'list',
  enum: 'code', string: 'text', int: 'whole number', float: 'number', bool: 'true / false',
};

function templateSection(t: TemplateDef): string[] {
  const lines = [`## ${t.name}.csv: ${t.title}`, ''];
  lines.push(t.kind === 'node' ? `Each row is one record: ${t.types.join(', ')}.` : 'Each row is one relationship from one id to another.');
  if (t.typeColumn) lines.push(`The column \`${t.typeColumn}\` says which: ${t.types.map((x) => `\`${x}\``).join(', ')}.`);
  lines.push('', '| field | type | allowed codes | required | example | applies to |', '|---|---|---|---|---|---|');
  if (t.typeColumn) lines.push(`| ${t.typeColumn} | code | ${t.types.map((x) => `\`${x}\``).join('; ')} | yes | ${t.types[0]} | all |`);
  if (t.kind === 'rel') {
    lines.push('| from | id | id of the start record | yes | SYN-0001 | all |', '| to | id | id of the end record | yes | SYN-0002 | all |');
  }
  for (const f of templateFields(t)) {
    const all = f.appliesTo.length === t.types.length;
    const req = f.spec.required ? (all ? 'yes' : `for ${f.appliesTo.join(', ')}`) : 'no';
    const note = f.field === 'conditions' ? ' (required when handling is C)' : f.spec.notFuture ? ' (not in the future)'
      : NEEDS[f.field] ? ` (with ${NEEDS[f.field]}, the day it was true)` : '';
    const ex = f.field === 'id' ? ID_EXAMPLE[t.name] ?? EVENT_ID_EXAMPLE : fieldExample(f.field, f.spec);
    lines.push(`| ${f.field} | ${TYPE_TEXT[f.spec.type]}${note} | ${esc(codes(f.field, f.spec))} | ${req} | ${esc(ex)} | ${all ? 'all' : f.appliesTo.join(', ')} |`);
  }
  if (t.types.includes('Person')) {
    lines.push('| roles | list of codes | `YoungPerson`; `PersonOfConcern` (18 or over only); `TrustedAdult` | no | YoungPerson | all |');
  }
  for (const l of t.links) {
    lines.push(`| ${l.column} | id | ${l.description}: becomes one \`${l.type}\` relationship with this row's provenance | no | ${LINK_EXAMPLE[l.column] ?? PERSON_ID_EXAMPLE} | all |`);
    for (const [field, p] of Object.entries(l.props ?? {})) {
      lines.push(`| ${p.column} | code | ${field} of the ${l.type} link (with ${l.column}): ${E.INVOLVEMENT_ROLE.map((r) => `\`${r}\``).join('; ')} | no (default ${p.default}) | ${p.default} | all |`);
    }
  }
  lines.push('');
  return lines;
}

export function dataDictionary(): string {
  return [
    '# Data dictionary: import templates',
    '',
    'Generated from `server/model/model.ts` by `npm run templates`. Do not edit by hand.',
    '',
    'One CSV template per source kind in `templates/`, with its mapping in `templates/mappings/`.',
    'Files are UTF-8 (with or without a byte-order mark) or Windows-1252; fields with commas or',
    'line breaks are quoted. Empty cells are "not known". Dates are ISO 8601 unless a mapping says',
    'otherwise (see `docs/import-mappings.md`). Every event and relationship carries provenance',
    '(source, sourceRef, recordedAt, grading, reviewBy, status): a row without it is rejected.',
    'Child first: a person under 18 can never hold the `PersonOfConcern` role; record alleged harm',
    'by a child as an incident with the child\'s role, not as a label.',
    'Fairness fields (`faith`, `immigrationStatus`, `neurodiversity`, `firstLanguage`) are optional and',
    'used only in aggregates (disproportionality), never in a ranking or score. Religion, and the',
    'health facts behind neurodiversity, are special category data: on a record, faith is shown to',
    'no one, and the other three to analysts and police only, never to leads or partners',
    '(`docs/access-matrix.md`). Leave a field empty when it is not recorded: an empty field counts',
    'as "not recorded", never as a code.',
    '',
    ...TEMPLATES.flatMap(templateSection),
  ].join('\n');
}
