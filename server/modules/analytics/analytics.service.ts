/**
 * GraphQL-facing analytics services: role checks (policy.ts), justification and access log for
 * person-level results, handling codes hidden by role, pseudonyms for leads, input errors as
 * BAD_USER_INPUT. The computing is in the analytics folders here (plain functions, beside this file).
 */
import type { RequestContext } from '../../platform/context';
import * as A from './';
import { AppError } from '../../platform/errors';
import { viewerOf } from '../../platform/visibility';
import { isPseudonymised, requireCapability, requireJustification } from '../../platform/policy';
import { appendAccessLog } from '../accesslog/access-log';
import { pseudonymFor } from '../../platform/secrets';
import { config } from '../../platform/config';
import { boroughScopeSentence, scopedSource } from './borough';
import type { KnownDefinition } from '../../domain/known';

/** The partnership's definition of a child already known to a panel or plan (configuration). */
const knownDefinition = (): KnownDefinition => ({ referralTypes: config().KNOWN_REFERRAL_TYPES, careStatuses: config().KNOWN_CARE_STATUSES });

/**
 * The caller's view: records they may not see are left out of every figure; with a borough, the
 * figures of that borough only.
 */
const sourceFor = (ctx: RequestContext, borough: string | null | undefined): Promise<A.AnalyticsSource> =>
  scopedSource({ driver: ctx.driver, database: ctx.database, viewer: viewerOf(ctx.user) }, borough);

/** Runs an analytic on the caller's (scoped) source; a borough's result says so in its method. */
async function run<T extends { method: string }>(ctx: RequestContext, borough: string | null | undefined, fn: (source: A.AnalyticsSource) => Promise<T>): Promise<T> {
  try {
    const source = await sourceFor(ctx, borough);
    const r = await fn(source);
    if (source.borough) r.method = `${boroughScopeSentence(source.borough)} ${r.method}`;
    return r;
  } catch (e) {
    if (e instanceof A.AnalyticsInputError) throw new AppError('BAD_USER_INPUT', e.message, { field: e.field });
    throw e;
  }
}

const nameFor = (ctx: RequestContext, id: string, name: string): string => (isPseudonymised(ctx.user) ? pseudonymFor(id) : name);

async function logConsultation(ctx: RequestContext, justification: string, query: string, ids: string[], args: object): Promise<void> {
  await appendAccessLog(ctx, { operation: 'consultation', justification, ids: [...new Set(ids)], detail: { query, ...args } });
}

export async function hotspots(ctx: RequestContext, args: A.HotspotArgs): Promise<A.HotspotsResult> {
  requireCapability(ctx, 'hotspots');
  return run(ctx, args.borough, (source) => A.hotspots(source, args));
}

export async function trends(ctx: RequestContext, args: A.TrendsArgs): Promise<A.TrendsResult> {
  requireCapability(ctx, 'trends');
  return run(ctx, args.borough, (source) => A.trends(source, { quarter: args.quarter, from: args.from ?? undefined }));
}

export async function disproportionality(ctx: RequestContext, args: A.DisproportionalityArgs): Promise<A.DisproportionalityResult> {
  requireCapability(ctx, 'disproportionality');
  return run(ctx, args.borough, (source) => A.disproportionality(source, { quarter: args.quarter, outcome: args.outcome ?? undefined, exploitationType: args.exploitationType ?? undefined }));
}

export async function youngAdults(ctx: RequestContext, args: A.YoungAdultsArgs): Promise<A.YoungAdultsResult> {
  requireCapability(ctx, 'youngAdults');
  return run(ctx, args.borough, (source) => A.youngAdults(source, { quarter: args.quarter }));
}

export async function networkThemes(ctx: RequestContext, args: A.NetworkThemesArgs): Promise<A.NetworkThemesResult> {
  requireCapability(ctx, 'networkThemes');
  const justification = requireJustification(ctx);
  const r = await run(ctx, args.borough, (source) => A.networkThemes(source, { quarter: args.quarter, minSize: args.minSize ?? undefined }));
  for (const c of r.communities) c.personsOfConcern = c.personsOfConcern.map((p) => ({ ...p, name: nameFor(ctx, p.id, p.name) }));
  await logConsultation(ctx, justification, 'networkThemes', r.communities.flatMap((c) => [...c.memberIds, ...c.personsOfConcern.map((p) => p.id)]), args);
  return r;
}

export async function highHarmPersonsOfConcern(ctx: RequestContext, args: A.HighHarmArgs): Promise<A.HighHarmResult> {
  requireCapability(ctx, 'highHarmPersonsOfConcern');
  const justification = requireJustification(ctx);
  const r = await run(ctx, args.borough, (source) => A.highHarmPersonsOfConcern(source, { quarter: args.quarter, limit: args.limit ?? undefined }));
  await logConsultation(ctx, justification, 'highHarmPersonsOfConcern', r.items.map((p) => p.id), args);
  return r;
}

export async function familiesOfPersonsOfConcern(ctx: RequestContext, args: A.FamiliesArgs): Promise<A.FamiliesResult> {
  requireCapability(ctx, 'familiesOfPersonsOfConcern');
  const justification = requireJustification(ctx);
  const r = await run(ctx, args.borough, (source) => A.familiesOfPersonsOfConcern(source, { quarter: args.quarter, limit: args.limit ?? undefined, known: knownDefinition() }));
  r.items = r.items.map((c) => ({
    ...c, name: nameFor(ctx, c.id, c.name),
    links: c.links.map((l) => ({ ...l, personOfConcernName: nameFor(ctx, l.personOfConcernId, l.personOfConcernName) })),
  }));
  await logConsultation(ctx, justification, 'familiesOfPersonsOfConcern', r.items.flatMap((c) => [c.id, ...c.links.map((l) => l.personOfConcernId)]), args);
  return r;
}

export async function criticalMoments(ctx: RequestContext, args: A.CriticalMomentsArgs): Promise<A.CriticalMomentsResult> {
  requireCapability(ctx, 'criticalMoments');
  const justification = requireJustification(ctx);
  const r = await run(ctx, args.borough, (source) => A.criticalMoments(source, { quarter: args.quarter, asOf: args.asOf ?? undefined, known: knownDefinition() }));
  r.items = r.items.map((m) => ({ ...m, childName: nameFor(ctx, m.childId, m.childName) }));
  await logConsultation(ctx, justification, 'criticalMoments', r.items.map((m) => m.childId), args);
  return r;
}

export async function notYetReferred(ctx: RequestContext, args: A.NotYetReferredArgs): Promise<A.NotYetReferredResult> {
  requireCapability(ctx, 'notYetReferred');
  const justification = requireJustification(ctx);
  const r = await run(ctx, args.borough, (source) => A.notYetReferred(source, { quarter: args.quarter, minScore: args.minScore ?? undefined, limit: args.limit ?? undefined, offset: args.offset ?? undefined, known: knownDefinition() }));
  r.items = r.items.map((c) => ({ ...c, name: nameFor(ctx, c.id, c.name) }));
  await logConsultation(ctx, justification, 'notYetReferred', r.items.map((c) => c.id), args);
  return r;
}
