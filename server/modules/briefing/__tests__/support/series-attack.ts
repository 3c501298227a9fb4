/**
 * The attacker test of the partner edition, shared by the demo and borough files: build partner
 * packs for eight consecutive quarters (each re-printing the history the earlier ones printed),
 * run the series audit with every constraint family over all of them together, and compare with
 * the true figures the partner edition controls (the same reader's tables, uncontrolled): no small
 * count recovered, every protection range met.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshGraph, closeDriver, driver } from '../../../../../tests/support/db';
import { load } from '../../../../platform/bulk/loader';
import { generate } from '../../../../../fixtures/generator';
import type { Scale } from '../../../../../fixtures/generator/types';
import { storeBaseline } from '../../../analytics';
import { buildBriefing, BriefingResult, resolveOptions, BriefingOptions } from '../..';
import { gather } from '../../gather';
import { buildCountTables } from '../../tables';
import { packViewer } from '../../../../platform/visibility';
import { auditSeries, breaches, controlTables, publishedValues, SUPPRESSED, SeriesAudit, PublishedPack, Published, PublishedTable, CountTable, Statement } from '../../disclosure';
import { replayInOwnProcess, type ReplayInput } from '../../../../../scripts/disclosure-replay';
import { assignKeys } from '../../links';
import { tableEntries, type Entry } from './entries';
import { parseQuarter, shiftQuarter } from '../../../../domain/period';

export const QUARTERS = Array.from({ length: 8 }, (_, i) => shiftQuarter('2024-Q4', i));

export interface SeriesRun {
  partner: BriefingResult[];
  /** Per quarter, the partner reader's tables before disclosure control: what the attacker is after. */
  uncontrolled: TruePack[];
  truth: Map<string, Published>;
  /** The partner packs as the attacker keys them. */
  packs: PublishedPack[];
  audit: SeriesAudit;
  seconds: { load: number; packs: number; audit: number };
}

type TruePack = Pick<BriefingResult, 'quarter' | 'publishedTables'>;

/** The partner edition's own figures, built as the pack builds them but with control left off. */
async function uncontrolledPartnerTables(options: BriefingOptions): Promise<TruePack> {
  const o = resolveOptions(options);
  const data = await gather({ driver: driver(), viewer: packViewer('partner'), memo: new Map() }, o);
  // The partner edition's layout (which rows it lists), published with control left off.
  const tables = buildCountTables(data, o).map((b) => b.table);
  assignKeys(tables, o.quarter);
  return { quarter: o.quarter, publishedTables: controlTables(tables, { control: false }).map((t) => ({ ...t, extra: [] })) };
}

/**
 * The attacker keys every quantity from the declared links and the tables' labels itself (which
 * tables repeat which measure is public knowledge), not from the keys the pack carries, so a pack
 * that forgot a link is attacked as it would be by a reader.
 */
function declaredKeys(pack: TruePack): Map<string, PublishedTable['keys']> {
  const tables: CountTable[] = pack.publishedTables.map((t) => ({
    id: t.id, title: t.title, unit: t.unit, rowHeader: t.rowHeader, rows: t.rows, cols: t.cols, cells: t.cells as number[][],
    showRowTotals: !!t.rowTotals, showColTotals: !!t.colTotals, showGrandTotal: t.grandTotal !== undefined,
  }));
  assignKeys(tables, pack.quarter);
  return new Map(tables.map((t) => [t.id, {
    cells: t.cellKeys as string[][], rowTotals: t.showRowTotals ? t.rowTotalKeys as string[] : undefined,
    colTotals: t.showColTotals ? t.colTotalKeys as string[] : undefined, grandTotal: t.showGrandTotal ? t.grandTotalKey : undefined,
  }]));
}

function rekeyed(r: BriefingResult, keys: Map<string, PublishedTable['keys']>): PublishedPack {
  const rename = new Map<string, string>();
  const tables = r.record!.tables.map((t) => {
    const k = keys.get(t.id)!;
    t.keys.cells.forEach((row, i) => row.forEach((key, j) => rename.set(key, k.cells[i][j])));
    t.keys.rowTotals?.forEach((key, i) => rename.set(key, k.rowTotals![i]));
    t.keys.colTotals?.forEach((key, i) => rename.set(key, k.colTotals![i]));
    if (t.keys.grandTotal) rename.set(t.keys.grandTotal, k.grandTotal!);
    return { ...t, keys: k };
  });
  const statements = r.record!.statements.map((st): Statement => (st.kind === 'poisson-z'
    ? { ...st, x: rename.get(st.x) ?? st.x, earlier: st.earlier.map((e) => (typeof e === 'string' ? rename.get(e) ?? e : e)) } : st));
  return { quarter: r.quarter, tables, statements };
}

