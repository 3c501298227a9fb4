/** Search by name fragment (full-text index) or exact id, through the visibility gate; one log entry. */
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../platform/context';
import { checkInt, checkText } from '../../graphql/args';
import { readRows, cypherFile } from '../../platform/db/query';
import { badInput } from '../../platform/errors';
import { NODE_KINDS } from '../../model/model';
import { isPseudonymised, requireCapability, requireJustification } from '../../platform/policy';
import { appendAccessLog } from '../accesslog/access-log';
import { presentNode, type RawNode } from '../../platform/present';
import { luceneQuery } from './lucene';
import type { NodeKind } from '../../graphql/generated/resolvers-types';

export interface SearchArgs { text: string; kinds?: string[] | null; limit?: number | null }
export interface SearchHit { id: string; labels: string[]; kind: NodeKind; name: string; detail: string | null; lat: number | null; lon: number | null; score: number }

const KINDS = NODE_KINDS.map((k) => k.label);

function detailOf(kind: string, p: Record<string, unknown>): string | null {
  if (kind === 'Person') return [p.ageBand ? `age ${p.ageBand}` : null, p.isChild === true ? 'child' : null].filter(Boolean).join(', ') || null;
  if (kind === 'Location') return [p.kind, p.ward].filter(Boolean).join(', ') || null;
  if (kind === 'OnlineSpace') return (p.platform as string) ?? null;
  if (typeof p.occurredAt === 'string') return p.occurredAt.slice(0, 10);
  return (p.ward as string) ?? null;
}

export async function search(ctx: RequestContext, args: SearchArgs): Promise<{ items: SearchHit[]; hidden: number }> {
  requireCapability(ctx, 'search');
  const justification = requireJustification(ctx);
  const text = checkText('text', args.text, 200, 1);
  const limit = checkInt('limit', args.limit, 1, 100, 20);
  const kinds = args.kinds?.length ? args.kinds : null;
  if (kinds?.some((k) => !KINDS.includes(k))) throw badInput('kinds', 'unknown kind');

  const lucene = luceneQuery(text);
  // Leads see people only under pseudonyms: finding a person by name would undo that.
  const params = { kinds, limit: neo4j.int(limit), peopleByName: !isPseudonymised(ctx.user) };
  const [byId, byName] = await Promise.all([
    readRows(ctx, cypherFile(__dirname, 'by-id'), { id: text, kinds }),
    lucene ? readRows(ctx, cypherFile(__dirname, 'by-name'), { ...params, text: lucene }) : Promise.resolve([]),
  ]);
  const seen = new Set<string>();
  const items: SearchHit[] = [];
  for (const r of [...byId, ...byName]) {
    const id = String(r.id);
    if (seen.has(id)) continue;
    seen.add(id);
    const raw: RawNode = { labels: r.labels as string[], properties: r.props as Record<string, unknown> };
    if (items.length >= limit) break;
    const n = presentNode(ctx.user, raw);
    const { lat, lon } = n.properties;
    // The GraphQL enum NodeKind is generated from the model's labels, which kindOf() returns.
    items.push({
      id, labels: n.labels, kind: n.kind as NodeKind, name: n.name, detail: detailOf(n.kind, n.properties),
      lat: typeof lat === 'number' ? lat : null, lon: typeof lon === 'number' ? lon : null, score: Number(r.score),
    });
  }
  await appendAccessLog(ctx, { operation: 'consultation', justification, ids: items.map((i) => i.id), detail: { query: 'search', text, kinds, limit } });
  // Hidden matches are never read, so nothing can count them (platform/existence.ts).
  return { items, hidden: 0 };
}
