import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, isNull } from 'drizzle-orm';
import { freePort } from '../src/db/embedded.js';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses } from './support/orders-world.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { outbox } from '../src/modules/integration/tables.js';
import { webhookDeliveries } from '../src/modules/webhooks/tables.js';

/**
 * At least once across crashes: `kill -9` of the server after the outbox row
 * is written (before any fan-out), and again while the delivery is in flight;
 * after a restart the event is delivered, with the same webhook-id.
 */
let app: TestApp;
let w: World;
let rx: Receiver;
let dir: string;
let secret: string;

const dbUrl = () => app.database.url;

async function serve(env: Record<string, string>): Promise<{ proc: ChildProcess; port: number; output: () => string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl(),
      DATA_DIR: dir,
      PORT: String(port),
      JWT_SECRET: app.config.jwtSecret!,
      SCRYPT_LOG_N: '10',
      SLA_CHECK_SECONDS: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 90 s:\n${out}`)), 90_000);
    proc.stdout.on('data', () => out.includes('channelgraph is up') && (clearTimeout(timer), resolve()));
    proc.on('exit', (code) => (clearTimeout(timer), reject(new Error(`exited with ${code}:\n${out}`))));
  });
  return { proc, port, output: () => out };
}

function killed(proc: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    proc.once('exit', (code) => resolve(code));
    proc.kill(signal);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'channelgraph-crash-'));
  await chmod(dir, 0o755);
  rx = await startReceiver();
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  await buildWarehouses(app, w);
  // Everything so far is old news: only events from here on count.
  await app.database.db.update(outbox).set({ processedAt: new Date() }).where(isNull(outbox.processedAt));
  const res = await app.raw(
    'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret userErrors { code } } }',
    { input: { accountId: w.id('D1'), url: rx.url('/erp'), events: ['ORDER_SUBMITTED'] } },
    await w.token('D1', 'ADMIN'),
  );
  expect(res.data.createWebhookEndpoint.userErrors).toEqual([]);
  secret = res.data.createWebhookEndpoint.secret;
  rx.secrets('/erp', secret);
});
afterAll(async () => {
  await rx?.close();
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('webhooks survive kill -9', () => {
  it('delivers an event written before a crash, and one whose delivery a crash cut short, with the same webhook-id', async () => {
    // 1. A server without a dispatcher takes an order (the outbox row commits with it), then dies.
    const first = await serve({ WEBHOOK_POLL_MS: '0' });
    const key = await w.apiKey('R1a', 'BUYER');
    const placed = await fetch(`http://127.0.0.1:${first.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        query:
          'mutation { placeOrder(input: { idempotencyKey: "crash-1", lines: [{ sku: "B1", quantity: 6 }] }) { order { id } userErrors { code } } }',
      }),
    });
    const order = ((await placed.json()) as { data: { placeOrder: { order: { id: string } } } }).data.placeOrder.order;
    expect(order.id).toBeTruthy();
    await killed(first.proc, 'SIGKILL');
    const [row] = await app.database.db.select().from(outbox).where(eq(outbox.topic, 'order.submitted'));
    expect(row.processedAt).toBeNull();
    expect(rx.at('/erp')).toEqual([]);

    // 2. The next server fans it out and starts delivering; the receiver holds the request and the server dies mid-flight.
    rx.answer('/erp', { status: 0, hang: true });
    const second = await serve({ WEBHOOK_POLL_MS: '100', WEBHOOK_TIMEOUT_MS: '1000' });
    const [inFlight] = await rx.waitFor('/erp', 1);
    await killed(second.proc, 'SIGKILL');
    expect(inFlight.verifiedWith).toEqual([secret]);
    const [delivery] = await app.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.eventId, inFlight.json.id));
    expect(delivery.status).toBe('PENDING');
    expect(inFlight.json.data.id).toBe(order.id);

    // 3. After a restart the delivery's claim runs out and it is delivered: same webhook-id, signed, exactly one success.
    const third = await serve({ WEBHOOK_POLL_MS: '100', WEBHOOK_TIMEOUT_MS: '1000' });
    const got = await rx.waitFor('/erp', 2, 30_000);
    expect(got[1].headers['webhook-id']).toBe(inFlight.headers['webhook-id']);
    expect(got[1].body).toBe(inFlight.body);
    expect(got[1].verifiedWith).toEqual([secret]);
    for (let i = 0; i < 50; i++) {
      const [d] = await app.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery.id));
      if (d.status === 'SUCCEEDED') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const all = await app.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.eventId, inFlight.json.id));
    expect(all.map((d) => d.status)).toEqual(['SUCCEEDED']);
    expect(await killed(third.proc, 'SIGTERM')).toBe(0);
  }, 240_000);
});
