import DataLoader from 'dataloader';
import { and, asc, count, eq, gt, lte, sql } from 'drizzle-orm';
import { inInts } from '../../db/sql.js';
import { inSubtree } from '../../auth/scope.js';
import type { Viewer } from '../../auth/viewer.js';
import type { Db } from '../../db/client.js';
import { byKey } from '../../lib/batch.js';
import { accounts, portals, type AccountRow, type PortalRow } from './tables.js';

/**
 * Per-request batch loaders. Apart from `visibleById`, they are not scoped:
 * they only serve fields of objects the viewer already reached through a
 * scoped read (a seller of a visible account, the portal of a visible seller).
 */
export function accountLoaders(db: Db, viewer: () => Viewer | null) {
  return {
    /** Scoped (V1): null outside the viewer's subtree. */
    visibleById: new DataLoader<number, AccountRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(accounts)
          .where(and(inInts(accounts.id, ids), inSubtree(accounts.path, viewer()))),
        (r) => r.id,
      ),
    ),
    byId: new DataLoader<number, AccountRow | null>(async (ids) =>
      byKey(ids, await db.select().from(accounts).where(inInts(accounts.id, ids)), (r) => r.id),
    ),
    /**
     * Pages of children for many parents in one statement (a window function
     * per parent), for `Account.children` in lists: keys that share (first,
     * after) are batched together.
     */
    childrenPage: new DataLoader<{ parentId: number; limit: number; afterKey: number | null }, AccountRow[], string>(
      async (keys) => {
        const groups = new Map<string, number[]>();
        for (const k of keys)
          groups.set(`${k.limit}|${k.afterKey}`, [...(groups.get(`${k.limit}|${k.afterKey}`) ?? []), k.parentId]);
        const rows: AccountRow[] = [];
        for (const [g, parentIds] of groups) {
          const [limit, after] = g.split('|');
          const ranked = db
            .select({
              id: accounts.id,
              rn: sql<number>`row_number() over (partition by ${accounts.parentId} order by ${accounts.id})`.as('rn'),
            })
            .from(accounts)
            .where(
              and(
                inInts(accounts.parentId, parentIds),
                inSubtree(accounts.path, viewer()),
                after === 'null' ? undefined : gt(accounts.id, Number(after)),
              ),
            )
            .as('ranked');
          const page = await db
            .select({ account: accounts })
            .from(accounts)
            .innerJoin(ranked, eq(ranked.id, accounts.id))
            .where(lte(ranked.rn, Number(limit)))
            .orderBy(asc(accounts.id));
          rows.push(...page.map((r) => r.account));
        }
        return keys.map((k) =>
          rows.filter((r) => r.parentId === k.parentId && (k.afterKey === null || r.id > k.afterKey)).slice(0, k.limit),
        );
      },
      { cacheKeyFn: (k) => `${k.parentId}|${k.limit}|${k.afterKey}` },
    ),
    childCount: new DataLoader<number, number>(async (ids) => {
      const rows = await db
        .select({ parentId: accounts.parentId, n: count() })
        .from(accounts)
        .where(and(inInts(accounts.parentId, ids), inSubtree(accounts.path, viewer())))
        .groupBy(accounts.parentId);
      const map = new Map(rows.map((r) => [r.parentId, r.n]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
    portalByAccountId: new DataLoader<number, PortalRow | null>(async (ids) =>
      byKey(ids, await db.select().from(portals).where(inInts(portals.accountId, ids)), (r) => r.accountId),
    ),
  };
}
