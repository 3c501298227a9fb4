/** The benchmark's closed loop: at most `concurrency` in flight, stopping at a count or a time. */
import { closedLoop, percentile, serverCpuBudgetMs } from '../api-lib';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('closedLoop', () => {
  it('sends exactly the count asked for, never more than `concurrency` at once', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    const r = await closedLoop(3, 20, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      seen.push(i);
      await sleep(2);
      inFlight--;
    });
    expect(r.count).toBe(20);
    expect(most).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('starts no request once the time is up, and counts those already in flight', async () => {
    let started = 0;
    let finished = 0;
    const r = await closedLoop(2, Infinity, async () => {
      started++;
      await sleep(20);
      finished++;
    }, 0.1);
    expect(started).toBeGreaterThan(0);
    expect(finished).toBe(started);
    expect(r.count).toBe(started);
    // About 0.1 s / 20 ms per request × 2 workers; bounded well above, whatever the machine's load.
    expect(started).toBeLessThan(40);
    expect(r.seconds).toBeGreaterThanOrEqual(0.1);
  });

  it('counts failures apart from latencies', async () => {
    const r = await closedLoop(2, 10, async (i) => { if (i % 5 === 0) throw new Error('no'); });
    expect(r.errors).toBe(2);
    expect(r.count).toBe(8);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe('serverCpuBudgetMs', () => {
  it('is what the API server may spend for the API\'s CPU to be the target times the baseline\'s', () => {
    // Baseline 0.56 (Node) + 1.26 (Neo4j) = 1.82 ms; 1.3 × 1.82 = 2.366; the API's Neo4j 1.29 and client 0.06 leave 1.016.
    expect(serverCpuBudgetMs(1.3, 1.82, 1.35)).toBe(1.02);
    // Negative: the API's costs outside the server alone already exceed what the target allows.
    expect(serverCpuBudgetMs(1, 1.2, 1.5)).toBe(-0.3);
  });
});
