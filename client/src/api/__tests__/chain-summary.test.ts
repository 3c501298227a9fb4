import { chainSummary } from '../chain-summary';

describe('chainSummary', () => {
  const intact = (text: string) => ({ text, alert: false });
  const base = { ok: true, entries: 12345, brokenAt: null, reason: null, checkpoints: 0, lastCheckpoint: null };

  it('says how many entries are intact and which checkpoints kept outside the database they match', () => {
    expect(chainSummary(base))
      .toEqual(intact('Hash chain verified: 12,345 entries intact. No checkpoint kept outside the database yet.'));
    expect(chainSummary({ ...base, entries: 1, checkpoints: 1, lastCheckpoint: { seq: 1, at: '2026-11-27T22:40:01.123Z' } }))
      .toEqual(intact('Hash chain verified: 1 entry intact, matching 1 checkpoint kept outside the database (the newest: entry 1 at 2026-11-27 22:40:01 UTC).'));
    expect(chainSummary({ ...base, checkpoints: 1402, lastCheckpoint: { seq: 12300, at: '2026-11-27T22:40:01Z' } }))
      .toEqual(intact('Hash chain verified: 12,345 entries intact, matching 1,402 checkpoints kept outside the database (the newest: entry 12,300 at 2026-11-27 22:40:01 UTC).'));
  });

  it('names where the chain broke and why, as an alert', () => {
    expect(chainSummary({ ...base, ok: false, entries: 3, brokenAt: 4, reason: 'entries were removed' }))
      .toEqual({ text: 'Hash chain BROKEN at entry 4: entries were removed', alert: true });
  });
});
