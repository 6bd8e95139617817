import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses } from './support/orders-world.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { createLogger } from '../src/logger.js';
import { createDispatcher, RETRY_SCHEDULE_MS, type Dispatcher } from '../src/modules/webhooks/dispatcher.js';
import { checkUrl, isPublicAddress } from '../src/modules/webhooks/ssrf.js';
import { webhookDeliveries, webhookEndpoints } from '../src/modules/webhooks/tables.js';
import { auditEntries } from '../src/modules/audit/tables.js';
import { outbox } from '../src/modules/integration/tables.js';
import type { Role } from '../src/modules/users/tables.js';

/** Issue 13: webhooks, delivered to a real receiver on 127.0.0.1 that verifies every signature with `standardwebhooks`. */
let app: TestApp;
let w: World;
let rx: Receiver;
let dispatcher: Dispatcher;
/** The dispatcher's clock: retries are stepped through by moving it. */
let now = new Date();

const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url events enabled account { id } } userErrors { code field message } }
}`;
const ENDPOINT = `query($id: ID!, $filter: WebhookDeliveryFilter) { node(id: $id) { ... on WebhookEndpoint {
  enabled disabledReason
  deliveries(first: 50, filter: $filter) { totalCount nodes { id eventId eventType status attempts responseStatus nextAttemptAt lastAttemptAt payload endpoint { id } } }
} } }`;

interface Endpoint {
  id: string;
  path: string;
  secret: string;
}

async function subscribe(
  as: [WorldKey, Role],
  accountKey: WorldKey,
  path: string,
  events: string[],
): Promise<Endpoint> {
  const res = await app.raw(
    CREATE,
    { input: { accountId: w.id(accountKey), url: rx.url(path), events, description: `${accountKey} ERP` } },
    await w.token(...as),
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.createWebhookEndpoint.userErrors).toEqual([]);
  const secret = res.data.createWebhookEndpoint.secret as string;
  rx.secrets(path, secret);
  return { id: res.data.createWebhookEndpoint.endpoint.id, path, secret };
}

async function endpointState(e: Endpoint, filter?: Record<string, unknown>, as: [WorldKey, Role] = ['D1', 'ADMIN']) {
  const res = await app.raw(ENDPOINT, { id: e.id, filter }, await w.token(...as));
  expect(res.errors).toBeUndefined();
  return res.data.node;
}

async function placeOrder(
  key: string,
  lines: { sku: string; quantity: number }[],
  as: [WorldKey, Role] = ['R1a', 'BUYER'],
) {
  const res = await app.raw(
    'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id number } userErrors { code message } } }',
    { input: { idempotencyKey: key, lines } },
    await w.token(...as),
  );
  expect(res.data.placeOrder.userErrors).toEqual([]);
  return res.data.placeOrder.order as { id: string; number: string };
}

async function dispatch(at?: Date) {
  if (at) now = at;
  return dispatcher.runOnce();
}

beforeAll(async () => {
  rx = await startReceiver();
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  await buildWarehouses(app, w);
  dispatcher = createDispatcher({
    db: app.database.db,
    config: app.config,
    log: createLogger('silent'),
    now: () => now,
  });
  // Events of the setup above (none subscribed yet) are drained.
  await dispatch(new Date());
});
afterAll(async () => {
  await app?.close();
  await rx?.close();
});
beforeEach(() => {
  now = new Date();
});

describe('endpoints', () => {
  it('are made by ADMINs for their own account or a retailer they sell to; the secret is shown once; an audit entry is written', async () => {
    const e = await subscribe(['D1', 'ADMIN'], 'R1a', '/r1a-by-d1', ['ORDER_CONFIRMED']);
    expect(e.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await app.raw(
      `{ account(id: "${w.id('R1a')}") { webhookEndpoints { id url events } } }`,
      {},
      await w.token('D1', 'ADMIN'),
    );
    expect(listed.data.account.webhookEndpoints).toContainEqual({
      id: e.id,
      url: rx.url('/r1a-by-d1'),
      events: ['ORDER_CONFIRMED'],
    });
    expect(JSON.stringify(listed)).not.toContain(e.secret);
    const [row] = await app.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, 'webhookEndpoint.create'));
    expect(row).toMatchObject({
      actorUserId: w.user('D1', 'ADMIN').id,
      accountId: w.account('R1a').id,
      subjectType: 'WebhookEndpoint',
    });
    expect(JSON.stringify(row.changes)).not.toContain(e.secret.slice(6));

    const refused = async (as: [WorldKey, Role], key: WorldKey) =>
      codes(
        await app.raw(
          CREATE,
          { input: { accountId: w.id(key), url: rx.url('/x'), events: ['ORDER_SUBMITTED'] } },
          await w.token(...as),
        ),
      );
    expect(await refused(['D1', 'BUYER'], 'D1')).toEqual(['FORBIDDEN']);
    expect(await refused(['S', 'ADMIN'], 'D1')).toEqual(['FORBIDDEN']);
    expect(await refused(['BRAND', 'ADMIN'], 'R1a')).toEqual(['FORBIDDEN']);
    expect(await refused(['D2', 'ADMIN'], 'R1a')).toEqual(['FORBIDDEN']);
  });

  it('validate their events and URL', async () => {
    const bad = async (input: Record<string, unknown>) =>
      (
        await app.raw(
          CREATE,
          { input: { accountId: w.id('D1'), url: rx.url('/v'), events: ['ORDER_SUBMITTED'], ...input } },
          await w.token('D1', 'ADMIN'),
        )
      ).data.createWebhookEndpoint.userErrors.map((e: { code: string }) => e.code);
    expect(await bad({ events: [] })).toEqual(['INVALID_INPUT']);
    expect(await bad({ events: ['PING'] })).toEqual(['INVALID_INPUT']);
    expect(await bad({ url: 'ftp://127.0.0.1/x' })).toEqual(['URL_NOT_ALLOWED']);
    expect(await bad({ url: 'http://user:pw@127.0.0.1/x' })).toEqual(['URL_NOT_ALLOWED']);
    expect(await bad({ url: 'not a url' })).toEqual(['URL_NOT_ALLOWED']);
  });
});

describe('delivery', () => {
  let d1: Endpoint;

  beforeAll(async () => {
    d1 = await subscribe(['D1', 'ADMIN'], 'D1', '/d1', [
      'ORDER_SUBMITTED',
      'ORDER_CONFIRMED',
      'STOCK_LOW',
      'ACCOUNT_CREATED',
    ]);
    await subscribe(['D2', 'ADMIN'], 'D2', '/d2', [
      'ORDER_SUBMITTED',
      'ORDER_CONFIRMED',
      'STOCK_LOW',
      'ACCOUNT_CREATED',
      'PAYMENT_RECORDED',
      'TICKET_OPENED',
      'TICKET_UPDATED',
    ]);
    await subscribe(['BRAND', 'ADMIN'], 'BRAND', '/brand', ['ORDER_SUBMITTED', 'ACCOUNT_CREATED']);
  });

  it('sends a signed order.submitted to the seller chain as each account reads it: the sibling gets nothing (V1), the brand no contact or street (V4)', async () => {
    const order = await placeOrder('wh-1', [{ sku: 'A1', quantity: 1 }]);
    await dispatch();
    const [toD1] = rx.at('/d1');
    const [toBrand] = rx.at('/brand');
    expect(rx.at('/d2')).toEqual([]);
    for (const r of [toD1, toBrand]) {
      expect(r.verifiedWith.length).toBe(1);
      expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.json).toMatchObject({
        id: r.headers['webhook-id'],
        type: 'order.submitted',
        data: { id: order.id, number: order.number, status: 'SUBMITTED' },
      });
      expect(Math.abs(Number(r.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    }
    expect(toD1.json.id).toBe(toBrand.json.id);
    // D1 is the buyer's direct parent: the contact and the street.
    expect(toD1.json.data.buyer.contact).toEqual({
      name: 'R1a contact',
      phone: '+86 755 0000 0000',
      email: 'contact@r1a.example',
    });
    expect(toD1.json.data.shipTo.line1).toBe('R1a street 1');
    // The brand sees the order, not how to reach the customer.
    expect(toBrand.json.data.buyer.contact).toBeNull();
    expect(toBrand.json.data.buyer.address).toBeNull();
    expect(toBrand.json.data.shipTo).toMatchObject({ regionCode: '440304', postalCode: null, latitude: null });
    expect(toBrand.body).not.toContain('R1a street 1');
    expect(toBrand.body).not.toContain('contact@r1a.example');
    expect(toBrand.body).not.toContain('+86 755');
    // The delivery log says so.
    const log = await endpointState(d1, { eventType: 'ORDER_SUBMITTED' });
    expect(log.deliveries.nodes[0]).toMatchObject({
      eventId: toD1.json.id,
      status: 'SUCCEEDED',
      attempts: 1,
      responseStatus: 200,
      payload: toD1.body,
      endpoint: { id: d1.id },
    });
  });

  it('delivers each event once per endpoint, and the outbox row is done', async () => {
    const before = rx.got.length;
    await dispatch();
    await dispatch();
    expect(rx.got.length).toBe(before);
    const pending = await app.database.db.select().from(outbox).where(eq(outbox.topic, 'order.submitted'));
    expect(pending.every((r) => r.processedAt !== null)).toBe(true);
  });

  it('retries on the schedule (5 s, 5 min, ...), honouring Retry-After, until the receiver answers 2xx', async () => {
    const flaky = await subscribe(['D1', 'ADMIN'], 'D1', '/flaky', ['ORDER_CONFIRMED']);
    rx.answer('/flaky', { status: 500 }, { status: 503, headers: { 'retry-after': '900' } }, { status: 200 });
    const order = await placeOrder('wh-retry', [{ sku: 'B1', quantity: 6 }]);
    await app.raw(
      'mutation($id: ID!) { confirmOrder(id: $id) { userErrors { code } } }',
      { id: order.id },
      await w.token('D1', 'ADMIN'),
    );
    const t0 = new Date();
    await dispatch(t0);
    expect(rx.at('/flaky').length).toBe(1);
    let [d] = (await endpointState(flaky)).deliveries.nodes;
    expect(d).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      responseStatus: 500,
      nextAttemptAt: new Date(t0.getTime() + RETRY_SCHEDULE_MS[0]).toISOString(),
    });

    await dispatch(new Date(t0.getTime() + 4_000));
    expect(rx.at('/flaky').length).toBe(1);
    const t1 = new Date(t0.getTime() + 5_000);
    await dispatch(t1);
    expect(rx.at('/flaky').length).toBe(2);
    [d] = (await endpointState(flaky)).deliveries.nodes;
    // 5 minutes by the schedule, but the receiver asked for 15.
    expect(d).toMatchObject({
      status: 'FAILED',
      attempts: 2,
      responseStatus: 503,
      nextAttemptAt: new Date(t1.getTime() + 900_000).toISOString(),
    });
    await dispatch(new Date(t1.getTime() + RETRY_SCHEDULE_MS[1]));
    expect(rx.at('/flaky').length).toBe(2);
    await dispatch(new Date(t1.getTime() + 900_000));
    const got = rx.at('/flaky');
    expect(got.length).toBe(3);
    [d] = (await endpointState(flaky)).deliveries.nodes;
    expect(d).toMatchObject({ status: 'SUCCEEDED', attempts: 3, responseStatus: 200, nextAttemptAt: null });
    // Every attempt is the same event, signed.
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(got.every((r) => r.verifiedWith.length === 1)).toBe(true);
  });

  it('gives up after the last retry (DEAD); redeliverWebhook sends it again with the same webhook-id', async () => {
    const down = await subscribe(['D1', 'ADMIN'], 'D1', '/down', ['ORDER_CONFIRMED']);
    rx.answer('/down', ...Array.from({ length: 8 }, () => ({ status: 500 })));
    const order = await placeOrder('wh-dead', [{ sku: 'B1', quantity: 6 }]);
    await app.raw(
      'mutation($id: ID!) { confirmOrder(id: $id) { userErrors { code } } }',
      { id: order.id },
      await w.token('D1', 'ADMIN'),
    );
    let t = new Date();
    await dispatch(t);
    for (const wait of RETRY_SCHEDULE_MS) {
      t = new Date(t.getTime() + wait);
      await dispatch(t);
    }
    expect(rx.at('/down').length).toBe(8);
    const [dead] = (await endpointState(down, { status: 'DEAD' })).deliveries.nodes;
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 8, nextAttemptAt: null });
    expect((await endpointState(down, { status: 'PENDING' })).deliveries.totalCount).toBe(0);
    await dispatch(new Date(t.getTime() + 48 * 3600_000));
    expect(rx.at('/down').length).toBe(8);

    const again = await app.raw(
      'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { delivery { id eventId status } userErrors { code } } }',
      { id: dead.id },
      await w.token('D1', 'ADMIN'),
    );
    expect(again.data.redeliverWebhook.userErrors).toEqual([]);
    expect(again.data.redeliverWebhook.delivery).toMatchObject({ eventId: dead.eventId, status: 'PENDING' });
    await dispatch(new Date());
    const last = rx.at('/down').at(-1)!;
    expect(last.headers['webhook-id']).toBe(dead.eventId);
    expect(last.verifiedWith.length).toBe(1);
    const log = await endpointState(down);
    expect(log.deliveries.nodes.map((n: { status: string }) => n.status).sort()).toEqual(['DEAD', 'SUCCEEDED']);
    // A pending one cannot be redelivered; another account's is not there to redeliver.
    expect(
      codes(
        await app.raw(
          'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { delivery { id } } }',
          { id: dead.id },
          await w.token('D2', 'ADMIN'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('a 410 disables the endpoint: nothing more is sent to it', async () => {
    const gone = await subscribe(['D1', 'ADMIN'], 'D1', '/gone', ['ORDER_SUBMITTED']);
    rx.answer('/gone', { status: 410 });
    await placeOrder('wh-gone-1', [{ sku: 'B1', quantity: 6 }]);
    await dispatch();
    const state = await endpointState(gone);
    expect(state.enabled).toBe(false);
    expect(state.disabledReason).toMatch(/410/);
    expect(state.deliveries.nodes[0]).toMatchObject({ status: 'DEAD', responseStatus: 410, attempts: 1 });
    await placeOrder('wh-gone-2', [{ sku: 'B1', quantity: 6 }]);
    await dispatch(new Date(Date.now() + 3600_000));
    expect(rx.at('/gone').length).toBe(1);
  });

  it('an endpoint whose deliveries have all failed for 3 days is disabled, with the reason', async () => {
    const failing = await subscribe(['D1', 'ADMIN'], 'D1', '/failing', ['ORDER_SUBMITTED']);
    rx.answer('/failing', ...Array.from({ length: 20 }, () => ({ status: 502 })));
    await placeOrder('wh-3d-1', [{ sku: 'B1', quantity: 6 }]);
    const t0 = new Date();
    await dispatch(t0);
    expect((await endpointState(failing)).enabled).toBe(true);
    await placeOrder('wh-3d-2', [{ sku: 'B1', quantity: 6 }]);
    await dispatch(new Date(t0.getTime() + 3 * 24 * 3600_000 + 60_000));
    const state = await endpointState(failing);
    expect(state.enabled).toBe(false);
    expect(state.disabledReason).toMatch(/failed for 3 days/);
    // Enabling it again clears the reason.
    const on = await app.raw(
      'mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { enabled disabledReason } userErrors { code } } }',
      { input: { id: failing.id, enabled: true } },
      await w.token('D1', 'ADMIN'),
    );
    expect(on.data.updateWebhookEndpoint.endpoint).toEqual({ enabled: true, disabledReason: null });
  });

  it('sendTestWebhook sends a signed ping at once and answers how it went', async () => {
    const before = rx.at('/d1').length;
    const res = await app.raw(
      'mutation($id: ID!) { sendTestWebhook(endpointId: $id) { delivery { eventType status attempts responseStatus eventId } userErrors { code } } }',
      { id: d1.id },
      await w.token('D1', 'ADMIN'),
    );
    expect(res.data.sendTestWebhook.delivery).toMatchObject({
      eventType: 'PING',
      status: 'SUCCEEDED',
      attempts: 1,
      responseStatus: 200,
    });
    const ping = rx.at('/d1')[before];
    expect(ping.json).toMatchObject({
      type: 'ping',
      id: res.data.sendTestWebhook.delivery.eventId,
      data: { endpointId: d1.id },
    });
    expect(ping.verifiedWith).toEqual([d1.secret]);
  });

  it('rotateWebhookSecret: both secrets sign for 24 hours, then only the new one', async () => {
    const res = await app.raw(
      'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id } userErrors { code } } }',
      { id: d1.id },
      await w.token('D1', 'ADMIN'),
    );
    const fresh = res.data.rotateWebhookSecret.secret as string;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(d1.secret);
    rx.secrets('/d1', d1.secret, fresh);
    await placeOrder('wh-rotate-1', [{ sku: 'B1', quantity: 6 }]);
    await dispatch();
    const both = rx.at('/d1').at(-1)!;
    expect(both.json.type).toBe('order.submitted');
    expect(String(both.headers['webhook-signature']).split(' ').length).toBe(2);
    expect(both.verifiedWith.sort()).toEqual([d1.secret, fresh].sort());
    await placeOrder('wh-rotate-2', [{ sku: 'B1', quantity: 6 }]);
    await dispatch(new Date(Date.now() + 25 * 3600_000));
    const one = rx.at('/d1').at(-1)!;
    expect(String(one.headers['webhook-signature']).split(' ').length).toBe(1);
    expect(one.verifiedWith).toEqual([fresh]);
    d1.secret = fresh;
  });

  it('STOCK_LOW goes to the warehouse owner chain when an order takes availability below the threshold, once', async () => {
    // D1's warehouse holds B1 × 60, minus what the tests above reserved; take it below 10.
    const [{ available }] = (
      await app.raw(
        `{ variant(sku: "B1") { stockLevels { available warehouse { owner { id } } } } }`,
        {},
        await w.token('D1', 'ADMIN'),
      )
    ).data.variant.stockLevels.filter(
      (l: { warehouse: { owner: { id: string } } }) => l.warehouse.owner.id === w.id('D1'),
    );
    const take = Math.floor((available - 6) / 6) * 6;
    await placeOrder('wh-low', [{ sku: 'B1', quantity: take }]);
    await dispatch();
    const low = rx.at('/d1').filter((r) => r.json.type === 'stock.low');
    expect(low.length).toBe(1);
    expect(low[0].json.data).toMatchObject({
      variant: { sku: 'B1' },
      warehouse: { owner: { id: w.id('D1') } },
      available: available - take,
    });
    expect(low[0].json.data.available).toBeLessThan(app.config.lowStockThreshold);
    expect(rx.at('/d2').filter((r) => r.json.type === 'stock.low')).toEqual([]);
  });

  it('ACCOUNT_CREATED: the new retailer as its parent reads it (contact) and as the brand does (none, V4); the sibling hears nothing', async () => {
    const created = await app.raw(
      `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } userErrors { code } } }`,
      {
        input: {
          parentId: w.id('D1'),
          name: 'Futian shop 9',
          tier: 'RETAILER',
          address: { line1: 'Secret lane 9', regionCode: '440304' },
          contact: { name: 'Ms Li', phone: '+86 138 0000 9999' },
        },
      },
      await w.token('D1', 'ADMIN'),
    );
    expect(created.data.createAccount.userErrors).toEqual([]);
    await dispatch();
    const toD1 = rx.at('/d1').filter((r) => r.json.type === 'account.created');
    const toBrand = rx.at('/brand').filter((r) => r.json.type === 'account.created');
    expect(toD1.map((r) => r.json.data.contact)).toEqual([{ name: 'Ms Li', phone: '+86 138 0000 9999', email: null }]);
    expect(toBrand.map((r) => [r.json.data.name, r.json.data.contact, r.json.data.address])).toEqual([
      ['Futian shop 9', null, null],
    ]);
    expect(toBrand[0].body).not.toContain('Secret lane');
    expect(rx.at('/d2').filter((r) => r.json.type === 'account.created')).toEqual([]);
  });

  it('ancestors list an endpoint but do not read its deliveries (rendered as its account); others see neither', async () => {
    const listed = await app.raw(
      `{ account(id: "${w.id('D1')}") { webhookEndpoints { id } } }`,
      {},
      await w.token('BRAND', 'ADMIN'),
    );
    expect(listed.data.account.webhookEndpoints.map((e: { id: string }) => e.id)).toContain(d1.id);
    expect((await endpointState(d1, undefined, ['BRAND', 'ADMIN'])).deliveries.totalCount).toBe(0);
    expect((await endpointState(d1, undefined, ['D1', 'ADMIN'])).deliveries.totalCount).toBeGreaterThan(0);
    const [delivery] = (await endpointState(d1)).deliveries.nodes;
    const node = async (as: [WorldKey, Role]) =>
      (await app.raw(`{ node(id: "${delivery.id}") { id } }`, {}, await w.token(...as))).data.node;
    expect(await node(['D1', 'ADMIN'])).toEqual({ id: delivery.id });
    expect(await node(['BRAND', 'ADMIN'])).toBeNull();
    expect(await node(['D1', 'BUYER'])).toBeNull();
    expect((await app.raw(`{ node(id: "${d1.id}") { id } }`, {}, await w.token('D2', 'ADMIN'))).data.node).toBeNull();
    const asBuyer = await app.raw(
      `{ account(id: "${w.id('D1')}") { webhookEndpoints { id } } }`,
      {},
      await w.token('D1', 'BUYER'),
    );
    expect(asBuyer.data.account.webhookEndpoints).toEqual([]);
  });

  it('deleteWebhookEndpoint removes it and its log; nothing more is sent', async () => {
    const tmp = await subscribe(['D2', 'ADMIN'], 'D2', '/tmp', ['ORDER_SUBMITTED']);
    const res = await app.raw(
      'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { endpoint { id } userErrors { code } } }',
      { id: tmp.id },
      await w.token('D2', 'ADMIN'),
    );
    expect(res.data.deleteWebhookEndpoint.endpoint).toEqual({ id: tmp.id });
    expect((await app.raw(`{ node(id: "${tmp.id}") { id } }`, {}, await w.token('D2', 'ADMIN'))).data.node).toBeNull();
    await placeOrder('wh-deleted', [{ sku: 'A1', quantity: 1 }], ['R2', 'BUYER']);
    await dispatch();
    expect(rx.at('/tmp')).toEqual([]);
    expect(rx.at('/d2').filter((r) => r.json.type === 'order.submitted').length).toBe(1);
  });
});

describe('the README receiver (examples/webhook-receiver.mjs)', () => {
  it('is the code the README shows, and it verifies a real delivery and refuses a forged one', async () => {
    const { readFile } = await import('node:fs/promises');
    const { spawn } = await import('node:child_process');
    const { freePort } = await import('../src/db/embedded.js');
    const code = await readFile('examples/webhook-receiver.mjs', 'utf8');
    const readme = await readFile('README.md', 'utf8');
    const body = code
      .split('\n')
      .filter((l) => !l.startsWith('//'))
      .join('\n')
      .trim();
    expect(readme).toContain(body);
    const port = await freePort();
    const created = await app.raw(
      CREATE,
      { input: { accountId: w.id('D3'), url: `http://127.0.0.1:${port}/hooks`, events: ['ORDER_SUBMITTED'] } },
      await w.token('D3', 'ADMIN'),
    );
    const { secret, endpoint } = created.data.createWebhookEndpoint;
    const proc = spawn(process.execPath, ['examples/webhook-receiver.mjs'], {
      env: { ...process.env, PORT: String(port), WEBHOOK_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    try {
      for (
        let i = 0;
        i < 50 &&
        !(await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }).then(
          () => true,
          () => false,
        ));
        i++
      )
        await new Promise((r) => setTimeout(r, 100));
      const res = await app.raw(
        'mutation($id: ID!) { sendTestWebhook(endpointId: $id) { delivery { status responseStatus } } }',
        { id: endpoint.id },
        await w.token('D3', 'ADMIN'),
      );
      expect(res.data.sendTestWebhook.delivery).toEqual({ status: 'SUCCEEDED', responseStatus: 204 });
      const forged = await fetch(`http://127.0.0.1:${port}/hooks`, {
        method: 'POST',
        headers: {
          'webhook-id': 'evt_1',
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': 'v1,AAAA',
        },
        body: '{}',
      });
      expect(forged.status).toBe(400);
      await placeOrder('wh-readme', [{ sku: 'A1', quantity: 1 }], ['R3', 'BUYER']);
      await dispatch();
      for (let i = 0; i < 50 && !out.includes('order.submitted'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(out).toMatch(/^ping \norder\.submitted SO-/m);
    } finally {
      proc.kill('SIGTERM');
    }
  });
});

