import type { Tx } from '../../db/client.js';
import { toGlobalId } from '../../graphql/ids.js';
import { publishEvent } from '../integration/outbox.js';

/** A stock row's available units (on hand minus reserved) before and after a change. */
export interface AvailableChange {
  warehouseId: number;
  variantId: number;
  before: number;
  after: number;
}

/**
 * STOCK_LOW (webhooks): written in the same transaction when a row's
 * availability falls below LOW_STOCK_THRESHOLD, once per crossing (not on
 * every order while it stays low). Availability falls only when an order
 * reserves stock or a count lowers what is on hand.
 */
export async function publishLowStock(
  tx: Tx,
  rootId: number,
  changes: AvailableChange[],
  threshold: number,
): Promise<void> {
  for (const c of changes) {
    if (c.before >= threshold && c.after < threshold) {
      await publishEvent(tx, {
        topic: 'stock.low',
        rootId,
        aggregateType: 'StockLevel',
        aggregateId: c.warehouseId,
        payload: {
          warehouseId: toGlobalId('Warehouse', c.warehouseId),
          variantId: toGlobalId('Variant', c.variantId),
          available: c.after,
          threshold,
        },
      });
    }
  }
}
