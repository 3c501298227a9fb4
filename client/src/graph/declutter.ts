/**
 * Finds each box a spot where it overlaps no other: used after the geographic layout, whose
 * positions come from coordinates and spirals and so can put one name on top of another.
 * Boxes are placed one at a time, anchored ones (places at their coordinates) first, each at the
 * free spot nearest to where it wants to be, searched outwards on a sunflower spiral. Placed boxes
 * never move again, so the result is compact, the same every time, and always free of overlaps.
 */
export interface Box {
  id: string;
  /** Centre of the box. */
  x: number;
  y: number;
  width: number;
  height: number;
  anchored?: boolean;
}

/** Space kept between boxes. */
const GAP = 2;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Grid cell for looking up placed boxes near a spot. */
const CELL = 64;

const overlaps = (a: Box, b: Box): boolean =>
  Math.abs(a.x - b.x) < (a.width + b.width) / 2 + GAP && Math.abs(a.y - b.y) < (a.height + b.height) / 2 + GAP;

/** Placed boxes, by the grid cells they cover. */
class PlacedBoxes {
  private readonly cells = new Map<string, Box[]>();

  private *keys(b: Box): Generator<string> {
    const x1 = Math.floor((b.x - b.width / 2 - GAP) / CELL), x2 = Math.floor((b.x + b.width / 2 + GAP) / CELL);
    const y1 = Math.floor((b.y - b.height / 2 - GAP) / CELL), y2 = Math.floor((b.y + b.height / 2 + GAP) / CELL);
    for (let x = x1; x <= x2; x++) for (let y = y1; y <= y2; y++) yield `${x}:${y}`;
  }

  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  collides(b: Box): boolean {
    for (const k of this.keys(b)) if (this.cells.get(k)?.some((p) => overlaps(p, b))) return true;
    return false;
  }
}

/** New centres, by id; the boxes given are not changed. */
export function declutter(input: readonly Box[]): Map<string, { x: number; y: number }> {
  const placed = new PlacedBoxes();
  const out = new Map<string, { x: number; y: number }>();
  const order = [...input.filter((b) => b.anchored), ...input.filter((b) => !b.anchored)];
  for (const b of order) {
    // Spiral spacing: the k-th spot tried is step·√k from the wanted centre, so the spots cover the
    // plane evenly and a free one is always found (past the last placed box, if nowhere nearer).
    const step = Math.max(4, Math.min(b.width, b.height) / 2);
    let spot = { ...b };
    for (let k = 1; placed.collides(spot); k++) {
      const r = step * Math.sqrt(k);
      spot = { ...b, x: b.x + r * Math.cos(k * GOLDEN_ANGLE), y: b.y + r * Math.sin(k * GOLDEN_ANGLE) };
    }
    placed.add(spot);
    out.set(b.id, { x: spot.x, y: spot.y });
  }
  return out;
}

/** Pairs of boxes that overlap (for tests). */
export function overlapping(boxes: readonly Box[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i], boxes[j])) out.push([boxes[i].id, boxes[j].id]);
  }
  return out;
}
