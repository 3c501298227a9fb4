/**
 * Typed application errors. They reach clients as `extensions.code`; anything else thrown in a
 * resolver is masked by yoga ("Unexpected error.") and logged with the request id.
 */
import { GraphQLError } from 'graphql';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'JUSTIFICATION_REQUIRED',
  'NOT_FOUND',
  'LIMIT_EXCEEDED',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status used when the error stops the whole request (GraphQL over HTTP). */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * The one answer while Neo4j cannot be reached (SERVICE_UNAVAILABLE, 503): what happened and
 * what to do, nothing of the driver's text.
 */
export const UNAVAILABLE_MESSAGE = 'The database is not available at the moment, so the request was not run. Try again in a few seconds.';

export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  /** `cause`: the error behind it, kept for the server's log (never sent to clients). */
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}, cause?: Error) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) }, originalError: cause });
    this.code = code;
    this.name = 'AppError';
  }
}

/** Bad input that names the field, e.g. badInput('hops', 'must be 1, 2 or 3'). */
export const badInput = (field: string, reason: string): AppError =>
  new AppError('BAD_USER_INPUT', `${field}: ${reason}`, { field });

