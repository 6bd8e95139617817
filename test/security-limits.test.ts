import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses } from './support/orders-world.js';
import { ConfirmOrderDocument, PlaceOrderDocument, UpdateChannelSettingsDocument } from './generated/graphql.js';
import { DEFAULT_LIMITS, DEFAULT_THROTTLE } from '../src/config.js';

/**
 * Issue 11, item 1: hostile operations are refused before they run, quickly
 * and without the server's memory growing; every answer reports its cost.
 * The server runs in this process, so its heap is this process's heap.
 */
let app: TestApp;
let w: World;
let productId: string;
let orderId: string;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  await buildWarehouses(app, w);
  const brand = await w.token('BRAND', 'ADMIN');
  expect(
    (await app.gql(UpdateChannelSettingsDocument, { input: { publicCatalog: true } }, brand)).data!
      .updateChannelSettings.userErrors,
  ).toEqual([]);
  productId = (await app.raw('{ products(first: 1) { nodes { id } } }')).data.products.nodes[0].id;
  const placed = await app.gql(
    PlaceOrderDocument,
    { input: { idempotencyKey: 'limits-1', lines: [{ sku: 'B1', quantity: 6 }] } },
    await w.token('R1a', 'BUYER'),
  );
  orderId = placed.data!.placeOrder.order!.id;
});
afterAll(() => app?.close());

/** Sends a raw body and measures how long the answer took and how much the heap grew. */
async function hostile(query: string, token?: string) {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const res = await app.raw(query, {}, token);
  const ms = performance.now() - started;
  const grewMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  return { res, ms, grewMb };
}

/** `levels` fields nested inside each other, the i-th being wrap(i) around what is inside it. */
function nest(levels: number, wrap: (i: number, inner: string) => string, leaf: string): string {
  let q = leaf;
  for (let i = levels - 1; i >= 0; i--) q = wrap(i, q);
  return q;
}

describe('refused before execution (issue 11, critical 1)', () => {
  it('the 400-byte product → variants → product … query, anonymously on the public catalog', async () => {
    const query = `{ product(id: "${productId}") { ${nest(13, (i, q) => `${i % 2 === 0 ? 'variants' : 'product'} { ${q} }`, 'sku')} } }`;
    expect(query.length).toBeLessThan(400);
    const { res, ms, grewMb } = await hostile(query);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0].message).toMatch(/depth limit of 7 exceeded, found 15/);
    expect(res.data).toBeUndefined();
    expect(res.statements).toBe(0);
    expect(ms).toBeLessThan(1000);
    expect(grewMb).toBeLessThan(50);
  });

  it('orders → buyer → orders … as a retailer', async () => {
    const query = `{ ${nest(6, (i, q) => (i % 2 === 0 ? `orders(first: 100) { nodes { ${q} } }` : `buyer { ${q} }`), 'id')} }`;
    const { res, ms } = await hostile(query, await w.token('R1a', 'BUYER'));
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.statements).toBe(1); // the viewer only
    expect(ms).toBeLessThan(1000);
  });

  it('lists of lists within the depth limit are refused by their cost, which is reported', async () => {
    const query = '{ accounts(first: 100) { nodes { orders(first: 100) { nodes { lines { sku } } } } } }';
    const res = await app.raw(query, {}, await w.token('BRAND', 'ADMIN'));
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['MAX_COST_EXCEEDED']);
    expect(res.statements).toBe(1); // the viewer only: nothing of the operation ran
    const body = await (
      await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await w.token('BRAND', 'ADMIN')}` },
        body: JSON.stringify({ query }),
      })
    ).json();
    expect(body.extensions.cost.requestedQueryCost).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(body.extensions.cost.actualQueryCost).toBe(0);
  });

  it('viewer → user → account → users → account … at depth 15', async () => {
    const query = `{ viewer { user { ${nest(12, (i, q) => `${i % 2 === 0 ? 'account' : 'users'} { ${q} }`, 'id')} } } }`;
    const { res, ms } = await hostile(query, await w.token('D1', 'ADMIN'));
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(ms).toBeLessThan(1000);
  });

  it('1,000 aliases of an orders page (the parser stops at the token limit first)', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: orders(first: 100) { nodes { id } }`).join(' ')} }`;
    const { res, ms } = await hostile(query, await w.token('R1a', 'BUYER'));
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(res.statements).toBe(1); // the viewer only
    expect(ms).toBeLessThan(2000);
  });

  it('19 aliases, few enough tokens: the alias limit', async () => {
    const query = `{ ${Array.from({ length: 19 }, (_, i) => `a${i}: orders(first: 1) { totalCount }`).join(' ')} }`;
    const res = await app.raw(query, {}, await w.token('R1a', 'BUYER'));
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0].message).toMatch(/Aliases limit of 18 exceeded, found 19/);
    expect(res.statements).toBe(1);
    const eighteen = await app.raw(
      `{ ${Array.from({ length: 18 }, (_, i) => `a${i}: orders(first: 1) { totalCount }`).join(' ')} }`,
      {},
      await w.token('R1a', 'BUYER'),
    );
    expect(eighteen.errors).toBeUndefined();
  });

  it('400,000 __typename aliases: the parser stops at the token limit', async () => {
    const query = `{ ${Array.from({ length: 400_000 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    const { res, ms, grewMb } = await hostile(query);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(res.errors![0].message).toMatch(/more tha[nt] 654 tokens/);
    expect(ms).toBeLessThan(3000);
    expect(grewMb).toBeLessThan(100);
  });

  it('a flood of directives', async () => {
    const query = `{ viewer { ${Array.from({ length: 5 }, (_, i) => `r${i}: roles @include(if: true)`).join(' ')} } }`;
    const flood = await app.raw(query, {}, await w.token('R1a', 'BUYER'));
    expect(codes(flood)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(flood.errors![0].message).toMatch(/Directives limit of 4 exceeded, found 5/);
    // A few are fine: @include and @skip work.
    const few = await app.raw(
      '{ viewer @include(if: true) { roles @skip(if: false) } }',
      {},
      await w.token('R1a', 'BUYER'),
    );
    expect(few.errors).toBeUndefined();
  });
});

describe('extensions.cost', () => {
  it('reports the requested and the actual cost, and the viewer’s bucket as the throttle status', async () => {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await w.token('R1a', 'BUYER')}` },
      body: JSON.stringify({ query: '{ orders(first: 10) { totalCount nodes { id lines { sku } } } }' }),
    });
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    const n = body.data.orders.nodes.length;
    const lines = body.data.orders.nodes.reduce((s: number, o: { lines: unknown[] }) => s + o.lines.length, 0);
    // orders: 2 + 10 × (node 1 + lines 2 + 10 × 1); actual: 2 + Σ (1 + 2 + its lines).
    expect(body.extensions.cost).toEqual({
      requestedQueryCost: 2 + 10 * (1 + 2 + 10),
      actualQueryCost: 2 + n * 3 + lines,
      throttleStatus: {
        maximumAvailable: DEFAULT_THROTTLE.bucketSize,
        currentlyAvailable: expect.any(Number),
        restoreRate: DEFAULT_THROTTLE.restoreRate,
      },
    });
    expect(n).toBeGreaterThan(0);
    // What this answer cost stays charged (test/throttle.test.ts works the bucket through).
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThanOrEqual(
      DEFAULT_THROTTLE.bucketSize - body.extensions.cost.actualQueryCost,
    );
  });

  it('a variable `first` is what the cost uses', async () => {
    const send = async (first: number) =>
      (
        await (
          await fetch(app.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${await w.token('R1a', 'BUYER')}` },
            body: JSON.stringify({
              query: 'query($n: Int) { orders(first: $n) { nodes { id } } }',
              variables: { n: first },
            }),
          })
        ).json()
      ).extensions.cost.requestedQueryCost;
    expect(await send(5)).toBe(2 + 5);
    expect(await send(100)).toBe(2 + 100);
  });
});

