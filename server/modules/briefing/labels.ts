/** Human labels for codes in tables and sentences. */
import { AGENCY, CARE_STATUS, DISRUPTION_OUTCOME, DISRUPTION_TACTIC, ETHNICITY, EXPLOITATION_TYPE, FAITH, FIRST_LANGUAGE, IMMIGRATION_STATUS, NEURODIVERSITY, SEN, SEX } from '../../model/enums';

const maps: Record<string, Record<string, string>> = {
  sex: SEX, sen: SEN, careStatus: CARE_STATUS, exploitation: { ...EXPLOITATION_TYPE, UNSPECIFIED: 'Type not recorded', NOT_RECORDED: 'Type not recorded' },
  tactic: DISRUPTION_TACTIC, ethnicity: ETHNICITY, agency: AGENCY,
  disruptionOutcome: { ...DISRUPTION_OUTCOME, not_recorded: 'No outcome coded' },
  faith: { ...FAITH, not_recorded: 'Not recorded' }, immigrationStatus: { ...IMMIGRATION_STATUS, not_recorded: 'Not recorded' },
  neurodiversity: NEURODIVERSITY, firstLanguage: { ...FIRST_LANGUAGE, not_recorded: 'Not recorded' },
};

export const label = (kind: keyof typeof maps | string, code: string): string => maps[kind]?.[code] ?? code.replace(/_/g, ' ');

export const EXPLOITATION_ORDER = ['CCE', 'CSE', 'CFE', 'TRAFFICKING', 'UNSPECIFIED'];

export const RISK_LEVELS = ['low', 'medium', 'high'];
export const NRM_STAGES = ['referral', 'reasonable_grounds', 'conclusive_grounds', 'negative_decision'];
export const NRM_STAGE_LABEL: Record<string, string> = {
  referral: 'Referred', reasonable_grounds: 'Reasonable grounds', conclusive_grounds: 'Conclusive grounds', negative_decision: 'Negative decision',
};
export const RHI_LABEL: Record<string, string> = {
  done: 'Completed within 72 h', late: 'Completed after 72 h', offered: 'Offered, not taken up', declined: 'Declined by the child',
  none: 'None recorded after 72 h', pending: 'Not yet due (under 72 h)',
};
export const MOMENT_LABEL: Record<string, string> = {
  Exclusion: 'Exclusion from school', Injury: 'Injury', Arrest: 'Arrest', ReturnFromMissing: 'Return from missing',
};
export const DIMENSION_LABEL: Record<string, string> = {
  ageBand: 'Age band', sex: 'Sex', ethnicity: 'Ethnicity (broad group)', sen: 'Special educational needs', careStatus: 'Care status',
  faith: 'Religion or belief', immigrationStatus: 'Immigration status', neurodiversity: 'Neurodiversity', firstLanguage: 'First language',
};
export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const dateText = (iso: string): string => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A table's rows or columns: every code of its vocabulary, in order, then any other code the data
 * holds. A fixed layout says nothing about the data: a row listed only when its count is not zero
 * would tell a reader that a "c" in it is at least 1.
 */
export const withVocabulary = (vocabulary: readonly string[], found: readonly string[]): string[] =>
  [...vocabulary, ...[...new Set(found)].filter((c) => !vocabulary.includes(c)).sort()];
