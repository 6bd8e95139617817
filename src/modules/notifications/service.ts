import { and, count, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../../auth/viewer.js';
import type { Context, SignedInContext } from '../../graphql/context.js';
import type { DbOrTx } from '../../db/client.js';
import { keyOf } from '../../graphql/ids.js';
import { badInput } from '../../graphql/errors.js';
import { pageRequest, toConnection, type Connection } from '../../graphql/connection.js';
import { intArray } from '../../db/sql.js';
import type { Role } from '../users/tables.js';
import { notifications, type NotificationRow } from './tables.js';

export interface Notice {
  /** The accounts it is made for; every user of theirs with one of `roles` gets it. */
  accountIds: number[];
  roles: Role[];
  kind: string;
  title: string;
  body?: string | null;
  orderId?: number | null;
  ticketId?: number | null;
  at: Date;
}

/** Fans a notice out to the users of the accounts it is for, in one statement. ADMIN users always get it. */
export async function notify(db: DbOrTx, n: Notice): Promise<void> {
  if (!n.accountIds.length) return;
  const roles = [...new Set<Role>(['ADMIN', ...n.roles])];
  await db.execute(sql`
    insert into notifications (user_id, account_id, kind, title, body, order_id, ticket_id, created_at)
    select u.id, u.account_id, ${n.kind}, ${n.title}, ${n.body ?? null}, ${n.orderId ?? null}, ${n.ticketId ?? null}, ${n.at.toISOString()}::timestamptz
    from users u
    where u.account_id = any(${intArray(n.accountIds)})
      and u.roles && array[${sql.join(
        roles.map((r) => sql`${r}`),
        sql`, `,
      )}]::user_role[]`);
}

/**
 * A viewer's own notifications: its user's, in its account. For an API key
 * the user is the key's creator, who may belong to the retailer's parent: its
 * notifications there are not the retailer's key's to read.
 */
export function mine(viewer: Pick<Viewer, 'userId' | 'accountId'>): SQL {
  return and(eq(notifications.userId, viewer.userId), eq(notifications.accountId, viewer.accountId))!;
}

/** The viewer's own feed, newest first. */
export async function feed(
  ctx: Context,
  viewer: Pick<Viewer, 'userId' | 'accountId'>,
  first: number | null | undefined,
  after: string | null | undefined,
  unreadOnly: boolean | null | undefined,
): Promise<Connection<NotificationRow>> {
  const req = pageRequest(first, after);
  const where = and(mine(viewer), unreadOnly ? isNull(notifications.readAt) : undefined);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(req.afterKey === null ? where : and(where, lt(notifications.id, req.afterKey)))
    .orderBy(desc(notifications.id))
    .limit(req.limit);
  // Newest first: the keyset runs down the ids.
  return toConnection(
    rows,
    req,
    (r) => r.id,
    async () => (await ctx.db.select({ n: count() }).from(notifications).where(where))[0].n,
  );
}

export async function unreadCount(ctx: Context, viewer: Pick<Viewer, 'userId' | 'accountId'>): Promise<number> {
  const [{ n }] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(viewer), isNull(notifications.readAt)));
  return n;
}

/** Marks the viewer's own notifications read: the given ones, or all. Returns how many changed. */
export async function markRead(
  ctx: SignedInContext,
  ids: string[] | null | undefined,
  all: boolean | null | undefined,
): Promise<{ count: number; unreadCount: number }> {
  if (!all && !ids?.length) throw badInput('Give ids, or all: true');
  if ((ids?.length ?? 0) > 1000) throw badInput('At most 1000 ids');
  const keys = (ids ?? []).map((id) => keyOf(id, 'Notification')).filter((k): k is number => k !== null);
  const changed = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now() })
    .where(
      and(
        mine(ctx.viewer),
        isNull(notifications.readAt),
        all ? undefined : inArray(notifications.id, keys.length ? keys : [-1]),
      ),
    )
    .returning({ id: notifications.id });
  return { count: changed.length, unreadCount: await unreadCount(ctx, ctx.viewer) };
}

/** A notification is only ever its recipient's, in the recipient's account (as the feed: see mine). */
export async function findVisible(ctx: Context, id: number): Promise<NotificationRow | null> {
  if (!ctx.viewer) return null;
  const [row] = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), mine(ctx.viewer)));
  return row ?? null;
}
