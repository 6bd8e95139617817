import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World, type WorldKey } from './support/world.js';
import { post, startServerProcess, type Answer, type ServerProcess } from './support/server-process.js';
import type { Role } from '../src/modules/users/tables.js';

/**
 * The leaky bucket (README "Throttling"): cost points per credential, kept in
 * PostgreSQL, so every API process draws on the same bucket. A small bucket
 * that barely refills (200 points, 1 a second) makes the arithmetic exact.
 */
const SMALL = { THROTTLE_BUCKET_SIZE: '200', THROTTLE_RESTORE_RATE: '1' };
/** 18 aliases × (Viewer 1 + Account 1): 36 points requested, 36 actual (no list, nothing to refund). */
const COST_36 = `{ ${Array.from({ length: 18 }, (_, i) => `v${i}: viewer { account { id } }`).join(' ')} }`;
/** Requests 2 + 100 × 1 = 102 points; answers 2 + (orders there are) × 1: a new buyer has none. */
const COST_102_ACTUAL_2 = '{ orders(first: 100) { nodes { id } } }';

let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp(SMALL);
  w = await buildWorld(app);
});
afterAll(() => app?.close());

const status = (a: Answer) => a.body.extensions?.cost?.throttleStatus;
const codeOf = (a: Answer) => a.body.errors?.[0]?.extensions?.code;

async function bucketRow(credential: string) {
  const [row] = await app.database.db.execute<{ available: number; charged: boolean }>(
    sql`select available, charged from throttle_buckets where credential = ${credential}`,
  );
  return row;
}

