/** Saved client state (an investigation's positions, filters…) without some record ids. */

/** Drops the given ids from saved state: keys, list entries and objects whose id is one of them. */
export function scrub(value: unknown, ids: Set<string>): unknown {
  if (Array.isArray(value)) {
    return value.filter((v) => !(typeof v === 'string' && ids.has(v)) && !(v && typeof v === 'object' && ids.has(String((v as { id?: unknown }).id))))
      .map((v) => scrub(v, ids));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !ids.has(k)).map(([k, v]) => [k, scrub(v, ids)]));
  }
  return value;
}