describe('tickets (V7): internal notes never leave', () => {
  it("an internal note reaches neither the requester's endpoint nor any payload; a public reply reaches both sides", async () => {
    const requester = await subscribe(['R1a', 'ADMIN'], 'R1a', '/r1a', ['TICKET_OPENED', 'TICKET_UPDATED']);
    const service = await subscribe(['D1', 'ADMIN'], 'D1', '/d1-service', ['TICKET_OPENED', 'TICKET_UPDATED']);
    const opened = await app.raw(
      'mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { id number } userErrors { code } } }',
      { input: { kind: 'REPAIR', subject: 'Leaking tap', body: 'It drips' } },
      await w.token('R1a', 'BUYER'),
    );
    const ticket = opened.data.openTicket.ticket;
    await dispatch();
    expect(rx.at('/r1a').map((r) => r.json.type)).toEqual(['ticket.opened']);
    expect(rx.at('/d1-service').map((r) => r.json.type)).toEqual(['ticket.opened']);
    const comment = async (body: string, internal: boolean, as: [WorldKey, Role]) =>
      app.raw(
        'mutation($input: CommentTicketInput!) { commentTicket(input: $input) { userErrors { code } } }',
        { input: { ticketId: ticket.id, body, internal } },
        await w.token(...as),
      );
    expect(
      (await comment('SECRET-NOTE: customer is difficult', true, ['D1', 'SERVICE'])).data.commentTicket.userErrors,
    ).toEqual([]);
    await dispatch();
    expect(rx.at('/r1a').length).toBe(1);
    expect(rx.at('/d1-service').map((r) => r.json.type)).toEqual(['ticket.opened', 'ticket.updated']);
    await comment('We will come on Monday', false, ['D1', 'SERVICE']);
    await dispatch();
    expect(rx.at('/r1a').map((r) => r.json.type)).toEqual(['ticket.opened', 'ticket.updated']);
    expect(rx.at('/r1a')[1].json.data).toMatchObject({
      id: ticket.id,
      number: ticket.number,
      requester: { id: w.id('R1a') },
    });
    const everything = await app.database.db.select({ payload: webhookDeliveries.payload }).from(webhookDeliveries);
    expect(everything.some((d) => d.payload.includes('SECRET-NOTE'))).toBe(false);
    expect(rx.got.some((r) => r.body.includes('SECRET-NOTE'))).toBe(false);
    expect([...rx.at('/r1a'), ...rx.at('/d1-service')].every((r) => r.verifiedWith.length === 1)).toBe(true);
    void requester;
    void service;
  });
});

