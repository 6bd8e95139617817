import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq, getTableColumns, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts } from '../modules/accounts/tables.js';
import { apiKeys, type ApiKeyRow } from '../modules/apikeys/tables.js';
import { users } from '../modules/users/tables.js';

/**
 * API keys (DESIGN.md "Credentials: API keys"): `cg_live_<id>_<secret>`,
 * base62, a 12-character public id and a 40-character secret (238 bits).
 * The id finds the row; a SHA-256 of the whole key proves it. A fast hash is
 * right for a high-entropy secret (no guessing to slow down), and the compare
 * is constant-time.
 */
export const KEY_PREFIX = 'cg_live_';
const ID_LENGTH = 12;
const SECRET_LENGTH = 40;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SHAPE = /^cg_live_([0-9A-Za-z]{8,32})_([0-9A-Za-z]{32,128})$/;
/** `lastUsedAt` is written at most this often, not on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

function base62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[randomInt(BASE62.length)];
  return out;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key: what is stored (public id and hash) and the whole key, shown once. */
export function generateKey(): { key: string; publicId: string; prefix: string; secretHash: string } {
  const publicId = base62(ID_LENGTH);
  const key = `${KEY_PREFIX}${publicId}_${base62(SECRET_LENGTH)}`;
  return { key, publicId, prefix: `${KEY_PREFIX}${publicId}`, secretHash: hashKey(key) };
}

/** Anything sent as a bearer credential that starts like a key is judged as a key (never as a token). */
export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith('cg_');
}

export function parseKey(credential: string): { publicId: string } | null {
  const m = SHAPE.exec(credential);
  return m ? { publicId: m[1] } : null;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export type KeyCheck =
  | {
      ok: true;
      user: typeof users.$inferSelect;
      account: typeof accounts.$inferSelect;
      key: typeof apiKeys.$inferSelect;
    }
  | { ok: false; reason: string };

/**
 * The key's row, its account and its creator, or why it is refused:
 * malformed, unknown, tampered (hash mismatch), revoked or expired all answer
 * UNAUTHENTICATED alike to the client; the reason is for the log.
 */
export async function checkKey(db: Db, credential: string, now: Date): Promise<KeyCheck> {
  const parsed = parseKey(credential);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const [row] = await db
    .select({ key: getTableColumns(apiKeys), account: getTableColumns(accounts), user: getTableColumns(users) })
    .from(apiKeys)
    .innerJoin(accounts, eq(accounts.id, apiKeys.accountId))
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(eq(apiKeys.publicId, parsed.publicId));
  if (!row) return { ok: false, reason: 'unknown' };
  if (!sameHash(hashKey(credential), row.key.secretHash)) return { ok: false, reason: 'tampered' };
  if (row.key.revokedAt) return { ok: false, reason: 'revoked' };
  if (row.key.expiresAt && row.key.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, ...row };
}

/**
 * Records that the key was used, at most once a minute per key: the row read
 * for this request says when it was last written, so most requests write
 * nothing; the conditional UPDATE keeps several processes from all writing.
 */
export async function touchKey(db: Db, key: Pick<ApiKeyRow, 'id' | 'lastUsedAt'>, now: Date): Promise<void> {
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  const before = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, before))));
}
