/**
 * Input errors raised by the period maths and analytics before any query runs. The GraphQL
 * services translate them into AppError('BAD_USER_INPUT') (server/platform/errors.ts); plain
 * callers (briefing, benchmarks) see the message, which names the field.
 */
export class AnalyticsInputError extends Error {
  constructor(public readonly field: string, public readonly reason: string) {
    super(`field "${field}": ${reason}`);
    this.name = 'AnalyticsInputError';
  }
}
