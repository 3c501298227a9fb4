/** Profile of one record: the node, its timeline, its links with provenance, and flags. */
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../platform/context';
import { checkIds } from '../../graphql/args';
import { readRows, cypherFile } from '../../platform/db/query';
import { AppError } from '../../platform/errors';
import { requireCapability, requireJustification } from '../../platform/policy';
import { appendAccessLog } from '../accesslog/access-log';
import { hiddenLinksIndicator, mayKnowHiddenLinks } from '../../platform/existence';
import { gradingText, kindOf, presentLinkProperties, presentNode, type ApiNode, type RawNode } from '../../platform/present';
import { haveHiddenLinks, nodesByIds } from '../neighbourhood/neighbourhood.repository';
import { supportLine } from './support-line';
import { childAtRiskEvidence } from '../analytics';
import { viewerOf } from '../../platform/visibility';
import { ageOn } from '../../domain/age';
import { criticalMoments, flagTexts, harmedAndAllegedToHarm, riskTrend, type TimelineEvent } from './flags';
import type { Agency, EventType, LinkStatus, ProfileCriticalMoment, QueryProfileArgs, RelationshipType, ResolversParentTypes, TimelineItem } from '../../graphql/generated/resolvers-types';

/** The profile as returned: nodes as the presenter shapes them (codegen.ts maps GraphNode to ApiNode). */
export type ProfileResult = ResolversParentTypes['Profile'];

const TIMELINE_LIMIT = 500;
const REL_LIMIT = 500;

// Properties as stored: text (dates as ISO text), codes that GraphQL checks against its enums.
const text = (v: unknown): string | null => (v ?? null) as string | null;
const agency = (v: unknown): Agency | null => (v ?? null) as Agency | null;
const linkStatus = (v: unknown): LinkStatus | null => (v ?? null) as LinkStatus | null;

const provenance = (p: Record<string, unknown>) => ({
  source: agency(p.source), sourceRef: text(p.sourceRef), recordedAt: text(p.recordedAt),
  grading: gradingText(p), gradingScheme: text(p.gradingScheme), sourceEval: text(p.sourceEval),
  assessment: text(p.assessment), handling: text(p.handling), conditions: text(p.conditions),
  status: linkStatus(p.status), validFrom: text(p.validFrom), validTo: text(p.validTo), reviewBy: text(p.reviewBy),
});

export async function profile(ctx: RequestContext, args: QueryProfileArgs): Promise<ProfileResult> {
  requireCapability(ctx, 'profile');
  const justification = requireJustification(ctx);
  const [id] = checkIds('id', [args.id], 1);
  const user = ctx.user;
  const [raw] = await nodesByIds(ctx, [id]);
  // Not found and not allowed look the same: the gate returns no hidden record. The lookup is
  // logged all the same, in one entry that is the same for a hidden id and a missing one.
  if (!raw) {
    await appendAccessLog(ctx, { operation: 'consultation', justification, ids: [], detail: { query: 'profile', id, found: false } });
    throw new AppError('NOT_FOUND', `No record ${id} that you may see`);
  }
  const node = presentNode(user, raw);

  const dob = raw.properties.dateOfBirth;
  // Transitional safeguarding: an adult's records from before their 18th birthday that show they
  // were known as a child at risk, read through the same gate as everything else here.
  const adult = kindOf(raw.labels) === 'Person' && typeof dob === 'string' && ageOn(dob) >= 18;
  const [eventRows, relRows, hiddenLinks, childAtRisk] = await Promise.all([
    readRows(ctx, cypherFile(__dirname, 'timeline'), { id, limit: neo4j.int(TIMELINE_LIMIT) }),
    readRows(ctx, cypherFile(__dirname, 'relationships'), { id, limit: neo4j.int(REL_LIMIT) }),
    mayKnowHiddenLinks(user) ? haveHiddenLinks(ctx, [id]) : Promise.resolve(false),
    adult ? childAtRiskEvidence({ driver: ctx.driver, database: ctx.database, viewer: viewerOf(user) }, [id]).then((m) => m.get(id) ?? []) : Promise.resolve([]),
  ]);

  const events: TimelineEvent[] = [];
  const timeline: TimelineItem[] = [];
  for (const r of eventRows) {
    const ev: RawNode = { labels: r.labels as string[], properties: r.ep as Record<string, unknown> };
    const rp = r.rp as Record<string, unknown>;
    const p = ev.properties;
    const role = r.relType === 'INVOLVED' ? (rp.role as string) : r.relType === 'ABOUT' ? 'about' : 'at';
    const followUps = r.followUps as TimelineEvent['followUps'];
    const kind = kindOf(ev.labels);
    events.push({ id: String(r.id), at: String(p.occurredAt), kind, role: r.relType === 'INVOLVED' ? role : null, properties: p, followUps });
    const shown = presentNode(user, ev).properties;
    timeline.push({ id: String(r.id), at: p.occurredAt as string, kind: kind as EventType, role, summary: kind === 'Support' ? supportLine(shown) : text(shown.summary ?? shown.text),
      source: agency(p.source), grading: gradingText(p), status: linkStatus(p.status), reviewBy: text(p.reviewBy), properties: shown });
  }

  const today = new Date().toISOString().slice(0, 10);
  const relationships: ProfileResult['relationships'] = [];
  for (const r of relRows) {
    const other: RawNode = { labels: r.otherLabels as string[], properties: r.op as Record<string, unknown> };
    const rp = r.rp as Record<string, unknown>;
    const prov = provenance(presentLinkProperties(user, rp));
    relationships.push({ id: String(r.id), type: String(r.type) as RelationshipType, direction: r.outgoing ? 'OUT' : 'IN', other: presentNode(user, other) as ApiNode,
      ...prov, reviewOverdue: typeof prov.reviewBy === 'string' && prov.reviewBy < today });
  }

  const isPerson = node.kind === 'Person';
  const moments = isPerson ? criticalMoments(events) : [];
  const trend = isPerson ? riskTrend(events) : null;
  const harmed = isPerson ? harmedAndAllegedToHarm(raw.properties.dateOfBirth as string | undefined, events) : null;
  const overdueReviews = relationships.filter((r) => r.reviewOverdue).length;

  await appendAccessLog(ctx, {
    operation: 'consultation', justification,
    ids: [...new Set([id, ...timeline.map((t) => t.id), ...relationships.map((r) => r.other.id), ...childAtRisk])],
    detail: { query: 'profile', id },
  });
  return {
    node, timeline, relationships, criticalMoments: moments as ProfileCriticalMoment[], riskTrend: trend,
    harmedAndAllegedToHarm: harmed !== null,
    knownAsChildAtRisk: childAtRisk.length > 0,
    childAtRiskEvidence: childAtRisk.slice(0, 25),
    flags: flagTexts({ moments, trend, harmed, overdueReviews, childAtRisk }),
    hiddenByAccess: hiddenLinksIndicator(user, hiddenLinks),
  };
}
