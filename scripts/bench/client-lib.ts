/**
 * In-page measurements for the workspace benchmark (run inside Chromium via page.evaluate):
 * synthetic graphs of a given size, fcose timing, and frame counting while the user pans.
 */
import type { Page } from 'playwright-core';

/** Put a synthetic graph of `nodes` nodes and `edges` edges on the workspace canvas. */
export async function syntheticGraph(page: Page, nodes: number, edges: number, seed = 1): Promise<void> {
  await page.evaluate(({ nodes, edges, seed }) => {
    const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
    let s = seed;
    const rnd = (): number => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
    const classes = ['child', 'poc', 'place', 'school', 'online', 'event', 'trusted'];
    const els: import('cytoscape').ElementDefinition[] = [];
    for (let i = 0; i < nodes; i++) {
      const cls = classes[Math.floor(rnd() * classes.length)];
      els.push({ group: 'nodes', data: { id: `n${i}`, name: `Synthetic ${i}`, cls, kind: cls, size: rnd(), harm: rnd() * 100 }, classes: cls, position: { x: rnd() * 3000, y: rnd() * 2000 } });
    }
    // Clustered edges: mostly within blocks of 25, some across, like peer networks.
    for (let i = 0; i < edges; i++) {
      const a = Math.floor(rnd() * nodes);
      const b = rnd() < 0.8 ? Math.min(nodes - 1, Math.floor(a / 25) * 25 + Math.floor(rnd() * 25)) : Math.floor(rnd() * nodes);
      if (a === b) continue;
      els.push({ group: 'edges', data: { id: `e${i}`, source: `n${a}`, target: `n${b}`, type: 'ASSOCIATES_WITH', status: rnd() < 0.3 ? 'hypothesis' : 'confirmed', sourceEval: ['A', 'B', 'C'][Math.floor(rnd() * 3)], assessment: String(1 + Math.floor(rnd() * 5)) } });
    }
    cy.elements().remove();
    cy.add(els);
    cy.fit(undefined, 20);
  }, { nodes, edges, seed });
}

/** Wall time of one fcose run (no animation) over what is on the canvas. */
export async function timeFcose(page: Page, quality: 'default' | 'draft'): Promise<number> {
  return page.evaluate((quality) => new Promise<number>((resolve) => {
    const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
    const t0 = performance.now();
    const layout = cy.layout({ name: 'fcose', quality, randomize: true, animate: false } as never);
    layout.one('layoutstop', () => {
      // Include the first paint of the result.
      requestAnimationFrame(() => resolve(performance.now() - t0));
    });
    layout.run();
  }), quality);
}

/** Switch the large-graph viewport settings on or off. */
export async function setViewportShortcuts(page: Page, on: boolean): Promise<void> {
  await page.evaluate((on) => {
    const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
    const r = (cy as unknown as { renderer(): Record<string, unknown> }).renderer();
    r.hideEdgesOnViewport = on;
    r.textureOnViewport = on;
  }, on);
}

/**
 * Frames per second while dragging the canvas with the mouse (real input events, so the
 * renderer's viewport-time shortcuts apply). Counts animation frames in which Cytoscape rendered.
 */
export async function panFps(page: Page, durationMs = 3000): Promise<{ fps: number; frames: number; ms: number }> {
  const box = (await page.locator('#cy').boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __cy: import('cytoscape').Core };
    w.__frames = 0;
    w.__cy.on('render', () => { w.__frames++; });
  });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // Start the drag on empty space: a corner is least likely to hold a node.
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.down();
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < durationMs) {
    const a = i++ / 10;
    await page.mouse.move(cx + 200 * Math.cos(a), cy + 120 * Math.sin(a));
  }
  await page.mouse.up();
  const ms = Date.now() - t0;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number; __cy: import('cytoscape').Core };
    w.__cy.removeListener('render');
    return w.__frames;
  });
  return { fps: (frames * 1000) / ms, frames, ms };
}
