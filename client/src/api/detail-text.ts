/**
 * An access-log entry's detail (JSON the server wrote) as a line an auditor can read:
 * "query: neighbourhood · seeds: loc-00015 · hops: 1". Empty values are left out; text that is not
 * JSON is shown as it is. Cut to `max` characters.
 */
const valueText = (v: unknown): string =>
  Array.isArray(v) ? v.map(valueText).join(', ') : v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);

export function detailText(detail: string | null | undefined, max = 160): string {
  if (!detail) return '';
  let text = detail;
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      text = Object.entries(parsed as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => `${k}: ${valueText(v)}`)
        .join(' · ');
    }
  } catch { /* not JSON: as it is */ }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
