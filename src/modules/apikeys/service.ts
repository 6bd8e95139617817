import { and, eq } from 'drizzle-orm';
import type { Context, SignedInContext } from '../../graphql/context.js';
import type { DbOrTx } from '../../db/client.js';
import { forbidden, userError } from '../../graphql/errors.js';
import { mutate, refuse, type Payload } from '../../graphql/mutate.js';
import { hasAnyRole, inViewerSubtree, managesUsersOf, visibleOrForbidden } from '../../auth/access.js';
import { inSubtree } from '../../auth/scope.js';
import { generateKey, KEY_PREFIX } from '../../auth/api-keys.js';
import type { Viewer } from '../../auth/viewer.js';
import { recordAudit } from '../audit/record.js';
import { findVisible as findVisibleAccount } from '../accounts/service.js';
import type { AccountRow } from '../accounts/tables.js';
import { findVisibleUser } from '../users/service.js';
import type { Role, UserRow } from '../users/tables.js';
import { apiKeys, type ApiKeyRow } from './tables.js';
import type { CreateApiKeyInput } from './types.js';

const MAX_NAME = 100;

/**
 * "Who manages whose users" (DESIGN.md), for keys: the viewer's own account,
 * or a retailer it sells to directly (a retailer has no customers to hide). A
 * selling child's keys are its own ADMINs' to make: a key there would let the
 * parent read what V4 hides from it.
 */
export function managesKeysOf(
  viewer: Pick<Viewer, 'accountId'>,
  account: Pick<AccountRow, 'id' | 'parentId' | 'tier'>,
): boolean {
  const manages = managesUsersOf(viewer, account);
  return manages === 'own' || manages === 'retailer';
}

/** The roles a creator may give: those it holds (an ADMIN holds every role). */
export function rolesBeyond(creatorRoles: readonly Role[], wanted: readonly Role[]): Role[] {
  return wanted.filter((r) => !hasAnyRole({ roles: [...creatorRoles] }, r));
}

export function prefixOf(key: Pick<ApiKeyRow, 'publicId'>): string {
  return `${KEY_PREFIX}${key.publicId}`;
}

/** Stores a new key and answers the whole key once. Used by createApiKey, and by tests and the CLI to mint one directly. */
export async function issueKey(
  db: DbOrTx,
  k: {
    account: Pick<AccountRow, 'id' | 'path' | 'rootId'>;
    creatorId: number;
    name: string;
    roles: Role[];
    expiresAt?: Date | null;
    at?: Date;
  },
): Promise<{ row: ApiKeyRow; secret: string }> {
  const { key, publicId, secretHash } = generateKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      publicId,
      secretHash,
      accountId: k.account.id,
      accountPath: k.account.path,
      rootId: k.account.rootId,
      name: k.name,
      roles: [...new Set(k.roles)],
      createdByUserId: k.creatorId,
      expiresAt: k.expiresAt ?? null,
      ...(k.at ? { createdAt: k.at } : {}),
    })
    .returning();
  return { row, secret: key };
}

function auditView(k: ApiKeyRow) {
  return { name: k.name, prefix: prefixOf(k), roles: k.roles, expiresAt: k.expiresAt, revokedAt: k.revokedAt };
}

