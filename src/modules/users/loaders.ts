import DataLoader from 'dataloader';
import { and, asc, eq, or } from 'drizzle-orm';
import { inInts } from '../../db/sql.js';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../auth/viewer.js';
import { byKey, groupByKey } from '../../lib/batch.js';
import { accounts } from '../accounts/tables.js';
import { users, type UserRow } from './tables.js';

export function userLoaders(db: Db, viewer: () => Viewer | null) {
  return {
    /**
     * Scoped (V4: a user's name and e-mail are contact details): users of the
     * viewer's own account and of its direct buyers; null for anyone else.
     */
    visibleById: new DataLoader<number, UserRow | null>(async (ids) => {
      const v = viewer();
      if (!v) return ids.map(() => null);
      const rows = await db
        .select({ user: users })
        .from(users)
        .innerJoin(accounts, eq(accounts.id, users.accountId))
        .where(and(inInts(users.id, ids), or(eq(accounts.id, v.accountId), eq(accounts.parentId, v.accountId))));
      return byKey(
        ids,
        rows.map((r) => r.user),
        (r) => r.id,
      );
    }),
    /** Unscoped: for who did something on an object the viewer already reached (an order's events). */
    byId: new DataLoader<number, UserRow | null>(async (ids) =>
      byKey(ids, await db.select().from(users).where(inInts(users.id, ids)), (r) => r.id),
    ),
    byAccountId: new DataLoader<number, UserRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db.select().from(users).where(inInts(users.accountId, ids)).orderBy(asc(users.id)),
        (r) => r.accountId,
      ),
    ),
  };
}
