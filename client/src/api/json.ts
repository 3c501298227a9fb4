/** A JSON scalar's value (typed `unknown` by the generated types) read as an object of fields. */
export function asRecord(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
