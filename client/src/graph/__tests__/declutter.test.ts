/** Finding boxes (nodes with their names) free spots: small cases worked by hand, and a pile-up. */
import { declutter, overlapping, type Box } from '../declutter';

const box = (id: string, x: number, y: number, anchored = false, width = 10, height = 10): Box => ({ id, x, y, width, height, anchored });
const moved = (out: Map<string, { x: number; y: number }>, b: Box) => Math.hypot(out.get(b.id)!.x - b.x, out.get(b.id)!.y - b.y);
const applied = (boxes: Box[], out: Map<string, { x: number; y: number }>) => boxes.map((b) => ({ ...b, ...out.get(b.id)! }));

describe('declutter', () => {
  it('leaves boxes that do not overlap where they are', () => {
    const boxes = [box('a', 0, 0), box('b', 20, 0), box('c', 0, 20)];
    const out = declutter(boxes);
    expect(boxes.map((b) => out.get(b.id))).toEqual([{ x: 0, y: 0 }, { x: 20, y: 0 }, { x: 0, y: 20 }]);
  });

  it('keeps the first of two overlapping boxes and moves the second just clear of it', () => {
    const boxes = [box('a', 0, 0), box('b', 0, 4)];
    const out = declutter(boxes);
    expect(out.get('a')).toEqual({ x: 0, y: 0 });
    expect(overlapping(applied(boxes, out))).toEqual([]);
    // Clear means 12 px apart on one axis (10 px boxes, 2 px gap): the spiral's spot is near that.
    expect(moved(out, boxes[1])).toBeGreaterThan(6);
    expect(moved(out, boxes[1])).toBeLessThan(20);
  });

  it('never moves an anchored box (a place at its coordinates) for a free one, whatever the order', () => {
    const boxes = [box('person', 3, 1), box('place', 0, 0, true)];
    const out = declutter(boxes);
    expect(out.get('place')).toEqual({ x: 0, y: 0 });
    expect(overlapping(applied(boxes, out))).toEqual([]);
  });

  it('moves an anchored box only off another anchored one', () => {
    const boxes = [box('p1', 0, 0, true), box('p2', 0, 0, true), box('p3', 100, 0, true)];
    const out = declutter(boxes);
    expect(out.get('p1')).toEqual({ x: 0, y: 0 });
    expect(out.get('p3')).toEqual({ x: 100, y: 0 });
    expect(overlapping(applied(boxes, out))).toEqual([]);
  });

  it('clears a pile of 40 wide names around one place, compactly, without moving the place', () => {
    const pile = [box('place', 0, 0, true, 30, 30), ...Array.from({ length: 40 }, (_, i) => box(`n${i}`, (i % 3) * 2, (i % 5) * 2, false, 90, 24))];
    const out = declutter(pile);
    expect(overlapping(pile).length).toBeGreaterThan(100);
    expect(overlapping(applied(pile, out))).toEqual([]);
    expect(out.get('place')).toEqual({ x: 0, y: 0 });
    // 41 boxes of ~92 x 26 px cover ~100,000 px²: a disc of radius ~180 px; allow for the gaps left.
    expect(Math.max(...pile.map((b) => moved(out, b)))).toBeLessThan(300);
    expect(declutter(pile)).toEqual(out);
  });
});