describe('PAYMENT_RECORDED and STATEMENT_ISSUED (V5)', () => {
  it('go to the buyer chain, rendered as its ADMIN would read them', async () => {
    const r1a = await subscribe(['R1a', 'ADMIN'], 'R1a', '/r1a-money', ['PAYMENT_RECORDED', 'STATEMENT_ISSUED']);
    const paid = await app.raw(
      'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { entry { id } userErrors { code message } } }',
      { input: { buyerId: w.id('R1a'), amount: '120.50', reference: 'BANK-77', method: 'BANK_TRANSFER' } },
      await w.token('D1', 'FINANCE'),
    );
    expect(paid.data.recordPayment.userErrors).toEqual([]);
    await dispatch();
    const [payment] = rx.at('/r1a-money');
    expect(payment.json.type).toBe('payment.recorded');
    expect(payment.json.data.entry).toMatchObject({
      id: paid.data.recordPayment.entry.id,
      kind: 'PAYMENT',
      amount: { amount: '-120.50' },
      reference: 'BANK-77',
    });
    expect(payment.json.data.buyer.id).toBe(w.id('R1a'));
    expect(payment.verifiedWith).toEqual([r1a.secret]);
    expect(rx.at('/d2').filter((r) => r.json.type === 'payment.recorded')).toEqual([]);

    const month = new Date(Date.now() - 32 * 24 * 3600_000).toISOString().slice(0, 7);
    const st = await app.raw(
      'mutation($input: GenerateStatementInput!) { generateStatement(input: $input) { statement { id number } userErrors { code message } } }',
      { input: { buyerId: w.id('R1a'), month } },
      await w.token('D1', 'FINANCE'),
    );
    expect(st.data.generateStatement.userErrors).toEqual([]);
    await dispatch();
    const statement = rx.at('/r1a-money').find((r) => r.json.type === 'statement.issued')!;
    expect(statement.json.data).toMatchObject({
      id: st.data.generateStatement.statement.id,
      number: st.data.generateStatement.statement.number,
      status: 'ISSUED',
      buyer: { id: w.id('R1a') },
      closingBalance: { currencyCode: 'CNY' },
    });
    expect(statement.verifiedWith).toEqual([r1a.secret]);
  });
});

