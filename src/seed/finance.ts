import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { invoiceAllocations, invoiceRequests, rebatePolicies, statements } from '../modules/finance/tables.js';
import * as ledger from '../modules/finance/ledger.js';
import { shanghaiDay, shanghaiDayStart } from '../lib/dates.js';

const TZ = sql.raw(`'Asia/Shanghai'`);

/**
 * The money side of the demo history, consistent with it: a charge for every
 * order that shipped, monthly payments for all but the last two months,
 * rebate policies with settled and pending accruals, statements in each state
 * and invoice requests. Credit used is then recomputed from the ledger and the
 * open orders, and kept under every limit.
 */
export async function seedFinance(
  tx: Tx,
  now: Date = new Date(),
): Promise<{ ledgerEntries: number; statements: number }> {
  const ts = now.toISOString();
  await tx.execute(sql`
    insert into ledger_entries (buyer_id, seller_id, buyer_path, root_id, kind, amount, at, order_id, reference)
    select o.buyer_id, o.seller_id, o.buyer_path, o.root_id, 'ORDER_CHARGE', o.total,
      coalesce((select min(f.shipped_at) from fulfillments f where f.order_id = o.id), o.updated_at), o.id, o.number
    from orders o where o.status in ('SHIPPED', 'DELIVERED', 'COMPLETED') and o.total > 0`);
  // Each month's charges are paid on the 10th of the next, up to two months ago.
  await tx.execute(sql`
    insert into ledger_entries (buyer_id, seller_id, buyer_path, root_id, kind, amount, at, reference, method)
    select buyer_id, min(seller_id), min(buyer_path), min(root_id), 'PAYMENT', -sum(amount),
      (month + interval '1 month 9 days 10 hours') at time zone ${TZ},
      'PAY-' || buyer_id || '-' || to_char(month, 'YYYYMM'), 'BANK_TRANSFER'
    from (select *, date_trunc('month', at at time zone ${TZ}) as month from ledger_entries where kind = 'ORDER_CHARGE') c
    where month < date_trunc('month', ${ts}::timestamptz at time zone ${TZ}) - interval '1 month'
    group by buyer_id, month`);

  // Rebates: the Shenzhen distributor rewards online orders monthly; the South China agent pays its distributors quarterly.
  const owners = await tx.execute<{ id: number; code: string }>(
    sql`select id, code from accounts where code in ('QY-D-SZ', 'QY-GA-S')`,
  );
  const sz = owners.find((o) => o.code === 'QY-D-SZ');
  const south = owners.find((o) => o.code === 'QY-GA-S');
  const policies = [];
  if (sz)
    policies.push({
      ownerId: sz.id,
      name: '线上订货返利 Online ordering rebate',
      period: 'MONTH' as const,
      onlineOnly: true,
      tiers: [
        { minVolume: '2000000', rateBp: 100 },
        { minVolume: '10000000', rateBp: 200 },
      ],
    });
  if (south)
    policies.push({
      ownerId: south.id,
      name: '季度进货返利 Quarterly volume rebate',
      period: 'QUARTER' as const,
      onlineOnly: false,
      tiers: [
        { minVolume: '10000000', rateBp: 200 },
        { minVolume: '50000000', rateBp: 300 },
      ],
    });
  for (const p of policies) {
    const [policy] = await tx.insert(rebatePolicies).values(p).returning();
    const unit = p.period === 'MONTH' ? 'month' : 'quarter';
    const step = p.period === 'MONTH' ? '1 month' : '3 months';
    // One accrual per buyer and period: the period's completed volume, at the rate of the highest tier it reaches.
    const rows = await tx.execute<{
      id: number;
      status: string;
      amount: string;
      buyer_id: number;
      period_end: string;
    }>(sql`
      with volumes as (
        select o.buyer_id, o.seller_id, min(o.buyer_path) as buyer_path, date_trunc(${unit}, o.updated_at at time zone ${TZ}) as start,
          sum(o.total) as volume, array_agg(o.id order by o.id) as order_ids
        from orders o
        where o.seller_id = ${policy.ownerId} and o.status = 'COMPLETED' ${p.onlineOnly ? sql`and o.channel = 'ONLINE'` : sql``}
        group by o.buyer_id, o.seller_id, 4),
      rated as (
        select v.*, v.start + ${sql.raw(`interval '${step}'`)} <= date_trunc(${unit}, ${ts}::timestamptz at time zone ${TZ}) as ended,
          coalesce((select (t->>'rateBp')::int from jsonb_array_elements(${JSON.stringify(p.tiers)}::jsonb) t
            where (t->>'minVolume')::bigint <= v.volume order by (t->>'minVolume')::bigint desc limit 1), 0) as rate
        from volumes v)
      insert into rebate_accruals (policy_id, buyer_id, seller_id, buyer_path, period_start, period_end, volume, rate_bp, amount, order_ids, status, closed)
      select ${policy.id}, buyer_id, seller_id, buyer_path, start::date, (start + ${sql.raw(`interval '${step}'`)})::date, volume, rate,
        (volume * rate + 5000) / 10000, order_ids, case when ended then 'SETTLED' else 'PENDING' end::accrual_status, ended
      from rated where rate > 0
      returning id, status, amount::text, buyer_id, period_end::text`);
    // Settled accruals become REBATE entries (credit used is recomputed from the ledger at the end).
    const settled = rows
      .filter((x) => x.status === 'SETTLED' && BigInt(x.amount) > 0n)
      .map((r) => ({
        id: r.id,
        buyer_id: r.buyer_id,
        amount: r.amount,
        at: new Date(
          Math.min(shanghaiDayStart(r.period_end).getTime() + 4 * 86_400_000, now.getTime() - 3600_000),
        ).toISOString(),
      }));
    if (settled.length) {
      await tx.execute(sql`
        with entries as (
          insert into ledger_entries (buyer_id, seller_id, buyer_path, root_id, kind, amount, at, reference, source_id)
          select a.id, a.parent_id, a.path, a.root_id, 'REBATE', -r.amount, r.at, ${`Rebate ${policy.name}`}, r.id
          from json_to_recordset(${JSON.stringify(settled)}::json) as r(id int, buyer_id int, amount bigint, at timestamptz)
          join accounts a on a.id = r.buyer_id
          returning id, source_id)
        update rebate_accruals r set settled_entry_id = e.id from entries e where r.id = e.source_id`);
    }
  }

  // Statements for the Shenzhen distributor's retailers: the last three full months, in each state.
  const month = (offset: number) => {
    const d = new Date(shanghaiDay(now).slice(0, 7) + '-01T00:00:00Z');
    d.setUTCMonth(d.getUTCMonth() - offset);
    return d.toISOString().slice(0, 10);
  };
  const buyers = sz
    ? await tx.execute<{ id: number; parent_id: number; path: number[]; name: string }>(
        sql`select id, parent_id, path, name from accounts where parent_id = ${sz.id} order by id limit 4`,
      )
    : [];
  let made = 0;
  for (const [bi, b] of buyers.entries()) {
    for (const [i, offset] of [3, 2, 1].entries()) {
      const from = month(offset);
      const to = month(offset - 1);
      const opening = await ledger.balance(tx, b.id, shanghaiDayStart(from));
      const entries = await ledger.entriesBetween(tx, b.id, shanghaiDayStart(from), shanghaiDayStart(to));
      const status = i === 0 ? 'CONFIRMED' : i === 1 ? (bi === 0 ? 'DISPUTED' : 'CONFIRMED') : 'ISSUED';
      const [s] = await tx
        .insert(statements)
        .values({
          number: `ST-${from.slice(0, 7)}-D${String(++made).padStart(5, '0')}`,
          buyerId: b.id,
          sellerId: b.parent_id,
          buyerPath: b.path,
          periodStart: from,
          periodEnd: to,
          status,
          openingBalance: opening,
          closingBalance: entries.reduce((sum, e) => sum + e.amount, opening),
          orderCount: new Set(entries.filter((e) => e.kind === 'ORDER_CHARGE').map((e) => e.orderId)).size,
          paymentCount: entries.filter((e) => e.kind === 'PAYMENT').length,
          entryIds: entries.map((e) => e.id),
          disputeReason: status === 'DISPUTED' ? '10月18日付款未计入 A payment of the 18th is missing' : null,
          issuedAt: shanghaiDayStart(to),
          confirmedAt: status === 'CONFIRMED' ? new Date(shanghaiDayStart(to).getTime() + 3 * 86_400_000) : null,
        })
        .returning();
      // Invoices for the confirmed statements: issued, requested, rejected.
      const charges = entries.filter((e) => e.kind === 'ORDER_CHARGE');
      if (status === 'CONFIRMED' && charges.length) {
        const amount = charges.reduce((sum, e) => sum + e.amount, 0n);
        const kind = (['ISSUED', 'REQUESTED', 'REJECTED'] as const)[(bi + i) % 3];
        const [req] = await tx
          .insert(invoiceRequests)
          .values({
            number: `IR-${from.slice(0, 7)}-D${String(made).padStart(5, '0')}`,
            buyerId: b.id,
            sellerId: b.parent_id,
            buyerPath: b.path,
            statementId: s.id,
            title: b.name,
            taxId: `91440300MA${String(100000000 + b.id).slice(-8)}`,
            type: bi % 2 ? 'GENERAL_VAT' : 'SPECIAL_VAT',
            amount,
            status: kind,
            invoiceNumber: kind === 'ISSUED' ? `4403${String(26000000 + made)}` : null,
            issuedOn: kind === 'ISSUED' ? month(offset - 1) : null,
            rejectReason: kind === 'REJECTED' ? '抬头与税号不符 Title and tax id do not match' : null,
          })
          .returning();
        await tx
          .insert(invoiceAllocations)
          .values(charges.map((c) => ({ invoiceRequestId: req.id, orderId: c.orderId!, amount: c.amount })));
      }
    }
  }

  // Credit used = balance + open orders not yet charged; a buyer above its limit pays the difference today.
  await tx.execute(sql`
    insert into ledger_entries (buyer_id, seller_id, buyer_path, root_id, kind, amount, at, reference, method)
    select a.id, a.parent_id, a.path, a.root_id, 'PAYMENT', -(x.used - a.credit_limit * 9 / 10), ${ts}::timestamptz - interval '1 day', 'PAY-' || a.id || '-TOPUP', 'BANK_TRANSFER'
    from accounts a cross join lateral (
      select coalesce((select sum(amount) from ledger_entries l where l.buyer_id = a.id), 0)
        + coalesce((select sum(total) from orders o where o.buyer_id = a.id and o.status in ('SUBMITTED', 'CONFIRMED', 'ALLOCATED')), 0) as used) x
    where a.credit_limit is not null and x.used > a.credit_limit * 9 / 10`);
  await tx.execute(sql`
    update accounts a set credit_used =
      coalesce((select sum(amount) from ledger_entries l where l.buyer_id = a.id), 0)
      + coalesce((select sum(total) from orders o where o.buyer_id = a.id and o.status in ('SUBMITTED', 'CONFIRMED', 'ALLOCATED')), 0)`);
  const [{ n }] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from ledger_entries`);
  return { ledgerEntries: n, statements: made };
}