export function seriesAttackSuite(scale: Scale, seed: number, timeoutMs: number): void {
  describe(`partner packs for ${QUARTERS[0]}–${QUARTERS[7]} of the ${scale} borough against a series attacker`, () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), `series-${scale}-`));
    const run = {} as SeriesRun;
    beforeAll(async () => {
      let t0 = Date.now();
      await freshGraph();
      const fixture = generate({ scale, seed });
      await load(driver(), fixture.units);
      await storeBaseline({ driver: driver() }, fixture.baseline);
      const loaded = (Date.now() - t0) / 1000;
      // Progress on stderr as it happens (a borough run is long; jest prints console.log at the end).
      const note = (what: string) => process.stderr.write(`series-attack ${scale}: ${what} after ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
      note(`loaded in ${loaded} s`);
      t0 = Date.now();
      run.partner = [];
      run.uncontrolled = [];
      for (const quarter of QUARTERS) {
        const author = { name: 'Lee Lead', role: 'lead' as const };
        const common = { quarter, author, createdAt: `${parseQuarter(shiftQuarter(quarter, 1)).start.slice(0, 10)}T09:00:00Z`, formats: ['html' as const] };
        run.partner.push(await buildBriefing({ driver: driver() }, { ...common, edition: 'partner', historyDir: path.join(out, 'history') }, path.join(out, 'p', quarter)));
        run.uncontrolled.push(await uncontrolledPartnerTables({ ...common, edition: 'partner' }));
        note(`packs for ${quarter}`);
      }
      const packs = (Date.now() - t0) / 1000;
      t0 = Date.now();
      const keys = run.uncontrolled.map(declaredKeys);
      run.truth = publishedValues(run.uncontrolled.flatMap((r, i) => r.publishedTables.map((t) => ({ ...t, keys: keys[i].get(t.id)! }))), true);
      run.packs = run.partner.map((r, i) => rekeyed(r, keys[i]));
      run.audit = auditSeries(run.packs);
      run.seconds = { load: loaded, packs, audit: (Date.now() - t0) / 1000 };
      console.log(`${scale}: load ${run.seconds.load} s, 8 packs and their uncontrolled tables ${run.seconds.packs} s, series audit ${run.seconds.audit} s; `
        + `${run.audit.intervals.length} suppressed quantities, ${smallSuppressed(run).length} of them small`);
    }, timeoutMs);
    // SERIES_ATTACK_KEEP=1 keeps the packs (to render and read them); the folder is printed.
    afterAll(async () => {
      await closeDriver();
      if (process.env.SERIES_ATTACK_KEEP) console.log(`packs kept in ${out}`);
      else fs.rmSync(out, { recursive: true, force: true });
    });

    it('no suppressed small count is recovered or narrowed below the protection range, over all eight packs', () => {
      expect(smallSuppressed(run).length).toBeGreaterThan(10);
      expect(breaches(run.audit.intervals, (k) => truthOf(run, k))).toEqual([]);
    });

    it('no quantity printed as "c" in one pack is printed as a number in another', () => {
      expect(run.audit.revealed).toEqual([]);
    });

    it('no statistic in the text is computed over a suppressed or unpublished count, and some are printed', () => {
      expect(run.audit.statisticsOverHidden).toEqual([]);
      expect(run.partner.flatMap((r) => r.record!.statements).length).toBeGreaterThan(0);
    });

    it('every number the partner packs print is the true figure (the same tables uncontrolled), and every 0–4 is hidden', () => {
      const wrong = run.partner.flatMap((r, i) => {
        // By key, as the attacker reads them.
        const truth = new Map(entries(run.uncontrolled[i]));
        return entries(r).filter(([key, v]) => v !== SUPPRESSED && v !== truth.get(key)).map(([key]) => key);
      });
      expect(wrong).toEqual([]);
      // Counts of county lines are published as counted, also where another table repeats them.
      const notAboutPeople = new Set(run.partner.flatMap((r) => r.publishedTables.filter((t) => t.notAboutPeople).flatMap(tableEntries).map(([key]) => key)));
      expect(notAboutPeople.size).toBeGreaterThan(0);
      const shown = run.partner.flatMap((r) => entries(r).filter(([key, v]) => !notAboutPeople.has(key) && typeof v === 'number' && v <= 4));
      expect(shown).toEqual([]);
    });

    it('counts of events are controlled cells or bands: the data-sources line gives no count, no extra column counts events', () => {
      for (const r of run.partner) {
        const html = fs.readFileSync(r.files.find((f) => f.kind === 'html')!.path, 'utf8');
        expect(html).toMatch(/events\)/);
        expect(html).not.toMatch(/\(\d[\d,]* events\)/);
        expect(r.publishedTables.flatMap((t) => t.extra.map((e) => e.header)).filter((h) => /event/i.test(h))).toEqual([]);
      }
    });

    it('a later pack re-prints the earlier quarters as the earlier pack printed them', () => {
      let repeated = 0;
      run.partner.slice(1).forEach((later, i) => {
        const before = new Map(entries(run.partner[i]));
        for (const [key, v] of entries(later)) if (before.has(key)) { repeated += 1; expect({ key, v }).toEqual({ key, v: before.get(key) }); }
      });
      expect(repeated).toBeGreaterThan(20);
    });

    // The rule's replay re-runs the suppression for candidate values of every small "c" (about three
    // minutes on the demo borough), in a process of its own (scripts/disclosure-replay.ts says why).
    // DISCLOSURE_REPLAY=0 leaves it out.
    const replayIt = process.env.DISCLOSURE_REPLAY === '0' ? it.skip : it;
    replayIt('against a reader who also replays the suppression rule, no small count is narrowed below the protection range', () => {
      const baseline = [...run.truth].filter((e): e is [string, number] => typeof e[1] === 'number');
      const input = path.join(out, 'series.json');
      const replayInput: ReplayInput = { packs: run.packs, baseline, only: smallSuppressed(run).map((i) => i.key) };
      fs.writeFileSync(input, JSON.stringify(replayInput));
      const replay = replayInOwnProcess(input);
      const found = breaches(replay.intervals, (k) => truthOf(run, k));
      console.log(`${scale}: replay ${replay.seconds} s, rule re-run ${replay.runs} times; `
        + `${replay.narrowed.length} of ${smallSuppressed(run).length} small counts narrowed, ${found.length} below the protection range`);
      const widths = new Map<number, number>();
      for (const b of found) widths.set(b.max - b.min, (widths.get(b.max - b.min) ?? 0) + 1);
      console.log(`${scale}: breaches by width (max - min): ${JSON.stringify([...widths].sort((a, b) => a[0] - b[0]))}`);
      expect(found).toEqual([]);
    }, timeoutMs);

    it('the audit can fail: the true figures with only counts of 0–4 hidden give small counts away', () => {
      const naive = run.uncontrolled.map((r) => ({ quarter: r.quarter, statements: [], tables: r.publishedTables.map((t) => hideSmall(t)) }));
      const audit = auditSeries(naive);
      expect(breaches(audit.intervals, (k) => truthOf(run, k)).length).toBeGreaterThan(0);
    });
  });
}

const entries = (r: TruePack): Entry[] => r.publishedTables.flatMap(tableEntries);

const truthOf = (run: SeriesRun, key: string): number | undefined => {
  const v = run.truth.get(key);
  return typeof v === 'number' ? v : undefined;
};

const smallSuppressed = (run: SeriesRun) => run.audit.intervals.filter((i) => { const v = truthOf(run, i.key); return v !== undefined && v <= 4; });

const small = <T>(v: T): T | typeof SUPPRESSED => (typeof v === 'number' && v <= 4 ? SUPPRESSED : v);
function hideSmall<T extends BriefingResult['publishedTables'][number]>(t: T): T {
  return { ...t, cells: t.cells.map((r) => r.map(small)), rowTotals: t.rowTotals?.map(small), colTotals: t.colTotals?.map(small), grandTotal: t.grandTotal === undefined ? undefined : small(t.grandTotal) };
}
