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
  'UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status used when the error stops the whole request (GraphQL over HTTP). */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  UNAVAILABLE: 503,
};

export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
    this.code = code;
    this.name = 'AppError';
  }
}

/** Bad input that names the field, e.g. badInput('hops', 'must be 1, 2 or 3'). */
export const badInput = (field: string, reason: string): AppError =>
  new AppError('BAD_USER_INPUT', `${field}: ${reason}`, { field });

