import * as apiKeys from '../apikeys/service.js';
import type { ApiKeyRow } from '../apikeys/tables.js';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { inSubtree } from '../../auth/scope.js';
import { hasAnyRole, seesContactOf } from '../../auth/access.js';
import { keyOf, toGlobalId } from '../../graphql/ids.js';
import { fetchNode } from '../../graphql/node.js';
import { pageRequest, toConnection, type Connection } from '../../graphql/connection.js';
import type { AccountRow } from '../accounts/tables.js';
import type { UserRow } from '../users/tables.js';
import { auditEntries, type AuditEntryRow } from './tables.js';
import type { AuditFilter } from './types.js';

function filterSql(filter: AuditFilter | null | undefined): SQL[] {
  const where: SQL[] = [];
  if (filter?.accountId != null) {
    const key = keyOf(filter.accountId, 'Account');
    where.push(key === null ? sql`false` : eq(auditEntries.accountId, key));
  }
  if (filter?.action != null) where.push(eq(auditEntries.action, filter.action));
  if (filter?.since != null) where.push(gte(auditEntries.at, filter.since));
  return where;
}

/**
 * auditLog (ADMIN users, the permission map says so): entries about the
 * viewer's account and its subtree (V1 on the path the account had when the
 * entry was written), newest first.
 */
export async function list(
  ctx: SignedInContext,
  first?: number | null,
  after?: string | null,
  filter?: AuditFilter | null,
): Promise<Connection<AuditEntryRow>> {
  const req = pageRequest(first, after);
  const where = and(inSubtree(auditEntries.accountPath, ctx.viewer), ...filterSql(filter));
  const rows = await ctx.db
    .select()
    .from(auditEntries)
    .where(req.afterKey === null ? where : and(where, lt(auditEntries.id, req.afterKey)))
    .orderBy(desc(auditEntries.id))
    .limit(req.limit);
  return toConnection(
    rows,
    req,
    (r) => r.id,
    () => ctx.db.$count(auditEntries, where),
  );
}

/** `node(id:)` of an entry: ADMIN users, V1 as in the log. */
export async function findVisible(ctx: Context, id: number): Promise<AuditEntryRow | null> {
  if (!ctx.viewer || !hasAnyRole(ctx.viewer)) return null;
  const [row] = await ctx.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.id, id), inSubtree(auditEntries.accountPath, ctx.viewer)));
  return row ?? null;
}

export function actor(ctx: Context, e: AuditEntryRow): Promise<UserRow | null> | null {
  return e.actorUserId === null ? null : ctx.loaders.users.visibleById.load(e.actorUserId);
}

/** The API key that made the change, for those who may see the key (its account's and ancestors' ADMINs). */
export function actorApiKey(ctx: Context, e: AuditEntryRow): Promise<ApiKeyRow | null> | null {
  return e.actorApiKeyId === null ? null : apiKeys.findVisibleBatched(ctx, e.actorApiKeyId);
}

/** The account as it is now (the entry was reached through a scoped read, as an order's buyer is). */
export async function account(ctx: Context, e: AuditEntryRow): Promise<AccountRow> {
  const row = await ctx.loaders.accounts.byId.load(e.accountId);
  if (!row) throw new Error(`audit entry ${e.id} has no account`);
  return row;
}

/** Through `node(id:)`'s own scoped lookups: null when gone or not visible to the viewer. */
export function subject(ctx: Context, e: AuditEntryRow): Promise<object | null> | null {
  return e.subjectType === null || e.subjectId === null ? null : fetchNode(ctx, toGlobalId(e.subjectType, e.subjectId));
}

/** Keys holding contact details (V4): addresses, contacts and coordinates of accounts, names and e-mails of users. */
const CONTACT_KEY = /^(address|contact)|^(latitude|longitude|email)$/;

function hideContacts(value: unknown, userNames: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => hideContacts(v, userNames));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        CONTACT_KEY.test(k) || (userNames && k === 'name') ? '[hidden]' : hideContacts(v, userNames),
      ]),
    );
  }
  return value;
}

/**
 * The entry's `changes` as JSON. Contact details in it are for the account
 * itself and its direct parent (V4, as on Account.contact and User.email);
 * others read "[hidden]" in their place.
 */
export function changes(ctx: Context, e: AuditEntryRow): string {
  const parentId = e.accountPath.length > 1 ? e.accountPath[e.accountPath.length - 2] : null;
  const sees = !!ctx.viewer && seesContactOf(ctx.viewer, { id: e.accountId, parentId });
  return JSON.stringify(sees ? e.changes : hideContacts(e.changes, e.subjectType === 'User'));
}
