import { rhiStatus, followUp, rhiSummary } from '../critical/follow-up';

const H = 3_600_000;
const ret = Date.UTC(2025, 7, 1, 12);
const iv = (id: string, outcome: string, hours: number | null) => ({ id, outcome, atMs: hours == null ? null : ret + hours * H, offeredMs: null });

describe('RHI follow-up status (hand-computed)', () => {
  it.each([
    [[iv('i', 'completed', 48)], 'done'],
    [[iv('i', 'completed', 72)], 'done'],
    [[iv('i', 'completed', 73)], 'late'],
    [[iv('i', 'declined', 20)], 'declined'],
    [[iv('i', 'offered_not_taken_up', 20)], 'offered'],
    [[iv('i', 'not_offered', 20)], 'none'],
    [[], 'none'],
    [[iv('a', 'offered_not_taken_up', 10), iv('b', 'completed', 60)], 'done'],
  ])('%j → %s', (interviews, status) => {
    expect(rhiStatus(ret, interviews, ret + 1000 * H).status).toBe(status);
  });
  it('is pending, not overdue, within the first 72 hours', () => {
    expect(rhiStatus(ret, [], ret + 10 * H).status).toBe('pending');
  });
  it('marks overdue follow-ups and computes the 72 h rate', () => {
    const row = (eventId: string, interviews: ReturnType<typeof iv>[], referralIds: string[] = []) => ({
      eventId, kind: 'ReturnFromMissing' as const, atMs: ret, childId: 'c', childName: 'C', interviews, referralIds, reviewIds: [],
    });
    const asOf = ret + 40 * 24 * H;
    const items = [row('m1', [iv('i', 'completed', 10)], ['ref1']), row('m2', []), row('m3', [iv('j', 'completed', 100)])];
    const out = items.map((r) => followUp(r, asOf, 28));
    expect(out[0].overdue).toEqual(['planReview']);
    expect(out[1].overdue).toEqual(['rhi', 'referral', 'planReview']);
    const s = rhiSummary(out);
    expect(s).toMatchObject({ returns: 3, within72h: 1, byStatus: { done: 1, none: 1, late: 1 } });
    expect(s.rate).toBeCloseTo(1 / 3);
  });
});
