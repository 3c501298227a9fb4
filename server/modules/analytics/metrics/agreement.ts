/**
 * Agreement between two partitions of the same items (pure): adjusted Rand index (Hubert & Arabie)
 * and normalised mutual information (arithmetic mean normalisation). Items missing from either
 * labelling are ignored.
 */
type Labels = Map<string, string>;

function contingency(a: Labels, b: Labels) {
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  let n = 0;
  for (const [item, la] of a) {
    const lb = b.get(item);
    if (lb === undefined) continue;
    n += 1;
    const key = `${la}\u0000${lb}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(la, (rows.get(la) ?? 0) + 1);
    cols.set(lb, (cols.get(lb) ?? 0) + 1);
  }
  return { table, rows, cols, n };
}

const choose2 = (x: number): number => (x * (x - 1)) / 2;

export function adjustedRandIndex(a: Labels, b: Labels): number {
  const { table, rows, cols, n } = contingency(a, b);
  if (n < 2) return 1;
  const sumCells = [...table.values()].reduce((s, x) => s + choose2(x), 0);
  const sumRows = [...rows.values()].reduce((s, x) => s + choose2(x), 0);
  const sumCols = [...cols.values()].reduce((s, x) => s + choose2(x), 0);
  const expected = (sumRows * sumCols) / choose2(n);
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1;
  return (sumCells - expected) / (max - expected);
}

export function normalisedMutualInformation(a: Labels, b: Labels): number {
  const { table, rows, cols, n } = contingency(a, b);
  if (n === 0) return 1;
  const h = (m: Map<string, number>) => -[...m.values()].reduce((s, x) => s + (x / n) * Math.log(x / n), 0);
  let mi = 0;
  for (const [key, nij] of table) {
    const [la, lb] = key.split('\u0000');
    mi += (nij / n) * Math.log((n * nij) / (rows.get(la)! * cols.get(lb)!));
  }
  const ha = h(rows), hb = h(cols);
  if (ha === 0 && hb === 0) return 1;
  return (2 * mi) / (ha + hb);
}

/** Labels from a list of communities: item → index of its community. */
export function labelsOf(communities: string[][]): Labels {
  const m = new Map<string, string>();
  communities.forEach((c, i) => c.forEach((x) => m.set(x, String(i))));
  return m;
}