describe('the leaky bucket in one process', () => {
  it('reports the real bucket in extensions.cost.throttleStatus, charged by the actual cost', async () => {
    const token = await w.token('R1b', 'BUYER');
    const res = await post(app.url, COST_36, undefined, token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions.cost).toEqual({
      requestedQueryCost: 36,
      actualQueryCost: 36,
      throttleStatus: { maximumAvailable: 200, currentlyAvailable: 164, restoreRate: 1 },
    });
    expect(Math.round((await bucketRow(`user:${w.user('R1b', 'BUYER').id}`)).available)).toBe(164);
  });

  it('spends the bucket, then answers THROTTLED (HTTP 429, Retry-After) and charges nothing', async () => {
    const token = await w.token('R2', 'BUYER');
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post(app.url, COST_36, undefined, token);
      expect(res.body.errors).toBeUndefined();
      seen.push(status(res).currentlyAvailable);
    }
    expect(seen).toEqual([164, 128, 92, 56, 20]);
    const refused = await post(app.url, COST_36, undefined, token);
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe('THROTTLED');
    expect(refused.body.data ?? null).toBeNull();
    // 16 points short at 1 a second (a little less: the bucket refilled while the test ran).
    const wait = refused.body.errors![0].extensions!.retryAfterSeconds as number;
    expect(wait).toBeGreaterThan(10);
    expect(wait).toBeLessThanOrEqual(16);
    expect(refused.headers.get('retry-after')).toBe(String(Math.ceil(wait)));
    expect(refused.body.extensions.cost).toMatchObject({
      requestedQueryCost: 36,
      actualQueryCost: 0,
      throttleStatus: { maximumAvailable: 200, currentlyAvailable: 20, restoreRate: 1 },
    });
    // Nothing was taken by the refusal: the bucket still holds about 20 points.
    const again = await post(app.url, COST_36, undefined, token);
    expect(codeOf(again)).toBe('THROTTLED');
    expect(status(again).currentlyAvailable).toBeGreaterThanOrEqual(20);
    expect(status(again).currentlyAvailable).toBeLessThan(36);
    // Another user's bucket is its own.
    const other = await post(app.url, COST_36, undefined, await w.token('R3', 'BUYER'));
    expect(other.body.errors).toBeUndefined();
    expect(status(other).currentlyAvailable).toBe(164);
  });

  it('refills at the restore rate, up to the bucket size', async () => {
    const token = await w.token('D2', 'BUYER');
    const credential = `user:${w.user('D2', 'BUYER').id}`;
    for (let i = 0; i < 5; i++) await post(app.url, COST_36, undefined, token);
    // Move the bucket's last update 30 s into the past: 30 points have flowed back since.
    await app.database.db.execute(
      sql`update throttle_buckets set updated_at = updated_at - interval '30 seconds' where credential = ${credential}`,
    );
    const res = await post(app.url, COST_36, undefined, token);
    expect(res.body.errors).toBeUndefined();
    expect(status(res).currentlyAvailable).toBeGreaterThanOrEqual(20 + 30 - 36);
    expect(status(res).currentlyAvailable).toBeLessThanOrEqual(20 + 30 - 36 + 2);
    // A bucket left alone for long is full, never more.
    await app.database.db.execute(
      sql`update throttle_buckets set updated_at = updated_at - interval '1 hour' where credential = ${credential}`,
    );
    expect(status(await post(app.url, COST_36, undefined, token)).currentlyAvailable).toBe(164);
  });

  it('charges the requested cost up front and refunds the difference to the actual cost', async () => {
    const token = await w.token('R1a', 'FINANCE');
    const credential = `user:${w.user('R1a', 'FINANCE').id}`;
    const res = await post(app.url, COST_102_ACTUAL_2, undefined, token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions.cost).toEqual({
      requestedQueryCost: 102,
      actualQueryCost: 2,
      throttleStatus: { maximumAvailable: 200, currentlyAvailable: 198, restoreRate: 1 },
    });
    // The up-front charge is what the database holds until the refund is given back (within THROTTLE_REFUND_DELAY_MS).
    expect(Math.round((await bucketRow(credential)).available)).toBe(98);
    await new Promise((r) => setTimeout(r, 400));
    expect(Math.round((await bucketRow(credential)).available)).toBe(198);
  });

  it('folds a refund this process owes into the credential’s next charge', async () => {
    const token = await w.token('E', 'FINANCE');
    await post(app.url, COST_102_ACTUAL_2, undefined, token);
    const next = await post(app.url, COST_36, undefined, token);
    expect(status(next).currentlyAvailable).toBe(200 - 2 - 36);
  });

  it('gives anonymous requests a bucket per client address, and a refused token none', async () => {
    const anonymous = await post(app.url, '{ categories { id } }');
    expect(anonymous.body.errors).toBeUndefined();
    expect(status(anonymous).maximumAvailable).toBe(200);
    expect(await bucketRow('addr:127.0.0.1')).toBeDefined();
    const refused = await post(app.url, '{ categories { id } }', undefined, 'not-a-token');
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    const [{ n }] = await app.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from throttle_buckets where credential not like 'user:%' and credential <> 'addr:127.0.0.1'`,
    );
    expect(n).toBe(0);
  });

  it('refuses an operation dearer than the whole bucket as MAX_COST_EXCEEDED (waiting would never help)', async () => {
    // 2 + 100 × (Product 1 + Category 1) = 202.
    const res = await post(
      app.url,
      '{ products(first: 100) { nodes { id category { id } } } }',
      undefined,
      await w.token('D1', 'BUYER'),
    );
    expect(codeOf(res)).toBe('MAX_COST_EXCEEDED');
    expect(res.status).toBe(400);
    expect(res.body.errors![0].message).toContain('maximum of 200');
  });
});

describe('the leaky bucket across two API processes on one database', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    const options = {
      databaseUrl: app.databaseUrl,
      jwtSecret: app.config.jwtSecret!,
      env: { ...SMALL, SLA_CHECK_SECONDS: '0' },
    };
    [a, b] = await Promise.all([
      startServerProcess({ name: 'A', ...options }),
      startServerProcess({ name: 'B', ...options }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  const tokenOf = (key: WorldKey, role: Role) => w.token(key, role);

  it('throttles a client that spends its bucket identically, whichever process it reaches', async () => {
    const token = await tokenOf('D3', 'BUYER');
    const seen: [string, number][] = [];
    for (let i = 0; i < 5; i++) {
      const p = i % 2 ? b : a;
      const res = await post(p.url, COST_36, undefined, token);
      expect(res.body.errors, p.name).toBeUndefined();
      seen.push([p.name, status(res).currentlyAvailable]);
    }
    expect(seen).toEqual([
      ['A', 164],
      ['B', 128],
      ['A', 92],
      ['B', 56],
      ['A', 20],
    ]);
    for (const p of [b, a]) {
      const res = await post(p.url, COST_36, undefined, token);
      expect(res.status, p.name).toBe(429);
      expect(codeOf(res), p.name).toBe('THROTTLED');
      expect(status(res).currentlyAvailable, p.name).toBeLessThan(36);
    }
  });

  it('lets exactly what the bucket holds through when a burst is spread over both processes at once', async () => {
    const token = await tokenOf('S', 'BUYER');
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => post((i % 2 ? b : a).url, COST_36, undefined, token)),
    );
    // 200 points at 36 each: five fit (a few points may flow back while the burst runs, never 36).
    expect(results.filter((r) => !r.body.errors).length).toBe(5);
    expect(results.filter((r) => codeOf(r) === 'THROTTLED').length).toBe(11);
    expect(new Set(results.filter((r) => !r.body.errors).map((r) => status(r).currentlyAvailable)).size).toBe(5);
  });

  it('sees a refund owed by one process from the other once it is given back', async () => {
    const token = await tokenOf('E', 'ADMIN');
    const first = await post(a.url, COST_102_ACTUAL_2, undefined, token);
    expect(status(first).currentlyAvailable).toBe(198);
    await new Promise((r) => setTimeout(r, 400));
    const next = await post(b.url, COST_36, undefined, token);
    expect(status(next).currentlyAvailable).toBe(198 - 36);
  });
});
