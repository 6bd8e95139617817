import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { buildCatalog } from './support/catalog-world.js';
import { buildWarehouses } from './support/orders-world.js';
import { expectEveryInvariant } from './support/invariants.js';

/**
 * Inputs the fuzzer (test/fuzz.test.ts) found answered with an internal
 * error or breaking an invariant, kept as they were found, each with the
 * answer it must get now.
 */
let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
  await buildCatalog(app, w);
  await buildWarehouses(app, w);
});
afterAll(() => app?.close());

describe('inputs the fuzzer found', () => {
  it('a list of 101 invalid price floors (more than 50 variable errors) is BAD_USER_INPUT, not an internal error', async () => {
    const res = await app.raw(
      'mutation($v0: [PriceFloorInput!]!) { setPriceFloors(input: $v0) { userErrors { code } } }',
      { v0: Array.from({ length: 101 }, () => ({ tier: 'NOT_A_VALUE', amount: 12 })) },
      await w.token('D3', 'FINANCE'),
    );
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toMatch(/^\d+ variable values are invalid; the first: /);
  });

  it('a DateTime in year 0 (PostgreSQL has none) is BAD_USER_INPUT, not an internal error', async () => {
    const res = await app.raw(
      'query($v0: OrderFilter, $v2: Int) { orders(filter: $v0, first: $v2) { totalCount } }',
      {
        v0: {
          status: 'SUBMITTED',
          buyerId: w.id('R1a'),
          channel: null,
          createdAfter: '1970-01-01T00:00:00Z',
          createdBefore: '0000-01-01T00:00:00Z',
          flagged: true,
        },
        v2: 6,
      },
      await w.token('R3', 'BUYER'),
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toContain('years 0001 to 9999');
    // The last instant PostgreSQL and the scalar both take still works.
    const late = await app.raw(
      'query($f: OrderFilter) { orders(filter: $f) { totalCount } }',
      { f: { createdBefore: '9999-12-31T23:59:59Z' } },
      await w.token('R1a', 'BUYER'),
    );
    expect(late.errors).toBeUndefined();
  });

  it('ends with every invariant holding', async () => {
    await expectEveryInvariant(app.database.db);
  });
});
