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
import { criticalMoments, flagTexts, harmedAndAllegedToHarm, riskTrend, type TimelineEvent } from './flags';

const TIMELINE_LIMIT = 500;
const REL_LIMIT = 500;

const provenance = (p: Record<string, unknown>) => ({
  source: p.source ?? null, sourceRef: p.sourceRef ?? null, recordedAt: p.recordedAt ?? null,
  grading: gradingText(p), gradingScheme: p.gradingScheme ?? null, sourceEval: p.sourceEval ?? null,
  assessment: p.assessment ?? null, handling: p.handling ?? null, conditions: p.conditions ?? null,
  status: p.status ?? null, validFrom: p.validFrom ?? null, validTo: p.validTo ?? null, reviewBy: p.reviewBy ?? null,
});

export async function profile(ctx: RequestContext, args: { id: string }) {
  requireCapability(ctx, 'profile');
  const justification = requireJustification(ctx);
  const [id] = checkIds('id', [args.id], 1);
  const user = ctx.user;
  const [raw] = await nodesByIds(ctx, [id]);
  // Not found and not allowed look the same: the gate returns no hidden record.
  if (!raw) throw new AppError('NOT_FOUND', `No record ${id} that you may see`);
  const node = presentNode(user, raw);

  const [eventRows, relRows, hiddenLinks] = await Promise.all([
    readRows(ctx, cypherFile(__dirname, 'timeline'), { id, limit: neo4j.int(TIMELINE_LIMIT) }),
    readRows(ctx, cypherFile(__dirname, 'relationships'), { id, limit: neo4j.int(REL_LIMIT) }),
    mayKnowHiddenLinks(user) ? haveHiddenLinks(ctx, [id]) : Promise.resolve(false),
  ]);

  const events: TimelineEvent[] = [];
  const timeline = [];
  for (const r of eventRows) {
    const ev: RawNode = { labels: r.labels as string[], properties: r.ep as Record<string, unknown> };
    const rp = r.rp as Record<string, unknown>;
    const p = ev.properties;
    const role = r.relType === 'INVOLVED' ? (rp.role as string) : r.relType === 'ABOUT' ? 'about' : 'at';
    const followUps = r.followUps as TimelineEvent['followUps'];
    const kind = kindOf(ev.labels);
    events.push({ id: String(r.id), at: String(p.occurredAt), kind, role: r.relType === 'INVOLVED' ? role : null, properties: p, followUps });
    const shown = presentNode(user, ev).properties;
    timeline.push({ id: String(r.id), at: p.occurredAt, kind, role, summary: shown.summary ?? shown.text ?? null,
      source: p.source ?? null, grading: gradingText(p), status: p.status ?? null, reviewBy: p.reviewBy ?? null, properties: shown });
  }

  const today = new Date().toISOString().slice(0, 10);
  const relationships = [];
  for (const r of relRows) {
    const other: RawNode = { labels: r.otherLabels as string[], properties: r.op as Record<string, unknown> };
    const rp = r.rp as Record<string, unknown>;
    const prov = provenance(presentLinkProperties(user, rp));
    relationships.push({ id: String(r.id), type: String(r.type), direction: r.outgoing ? 'OUT' : 'IN', other: presentNode(user, other) as ApiNode,
      ...prov, reviewOverdue: typeof prov.reviewBy === 'string' && prov.reviewBy < today });
  }

  const isPerson = node.kind === 'Person';
  const moments = isPerson ? criticalMoments(events) : [];
  const trend = isPerson ? riskTrend(events) : null;
  const harmed = isPerson ? harmedAndAllegedToHarm(raw.properties.dateOfBirth as string | undefined, events) : null;
  const overdueReviews = relationships.filter((r) => r.reviewOverdue).length;

  await appendAccessLog(ctx, {
    operation: 'consultation', justification,
    ids: [id, ...timeline.map((t) => t.id), ...relationships.map((r) => r.other.id)],
    detail: { query: 'profile', id },
  });
  return {
    node, timeline, relationships, criticalMoments: moments, riskTrend: trend,
    harmedAndAllegedToHarm: harmed !== null,
    flags: flagTexts({ moments, trend, harmed, overdueReviews }),
    hiddenByAccess: hiddenLinksIndicator(user, hiddenLinks),
  };
}
