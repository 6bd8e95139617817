import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_BROWSER } from './support/chromium.js';

/**
 * Keeps `npm run bench` from rotting: the harness runs on its own (its own
 * PostgreSQL, server and floor processes) in --quick mode, a couple of seconds
 * per workload. Only what does not depend on the machine's speed is asserted:
 * the floor answers the same JSON as the server (checked by the harness before
 * it measures), the server starts from the compiled build/ as `npm start` does, the SQL statement count of the catalog page, the order
 * invariants after W2, that every W3 request was answered on the generated
 * channel, the portal's first load measured in Chromium (when there is
 * one), and that every figure was written. The budgets
 * themselves are for `npm run bench` on a quiet machine.
 */
describe('npm run bench -- --quick', () => {
  it('runs every workload, verifies the orders and writes the figures', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'channelgraph-bench-test-'));
    const out = join(dir, 'quick.json');
    try {
      const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/run.ts', '--quick', '--out', out], {
          cwd: process.cwd(),
          env: Object.fromEntries(
            Object.entries(process.env).filter(
              ([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'NODE_OPTIONS',
            ),
          ),
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let text = '';
        child.stdout.on('data', (d) => (text += d));
        child.stderr.on('data', (d) => (text += d));
        child.on('exit', (c) => resolve({ code: c, output: text }));
      });
      expect(code, output).toBe(0);
      expect(output).toContain('| W1 catalog page');

      const r = JSON.parse(await readFile(out, 'utf8'));
      expect(r.mode).toBe('quick');
      expect(r.machine.cores).toBeGreaterThan(0);
      expect(r.machine.postgres).toMatch(/^\d+/);
      expect(r.dataset).toMatchObject({ products: 1000, variants: 2000, categories: 20, promotions: 3 });

      expect(r.w1.requests).toBeGreaterThan(0);
      expect(r.w1.invalidResponses).toBe(0);
      expect(r.w1.page).toMatchObject({ products: 50 });
      expect(r.w1.page.availability).toMatchObject({
        IN_STOCK: expect.any(Number),
        LOW_STOCK: expect.any(Number),
        OUT_OF_STOCK: expect.any(Number),
      });
      expect(r.w1.page.withPromotion).toBeGreaterThan(0);
      expect(r.w1.page.floorApplied).toBeGreaterThan(0);
      expect(r.w1.sqlStatements.page5).toBe(r.w1.sqlStatements.page50);
      expect(Object.keys(r.w1.sqlStatements.underLoad)).toEqual([String(r.w1.sqlStatements.page50)]);
      expect(r.rss.hwmMB).toBeGreaterThan(0);
      // The server started as `npm start` starts it: compiled JavaScript from build/.
      expect(r.serverStart).toMatchObject({
        how: 'build',
        idleRssMB: expect.any(Number),
        secondsToHealthy: expect.any(Number),
      });

      expect(r.w1Floor.requests).toBeGreaterThan(0);
      expect(r.w1Floor.invalidResponses).toBe(0);
      expect(r.w1OverFloor).toBeGreaterThan(0);

      expect(r.w2.ordersAnswered).toBeGreaterThan(0);
      expect(r.w2.userErrors).toEqual({});
      expect(r.w2.graphqlErrors).toBe(0);
      expect(r.w2.invariants).toEqual({
        reservedEqualsOpenLines: true,
        creditEqualsOpenTotals: true,
        noNegativeStock: true,
        noDuplicateOrders: true,
        everyAnsweredOrderStored: true,
        everyOrderHasItsLines: true,
        unitsReservedEqualUnitsOrdered: true,
      });
      // W3 in quick mode: the generated channel (50,000 orders) only, every request answered.
      expect(r.w3.demo).toBeNull();
      expect(r.w3.large.dataset).toMatchObject({ orders: 50_000, accounts: 3106, depotOrders: 6240 });
      expect(r.w3.large.dataset.rollupRows.sales_orders_monthly).toBeGreaterThan(0);
      expect(Object.keys(r.w3.large.workloads)).toEqual(['salesReport', 'insights', 'forecast', 'replenishment']);
      for (const w of Object.values<{ requests: number; first: number; sqlStatements: Record<string, number> }>(
        r.w3.large.workloads,
      )) {
        expect(w.requests).toBeGreaterThanOrEqual(3);
        // The cold answer is recorded apart from the warm ones (remembered forecasts make them differ).
        expect(w.first).toBeGreaterThan(0);
        // A report costs the same statements every time, whatever it finds.
        expect(Object.keys(w.sqlStatements)).toHaveLength(1);
      }
      expect(output).toContain('| W3 salesReport | generated, 50,000 orders |');
      // The portal in Chromium (tiny in quick mode: two first visits); skipped, and said so, without a browser.
      if (HAS_BROWSER) {
        expect(r.portal.skipped).toBeNull();
        expect(r.portal.loads).toBe(2);
        expect(r.portal.timeToPricesMs.p50).toBeGreaterThan(0);
        // What the browser fetched before the prices is the build's first load, byte for byte.
        expect(r.portal.jsGzipBytesBeforePrices).toBe(r.portal.jsGzipBytesFromManifest);
        expect(output).toContain('| catalog, signed-in retailer');
      } else expect(r.portal.skipped).toContain('no chromium');
      expect(r.budgets.map((b: { name: string }) => b.name)).toHaveLength(HAS_BROWSER ? 12 : 10);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
