/**
 * W1-floor: the catalog page of W1 without the GraphQL stack. A bare
 * `node:http` handler verifies the same bearer token, runs ONE hand-written SQL
 * statement over postgres.js (viewer, page, categories, media, visible
 * variants, availability, total count and every pricing fact of the seller),
 * prices each variant with the same pure engine (`resolvePrice`) and writes
 * the JSON the GraphQL server answers for the same query, byte for byte (the
 * harness checks that before it measures).
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

interface PageRow {
  viewer: { id: number; tier: Tier; region: string | null; seller: number | null } | null;
  total: number;
  products: {
    id: number;
    code: string;
    name: string;
    categoryId: number | null;
    categoryName: string | null;
    media: { url: string; kind: string; title: string | null }[];
    variants: { id: number; sku: string; available: number }[];
  }[];
  lists: { id: number; name: string; priority: number; validFrom: string | null; validTo: string | null; assignments: { accountId: number | null; regionCode: string | null; tier: Tier | null }[]; entries: { variantId: number; minQuantity: number; price: string }[] }[];
  promotions: { id: number; name: string; kind: 'PERCENT_OFF' | 'AMOUNT_OFF'; value: string; validFrom: string | null; validTo: string | null; stackable: boolean; tiers: Tier[]; regionCodes: string[]; accountIds: number[]; variantIds: number[]; categoryIds: number[] }[];
  floors: { variantId: number; amount: string }[];
}

/**
 * The viewer's seller chain as an array: a scalar subquery is planned once, as
 * an init plan, so the predicates below use indexes as they would with a
 * constant (a join to the CTE would be re-evaluated row by row).
 */
const CHAIN = '((select chain from v)::int[])';
const PAGE_IDS = 'array(select id from page)';
const VARIANT_IDS = 'array(select id from pv)';

/** V2 for a variant id expression: every seller of the chain that narrows its offer lists it. */
const visible = (variant: string) => `not exists (
  select 1 from assortments a where a.seller_id = any(${CHAIN}) and not a.include_all
    and not exists (select 1 from assortment_items i where i.seller_id = a.seller_id and i.variant_id = ${variant}))`;

/** The one statement: $1 user id, $2 rows to fetch (page size + 1), $3 the request's time. */
export const PAGE_SQL = `
with v as materialized (
  select a.id, a.tier, a.address_region_code as region, a.path[1:array_length(a.path, 1) - 1] as chain,
    case when array_length(a.path, 1) > 1 then a.path[array_length(a.path, 1) - 1] end as seller
  from users u join accounts a on a.id = u.account_id where u.id = $1
),
page as materialized (
  select p.id, p.code, p.name, p.category_id from products p
  where exists (select 1 from variants x where x.product_id = p.id and ${visible('x.id')})
  order by p.id limit $2
),
pv as materialized (
  select x.id, x.product_id, x.sku, x.position from variants x
  where x.product_id = any(${PAGE_IDS}) and ${visible('x.id')}
),
avail as materialized (
  select s.variant_id, sum(s.on_hand - s.reserved)::int as available
  from stock_levels s
  where s.variant_id = any(${VARIANT_IDS})
    and s.warehouse_id = any(array(
      select w.id from warehouses w where w.owner_id = any(${CHAIN})
        and ((select region from v) is null or exists (select 1 from unnest(w.coverage) c
          where (select region from v) like (case when c like '%0000' then left(c, 2) when c like '%00' then left(c, 4) else c end) || '%'))))
  group by s.variant_id
),
variants_json as materialized (
  select x.product_id, json_agg(json_build_object('id', x.id, 'sku', x.sku, 'available', coalesce(av.available, 0)) order by x.position, x.id) as variants
  from pv x left join avail av on av.variant_id = x.id group by x.product_id
),
media_json as materialized (
  select m.product_id, json_agg(json_build_object('url', m.url, 'kind', m.kind, 'title', m.title) order by m.position, m.id) as media
  from product_media m where m.product_id = any(${PAGE_IDS}) group by m.product_id
)
select
  (select json_build_object('id', v.id, 'tier', v.tier, 'region', v.region, 'seller', v.seller) from v) as viewer,
  (select count(*)::int from products p where exists (select 1 from variants x where x.product_id = p.id and ${visible('x.id')})) as total,
  coalesce((select json_agg(json_build_object(
      'id', p.id, 'code', p.code, 'name', p.name, 'categoryId', c.id, 'categoryName', c.name,
      'media', coalesce(mj.media, '[]'), 'variants', coalesce(vj.variants, '[]'))
    order by p.id)
    from page p left join categories c on c.id = p.category_id
      left join media_json mj on mj.product_id = p.id left join variants_json vj on vj.product_id = p.id), '[]') as products,
  coalesce((select json_agg(json_build_object(
      'id', l.id, 'name', l.name, 'priority', l.priority, 'validFrom', l.valid_from, 'validTo', l.valid_to,
      'assignments', coalesce((select json_agg(json_build_object('accountId', a.account_id, 'regionCode', a.region_code, 'tier', a.tier))
                               from price_list_assignments a where a.price_list_id = l.id), '[]'),
      'entries', coalesce((select json_agg(json_build_object('variantId', e.variant_id, 'minQuantity', e.min_quantity, 'price', e.price::text))
                           from price_list_entries e where e.price_list_id = l.id and e.variant_id = any(${VARIANT_IDS})), '[]')))
    from price_lists l where l.owner_id = (select seller from v) and (l.valid_to is null or l.valid_to > $3)), '[]') as lists,
  coalesce((select json_agg(json_build_object(
      'id', p.id, 'name', p.name, 'kind', p.kind, 'value', p.value::text, 'validFrom', p.valid_from, 'validTo', p.valid_to,
      'stackable', p.stackable, 'tiers', p.tiers, 'regionCodes', p.region_codes, 'accountIds', p.account_ids,
      'variantIds', p.variant_ids, 'categoryIds', p.category_ids))
    from promotions p where p.owner_id = (select seller from v) and (p.valid_to is null or p.valid_to > $3)), '[]') as promotions,
  coalesce((select json_agg(json_build_object('variantId', f.variant_id, 'amount', f.amount::text))
    from price_floors f where f.tier = (select tier from v) and f.variant_id = any(${VARIANT_IDS})), '[]') as floors`;

