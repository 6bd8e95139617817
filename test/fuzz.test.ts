import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { request } from 'node:http';
import {
  buildClientSchema,
  getIntrospectionQuery,
  type GraphQLField,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, WORLD_USERS, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses } from './support/orders-world.js';
import { fuzzOperation, LEAKS, messagesOf, type FuzzOperation, type Pools } from './support/fuzz.js';
import { brokenInvariants } from './support/invariants.js';
import { toGlobalId } from '../src/graphql/ids.js';
import {
  ConfirmOrderDocument,
  OpenTicketDocument,
  PlaceOrderDocument,
  RecordPaymentDocument,
  ShipFulfillmentDocument,
} from './generated/graphql.js';

/**
 * Every mutation and every query, with arguments generated from the schema
 * (introspected from the running server), sent by every tier and role and by
 * anonymous clients. No answer may be an INTERNAL_SERVER_ERROR or carry a
 * stack or SQL text, and after each field's inputs every invariant of the
 * stored state still holds (test/support/invariants.ts).
 *
 * `npm test` runs FUZZ_RUNS inputs per field (default 6, about half a
 * minute); `npm run fuzz` runs 60 (FUZZ_RUNS=n to choose, FUZZ_SEED=n to
 * replay a run; a failure prints its seed).
 */
const RUNS = Number(process.env.FUZZ_RUNS) || 6;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

let app: TestApp;
let w: World;
let schema: GraphQLSchema;
let pools: Pools;
const stats = new Map<string, { sent: number; answered: number; refused: number; codes: Map<string, number> }>();

/** Ids of existing rows per node type, read from the database (the types the services decode). */
const ID_TABLES: Record<string, string> = {
  Account: 'accounts',
  Category: 'categories',
  Fulfillment: 'fulfillments',
  InvoiceRequest: 'invoice_requests',
  Notification: 'notifications',
  Order: 'orders',
  PriceList: 'price_lists',
  Product: 'products',
  Promotion: 'promotions',
  RebatePolicy: 'rebate_policies',
  Statement: 'statements',
  Ticket: 'tickets',
  User: 'users',
  Variant: 'variants',
  Warehouse: 'warehouses',
};

async function readPools(): Promise<Pools> {
  const ids: Record<string, string[]> = {};
  for (const [type, table] of Object.entries(ID_TABLES)) {
    const rows = await app.database.db.execute<{ id: number }>(
      sql.raw(`select id from ${table} order by id desc limit 40`),
    );
    ids[type] = rows.map((r) => toGlobalId(type, r.id));
  }
  const column = async (query: string) =>
    (await app.database.db.execute<{ v: string }>(sql.raw(query))).map((r) => r.v);
  return {
    ids,
    skus: await column('select sku as v from variants'),
    emails: await column('select email as v from users order by id limit 30'),
    slugs: await column('select slug as v from portals'),
    regionCodes: ['440304', '440305', '440106', '310104', '440000', '310000', '450000', '440300'],
    batchCodes: await column('select distinct unnest(batch_codes) as v from fulfillments limit 10'),
  };
}

/** Some orders in each state, tickets and payments, so ids point at rows worth acting on. */
async function seedHistory(): Promise<void> {
  const buyer = await w.token('R1a', 'BUYER');
  const d1 = await w.token('D1', 'ADMIN');
  for (let i = 0; i < 6; i++) {
    const placed = await app.gql(
      PlaceOrderDocument,
      {
        input: {
          idempotencyKey: `seed-${i}`,
          lines: [{ sku: 'B1', quantity: 6 }, ...(i % 2 ? [{ sku: 'A1', quantity: 1 }] : [])],
        },
      },
      buyer,
    );
    const order = placed.data!.placeOrder.order!;
    expect(order, JSON.stringify(placed.data!.placeOrder.userErrors)).toBeTruthy();
    if (i >= 2) await app.gql(ConfirmOrderDocument, { id: order.id }, d1);
    if (i >= 4)
      await app.gql(
        ShipFulfillmentDocument,
        { input: { fulfillmentId: order.fulfillments[0].id, batchCodes: [`LOT-${i}`] } },
        d1,
      );
  }
  const ticket = await app.gql(
    OpenTicketDocument,
    { input: { kind: 'REPAIR', subject: 'Leaks', body: 'Water under the sink' } },
    buyer,
  );
  expect(ticket.data!.openTicket.userErrors).toEqual([]);
  const paid = await app.gql(
    RecordPaymentDocument,
    { input: { buyerId: w.id('R1a'), amount: '100.00', method: 'BANK_TRANSFER', reference: 'seed-pay' } },
    await w.token('D1', 'FINANCE'),
  );
  expect(paid.data!.recordPayment.userErrors).toEqual([]);
}

beforeAll(async () => {
  // A bucket no fuzz run empties: throttling has its own tests, here every input must reach the services.
  app = await startTestApp({ THROTTLE_BUCKET_SIZE: '100000000', THROTTLE_RESTORE_RATE: '100000000' }, { poolSize: 8 });
  w = await buildWorld(app);
  await buildCatalog(app, w);
  await buildWarehouses(app, w);
  await seedHistory();
  const introspection = await app.raw(getIntrospectionQuery());
  schema = buildClientSchema(introspection.data as IntrospectionQuery);
  pools = await readPools();
}, 120_000);
afterAll(async () => {
  const rows = [...stats].map(
    ([field, s]) =>
      `${field.padEnd(32)} ${String(s.sent).padStart(4)} sent ${String(s.answered).padStart(4)} done ${String(s.refused).padStart(4)} refused  ${[
        ...s.codes,
      ]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ')}`,
  );
  if (rows.length) console.log(`fuzz: ${RUNS} inputs per field\n${rows.join('\n')}`);
  await app?.close();
});

