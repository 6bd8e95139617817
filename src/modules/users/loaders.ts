import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { groupByKey } from '../../lib/batch.js';
import { users, type UserRow } from './tables.js';

export function userLoaders(db: Db) {
  return {
    byAccountId: new DataLoader<number, UserRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db.select().from(users).where(inArray(users.accountId, [...ids])).orderBy(asc(users.id)),
        (r) => r.accountId,
      ),
    ),
  };
}
