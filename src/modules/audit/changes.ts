/**
 * The part of a row that changed, as an audit entry's `before` and `after`:
 * only the keys whose values differ (compared as JSON, so dates, bigints and
 * arrays compare by value). Null when nothing changed.
 */
export function changed(
  before: object,
  after: object,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const json = (x: unknown) => JSON.stringify(x, (_k, value) => (typeof value === 'bigint' ? value.toString() : value));
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => json(b[k] ?? null) !== json(a[k] ?? null),
  );
  if (!keys.length) return null;
  return {
    before: Object.fromEntries(keys.map((k) => [k, b[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, a[k] ?? null])),
  };
}
