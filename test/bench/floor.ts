/**
 * W1-floor: the catalog page of W1 without the GraphQL stack, by the cheapest
 * path we know. A bare `node:http` handler verifies the same bearer token and
 * runs six hand-written statements over postgres.js, every one a named
 * prepared statement whose ids travel as one `int[]` parameter, in three
 * round trips: the viewer; the page ∥ its total count; the page's visible
 * variants ∥ their availability ∥ the seller's pricing facts for them. It
 * prices each variant with the same pure engine (`resolvePrice`) and writes
 * the JSON by hand (media come from PostgreSQL as JSON text and are spliced
 * in). The harness checks its `data` is the GraphQL server's, byte for byte,
 * before it measures.
 *
 * Run as its own process: `node --import tsx test/bench/floor.ts`, with
 * FLOOR_DATABASE_URL, FLOOR_PORT, JWT_SECRET; prints `floor listening on <port>`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { createTokens } from '../../src/auth/tokens.js';
import { resolvePrice } from '../../src/modules/pricing/engine.js';
import type { PricingData, Tier } from '../../src/modules/pricing/engine-types.js';
import { fromMinor } from '../../src/lib/money.js';
import { toGlobalId } from '../../src/graphql/ids.js';

const LOW_STOCK_THRESHOLD = 10;
/** Same as encodeCursor in src/graphql/connection.ts (not imported: that module loads type-graphql). */
const encodeCursor = (key: number) => Buffer.from(`c1:${key}`).toString('base64url');

/** The statements this floor runs per page (the harness reports it). */
export const FLOOR_STATEMENTS = 6;

/** V2, as the server writes it: every seller of the chain ($chain) that narrows its offer lists the variant. */
const visible = (variant: string, chain: string) => `not exists (
  select 1 from assortments a where a.seller_id = any(${chain}) and not a.include_all
    and not exists (select 1 from assortment_items i where i.seller_id = a.seller_id and i.variant_id = ${variant}))`;
const productVisible = (chain: string) =>
  `exists (select 1 from variants v where v.product_id = p.id and ${visible('v.id', chain)})`;

const VIEWER_SQL = `select a.id, a.tier, a.address_region_code as region, a.path from users u join accounts a on a.id = u.account_id where u.id = $1`;

/** $1 chain, $2 rows (page size + 1). Media as JSON text, spliced into the answer as is. */
const PAGE_SQL = `select p.id, p.code, p.name, c.id as category_id, c.name as category_name,
  coalesce((select json_agg(json_build_object('url', m.url, 'kind', m.kind, 'title', m.title) order by m.position, m.id)
    from product_media m where m.product_id = p.id), '[]'::json)::text as media
from products p left join categories c on c.id = p.category_id
where ${productVisible('$1::int[]')}
order by p.id limit $2`;

const COUNT_SQL = `select count(*)::int as n from products p where ${productVisible('$1::int[]')}`;

/** $1 product ids, $2 chain: the visible variants of the page's products. */
const VARIANTS_SQL = `select x.id, x.product_id, x.sku from variants x
where x.product_id = any($1::int[]) and ${visible('x.id', '$2::int[]')}
order by x.product_id, x.position, x.id`;

/** $1 product ids, $2 chain[, $3 region]: units the chain can deliver (to the region), per variant of these products. */
const availabilitySql = (region: boolean) => `select s.variant_id as id, sum(s.on_hand - s.reserved)::int as available
from stock_levels s join warehouses w on w.id = s.warehouse_id
where s.variant_id = any(array(select id from variants where product_id = any($1::int[]))) and w.owner_id = any($2::int[])
  ${region ? `and exists (select 1 from unnest(w.coverage) c where $3::text like (case when c like '%0000' then left(c, 2) when c like '%00' then left(c, 4) else c end) || '%')` : ''}
group by s.variant_id`;
const AVAILABILITY_SQL = { anywhere: availabilitySql(false), inRegion: availabilitySql(true) };

