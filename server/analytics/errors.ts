/**
 * Input errors raised by analytics before any query runs. The GraphQL services translate them
 * into AppError('BAD_USER_INPUT') (server/errors.ts); plain callers (briefing, benches) see the
 * message, which names the field.
 */
export class AnalyticsInputError extends Error {
  constructor(public readonly field: string, reason: string) {
    super(`field "${field}": ${reason}`);
    this.name = 'AnalyticsInputError';
  }
}
