/**
 * The briefing job behind the GraphQL mutation: validates, builds the pack in a private temporary
 * folder, logs the disclosure (before anything is returned), returns the files inline, and removes
 * the folder. One pack at a time per process: Chromium and the analytics are heavy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RequestContext } from '../../platform/context';
import { requireCapability, requireJustification } from '../../platform/policy';
import { BRIEFING_EDITIONS } from '../../platform/capabilities';
import { appendAccessLog } from '../accesslog/access-log';
import { badInput } from '../../platform/errors';
import { buildBriefing, BriefingInputError } from './';
import type { BriefingFormat } from '../../graphql/generated/resolvers-types';

export interface BriefingInput {
  quarter: string;
  edition: 'RESTRICTED' | 'PARTNER';
  formats?: Array<'HTML' | 'PDF' | 'CSV'> | null;
  marking?: 'OFFICIAL' | 'OFFICIAL_SENSITIVE' | null;
  recipient?: string | null;
  borough?: string | null;
}

const MEDIA = { html: 'text/html', pdf: 'application/pdf', csv: 'text/csv' } as const;
let queue: Promise<unknown> = Promise.resolve();

export async function generateBriefing(ctx: RequestContext, { input }: { input: BriefingInput }) {
  if (!(input.edition in BRIEFING_EDITIONS)) throw badInput('edition', `must be one of ${Object.keys(BRIEFING_EDITIONS).join(', ')}`);
  requireCapability(ctx, BRIEFING_EDITIONS[input.edition]);
  const justification = requireJustification(ctx);
  if (input.recipient != null && input.recipient.length > 200) throw badInput('recipient', 'at most 200 characters');
  const formats = [...new Set(input.formats ?? ['HTML', 'PDF', 'CSV'])].map((f) => f.toLowerCase() as 'html' | 'pdf' | 'csv');
  if (formats.length === 0) throw badInput('formats', 'ask for at least one format');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-'));
  let seq = -1;
  const job = queue.then(() => buildBriefing({ driver: ctx.driver, database: ctx.database }, {
    quarter: input.quarter, edition: input.edition === 'PARTNER' ? 'partner' : 'restricted',
    author: { name: ctx.user.name, role: ctx.user.role }, formats,
    marking: input.marking === 'OFFICIAL' ? 'OFFICIAL' : 'OFFICIAL-SENSITIVE', boroughCode: input.borough ?? null,
  }, dir, {
    beforeRelease: async (r) => {
      const entry = await appendAccessLog(ctx, {
        operation: 'disclosure', justification, ids: r.personIds,
        detail: { kind: 'briefing', quarter: r.quarter, edition: r.edition, files: r.files.map((f) => f.name), recipient: input.recipient ?? null, borough: input.borough ?? null },
      });
      seq = entry.seq;
    },
  }));
  queue = job.catch(() => undefined);
  try {
    const result = await job;
    return {
      quarter: result.quarter, edition: input.edition, accessLogSeq: seq, tables: result.tables,
      files: result.files.map((f) => {
        const raw = fs.readFileSync(f.path);
        return { name: f.name, kind: f.kind.toUpperCase() as BriefingFormat, mediaType: MEDIA[f.kind], bytes: f.bytes,
          encoding: f.kind === 'pdf' ? 'base64' : 'utf8', content: f.kind === 'pdf' ? raw.toString('base64') : raw.toString('utf8') };
      }),
    };
  } catch (e) {
    if (e instanceof BriefingInputError) throw badInput(e.field, e.message.replace(`${e.field}: `, ''));
    throw e;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
