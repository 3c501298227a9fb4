import { scoreHotspots, HotspotEventRow } from '../hotspots/score';
import { parseQuarter, DAY_MS } from '../../../domain/period';

const q = parseQuarter('2025-Q3');
const prev = parseQuarter('2025-Q2');
const base = (over: Partial<HotspotEventRow>): HotspotEventRow => ({
  placeId: 'park', placeKind: 'Location', placeName: 'Test Park', ward: 'Ash Ward', lat: 1, lon: 2,
  eventId: 'e', eventKind: 'Incident', offenceType: 'robbery', injuryKind: null,
  occurredMs: q.endMs, gradingScheme: '3x5x2', sourceEval: 'A', assessment: '1', kids: [], pocs: [], ...over,
});

describe('hotspot scoring (hand-computed)', () => {
  it('weights harm by grading and recency, counts children, PoCs and co-presence, compares quarters', () => {
    const rows = [
      // robbery 1460 × A1 (1) × decay 1 (at the quarter end) = 1460, child + PoC present
      base({ eventId: 'e1', occurredMs: q.endMs - 1, kids: ['c1'], pocs: ['a1'] }),
      // robbery 1460 × B2 (0.75 × 0.85) × decay 0.5 (45 days before the end) = 465.375
      base({ eventId: 'e2', occurredMs: q.endMs - 45 * DAY_MS, sourceEval: 'B', assessment: '2', kids: ['c1'] }),
      // shoplifting at the hub: 5 × 1 × 1, many of them
      ...Array.from({ length: 30 }, (_, i) => base({ placeId: 'hub', placeName: 'Test Hub', eventId: `h${i}`, offenceType: 'shoplifting', occurredMs: q.endMs - 1 })),
      // previous quarter at the park: gbh 1460 × 1 × 1 at the previous quarter end
      base({ eventId: 'p1', occurredMs: prev.endMs - 1, offenceType: 'gbh' }),
      // outside both quarters: ignored
      base({ eventId: 'old', occurredMs: prev.startMs - 1 }),
    ];
    const [park, hub] = scoreHotspots(rows, q, prev);
    expect(park.id).toBe('park');
    expect(park.score).toBeCloseTo(1460 + 465.375, 1);
    expect(park.previousScore).toBeCloseTo(1460, 1);
    expect(park.change).toBeCloseTo(465.375, 1);
    expect(park.previousRank).toBe(1);
    expect(park.distinctChildren).toBe(1);
    expect(park.distinctPersonsOfConcern).toBe(1);
    expect(park.coPresenceEvents).toBe(1);
    expect(park.eventCount).toBe(2);
    expect(park.evidenceEventIds).toEqual(['e1', 'e2']);
    expect(hub.id).toBe('hub');
    expect(hub.eventCount).toBe(30);
    expect(hub.score).toBeCloseTo(150, 1);
    expect(hub.rank).toBe(2);
    expect(hub.previousRank).toBeNull();
  });

  it('non-offence events weigh 0 but are counted', () => {
    const rows = [base({ eventId: 'm', eventKind: 'MissingEpisode', offenceType: null, occurredMs: Date.UTC(2025, 7, 1), kids: ['y'] })];
    const [h] = scoreHotspots(rows, q, prev);
    expect(h.score).toBe(0);
    expect(h.eventCount).toBe(1);
    expect(h.distinctChildren).toBe(1);
    expect(h.harmEventCount).toBe(0);
  });
});
