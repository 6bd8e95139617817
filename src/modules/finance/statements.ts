import { publishEvent } from '../integration/outbox.js';
import { toGlobalId } from '../../graphql/ids.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import { fromMinor } from '../../lib/money.js';
import { inFinanceScope } from '../../auth/scope.js';
import { visibleOrForbidden } from '../../auth/access.js';
import { statements, type StatementRow } from './tables.js';
import { statementEntries } from './service.js';
import * as ledger from './ledger.js';
import { buyerOfViewer, viewerAsBuyer } from './parties.js';
import { shanghaiDay, shanghaiDayStart, isDate } from '../../lib/dates.js';
import { lockRows, nextId } from '../../db/sql.js';
import { accounts } from '../accounts/tables.js';

export interface StatementInput {
  buyerId: string;
  /** "2026-10": that calendar month. */
  month?: string | null;
  /** Or an explicit period [from, to), as dates. */
  from?: string | null;
  to?: string | null;
}

function period(input: StatementInput): { from: string; to: string } | null {
  if (input.month) {
    const m = /^(\d{4})-(\d{2})$/.exec(input.month);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
    return { from: `${input.month}-01`, to: `${next}-01` };
  }
  if (isDate(input.from) && isDate(input.to)) return { from: input.from, to: input.to };
  return null;
}

/**
 * 对账: the seller issues a statement of one buyer for a closed period:
 * opening balance, every entry, closing balance. Issuing again over an
 * unconfirmed one supersedes it (a new version); a confirmed one is final.
 */
export async function generateStatement(
  ctx: SignedInContext,
  input: StatementInput,
): Promise<{ statement: StatementRow | null; userErrors: UserError[] }> {
  const buyer = await buyerOfViewer(ctx, input.buyerId);
  const p = period(input);
  if (!p || p.from >= p.to)
    return {
      statement: null,
      userErrors: [
        userError('INVALID_INPUT', 'Give month: "YYYY-MM", or from and to dates with from before to', ['month']),
      ],
    };
  if (p.to > shanghaiDay(ctx.now()))
    return {
      statement: null,
      userErrors: [userError('INVALID_INPUT', 'A statement covers a period that has ended', ['month'])],
    };
  return mutate(ctx, 'statement', async (tx) => {
    // One statement run per buyer at a time.
    await lockRows(tx, accounts, buyer.id);
    const overlapping = await tx
      .select()
      .from(statements)
      .where(
        and(
          eq(statements.buyerId, buyer.id),
          sql`${statements.periodStart} < ${p.to}::date and ${p.from}::date < ${statements.periodEnd}`,
          sql`${statements.status} <> 'SUPERSEDED'`,
        ),
      )
      .for('update');
    if (overlapping.some((s) => s.status === 'CONFIRMED'))
      refuse(userError('INVALID_INPUT', 'The period overlaps a confirmed statement', ['month']));
    // Issuing a period again supersedes its earlier versions; a different period may not overlap an open one.
    const other = overlapping.find((s) => s.periodStart !== p.from || s.periodEnd !== p.to);
    if (other)
      refuse(
        userError(
          'INVALID_INPUT',
          `The period overlaps statement ${other.number} (${other.periodStart} to ${other.periodEnd})`,
          ['month'],
        ),
      );
    if (overlapping.length) {
      await tx
        .update(statements)
        .set({ status: 'SUPERSEDED' })
        .where(
          and(
            inArray(
              statements.id,
              overlapping.map((s) => s.id),
            ),
            sql`${statements.status} in ('ISSUED', 'DISPUTED')`,
          ),
        );
    }
    const from = shanghaiDayStart(p.from);
    const to = shanghaiDayStart(p.to);
    // 对账 is between the buyer and this seller: entries with an earlier seller (before a moveAccount) are not on it.
    const opening = await ledger.balance(tx, buyer.id, from, buyer.parentId!);
    const entries = await ledger.entriesBetween(tx, buyer.id, from, to, buyer.parentId!);
    const closing = entries.reduce((s, e) => s + e.amount, opening);
    const version =
      Math.max(
        0,
        ...overlapping.filter((s) => s.periodStart === p.from && s.periodEnd === p.to).map((s) => s.version),
      ) + 1;
    const id = await nextId(tx, statements);
    const [row] = await tx
      .insert(statements)
      .values({
        id,
        number: `ST-${p.from.slice(0, 7)}-${String(id).padStart(6, '0')}`,
        buyerId: buyer.id,
        sellerId: buyer.parentId!,
        buyerPath: buyer.path,
        periodStart: p.from,
        periodEnd: p.to,
        version,
        openingBalance: opening,
        closingBalance: closing,
        orderCount: new Set(entries.filter((e) => e.kind === 'ORDER_CHARGE').map((e) => e.orderId)).size,
        paymentCount: entries.filter((e) => e.kind === 'PAYMENT').length,
        entryIds: entries.map((e) => e.id),
        issuedAt: ctx.now(),
      })
      .returning();
    await publishEvent(tx, {
      topic: 'statement.issued',
      rootId: buyer.rootId,
      aggregateType: 'Statement',
      aggregateId: row.id,
      payload: { buyerId: toGlobalId('Account', buyer.id) },
    });
    return row;
  });
}

