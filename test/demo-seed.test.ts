import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { expectInvariants } from './support/orders-world.js';
import { seed } from '../src/seed/demo.js';

/** The demo data obeys the same invariants as live data (a smaller history, same generator). */
let app: TestApp;
let result: Record<string, number>;

beforeAll(async () => {
  app = await startTestApp();
  result = await seed(app.database.db, { adminEmail: 'admin@qingyuan.example', adminPassword: 'channel-demo-2026', scryptLogN: 10, demo: true, orders: 3000 });
}, 120_000);
afterAll(() => app?.close());

describe('demo seed', () => {
  it('has the channel, catalog, history, tickets and money the README promises', () => {
    expect(result).toMatchObject({ accounts: 89, users: 165, products: 209, variants: 322, warehouses: 20, orders: 3000 });
    expect(result.tickets).toBeGreaterThan(100);
    expect(result.statements).toBeGreaterThan(0);
  });

  it('keeps stock reservations and credit consistent with its open orders and ledger', async () => {
    await expectInvariants(app);
  });

  it('statements tie out, and every kind of ticket, statement and invoice state is there', async () => {
    const db = app.database.db;
    const bad = await db.execute(sql`
      select s.id from statements s
      where s.closing_balance <> s.opening_balance + coalesce((select sum(amount) from ledger_entries l where l.id = any(s.entry_ids)), 0)
         or s.opening_balance <> coalesce((select sum(amount) from ledger_entries l where l.buyer_id = s.buyer_id and l.at < (s.period_start::timestamp at time zone 'Asia/Shanghai')), 0)`);
    expect(bad).toEqual([]);
    const kinds = await db.execute<{ kind: string }>(sql`select distinct kind::text from tickets order by 1`);
    expect(kinds.map((k) => k.kind)).toEqual(['COMPLAINT', 'EXCHANGE', 'INQUIRY', 'INSTALLATION', 'REPAIR', 'RETURN']);
    const statuses = await db.execute<{ status: string }>(sql`select distinct status::text from tickets order by 1`);
    expect(statuses.map((s) => s.status)).toEqual(['CLOSED', 'IN_PROGRESS', 'OPEN', 'RESOLVED', 'WAITING_CUSTOMER']);
    const [{ breached }] = await db.execute<{ breached: number }>(sql`select count(*)::int as breached from tickets where sla_breached`);
    expect(breached).toBeGreaterThan(0);
    const st = await db.execute<{ status: string }>(sql`select distinct status::text from statements order by 1`);
    expect(st.map((s) => s.status)).toEqual(['CONFIRMED', 'DISPUTED', 'ISSUED']);
    const [{ rebates }] = await db.execute<{ rebates: number }>(sql`select count(*)::int as rebates from rebate_accruals`);
    expect(rebates).toBeGreaterThan(0);
  });
});