type Actor = readonly [string, string] | null;
/** Anyone (anonymous included), and half the time someone whose role lets a mutation through, so that inputs reach the rules. */
const everyone: Actor[] = [null, ...WORLD_USERS];
const empowered: Actor[] = [
  ['BRAND', 'ADMIN'],
  ['S', 'ADMIN'],
  ['D1', 'ADMIN'],
  ['D1', 'FINANCE'],
  ['D1', 'SERVICE'],
  ['D1', 'ANALYST'],
  ['R1a', 'BUYER'],
  ['R1a', 'ADMIN'],
  ['R1b', 'BUYER'],
  ['BRAND', 'FINANCE'],
];
const actor = fc.oneof(fc.constantFrom(...everyone), fc.constantFrom(...empowered));

/**
 * Each request on a connection of its own. The server runs in this process, so generating a giant input
 * holds its event loop too: a kept-alive connection idle for longer than the server's headers timeout (10 s)
 * was then reset as the next request went out on it, and the client saw ECONNRESET (seed 1535760478).
 */
async function send(op: FuzzOperation, actor: Actor, variables: Record<string, unknown>) {
  const token = actor ? await w.token(actor[0] as never, actor[1] as never) : null;
  const body = JSON.stringify({ query: op.text, variables });
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(app.url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (e) => reject(Object.assign(new Error('request failed'), { cause: e })));
    req.end(body);
  });
}

/** Why an answer is wrong, or null. */
function fault(status: number, text: string): string | null {
  if (status >= 500) return `HTTP ${status}`;
  let body: { errors?: { extensions?: { code?: string } }[]; data?: unknown };
  try {
    body = JSON.parse(text);
  } catch {
    return 'the answer is not JSON';
  }
  const codes = (body.errors ?? []).map((e) => e.extensions?.code);
  if (codes.some((c) => !c || c === 'INTERNAL_SERVER_ERROR')) return `error codes ${JSON.stringify(codes)}`;
  for (const message of messagesOf(body))
    for (const leak of LEAKS) if (leak.test(message)) return `leaks ${leak}: ${message.slice(0, 300)}`;
  return null;
}

function rootFields(): [kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>][] {
  const out: ['query' | 'mutation', GraphQLField<unknown, unknown>][] = [];
  for (const f of Object.values(schema.getQueryType()!.getFields())) out.push(['query', f]);
  for (const f of Object.values(schema.getMutationType()!.getFields())) out.push(['mutation', f]);
  return out;
}

describe('fuzzing every root field with inputs from the schema', () => {
  it('covers every mutation and every query of the schema', () => {
    const names = rootFields().map(([, f]) => f.name);
    expect(names.length).toBeGreaterThan(50);
    expect(names).toContain('placeOrder');
    expect(names).toContain('salesReport');
  });

  it(`answers ${RUNS} generated inputs per field, as every role, without an internal error or a leak, and keeps every invariant`, async () => {
    const failures: string[] = [];
    for (const [kind, field] of rootFields()) {
      const op = fuzzOperation(pools, kind, field);
      const s = { sent: 0, answered: 0, refused: 0, codes: new Map<string, number>() };
      stats.set(`${kind} ${field.name}`, s);
      const result = await fc.check(
        fc.asyncProperty(actor, op.variables, async (actor, variables) => {
          const { status, text } = await send(op, actor, variables).catch((e: Error) => {
            throw new Error(
              `${field.name} as ${actor ? actor.join(' ') : 'anonymous'}: ${e.message} (${String((e.cause as Error)?.message ?? '')}), ${JSON.stringify(variables).length} bytes of variables: ${JSON.stringify(variables).slice(0, 500)}`,
            );
          });
          s.sent++;
          const wrong = fault(status, text);
          if (wrong)
            throw new Error(
              `${field.name} as ${actor ? actor.join(' ') : 'anonymous'}: ${wrong}\nvariables: ${JSON.stringify(variables).slice(0, 2000)}\nanswer: ${text.slice(0, 1500)}`,
            );
          const body = JSON.parse(text) as {
            data?: Record<string, { userErrors?: { code: string }[] } | null> | null;
            errors?: { extensions?: { code?: string } }[];
          };
          const root = body.data?.[field.name];
          const found = [
            ...(body.errors ?? []).map((e) => e.extensions?.code ?? '?'),
            ...(root && !Array.isArray(root) && root.userErrors ? root.userErrors.map((e) => e.code) : []),
          ];
          for (const c of found) s.codes.set(c, (s.codes.get(c) ?? 0) + 1);
          if (process.env.FUZZ_DEBUG && body.errors?.length)
            console.log(
              field.name,
              JSON.stringify(body.errors.slice(0, 2).map((e) => (e as { message: string }).message)).slice(0, 400),
            );
          if (root === null || root === undefined || (root && !Array.isArray(root) && root.userErrors?.length))
            s.refused++;
          else s.answered++;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      if (result.failed)
        failures.push(
          `seed ${result.seed}: ${String((result.errorInstance as Error)?.message ?? result.errorInstance)}`,
        );
      const broken = await brokenInvariants(app.database.db);
      if (Object.keys(broken).length)
        failures.push(`after ${kind} ${field.name}: invariants broken ${JSON.stringify(broken).slice(0, 2000)}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
