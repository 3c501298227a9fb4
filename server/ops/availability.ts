/**
 * Whether Neo4j answers, known before a request needs it: a light probe (`RETURN 1`, auto-commit,
 * so the driver does not retry it) every few seconds while Neo4j is up (once watch() is called)
 * and every second while it is down, and any request that fails for want of Neo4j marks it down at once. While it is down
 * the API refuses at once with 503 instead of letting each request wait on the driver's retries;
 * the first probe that succeeds lets requests through again, without restarting the API.
 */
import type { Driver } from 'neo4j-driver';

export interface DatabaseAvailability {
  isUp(): boolean;
  /** Since when it is down (ms since the epoch), if it is. */
  downSince(): number | undefined;
  markDown(error: unknown): void;
  /** Starts probing while Neo4j is up too (the server does; without it, probes run only while down). */
  watch(): void;
  /** Probes now; resolves to whether Neo4j answered. */
  probe(): Promise<boolean>;
  stop(): void;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
const CONNECTION_FAILURE = /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection (?:was )?closed|connection acquisition timed out|Pool is closed|Failed to connect/i;

/** Whether an error (or what it wraps) says Neo4j could not be reached, as against a query that failed. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; originalError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    const serverError = typeof e.code === 'string' && e.code.startsWith('Neo.');
    if (!serverError && typeof e.message === 'string' && CONNECTION_FAILURE.test(e.message)) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

export interface AvailabilityOptions {
  driver: () => Driver;
  database: string;
  /**
   * A count that grows whenever Neo4j answers one of the API's own queries: while it grows, a
   * probe without an answer in time is a busy Neo4j, not a hung one.
   */
  answered?: () => number;
  upEveryMs?: number;
  downEveryMs?: number;
  timeoutMs?: number;
  onChange?: (up: boolean, detail: string) => void;
}

class ProbeTimeout extends Error {}

/** Consecutive probes without an answer in time after which Neo4j counts as down (a hang). */
const SLOW_PROBES_FOR_DOWN = 3;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new ProbeTimeout(`no answer within ${ms} ms`)), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function watchDatabase(o: AvailabilityOptions): DatabaseAvailability {
  const upEvery = o.upEveryMs ?? 5000;
  const downEvery = o.downEveryMs ?? 1000;
  const timeoutMs = o.timeoutMs ?? 5000;
  let down: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let watching = false;
  let slowProbes = 0;
  let probing: Promise<boolean> | undefined;

  const setState = (up: boolean, detail: string) => {
    if (up === (down === undefined)) return;
    down = up ? undefined : Date.now();
    o.onChange?.(up, detail);
    schedule();
  };

  async function ask(): Promise<boolean> {
    const answeredBefore = o.answered?.();
    // No bookmarks: the probe asks whether Neo4j answers at all, not whether it has caught up.
    const session = o.driver().session({ database: o.database, defaultAccessMode: 'READ' });
    try {
      await withTimeout(session.run('RETURN 1').then(() => undefined), timeoutMs);
      slowProbes = 0;
      setState(true, 'Neo4j answers again');
      return true;
    } catch (e) {
      // A refused connection is Neo4j gone: down at once. A slow answer while the API's own
      // queries are being answered is a busy Neo4j: it serves, so requests go on. Otherwise a
      // slow answer counts as down only the third time in a row (the earlier ones make /ready
      // say not ready): a hung Neo4j.
      if (e instanceof ProbeTimeout && down === undefined) {
        if (answeredBefore !== undefined && o.answered!() > answeredBefore) { slowProbes = 0; return false; }
        if (++slowProbes < SLOW_PROBES_FOR_DOWN) return false;
      }
      setState(false, (e as Error).message);
      return false;
    } finally {
      session.close().catch(() => undefined);
    }
  }

  const probe = (): Promise<boolean> => (probing ??= ask().finally(() => { probing = undefined; }));

  function schedule(): void {
    if (stopped) return;
    clearTimeout(timer);
    if (down === undefined && !watching) return;
    timer = setTimeout(() => { void probe().finally(schedule); }, down === undefined ? upEvery : downEvery);
    timer.unref();
  }

  return {
    isUp: () => down === undefined,
    downSince: () => down,
    markDown: (error) => setState(false, (error as Error)?.message ?? String(error)),
    probe,
    watch: () => { watching = true; schedule(); },
    stop: () => { stopped = true; clearTimeout(timer); },
  };
}

export { UNAVAILABLE_MESSAGE } from '../platform/errors';