const date = (s: string | null) => (s === null ? null : new Date(s));
const moneyFull = (minor: bigint) => ({ amount: fromMinor(minor), currencyCode: 'CNY' });
const moneyAmount = (minor: bigint) => ({ amount: fromMinor(minor) });

/** Builds the same `data` the GraphQL server returns for the W1 query. */
export function buildPage(row: PageRow, first: number, at: Date) {
  const viewer = row.viewer!;
  const data: PricingData = {
    lists: row.lists.map((l) => ({ ...l, validFrom: date(l.validFrom), validTo: date(l.validTo), entries: l.entries.map((e) => ({ ...e, price: BigInt(e.price) })) })),
    promotions: row.promotions.map((p) => ({ ...p, value: BigInt(p.value), validFrom: date(p.validFrom), validTo: date(p.validTo) })),
    floors: new Map(row.floors.map((f) => [f.variantId, BigInt(f.amount)])),
  };
  const buyer = { accountId: viewer.id, tier: viewer.tier, regionCode: viewer.region };
  const hasNextPage = row.products.length > first;
  const products = hasNextPage ? row.products.slice(0, first) : row.products;
  return {
    products: {
      totalCount: row.total,
      pageInfo: { hasNextPage, endCursor: products.length ? encodeCursor(products[products.length - 1].id) : null },
      nodes: products.map((p) => ({
        id: toGlobalId('Product', p.id),
        code: p.code,
        name: p.name,
        category: p.categoryId === null ? null : { id: toGlobalId('Category', p.categoryId), name: p.categoryName },
        media: p.media.map((m) => ({ url: m.url, kind: m.kind, title: m.title })),
        variants: p.variants.map((x) => {
          const price = viewer.seller === null ? null : resolvePrice(buyer, { variantId: x.id, sku: x.sku, categoryId: p.categoryId }, 1, at, data);
          return {
            id: toGlobalId('Variant', x.id),
            sku: x.sku,
            price: price && {
              amount: moneyFull(price.amount),
              listPrice: moneyAmount(price.listPrice),
              quantity: price.quantity,
              floorApplied: price.floorApplied,
              steps: price.steps.map((s) => ({ kind: s.kind, description: s.description, amount: moneyAmount(s.amount) })),
            },
            availability: {
              status: x.available <= 0 ? 'OUT_OF_STOCK' : x.available < LOW_STOCK_THRESHOLD ? 'LOW_STOCK' : 'IN_STOCK',
              availableQuantity: Math.max(x.available, 0),
            },
          };
        }),
      })),
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFloor(databaseUrl: string, secret: string, port: number, host = '127.0.0.1') {
  const sql = postgres(databaseUrl, { max: 10, onnotice: () => {}, connection: { application_name: 'bench-floor' } });
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
        const [row] = await sql.unsafe<PageRow[]>(PAGE_SQL, [verified.userId, first + 1, at.toISOString()], { prepare: true });
        if (!row.viewer) throw new Error('no such viewer');
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-sql-statements': '1' });
        res.end(JSON.stringify({ data: buildPage(row, first, at) }));
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