/** A statement of the viewer's own account (the buyer's side of 对账). */
export async function findOwn(ctx: SignedInContext, id: number): Promise<StatementRow | null> {
  const buyer = viewerAsBuyer(ctx);
  const [row] = await ctx.db
    .select()
    .from(statements)
    .where(and(eq(statements.id, id), eq(statements.buyerId, buyer.id)));
  return row ?? null;
}

/** The buyer's FINANCE agrees (the statement becomes final) or disputes it with a reason. */
export async function decideStatement(
  ctx: SignedInContext,
  id: string,
  decision: 'CONFIRM' | 'DISPUTE',
  reason?: string | null,
): Promise<{ statement: StatementRow | null; userErrors: UserError[] }> {
  const s = await visibleOrForbidden(ctx, id, 'Statement', findOwn, 'You confirm or dispute your own statements only');
  if (decision === 'DISPUTE' && (!reason?.trim() || reason.length > 2000))
    return { statement: s, userErrors: [userError('INVALID_INPUT', 'Say why (1–2000 characters)', ['reason'])] };
  // Under the same buyer lock as generateStatement: a reissue and a confirmation never cross.
  const row = await ctx.db.transaction(async (tx) => {
    await lockRows(tx, accounts, s.buyerId);
    const [updated] = await tx
      .update(statements)
      .set(
        decision === 'CONFIRM'
          ? { status: 'CONFIRMED', confirmedAt: ctx.now() }
          : { status: 'DISPUTED', disputeReason: reason!.trim() },
      )
      .where(and(eq(statements.id, s.id), eq(statements.status, 'ISSUED')))
      .returning();
    return updated;
  });
  if (!row)
    return {
      statement: s,
      userErrors: [
        userError(
          'INVALID_TRANSITION',
          `A ${s.status} statement cannot be ${decision === 'CONFIRM' ? 'confirmed' : 'disputed'}`,
          ['id'],
        ),
      ],
    };
  return { statement: row, userErrors: [] };
}

/** V5: statements of the viewer's account or its subtree, for its ADMIN and FINANCE users. */
export async function findVisible(ctx: Context, id: number): Promise<StatementRow | null> {
  const [row] = await ctx.db
    .select()
    .from(statements)
    .where(and(eq(statements.id, id), inFinanceScope(statements.buyerPath, ctx.viewer)));
  return row ?? null;
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** For accountants: one line per entry between the opening and closing balances. */
export async function csv(ctx: Context, s: StatementRow): Promise<string> {
  const entries = await statementEntries(ctx, s);
  const lines = [
    ['date', 'kind', 'reference', 'description', 'amount', 'balance'].join(','),
    [s.periodStart, 'OPENING', '', '', '', fromMinor(s.openingBalance)].join(','),
  ];
  let running = s.openingBalance;
  for (const e of entries) {
    running += e.amount;
    lines.push(
      [
        shanghaiDay(e.at),
        e.kind,
        e.reference ?? '',
        e.reason ?? e.method ?? '',
        fromMinor(e.amount),
        fromMinor(running),
      ]
        .map((c) => csvCell(String(c)))
        .join(','),
    );
  }
  lines.push([s.periodEnd, 'CLOSING', '', '', '', fromMinor(s.closingBalance)].join(','));
  return `${lines.join('\n')}\n`;
}