/** $1 product ids, $2 seller, $3 buyer tier, $4 the request's time: the seller's lists, promotions and floors for these products' variants. */
const IDS = 'array(select id from variants where product_id = any($1::int[]))';
const PRICING_SQL = `select
  coalesce((select json_agg(json_build_object(
      'id', l.id, 'name', l.name, 'priority', l.priority, 'validFrom', l.valid_from, 'validTo', l.valid_to,
      'assignments', coalesce((select json_agg(json_build_object('accountId', a.account_id, 'regionCode', a.region_code, 'tier', a.tier))
                               from price_list_assignments a where a.price_list_id = l.id), '[]'),
      'entries', coalesce((select json_agg(json_build_object('variantId', e.variant_id, 'minQuantity', e.min_quantity, 'price', e.price::text))
                           from price_list_entries e where e.price_list_id = l.id and e.variant_id = any(${IDS})), '[]')))
    from price_lists l where l.owner_id = $2 and (l.valid_to is null or l.valid_to > $4::timestamptz)), '[]') as lists,
  coalesce((select json_agg(json_build_object(
      'id', p.id, 'name', p.name, 'kind', p.kind, 'value', p.value::text, 'validFrom', p.valid_from, 'validTo', p.valid_to,
      'stackable', p.stackable, 'tiers', p.tiers, 'regionCodes', p.region_codes, 'accountIds', p.account_ids,
      'variantIds', p.variant_ids, 'categoryIds', p.category_ids))
    from promotions p where p.owner_id = $2 and (p.valid_to is null or p.valid_to > $4::timestamptz)), '[]') as promotions,
  coalesce((select json_agg(json_build_object('variantId', f.variant_id, 'amount', f.amount::text))
    from price_floors f where f.tier = $3::channel_tier and f.variant_id = any(${IDS})), '[]') as floors`;

interface ViewerRow {
  id: number;
  tier: Tier;
  region: string | null;
  path: number[];
}
interface ProductRow {
  id: number;
  code: string;
  name: string;
  category_id: number | null;
  category_name: string | null;
  media: string;
}
interface VariantRow {
  id: number;
  product_id: number;
  sku: string;
}
interface PricingRow {
  lists: {
    id: number;
    name: string;
    priority: number;
    validFrom: string | null;
    validTo: string | null;
    assignments: { accountId: number | null; regionCode: string | null; tier: Tier | null }[];
    entries: { variantId: number; minQuantity: number; price: string }[];
  }[];
  promotions: {
    id: number;
    name: string;
    kind: 'PERCENT_OFF' | 'AMOUNT_OFF';
    value: string;
    validFrom: string | null;
    validTo: string | null;
    stackable: boolean;
    tiers: Tier[];
    regionCodes: string[];
    accountIds: number[];
    variantIds: number[];
    categoryIds: number[];
  }[];
  floors: { variantId: number; amount: string }[];
}

const date = (s: string | null) => (s === null ? null : new Date(s));
const str = JSON.stringify;

