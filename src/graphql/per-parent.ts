import DataLoader from 'dataloader';
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { intArray } from '../db/sql.js';
import { pageRequest, toConnection, type Connection } from './connection.js';

export interface ParentPageKey {
  parentId: number;
  limit: number;
  afterKey: number | null;
  /** Serialized filter: keys with the same page and filter are batched together. */
  filterKey: string;
}

interface Spec<R> {
  db: Db;
  table: PgTable;
  id: PgColumn;
  /** SQL naming the parent of a row, or a FROM-clause addition and the expression for several parents per row. */
  from: SQL;
  owner: SQL;
  /** The viewer's scope and the filter, as SQL, for one filter key. */
  where: (filterKey: string) => SQL;
  rows: (ids: number[]) => Promise<R[]>;
}

/**
 * Newest-first pages of a child list (Account.orders, Account.tickets) for
 * every parent of a list in two statements — a window function ranks the
 * children per parent, then the rows are read by id — instead of one query
 * per parent. Counts come batched the same way.
 */
export function perParentPages<R extends { id: number }>(spec: Spec<R>) {
  const pages = new DataLoader<ParentPageKey, R[], string>(
    async (keys) => {
      const groups = new Map<string, ParentPageKey[]>();
      for (const k of keys) {
        const g = `${k.limit}|${k.afterKey}|${k.filterKey}`;
        groups.set(g, [...(groups.get(g) ?? []), k]);
      }
      const ranked = new Map<string, number[]>();
      const wanted = new Set<number>();
      for (const ks of groups.values()) {
        const { limit, afterKey, filterKey } = ks[0];
        const parents = [...new Set(ks.map((k) => k.parentId))];
        const rows = await spec.db.execute<{ id: number; owner: number }>(sql`
          select id, owner from (
            select ${spec.id} as id, ${spec.owner} as owner, row_number() over (partition by ${spec.owner} order by ${spec.id} desc) as rn
            from ${spec.from}
            where ${spec.owner} = any(${intArray(parents)}) and ${spec.where(filterKey)} ${afterKey === null ? sql`` : sql`and ${spec.id} < ${afterKey}`}
          ) ranked where rn <= ${limit}`);
        for (const r of rows) {
          const k = `${r.owner}|${limit}|${afterKey}|${filterKey}`;
          ranked.set(k, [...(ranked.get(k) ?? []), r.id]);
          wanted.add(r.id);
        }
      }
      const byId = new Map((wanted.size ? await spec.rows([...wanted]) : []).map((r) => [r.id, r]));
      return keys.map((k) =>
        (ranked.get(`${k.parentId}|${k.limit}|${k.afterKey}|${k.filterKey}`) ?? [])
          .sort((a, b) => b - a)
          .map((id) => byId.get(id)!),
      );
    },
    { cacheKeyFn: (k) => `${k.parentId}|${k.limit}|${k.afterKey}|${k.filterKey}` },
  );
  const counts = new DataLoader<{ parentId: number; filterKey: string }, number, string>(
    async (keys) => {
      const out = new Map<string, number>();
      for (const filterKey of new Set(keys.map((k) => k.filterKey))) {
        const parents = [...new Set(keys.filter((k) => k.filterKey === filterKey).map((k) => k.parentId))];
        const rows = await spec.db.execute<{ owner: number; n: number }>(sql`
          select ${spec.owner} as owner, count(*)::int as n from ${spec.from}
          where ${spec.owner} = any(${intArray(parents)}) and ${spec.where(filterKey)} group by 1`);
        for (const r of rows) out.set(`${r.owner}|${filterKey}`, r.n);
      }
      return keys.map((k) => out.get(`${k.parentId}|${k.filterKey}`) ?? 0);
    },
    { cacheKeyFn: (k) => `${k.parentId}|${k.filterKey}` },
  );
  return { pages, counts };
}

/** One parent's page as a connection (Account.orders, Account.tickets, Account.ledger): the loaders batch it across a list. */
export async function parentPage<R extends { id: number }>(
  loaders: ReturnType<typeof perParentPages<R>>,
  parentId: number,
  first: number | null | undefined,
  after: string | null | undefined,
  filterKey = '',
): Promise<Connection<R>> {
  const req = pageRequest(first, after);
  const rows = await loaders.pages.load({ parentId, limit: req.limit, afterKey: req.afterKey, filterKey });
  return toConnection(
    rows,
    req,
    (r) => r.id,
    () => loaders.counts.load({ parentId, filterKey }),
  );
}