describe('a capped answer and a request deadline', () => {
  let small: TestApp;
  let sw: World;
  beforeAll(async () => {
    small = await startTestApp({ MAX_RESPONSE_BYTES: '1000', REQUEST_TIMEOUT_MS: '400', DB_LOCK_TIMEOUT_MS: '20000' });
    sw = await buildWorld(small);
  });
  afterAll(() => small?.close());

  it('a query whose answer is larger than MAX_RESPONSE_BYTES is refused', async () => {
    const token = await sw.token('BRAND', 'ADMIN');
    const res = await small.raw(
      '{ accounts(first: 100) { nodes { id name code tier territory { code name } } } }',
      {},
      token,
    );
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['RESPONSE_TOO_LARGE']);
    expect((await small.raw('{ accounts(first: 1) { nodes { id } } }', {}, token)).errors).toBeUndefined();
  });

  it('a request still waiting at REQUEST_TIMEOUT_MS answers TIMEOUT at once', async () => {
    const token = await sw.token('BRAND', 'ADMIN');
    // Lock the users table: a createUser insert waits for it.
    const conn = await small.database.sql.reserve();
    await conn`begin`;
    await conn`lock table users in exclusive mode`;
    try {
      const started = performance.now();
      const res = await small.raw(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code } } }',
        {
          i: {
            accountId: sw.id('BRAND'),
            email: 'late@brand.example',
            name: 'Late',
            password: 'lantern-river-42',
            roles: ['BUYER'],
          },
        },
        token,
      );
      expect(res.status).toBe(503);
      expect(codes(res)).toEqual(['TIMEOUT']);
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      await conn`rollback`;
      conn.release();
    }
    // What was still running when the client heard TIMEOUT did not commit behind its back.
    await new Promise((r) => setTimeout(r, 300));
    const [{ n }] = await small.database.sql`select count(*)::int as n from users where email = 'late@brand.example'`;
    expect(n).toBe(0);
  });
});

describe('lock_timeout', () => {
  let quick: TestApp;
  let qw: World;
  beforeAll(async () => {
    quick = await startTestApp({ DB_LOCK_TIMEOUT_MS: '300' });
    qw = await buildWorld(quick);
  });
  afterAll(() => quick?.close());

  it('a transaction that waits on a row lock too long gives up with TIMEOUT, not a 500, and writes nothing', async () => {
    const conn = await quick.database.sql.reserve();
    await conn`begin`;
    await conn`lock table users in exclusive mode`;
    try {
      const res = await quick.raw(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code } } }',
        {
          i: {
            accountId: qw.id('BRAND'),
            email: 'blocked@brand.example',
            name: 'Blocked',
            password: 'lantern-river-42',
            roles: ['BUYER'],
          },
        },
        await qw.token('BRAND', 'ADMIN'),
      );
      expect(codes(res)).toEqual(['TIMEOUT']);
      expect(JSON.stringify(res.errors)).not.toMatch(/lock|select|insert/i);
    } finally {
      await conn`rollback`;
      conn.release();
    }
    const [{ n }] = await quick.database
      .sql`select count(*)::int as n from users where email = 'blocked@brand.example'`;
    expect(n).toBe(0);
  });
});

describe('limits on a confirmed order stay out of the way of real work', () => {
  it('confirmOrder still answers with its cost', async () => {
    const res = await app.gql(ConfirmOrderDocument, { id: orderId }, await w.token('D1', 'ADMIN'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.confirmOrder.order!.status).toBe('ALLOCATED');
  });
});
