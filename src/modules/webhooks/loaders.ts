import DataLoader from 'dataloader';
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { byKey, groupByKey } from '../../lib/batch.js';
import { webhookEndpoints, type WebhookEndpointRow } from './tables.js';
import { inInts } from '../../db/sql.js';

/** Account.webhookEndpoints for a list of accounts in one statement; the service decides who may see them. */
export function webhookLoaders(db: Db) {
  return {
    endpointsByAccount: new DataLoader<number, WebhookEndpointRow[]>(async (ids) =>
      groupByKey(
        ids,
        await db
          .select()
          .from(webhookEndpoints)
          .where(inInts(webhookEndpoints.accountId, ids))
          .orderBy(asc(webhookEndpoints.id)),
        (r) => r.accountId,
      ),
    ),
    /** A delivery's endpoint (the viewer already reached it through the endpoint), batched across a page. */
    endpointById: new DataLoader<number, WebhookEndpointRow | null>(async (ids) =>
      byKey(ids, await db.select().from(webhookEndpoints).where(inInts(webhookEndpoints.id, ids)), (r) => r.id),
    ),
  };
}
