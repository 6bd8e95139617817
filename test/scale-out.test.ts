import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses, expectInvariants, type OrdersWorld } from './support/orders-world.js';
import { post, startServerProcess, type Answer, type ServerProcess } from './support/server-process.js';
import { startReceiver, type Receiver, type Received } from './support/receiver.js';
import {
  CancelOrderDocument,
  OpenTicketDocument,
  PlaceOrderDocument,
  SetStockLevelsDocument,
} from './generated/graphql.js';
import { accounts } from '../src/modules/accounts/tables.js';
import { outbox } from '../src/modules/integration/tables.js';
import { runSlaCheck } from '../src/modules/tickets/sla-worker.js';
import { RETRY_SCHEDULE_MS } from '../src/modules/webhooks/dispatcher.js';

/**
 * Scale-out (README "Scaling"): two API processes (`node --import tsx
 * src/main.ts serve`, what `npm start` runs) and one `npm run worker` over
 * one database. The races of test/orders-concurrency.test.ts hold with the
 * requests split across the processes, and the background work that every
 * process runs (the webhook dispatcher every 50 ms, the SLA clock every
 * second) is done once: each outbox row fans out once, each delivery attempt
 * is made once per due time, each SLA breach is recorded once.
 */
const q = { place: print(PlaceOrderDocument), cancel: print(CancelOrderDocument), open: print(OpenTicketDocument) };
const BACKGROUND = { WEBHOOK_POLL_MS: '50', SLA_CHECK_SECONDS: '1', DB_POOL_SIZE: '12' };

let app: TestApp;
let w: World;
let ow: OrdersWorld;
let a: ServerProcess;
let b: ServerProcess;
let worker: ServerProcess;
let rx: Receiver;
let secret: string;

/** The first attempt of every event at /erp fails with 500; the retry is taken. */
const firstAttemptFails = (r: Received) =>
  rx.got.filter((g) => g.path === r.path && g.json.id === r.json.id).length === 1 ? { status: 500 } : { status: 200 };

beforeAll(async () => {
  rx = await startReceiver({ decide: firstAttemptFails });
  app = await startTestApp({}, { poolSize: 8 });
  w = await buildWorld(app);
  await buildCatalog(app, w);
  ow = await buildWarehouses(app, w);
  // What the world's setup wrote is old news: only what the processes do from here on counts.
  await app.database.db
    .update(outbox)
    .set({ processedAt: new Date() })
    .where(sql`${outbox.processedAt} is null`);
  const endpoint = await app.raw(
    'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret userErrors { code } } }',
    { input: { accountId: w.id('D1'), url: rx.url('/erp'), events: ['ORDER_SUBMITTED', 'TICKET_SLA_BREACHED'] } },
    await w.token('D1', 'ADMIN'),
  );
  expect(endpoint.data.createWebhookEndpoint.userErrors).toEqual([]);
  secret = endpoint.data.createWebhookEndpoint.secret;
  rx.secrets('/erp', secret);
  const common = { databaseUrl: app.databaseUrl, jwtSecret: app.config.jwtSecret!, env: BACKGROUND };
  [a, b, worker] = await Promise.all([
    startServerProcess({ name: 'api A', ...common }),
    startServerProcess({ name: 'api B', ...common }),
    startServerProcess({ name: 'worker', command: 'worker', ...common }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), worker?.stop()]);
  await rx?.close();
  await app?.close();
});

/** Request i goes to process A when even, B when odd. */
const to = (i: number) => (i % 2 ? b : a).url;

async function setStock(key: 'BRAND' | 'S' | 'D1', sku: string, onHand: number) {
  const res = await app.gql(
    SetStockLevelsDocument,
    { input: [{ warehouseId: ow.warehouse[key], sku, onHand }] },
    await w.token(key, 'ADMIN'),
  );
  expect(res.data!.setStockLevels.userErrors).toEqual([]);
}

