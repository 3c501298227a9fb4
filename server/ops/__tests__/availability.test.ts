/**
 * The availability probe's rule for a slow Neo4j, on a stand-in driver whose `RETURN 1` answers
 * late or is refused (the probe's timing, not data: the fault tests kill a real Neo4j).
 */
import type { Driver } from 'neo4j-driver';
import { watchDatabase } from '../availability';

type Answer = 'slow' | 'ok' | 'refused';

/** A driver whose sessions answer `RETURN 1` as the next item of `answers` says. */
function standIn(answers: Answer[]): Driver {
  const session = () => ({
    run: () => {
      const a = answers.shift() ?? 'ok';
      if (a === 'refused') return Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7687'), { code: 'ServiceUnavailable' }));
      return a === 'slow' ? new Promise(() => undefined) : Promise.resolve();
    },
    close: () => Promise.resolve(),
  });
  return { session } as unknown as Driver;
}

const watch = (answers: Answer[], answered?: () => number) => watchDatabase({ driver: () => standIn(answers), database: 'neo4j', timeoutMs: 20, answered });

describe('the availability probe', () => {
  it('keeps serving through two unanswered probes and counts Neo4j down at the third in a row', async () => {
    const a = watch(['slow', 'slow', 'slow']);
    expect(await a.probe()).toBe(false);
    expect(await a.probe()).toBe(false);
    expect(a.isUp()).toBe(true);
    expect(await a.probe()).toBe(false);
    expect(a.isUp()).toBe(false);
    a.stop();
  });

  it('starts counting again after an answer', async () => {
    const a = watch(['slow', 'slow', 'ok', 'slow', 'slow']);
    for (let i = 0; i < 5; i++) await a.probe();
    expect(a.isUp()).toBe(true);
    a.stop();
  });

  it('does not count a slow probe while the API\'s own queries are being answered (busy, not hung)', async () => {
    let answered = 0;
    const busy = setInterval(() => { answered += 1; }, 5);
    const a = watch(Array<Answer>(7).fill('slow'), () => answered);
    for (let i = 0; i < 4; i++) expect(await a.probe()).toBe(false);
    expect(a.isUp()).toBe(true);
    clearInterval(busy);
    for (let i = 0; i < 3; i++) await a.probe();
    expect(a.isUp()).toBe(false);
    a.stop();
  });

  it('counts a refused connection as down at once', async () => {
    const a = watch(['refused']);
    expect(await a.probe()).toBe(false);
    expect(a.isUp()).toBe(false);
    a.stop();
  });
});