describe('SSRF', () => {
  const resolveTo = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }];

  it('in production only https URLs that resolve to public addresses', async () => {
    expect((await checkUrl('http://hooks.example.com/x', false, resolveTo('93.184.216.34'))).ok).toBe(false);
    expect((await checkUrl('https://hooks.example.com/x', false, resolveTo('93.184.216.34'))).ok).toBe(true);
    for (const inside of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.9',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      const r = await checkUrl('https://hooks.example.com/x', false, resolveTo(inside));
      expect(r.ok, inside).toBe(false);
      expect(isPublicAddress(inside), inside).toBe(false);
    }
    expect((await checkUrl('https://127.0.0.1/x', false)).ok).toBe(false);
    expect((await checkUrl('https://[::1]/x', false)).ok).toBe(false);
    expect((await checkUrl('http://127.0.0.1/x', true)).ok).toBe(true);
  });

  it('refuses to create one that points inside when private addresses are not allowed', async () => {
    const strict = await startTestApp({ WEBHOOK_ALLOW_PRIVATE: 'false' });
    try {
      const sw = await buildWorld(strict);
      const res = await strict.raw(
        CREATE,
        { input: { accountId: sw.id('D1'), url: rx.url('/inside'), events: ['ORDER_SUBMITTED'] } },
        await sw.token('D1', 'ADMIN'),
      );
      expect(res.data.createWebhookEndpoint.userErrors).toEqual([
        expect.objectContaining({ code: 'URL_NOT_ALLOWED', field: ['url'] }),
      ]);
    } finally {
      await strict.close();
    }
  });

  it('checks again at delivery time, after DNS: a name that now resolves inside is not called', async () => {
    const e = await subscribe(['D1', 'ADMIN'], 'D1', '/rebind', ['ORDER_SUBMITTED']);
    await app.database.db
      .update(webhookEndpoints)
      .set({ url: 'https://hooks.rebind.example/rebind' })
      .where(eq(webhookEndpoints.url, rx.url('/rebind')));
    const strictDispatcher = createDispatcher({
      db: app.database.db,
      config: { ...app.config, webhooks: { ...app.config.webhooks, allowPrivate: false } },
      log: createLogger('silent'),
      now: () => now,
      resolve: resolveTo('127.0.0.1'),
    });
    await placeOrder('wh-rebind', [{ sku: 'B1', quantity: 6 }]);
    const before = rx.got.length;
    await strictDispatcher.runOnce();
    const [d] = (await endpointState(e)).deliveries.nodes;
    expect(d).toMatchObject({ status: 'FAILED', attempts: 1, responseStatus: null });
    const [row] = await app.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, Number(Buffer.from(d.id, 'base64url').toString().split(':')[1])));
    expect(row.lastError).toMatch(/not a public address/);
    // Only the other endpoints were called.
    expect(rx.got.slice(before).some((r) => r.path === '/rebind')).toBe(false);
  });
});
