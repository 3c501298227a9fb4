/** The access-log screen's line about the hash chain and the checkpoints kept outside the database. */
import type { VerifyAccessLogQuery } from './generated/graphql';

export type Verification = VerifyAccessLogQuery['verifyAccessLog'];

/** An entry's or checkpoint's time as the log table shows it: 2026-11-27 22:40:01 (UTC). */
export const logTime = (iso: string): string => iso.slice(0, 19).replace('T', ' ');

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function chainSummary(v: Verification): { text: string; alert: boolean } {
  if (!v.ok) return { text: `Hash chain BROKEN at entry ${v.brokenAt ?? '?'}: ${v.reason ?? ''}`, alert: true };
  return { text: intactText(v), alert: false };
}

function intactText(v: Verification): string {
  const intact = `Hash chain verified: ${count(v.entries, 'entry', 'entries')} intact`;
  if (!v.lastCheckpoint) return `${intact}. No checkpoint kept outside the database yet.`;
  return `${intact}, matching ${count(v.checkpoints, 'checkpoint', 'checkpoints')} kept outside the database (the newest: entry ${v.lastCheckpoint.seq.toLocaleString('en-GB')} at ${logTime(v.lastCheckpoint.at)} UTC).`;
}
