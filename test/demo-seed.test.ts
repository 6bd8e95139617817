import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { expectInvariants } from './support/orders-world.js';
import { seed } from '../src/seed/demo.js';
import { springFestivalDays } from '../src/seed/demand.js';
import { demoAccounts } from '../src/seed/demo-data.js';
import { demoProducts } from '../src/seed/demo-catalog.js';
import { defaultTabs, TOUR } from '../src/http/graphiql.js';

/** The demo data obeys the same invariants as live data (a smaller history, same generator). */
let app: TestApp;
let result: Record<string, number>;

beforeAll(async () => {
  app = await startTestApp();
  result = await seed(app.database.db, {
    adminEmail: 'admin@qingyuan.example',
    adminPassword: 'channel-demo-2026',
    scryptLogN: 10,
    demo: true,
    orders: 3000,
  });
}, 120_000);
afterAll(() => app?.close());

describe('demo seed', () => {
  it('has the channel, catalog, history, tickets and money the README promises', () => {
    expect(result).toMatchObject({
      accounts: 89,
      users: 168,
      products: 209,
      variants: 322,
      warehouses: 20,
      orders: 3000,
    });
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
    const [{ breached }] = await db.execute<{ breached: number }>(
      sql`select count(*)::int as breached from tickets where sla_breached`,
    );
    expect(breached).toBeGreaterThan(0);
    const st = await db.execute<{ status: string }>(sql`select distinct status::text from statements order by 1`);
    expect(st.map((s) => s.status)).toEqual(['CONFIRMED', 'DISPUTED', 'ISSUED']);
    const [{ rebates }] = await db.execute<{ rebates: number }>(
      sql`select count(*)::int as rebates from rebate_accruals`,
    );
    expect(rebates).toBeGreaterThan(0);
  });

  it('breaks no foreign key (it is written with triggers off), and the check finds a broken one', async () => {
    const db = app.database.db;
    const fks = await db.execute<{ name: string; child: string; parent: string; cols: string[]; refs: string[] }>(sql`
      select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
        array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
        array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as refs
      from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`);
    expect(fks.length).toBeGreaterThan(30);
    const broken = async () => {
      const found: string[] = [];
      for (const fk of fks) {
        const present = fk.cols.map((c) => `x.${c} is not null`).join(' and ');
        const match = fk.cols.map((c, i) => `p.${fk.refs[i]} = x.${c}`).join(' and ');
        const [{ n }] = await db.execute<{ n: number }>(
          sql.raw(
            `select count(*)::int as n from ${fk.child} x where ${present} and not exists (select 1 from ${fk.parent} p where ${match})`,
          ),
        );
        if (n > 0) found.push(`${fk.name}: ${n}`);
      }
      return found;
    };
    expect(await broken()).toEqual([]);
    // The same check on a dangling order line, written as the seed writes (triggers off), then rolled back.
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`insert into order_lines (order_id, line_no, variant_id, sku, quantity, list_price, unit_price, line_total, price_steps)
          select 999999999, 1, variant_id, sku, 1, 1, 1, 1, '[]' from order_lines limit 1`);
        const [{ n }] = await tx.execute<{ n: number }>(
          sql`select count(*)::int as n from order_lines x where not exists (select 1 from orders p where p.id = x.order_id)`,
        );
        expect(n).toBe(1);
        tx.rollback();
      })
      .catch((e) => expect(String(e)).toMatch(/Rollback/));
  });
});

/** GraphiQL's tabs run on the demo as they are, signed in with the Login tab's own variables. */
describe('GraphiQL tour on the demo', () => {
  it('every tab answers without errors; the order is placed and then tracked', async () => {
    const [login, ...rest] = defaultTabs().slice(0, TOUR.length);
    const signIn = await app.raw(login.query, JSON.parse(login.variables!));
    expect(signIn.errors).toBeUndefined();
    const token = signIn.data.login.token as string;
    expect(token).toBeTruthy();
    const answers = new Map<string, any>();
    for (const tab of rest) {
      const name = /(?:query|mutation) (\w+)/.exec(tab.query)![1];
      const res = await app.raw(tab.query, tab.variables ? JSON.parse(tab.variables) : {}, token);
      expect(res.errors, name).toBeUndefined();
      answers.set(name, res.data);
    }
    expect(answers.get('CatalogPage').products.nodes.length).toBeGreaterThan(0);
    expect(answers.get('CatalogPage').products.nodes[0].variants[0].price.amount.amount).toMatch(/^\d+\.\d{2}$/);
    expect(answers.get('PlaceOrder').placeOrder.userErrors).toEqual([]);
    const placed = answers.get('PlaceOrder').placeOrder.order.number;
    expect(answers.get('OrderTracking').orders.nodes.map((o: { number: string }) => o.number)).toContain(placed);
    expect(answers.get('Portal').portal.slug ?? answers.get('Portal').portal.displayName).toBeTruthy();
  });
});

