/**
 * Cross-origin calls to /graphql: only from the origins configured (CORS_ORIGINS), each named
 * back exactly, never reflected from the request, and never with credentials (sign-in is a bearer
 * token in a header, not a cookie). With none configured (the default: the workspace is served
 * from the same origin) no CORS header is sent, so browsers keep other sites out.
 */
import type express from 'express';
import { CSRF_HEADER } from './yoga';
import { JUSTIFICATION_HEADER, PURPOSE_HEADER } from '../platform/justification';

const ALLOWED_HEADERS = ['authorization', 'content-type', 'accept', JUSTIFICATION_HEADER, PURPOSE_HEADER, CSRF_HEADER, 'x-request-id'];

export function corsFor(origins: readonly string[]): express.RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.header('origin');
    const ok = origin !== undefined && allowed.has(origin);
    if (ok) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'x-request-id, retry-after');
    }
    if (req.method !== 'OPTIONS') return next();
    // A preflight: answered here (it carries no token), with what may follow only for an allowed origin.
    if (ok) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '));
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  };
}
