import { stringify } from 'csv-stringify';
import type { ExecutionResult } from 'graphql';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { Viewer } from '../auth/viewer.js';
import { graphAs } from './graph.js';

const PAGE = `query ExportOrders($after: String, $since: DateTime) {
  orders(first: 100, after: $after, filter: { updatedSince: $since }) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id number externalRef status channel createdAt updatedAt
      buyer { id code name } seller { id name }
      shipTo { regionCode city }
      total { amount currencyCode }
      lines { sku quantity unitPrice { amount } lineTotal { amount } }
    }
  }
}`;

export const ORDER_COLUMNS = [
  'order_id',
  'number',
  'external_ref',
  'status',
  'channel',
  'created_at',
  'updated_at',
  'buyer_code',
  'buyer_name',
  'seller_name',
  'ship_to_region',
  'ship_to_city',
  'order_total',
  'currency',
  'sku',
  'quantity',
  'unit_price',
  'line_total',
];

/**
 * `npm run export -- orders --since DATE`: every order the acting viewer can
 * list (V1) changed at or after DATE, one CSV row per order line, read
 * through the graph a page at a time (so memory stays flat). Ship-to is the
 * region and city only, which every viewer of an order may see (V4).
 */
export async function exportOrders(
  deps: { db: Db; config: Config; log: Logger; viewer: Viewer },
  since: Date,
  out: Writable,
): Promise<number> {
  const run = graphAs(deps);
  const csv = stringify({ header: true, columns: ORDER_COLUMNS });
  csv.pipe(out);
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const res: ExecutionResult<{
      orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: any[] };
    }> = await run(PAGE, { after, since: since.toISOString() });
    if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('; '));
    for (const o of res.data!.orders.nodes) {
      count++;
      for (const l of o.lines) {
        const row = [
          o.id,
          o.number,
          o.externalRef ?? '',
          o.status,
          o.channel,
          o.createdAt,
          o.updatedAt,
          o.buyer.code ?? '',
          o.buyer.name,
          o.seller.name,
          o.shipTo.regionCode,
          o.shipTo.city ?? '',
          o.total.amount,
          o.total.currencyCode,
          l.sku,
          l.quantity,
          l.unitPrice.amount,
          l.lineTotal.amount,
        ];
        if (!csv.write(row)) await once(csv, 'drain');
      }
    }
    if (!res.data!.orders.pageInfo.hasNextPage) break;
    after = res.data!.orders.pageInfo.endCursor;
  }
  csv.end();
  if (out !== process.stdout) await once(out, 'finish');
  return count;
}
