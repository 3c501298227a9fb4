/** National Referral Mechanism referrals in the quarter by stage and exploitation type. */
import type { BriefingData } from '../gather';
import { EXPLOITATION_ORDER, NRM_STAGES, NRM_STAGE_LABEL, label } from '../labels';
import { BuiltTable, count, countTable } from './table';

/** A referral with no type recorded counts with the unspecified ones. */
const nrmType = (r: { exploitationType: string }) => (r.exploitationType === 'NOT_RECORDED' ? 'UNSPECIFIED' : r.exploitationType);

export function nrm(d: BriefingData): BuiltTable {
  return { table: countTable({
    id: 'nrm', title: 'National Referral Mechanism: referrals in the quarter by stage and exploitation type', unit: 'referrals', rowHeader: 'Stage',
    rows: NRM_STAGES.map((s) => NRM_STAGE_LABEL[s]), cols: EXPLOITATION_ORDER.map((t) => label('exploitation', t)),
    cells: NRM_STAGES.map((s) => EXPLOITATION_ORDER.map((t) => count(d.nrm, (r) => r.stage === s && nrmType(r) === t))),
    showRowTotals: true, showColTotals: true, showGrandTotal: true,
  }) };
}