export async function createApiKey(
  ctx: SignedInContext,
  input: CreateApiKeyInput,
): Promise<Payload<'apiKey', ApiKeyRow> & { secret: string | null }> {
  const v = ctx.viewer;
  // A key never makes keys: a leaked key could otherwise mint its own replacement and outlive its revocation.
  if (v.apiKey) throw forbidden('API keys are created by a signed-in user, not by another key');
  const account = await visibleOrForbidden(
    ctx,
    input.accountId,
    'Account',
    findVisibleAccount,
    'You create keys for your own account and the retailers you sell to',
    (a) => managesKeysOf(v, a),
  );
  const roles = [...new Set(input.roles)] as Role[];
  const name = input.name.trim();
  const now = ctx.now();
  let secret: string | null = null;
  const result = await mutate(ctx, 'apiKey', async (tx) => {
    if (!name || name.length > MAX_NAME)
      refuse(userError('INVALID_INPUT', `Name must be 1–${MAX_NAME} characters`, ['name']));
    if (!roles.length) refuse(userError('INVALID_INPUT', 'Give the key at least one role', ['roles']));
    const beyond = rolesBeyond(v.roles, roles);
    if (beyond.length)
      refuse(
        userError(
          'ROLES_EXCEED_CREATOR',
          `You do not hold ${beyond.join(', ')}: a key gets only roles its creator holds`,
          ['roles'],
        ),
      );
    if (input.expiresAt && input.expiresAt <= now)
      refuse(userError('INVALID_INPUT', 'expiresAt must be in the future', ['expiresAt']));
    const issued = await issueKey(tx, {
      account,
      creatorId: v.userId,
      name,
      roles,
      expiresAt: input.expiresAt ?? null,
      at: now,
    });
    await recordAudit(tx, v, {
      account,
      action: 'apiKey.create',
      subject: { type: 'ApiKey', id: issued.row.id },
      after: auditView(issued.row),
    });
    secret = issued.secret;
    return issued.row;
  });
  return { ...result, secret: result.apiKey ? secret : null };
}

/** ADMINs of the key's account and of its ancestors revoke (DESIGN.md); a revoked key is refused at once. */
export async function revokeApiKey(ctx: SignedInContext, id: string): Promise<Payload<'apiKey', ApiKeyRow>> {
  const key = await visibleOrForbidden(ctx, id, 'ApiKey', findVisible, 'You cannot revoke that key');
  return mutate(ctx, 'apiKey', async (tx) => {
    const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, key.id)).for('update');
    if (row.revokedAt) refuse(userError('INVALID_TRANSITION', 'The key is already revoked', ['id']));
    const [revoked] = await tx.update(apiKeys).set({ revokedAt: ctx.now() }).where(eq(apiKeys.id, key.id)).returning();
    await recordAudit(tx, ctx.viewer, {
      account: { id: row.accountId, path: row.accountPath, rootId: row.rootId },
      action: 'apiKey.revoke',
      subject: { type: 'ApiKey', id: row.id },
      before: auditView(row),
      after: auditView(revoked),
    });
    return revoked;
  });
}

/** A key, for ADMINs of its account and of its ancestors (V1 in SQL, the role here); the request's own key to itself. */
export async function findVisible(ctx: Context, id: number): Promise<ApiKeyRow | null> {
  const v = ctx.viewer;
  if (!v) return null;
  if (v.apiKeyId === id) return v.apiKey;
  if (!hasAnyRole(v)) return null;
  const [row] = await ctx.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), inSubtree(apiKeys.accountPath, v)));
  return row ?? null;
}

/** The same rule as findVisible, batched (audit entries name the key that made a change). */
export async function findVisibleBatched(ctx: Context, id: number): Promise<ApiKeyRow | null> {
  const v = ctx.viewer;
  if (!v) return null;
  if (v.apiKeyId === id) return v.apiKey;
  if (!hasAnyRole(v)) return null;
  const row = await ctx.loaders.apikeys.byId.load(id);
  return row && inViewerSubtree(v, row.accountPath) ? row : null;
}

/** Account.apiKeys: the account was reached through a scoped read (V1); only ADMINs see keys, others an empty list. */
export async function ofAccount(ctx: Context, account: AccountRow): Promise<ApiKeyRow[]> {
  if (!ctx.viewer || !hasAnyRole(ctx.viewer) || !inViewerSubtree(ctx.viewer, account.path)) return [];
  return ctx.loaders.apikeys.byAccount.load(account.id);
}

export async function accountOf(ctx: Context, key: ApiKeyRow): Promise<AccountRow> {
  const row = await ctx.loaders.accounts.byId.load(key.accountId);
  if (!row) throw new Error(`api key ${key.id} has no account`);
  return row;
}

/** V4: the creator's name and e-mail are contact details, for the creator's account and its direct parent only. */
export function createdBy(ctx: Context, key: ApiKeyRow): Promise<UserRow | null> {
  return findVisibleUser(ctx, key.createdByUserId);
}
