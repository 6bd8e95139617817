import DataLoader from 'dataloader';
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { byKey, groupByKey } from '../../lib/batch.js';
import { apiKeys, type ApiKeyRow } from './tables.js';
import { inInts } from '../../db/sql.js';

/** Account.apiKeys for a list of accounts in one statement; the service decides who may see them. */
export function apiKeyLoaders(db: Db) {
  return {
    byAccount: new DataLoader<number, ApiKeyRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db.select().from(apiKeys).where(inInts(apiKeys.accountId, ids)).orderBy(asc(apiKeys.id)),
        (r) => r.accountId,
      ),
    ),
    byId: new DataLoader<number, ApiKeyRow | null>(async (ids) =>
      byKey(ids, await db.select().from(apiKeys).where(inInts(apiKeys.id, ids)), (r) => r.id),
    ),
  };
}
