/**
 * Opaque global ids: base64url("Type:key"). Clients must treat them as
 * opaque; the server decodes them and answers null for anything malformed.
 */
export function toGlobalId(type: string, key: number | string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export interface DecodedId {
  type: string;
  key: number;
}

const MAX_KEY = 2 ** 31 - 1;

export function fromGlobalId(id: string | null | undefined): DecodedId | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const m = /^([A-Za-z]+):([1-9]\d{0,9})$/.exec(Buffer.from(id, 'base64url').toString('utf8'));
  if (!m) return null;
  const key = Number(m[2]);
  if (key > MAX_KEY) return null;
  // One id per object: "Account:024", or the same bytes with other padding bits, is not an id of Account 24.
  return toGlobalId(m[1], key) === id ? { type: m[1], key } : null;
}

/** The integer key of a global id of the given type, or null. */
export function keyOf(id: string | null | undefined, type: string): number | null {
  const d = fromGlobalId(id);
  return d && d.type === type ? d.key : null;
}
