/**
 * Tables whose rows are chosen from the data (hotspots, peer networks): in the partner edition a
 * listed row's defining count is one the pack prints (5 or more), so listing it says nothing a
 * "c" hides. Built from hand-made analytics results, no database.
 */
import type { BriefingData } from '../gather';
import { hotspots } from '../tables/hotspots';
import { networkStatus, networkTables } from '../tables/networks';

type Community = BriefingData['networks']['communities'][number];
type Hotspot = BriefingData['hotspots']['items'][number];

const community = (id: string, size: number, previousSize: number | null, status: Community['status']): Community => ({
  id, name: id, status, size, previousSize, overlap: null, memberIds: [],
  ageMix: { '15-17': size - 2, 'under 10': 1, unknown: 1 }, sexMix: { FEMALE: size - 1, MALE: 1 },
  exploitationTypes: [], topPlaces: [], topSchools: [], topOnlineSpaces: [], personsOfConcern: [], countyLines: [], internalWeight: 0,
});
const place = (rank: number, eventCount: number): Hotspot => ({
  id: `pl${rank}`, kind: 'Location', name: `Place ${rank}`, ward: null, lat: null, lon: null, rank, score: 100 - rank,
  previousScore: 0, previousRank: null, change: 0, eventCount, harmEventCount: eventCount,
} as Hotspot);

const networks = [community('n1', 9, 8, 'stable'), community('n2', 7, 3, 'growing'), community('n3', 4, null, 'new'), community('n4', 3, 3, 'stable')];
const data = (): BriefingData => ({
  networks: { communities: networks },
  hotspots: { items: [place(1, 2), place(2, 12), place(3, 4), place(4, 6), ...Array.from({ length: 12 }, (_, i) => place(5 + i, 5 + (i % 3)))] },
} as unknown as BriefingData);

describe('rows chosen from the data', () => {
  it('peer networks: the partner edition lists those of 5 or more members, the restricted all of them', () => {
    const sizes = (edition: 'partner' | 'restricted') => networkTables(data(), { edition })[0].table.cells.map((row) => row.reduce((a, b) => a + b, 0));
    expect(sizes('restricted')).toEqual([9, 7, 4, 3]);
    expect(sizes('partner')).toEqual([9, 7]);
  });

  it('peer networks: fixed age columns, young adults and unknown ages counted together', () => {
    for (const edition of ['partner', 'restricted'] as const) {
      const age = networkTables(data(), { edition })[1].table;
      expect(age.cols).toEqual(['Under 15', '15-17', '18 or over, or not known']);
      expect(age.cells[0]).toEqual([1, 7, 1]);
    }
  });

  it('peer networks: growth is said in the partner edition only when last quarter\'s size was printed', () => {
    expect(networkStatus(networks[0], { edition: 'partner' })).toBe('stable');
    expect(networkStatus(networks[1], { edition: 'partner' })).toBe('not tabulated last quarter');
    expect(networkStatus(networks[1], { edition: 'restricted' })).toBe('growing');
  });

  it('hotspots: the partner edition lists the ten of highest harm among places with 5 or more events', () => {
    const rows = (edition: 'partner' | 'restricted') => hotspots(data(), { edition }).table.rows;
    expect(rows('restricted')).toEqual(Array.from({ length: 10 }, (_, i) => `Place ${i + 1}`));
    expect(rows('partner')).toEqual(['Place 2', 'Place 4', ...Array.from({ length: 8 }, (_, i) => `Place ${5 + i}`)]);
    expect(hotspots(data(), { edition: 'partner' }).table.cells.every((row) => row[2] >= 5)).toBe(true);
  });
});