function noErrors(answers: Answer[]) {
  expect(answers.flatMap((r) => r.body.errors ?? [])).toEqual([]);
  expect(answers.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
}

describe('two API processes on one database', () => {
  it('sell the last 8 units once: 30 concurrent orders split across both, exactly 8 placed, the rest OUT_OF_STOCK', async () => {
    // A2 reaches Futian only from S and the brand: 8 units in all.
    await setStock('BRAND', 'A2', 0);
    await setStock('S', 'A2', 8);
    const token = await w.token('R1a', 'BUYER');
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(to(i), q.place, { input: { idempotencyKey: `last-${i}`, lines: [{ sku: 'A2', quantity: 1 }] } }, token),
      ),
    );
    noErrors(answers);
    const placed = answers.filter((r) => r.body.data.placeOrder.order);
    const refused = answers.filter((r) => !r.body.data.placeOrder.order);
    expect(placed).toHaveLength(8);
    expect(new Set(refused.map((r) => r.body.data.placeOrder.userErrors[0].code))).toEqual(new Set(['OUT_OF_STOCK']));
    const [{ reserved, onHand }] = await app.database.db.execute<{ reserved: number; onHand: number }>(sql`
      select sum(reserved)::int as reserved, sum(on_hand)::int as "onHand" from stock_levels s join variants v on v.id = s.variant_id where v.sku = 'A2'`);
    expect({ reserved, onHand }).toEqual({ reserved: 8, onHand: 8 });
    await expectInvariants(app);
    // Cancelled through the other process than the one that placed each: exactly the 8 units come back.
    const cancelled = await Promise.all(
      placed.map((r, i) => post(to(i + 1), q.cancel, { id: r.body.data.placeOrder.order.id }, token)),
    );
    noErrors(cancelled);
    await expectInvariants(app);
  });

  it('place one order for one idempotency key sent to both processes at once', async () => {
    const token = await w.token('R1a', 'BUYER');
    const input = { idempotencyKey: 'same-key-both-processes', lines: [{ sku: 'B1', quantity: 6 }] };
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => post(to(i), q.place, { input }, token)));
    noErrors(answers);
    const ids = new Set(answers.map((r) => r.body.data.placeOrder.order?.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeTruthy();
    const [{ n }] = await app.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from orders where idempotency_key = ${input.idempotencyKey}`,
    );
    expect(n).toBe(1);
    await expectInvariants(app);
  });

  it('never take credit beyond the limit with orders split across both', async () => {
    // R1b: limit 30,000.00; each order is A1×3 at 2,150.00 = 6,450.00.
    await setStock('BRAND', 'A1', 500);
    const token = await w.token('R1b', 'BUYER');
    const [{ used: before }] = await app.database.db
      .select({ used: accounts.creditUsed })
      .from(accounts)
      .where(eq(accounts.id, w.account('R1b').id));
    const room = Math.floor((3_000_000 - Number(before)) / 645_000);
    expect(room).toBeGreaterThan(1);
    const answers = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        post(to(i), q.place, { input: { idempotencyKey: `credit-${i}`, lines: [{ sku: 'A1', quantity: 3 }] } }, token),
      ),
    );
    noErrors(answers);
    const placed = answers.filter((r) => r.body.data.placeOrder.order);
    expect(placed).toHaveLength(room);
    expect(
      new Set(
        answers.filter((r) => !r.body.data.placeOrder.order).map((r) => r.body.data.placeOrder.userErrors[0].code),
      ),
    ).toEqual(new Set(['CREDIT_LIMIT_EXCEEDED']));
    const [{ used, limit }] = await app.database.db
      .select({ used: accounts.creditUsed, limit: accounts.creditLimit })
      .from(accounts)
      .where(eq(accounts.id, w.account('R1b').id));
    expect(used <= limit!).toBe(true);
    expect(Number(used) - Number(before)).toBe(room * 645_000);
    await expectInvariants(app);
  });
});

describe('background work in every process (two API processes and a worker)', () => {
  it('fans each outbox row out once and makes each delivery attempt once per due time', async () => {
    const token = await w.token('R1a', 'BUYER');
    await setStock('BRAND', 'B1', 100_000);
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        post(to(i), q.place, { input: { idempotencyKey: `hook-${i}`, lines: [{ sku: 'B1', quantity: 6 }] } }, token),
      ),
    );
    noErrors(answers);
    const orderIds = answers.map((r) => r.body.data.placeOrder.order.id as string);
    expect(orderIds.every(Boolean)).toBe(true);
    // Every order submitted since the endpoint exists (the earlier tests' too) reaches it: its first attempt fails, the retry succeeds.
    const submitted = await app.database.db.execute<{ id: number }>(
      sql`select id from outbox where topic = 'order.submitted' and created_at >= (select created_at from webhook_endpoints order by id limit 1)`,
    );
    expect(submitted.length).toBeGreaterThanOrEqual(24);
    const until = Date.now() + 60_000;
    for (;;) {
      const [{ open, done }] = await app.database.db.execute<{ open: number; done: number }>(sql`
        select count(*) filter (where status <> 'SUCCEEDED')::int as open, count(*) filter (where status = 'SUCCEEDED')::int as done
        from webhook_deliveries d join outbox o on o.id = d.outbox_id where o.topic = 'order.submitted'`);
      if (open === 0 && done >= submitted.length) break;
      if (Date.now() > until)
        throw new Error(`deliveries not done after 60 s: ${open} open, ${done} done of ${submitted.length}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 500)); // a duplicate attempt would have arrived by now
    const orders = rx.at('/erp').filter((r) => r.json.type === 'order.submitted');
    const byEvent = new Map<string, Received[]>();
    for (const r of orders) byEvent.set(r.json.id, [...(byEvent.get(r.json.id) ?? []), r]);
    // Once per outbox row: one event id per row, each attempted exactly twice (the failure, then the retry after the schedule's 5 s).
    expect([...byEvent.keys()].sort()).toEqual(submitted.map((s) => `evt_${s.id}`).sort());
    for (const [id, attempts] of byEvent) {
      expect(attempts.length, id).toBe(2);
      expect(
        attempts.every((x) => x.verifiedWith.length === 1),
        id,
      ).toBe(true);
      const [first, second] = attempts.map((x) => Number(x.headers['webhook-timestamp']) * 1000);
      expect(second - first, id).toBeGreaterThanOrEqual(RETRY_SCHEDULE_MS[0] - 1000);
    }
    for (const id of orderIds) expect(orders.some((r) => r.json.data.id === id)).toBe(true);
    const rows = await app.database.db.execute<{ attempts: number; n: number }>(sql`
      select attempts, count(*)::int as n from webhook_deliveries d join outbox o on o.id = d.outbox_id where o.topic = 'order.submitted' group by attempts`);
    expect(rows).toEqual([{ attempts: 2, n: submitted.length }]);
    // No process logged a failed fan-out, dispatch or recording.
    for (const p of [a, b, worker])
      expect(p.output(), p.name).not.toMatch(/fan-out failed|dispatch failed|could not be recorded/);
  }, 120_000);

  it('records each SLA breach once, though every process and four more checkers run the clock at once', async () => {
    const token = await w.token('R1a', 'BUYER');
    const opened = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post(
          to(i),
          q.open,
          {
            input: {
              kind: 'INQUIRY',
              subject: `Question ${i}`,
              body: 'When does the filter need changing?',
              priority: 'URGENT',
            },
          },
          token,
        ),
      ),
    );
    noErrors(opened);
    const ids = opened.map((r) => r.body.data.openTicket.ticket?.id as string);
    expect(ids.every(Boolean), JSON.stringify(opened[0].body)).toBe(true);
    // Both clocks of every ticket ran out a minute ago, in four waves a quarter of a second apart; four more checkers race the processes' clocks.
    for (let wave = 0; wave < 4; wave++) {
      await app.database.db.execute(sql`
        update tickets set created_at = now() - interval '2 hours', first_response_due_at = now() - interval '1 minute', resolve_due_at = now() - interval '1 minute'
        where subject like 'Question %' and id % 4 = ${wave}`);
      await Promise.all(Array.from({ length: 4 }, () => runSlaCheck(app.database.db, new Date())));
      await new Promise((r) => setTimeout(r, 250));
    }
    const until = Date.now() + 30_000;
    for (;;) {
      const [{ left }] = await app.database.db.execute<{ left: number }>(sql`
        select count(*)::int as left from tickets where subject like 'Question %' and (first_response_breached_at is null or resolution_breached_at is null)`);
      if (left === 0) break;
      if (Date.now() > until) throw new Error(`${left} tickets not breached after 30 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 2500)); // two more rounds of every process's clock
    const events = await app.database.db.execute<{ ticket_id: number; n: number }>(sql`
      select t.id as ticket_id, count(e.id)::int as n from tickets t left join ticket_events e on e.ticket_id = t.id and e.kind = 'SLA_BREACHED'
      where t.subject like 'Question %' group by t.id`);
    expect(events).toHaveLength(40);
    expect(events.filter((e) => e.n !== 2)).toEqual([]);
    const published = await app.database.db.execute<{ aggregate_id: number; n: number }>(sql`
      select aggregate_id, count(*)::int as n from outbox where topic = 'ticket.sla_breached' group by aggregate_id`);
    expect(published).toHaveLength(40);
    expect(published.filter((p) => p.n !== 2)).toEqual([]);
    // One notice per clock to each of D1's ADMIN and SERVICE users.
    const notified = await app.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from notifications where kind = 'SLA_BREACHED' and ticket_id in (select id from tickets where subject like 'Question %') group by ticket_id, title, user_id`);
    expect(notified).toHaveLength(80 * 2);
    expect(notified.filter((x) => x.n !== 1)).toEqual([]);
    // And each breach reaches the distributor's ERP once (after the failed first attempt, once more).
    const until2 = Date.now() + 30_000;
    while (rx.at('/erp').filter((r) => r.json.type === 'ticket.sla_breached').length < 160 && Date.now() < until2)
      await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 500));
    const breaches = rx.at('/erp').filter((r) => r.json.type === 'ticket.sla_breached');
    const perEvent = new Map<string, number>();
    for (const r of breaches) perEvent.set(r.json.id, (perEvent.get(r.json.id) ?? 0) + 1);
    expect(perEvent.size).toBe(80);
    expect([...perEvent.values()].filter((n) => n !== 2)).toEqual([]);
  }, 120_000);
});