/** Every URL in the demo data answers from this server: logos, product images, spec sheets, videos. */
describe('demo URLs', () => {
  it('every URL the seeded demo holds is local and answers 200 with content of its kind', async () => {
    const rows = await app.database.db.execute<{ url: string; kind: string }>(sql`
      select url, kind::text from product_media union all select logo_url, 'LOGO' from portals where logo_url is not null`);
    expect(rows.length).toBeGreaterThan(300);
    const base = app.url.replace(/\/graphql$/, '');
    const seen = new Map<string, number>();
    for (const { url, kind } of rows) {
      expect(url, url).toMatch(/^\/assets\//);
      const res = await fetch(`${base}${url}`);
      expect(res.status, url).toBe(200);
      const body = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get('content-type');
      if (kind === 'IMAGE' || kind === 'LOGO') {
        expect(type, url).toBe('image/svg+xml');
        expect(body.toString(), url).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>\s*$/);
      } else if (kind === 'DOCUMENT') {
        expect(type, url).toBe('application/pdf');
        const text = body.toString('latin1');
        expect(text.startsWith('%PDF-1.4') && text.trimEnd().endsWith('%%EOF'), url).toBe(true);
        // The cross-reference table points at each object.
        const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
        expect(text.slice(xref, xref + 4)).toBe('xref');
        [...text.matchAll(/(\d{10}) 00000 n /g)].forEach((m, i) => {
          const offset = Number(m[1]);
          expect(text.slice(offset, offset + `${i + 1} 0 obj`.length), `${url} object ${i + 1}`).toBe(`${i + 1} 0 obj`);
        });
      } else {
        expect(kind).toBe('VIDEO');
        expect(type, url).toBe('video/mp4');
        expect(body.subarray(4, 8).toString(), url).toBe('ftyp');
      }
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(['DOCUMENT', 'IMAGE', 'LOGO', 'VIDEO']);
  });

  it('the demo data names no other host', () => {
    const text = JSON.stringify([demoAccounts, demoProducts]);
    expect(text).not.toMatch(/https?:\/\//);
  });
});

/**
 * The history has the shape forecasts look for (src/seed/demand.ts): growth,
 * a working week, the Spring Festival holiday, Double 11, and categories with
 * seasons of their own. Measured on the seeded orders, in China Standard Time.
 */
describe('demo order history: trend and seasons', () => {
  const perDay = async (where: string) => {
    const [row] = await app.database.db.execute<{ orders: number; days: number }>(
      sql.raw(`
      with d as (select (created_at at time zone 'Asia/Shanghai')::date as day from orders)
      select (select count(*) from d where ${where})::float8 as orders,
        (select count(*) from (select g::date as day from generate_series((select min(day) from d), (select max(day) from d), interval '1 day') g) s where ${where})::float8 as days`),
    );
    return row.orders / Math.max(1, row.days);
  };

  it('grows: the last year has well over a fifth more orders than the year before', async () => {
    const [{ recent, before }] = await app.database.db.execute<{ recent: number; before: number }>(sql`
      select count(*) filter (where created_at >= now() - interval '365 days')::float8 as recent,
             count(*) filter (where created_at < now() - interval '365 days')::float8 as before from orders`);
    expect(recent / before).toBeGreaterThan(1.2);
  });

  it('is a working week: a Sunday has well under 60% of a Tuesday or Wednesday', async () => {
    const sunday = await perDay(`extract(dow from day) = 0`);
    const midweek = await perDay(`extract(dow from day) in (2, 3)`);
    expect(sunday / midweek).toBeLessThan(0.6);
  });

  it('stocks up before Spring Festival and all but stops in its week', async () => {
    const festivals = springFestivalDays.map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    const within = (from: number, to: number) =>
      festivals.map((f) => `(day between date '${f}' + ${from} and date '${f}' + ${to})`).join(' or ');
    const holiday = await perDay(within(0, 6));
    const stocking = await perDay(within(-28, -8));
    expect(holiday / stocking).toBeLessThan(0.3);
  });

  it('peaks for Double 11: the first days of November well above September', async () => {
    const double11 = await perDay(`extract(month from day) = 11 and extract(day from day) <= 11`);
    const september = await perDay(`extract(month from day) = 9`);
    expect(double11 / september).toBeGreaterThan(1.5);
  });

  it('sells purifiers in summer and dispensers in winter', async () => {
    const shares = await app.database.db.execute<{ top: string; summer: number; winter: number }>(sql`
      with l as (
        select coalesce(p.name, c.name) as top, extract(month from o.created_at at time zone 'Asia/Shanghai') as month
        from order_lines ol join orders o on o.id = ol.order_id join variants v on v.id = ol.variant_id join products pr on pr.id = v.product_id
        join categories c on c.id = pr.category_id left join categories p on p.id = c.parent_id)
      select top,
        (count(*) filter (where month in (6, 7, 8)))::float8 / (select count(*) from l where month in (6, 7, 8)) as summer,
        (count(*) filter (where month in (12, 1, 2)))::float8 / (select count(*) from l where month in (12, 1, 2)) as winter
      from l group by top`);
    const share = (prefix: string) => shares.find((s) => s.top.includes(prefix))!;
    expect(share('Water purifiers').summer / share('Water purifiers').winter).toBeGreaterThan(1.3);
    expect(share('Dispensers').winter / share('Dispensers').summer).toBeGreaterThan(1.3);
  });
});

describe('README', () => {
  it('lists every demo login and every portal slug', async () => {
    const { readFileSync } = await import('node:fs');
    const { demoUsers } = await import('../src/seed/demo-data.js');
    const readme = readFileSync('README.md', 'utf8');
    expect(demoUsers.filter((u) => !readme.includes(`\`${u.email}\``)).map((u) => u.email)).toEqual([]);
    const slugs = demoAccounts.flatMap((a) => (a.portal ? [a.portal.slug] : []));
    expect(slugs.length).toBe(18);
    expect(slugs.filter((slug) => !readme.includes(`\`${slug}\``))).toEqual([]);
    expect(readme).toMatch(/analyst@agent-south\.example/);
  });
});