/** The `data` the GraphQL server returns for the W1 query, as JSON text. */
export function pageJson(
  viewer: ViewerRow,
  total: number,
  rows: ProductRow[],
  variants: VariantRow[],
  available: Map<number, number>,
  pricing: PricingRow | null,
  first: number,
  at: Date,
): string {
  const data: PricingData | null = pricing && {
    lists: pricing.lists.map((l) => ({
      ...l,
      validFrom: date(l.validFrom),
      validTo: date(l.validTo),
      entries: l.entries.map((e) => ({ ...e, price: BigInt(e.price) })),
    })),
    promotions: pricing.promotions.map((p) => ({
      ...p,
      value: BigInt(p.value),
      validFrom: date(p.validFrom),
      validTo: date(p.validTo),
    })),
    floors: new Map(pricing.floors.map((f) => [f.variantId, BigInt(f.amount)])),
  };
  const buyer = { accountId: viewer.id, tier: viewer.tier, regionCode: viewer.region };
  const hasNextPage = rows.length > first;
  const products = hasNextPage ? rows.slice(0, first) : rows;
  const byProduct = new Map<number, VariantRow[]>();
  for (const v of variants) {
    const list = byProduct.get(v.product_id);
    if (list) list.push(v);
    else byProduct.set(v.product_id, [v]);
  }
  let out = `{"products":{"totalCount":${total},"pageInfo":{"hasNextPage":${hasNextPage},"endCursor":${products.length ? str(encodeCursor(products[products.length - 1].id)) : 'null'}},"nodes":[`;
  products.forEach((p, i) => {
    if (i) out += ',';
    out += `{"id":"${toGlobalId('Product', p.id)}","code":${str(p.code)},"name":${str(p.name)},"category":${p.category_id === null ? 'null' : `{"id":"${toGlobalId('Category', p.category_id)}","name":${str(p.category_name)}}`},"media":${p.media},"variants":[`;
    (byProduct.get(p.id) ?? []).forEach((x, j) => {
      if (j) out += ',';
      const price =
        data && resolvePrice(buyer, { variantId: x.id, sku: x.sku, categoryId: p.category_id }, 1, at, data);
      out += `{"id":"${toGlobalId('Variant', x.id)}","sku":${str(x.sku)},"price":`;
      if (!price) out += 'null';
      else {
        out += `{"amount":{"amount":"${fromMinor(price.amount)}","currencyCode":"CNY"},"listPrice":{"amount":"${fromMinor(price.listPrice)}"},"quantity":${price.quantity},"floorApplied":${price.floorApplied},"steps":[`;
        price.steps.forEach((s, k) => {
          out += `${k ? ',' : ''}{"kind":"${s.kind}","description":${str(s.description)},"amount":{"amount":"${fromMinor(s.amount)}"}}`;
        });
        out += ']}';
      }
      const units = available.get(x.id) ?? 0;
      const status = units <= 0 ? 'OUT_OF_STOCK' : units < LOW_STOCK_THRESHOLD ? 'LOW_STOCK' : 'IN_STOCK';
      out += `,"availability":{"status":"${status}","availableQuantity":${Math.max(units, 0)}}}`;
    });
    out += ']}';
  });
  return `${out}]}}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFloor(databaseUrl: string, secret: string, port: number, host = '127.0.0.1') {
  const sql = postgres(databaseUrl, {
    max: 10,
    prepare: true,
    onnotice: () => {},
    connection: { application_name: 'bench-floor' },
  });
  const run = <T>(text: string, params: unknown[]) =>
    sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }) as unknown as Promise<T[]>;
  const tokens = createTokens(new TextEncoder().encode(secret), 3600);
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const raw = await readBody(req);
        const body = raw ? (JSON.parse(raw) as { variables?: { first?: number } }) : {};
        const first = body.variables?.first ?? 50;
        if (!Number.isInteger(first) || first < 1 || first > 100) throw new Error('first must be 1..100');
        const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
        const verified = m ? await tokens.verify(m[1]) : { error: 'invalid' as const };
        if ('error' in verified) {
          res.writeHead(401, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ errors: [{ message: 'unauthenticated' }] }));
          return;
        }
        const at = new Date();
        const [viewer] = await run<ViewerRow>(VIEWER_SQL, [verified.userId]);
        if (!viewer || viewer.path.length < 2) throw new Error('the floor serves buyers with a seller only');
        const chain = viewer.path.slice(0, -1);
        const [rows, [{ n: total }]] = await Promise.all([
          run<ProductRow>(PAGE_SQL, [chain, first + 1]),
          run<{ n: number }>(COUNT_SQL, [chain]),
        ]);
        const ids = rows.slice(0, first).map((r) => r.id);
        const [variants, stock, [pricing]] = await Promise.all([
          run<VariantRow>(VARIANTS_SQL, [ids, chain]),
          viewer.region === null
            ? run<{ id: number; available: number }>(AVAILABILITY_SQL.anywhere, [ids, chain])
            : run<{ id: number; available: number }>(AVAILABILITY_SQL.inRegion, [ids, chain, viewer.region]),
          run<PricingRow>(PRICING_SQL, [ids, chain.at(-1)!, viewer.tier, at.toISOString()]),
        ]);
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'x-sql-statements': String(FLOOR_STATEMENTS),
        });
        res.end(
          `{"data":${pageJson(viewer, total, rows, variants, new Map(stock.map((r) => [r.id, r.available])), pricing, first, at)}}`,
        );
      } catch (e) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ errors: [{ message: String(e) }] }));
      }
    })();
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await sql.end({ timeout: 5 });
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const url = process.env.FLOOR_DATABASE_URL;
  const secret = process.env.JWT_SECRET;
  const port = Number(process.env.FLOOR_PORT);
  if (!url || !secret || !port) throw new Error('FLOOR_DATABASE_URL, JWT_SECRET and FLOOR_PORT are required');
  const floor = await startFloor(url, secret, port);
  console.log(`floor listening on ${port}`);
  const stop = () => void floor.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
