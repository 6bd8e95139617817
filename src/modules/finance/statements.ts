import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { forbidden, userError, UserErrorsException, type UserError } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import { fromMinor } from '../../lib/money.js';
import { inSubtree } from '../../auth/scope.js';
import { ledgerEntries, statements, type LedgerEntryRow, type StatementRow } from './tables.js';
import * as ledger from './ledger.js';
import { buyerOfViewer, dayStart, isDate, todayInShanghai, viewerAsBuyer } from './access.js';

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
export async function generateStatement(ctx: SignedInContext, input: StatementInput): Promise<{ statement: StatementRow | null; userErrors: UserError[] }> {
  const buyer = await buyerOfViewer(ctx, input.buyerId);
  const p = period(input);
  if (!p || p.from >= p.to) return { statement: null, userErrors: [userError('INVALID_INPUT', 'Give month: "YYYY-MM", or from and to dates with from before to', ['month'])] };
  if (p.to > todayInShanghai(ctx.now())) return { statement: null, userErrors: [userError('INVALID_INPUT', 'A statement covers a period that has ended', ['month'])] };
  try {
    const statement = await ctx.db.transaction(async (tx) => {
      // One statement run per buyer at a time.
      await tx.execute(sql`select id from accounts where id = ${buyer.id} for update`);
      const overlapping = await tx
        .select()
        .from(statements)
        .where(and(eq(statements.buyerId, buyer.id), sql`${statements.periodStart} < ${p.to}::date and ${p.from}::date < ${statements.periodEnd}`, sql`${statements.status} <> 'SUPERSEDED'`))
        .for('update');
      if (overlapping.some((s) => s.status === 'CONFIRMED')) throw new UserErrorsException([userError('INVALID_INPUT', 'The period overlaps a confirmed statement', ['month'])]);
      // Issuing a period again supersedes its earlier versions; a different period may not overlap an open one.
      const other = overlapping.find((s) => s.periodStart !== p.from || s.periodEnd !== p.to);
      if (other) throw new UserErrorsException([userError('INVALID_INPUT', `The period overlaps statement ${other.number} (${other.periodStart} to ${other.periodEnd})`, ['month'])]);
      if (overlapping.length) {
        await tx
          .update(statements)
          .set({ status: 'SUPERSEDED' })
          .where(and(inArray(statements.id, overlapping.map((s) => s.id)), sql`${statements.status} in ('ISSUED', 'DISPUTED')`));
      }
      const from = dayStart(p.from);
      const to = dayStart(p.to);
      const opening = await ledger.balance(tx, buyer.id, from);
      const entries = await ledger.entriesBetween(tx, buyer.id, from, to);
      const closing = entries.reduce((s, e) => s + e.amount, opening);
      const version = Math.max(0, ...overlapping.filter((s) => s.periodStart === p.from && s.periodEnd === p.to).map((s) => s.version)) + 1;
      const [{ id }] = await tx.execute<{ id: number }>(sql`select nextval(pg_get_serial_sequence('statements', 'id'))::int as id`);
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
      return row;
    });
    return { statement, userErrors: [] };
  } catch (e) {
    if (e instanceof UserErrorsException) return { statement: null, userErrors: e.errors };
    throw e;
  }
}

async function ownStatement(ctx: SignedInContext, id: string): Promise<StatementRow> {
  const buyer = viewerAsBuyer(ctx);
  const key = keyOf(id, 'Statement');
  const [row] = key === null ? [] : await ctx.db.select().from(statements).where(and(eq(statements.id, key), eq(statements.buyerId, buyer.id)));
  if (!row) throw forbidden('You confirm or dispute your own statements only');
  return row;
}

/** The buyer's FINANCE agrees (the statement becomes final) or disputes it with a reason. */
export async function decideStatement(ctx: SignedInContext, id: string, decision: 'CONFIRM' | 'DISPUTE', reason?: string | null): Promise<{ statement: StatementRow | null; userErrors: UserError[] }> {
  const s = await ownStatement(ctx, id);
  if (decision === 'DISPUTE' && (!reason?.trim() || reason.length > 2000)) return { statement: s, userErrors: [userError('INVALID_INPUT', 'Say why (1–2000 characters)', ['reason'])] };
  // Under the same buyer lock as generateStatement: a reissue and a confirmation never cross.
  const row = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select id from accounts where id = ${s.buyerId} for update`);
    const [updated] = await tx
      .update(statements)
      .set(decision === 'CONFIRM' ? { status: 'CONFIRMED', confirmedAt: ctx.now() } : { status: 'DISPUTED', disputeReason: reason!.trim() })
      .where(and(eq(statements.id, s.id), eq(statements.status, 'ISSUED')))
      .returning();
    return updated;
  });
  if (!row) return { statement: s, userErrors: [userError('INVALID_TRANSITION', `A ${s.status} statement cannot be ${decision === 'CONFIRM' ? 'confirmed' : 'disputed'}`, ['id'])] };
  return { statement: row, userErrors: [] };
}

/** V5: statements of the viewer's account (ADMIN or FINANCE) or of its subtree. */
export async function findVisible(ctx: Context, id: number): Promise<StatementRow | null> {
  const v = ctx.viewer;
  if (!v) return null;
  const [row] = await ctx.db.select().from(statements).where(and(eq(statements.id, id), inSubtree(statements.buyerPath, v)));
  if (!row) return null;
  if (row.buyerId === v.accountId && !v.roles.includes('ADMIN') && !v.roles.includes('FINANCE')) return null;
  return row;
}

export async function entriesOf(ctx: Context, s: StatementRow): Promise<LedgerEntryRow[]> {
  if (!s.entryIds.length) return [];
  return ctx.db.select().from(ledgerEntries).where(inArray(ledgerEntries.id, s.entryIds)).orderBy(ledgerEntries.at, ledgerEntries.id);
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** For accountants: one line per entry between the opening and closing balances. */
export async function csv(ctx: Context, s: StatementRow): Promise<string> {
  const entries = await entriesOf(ctx, s);
  const lines = [
    ['date', 'kind', 'reference', 'description', 'amount', 'balance'].join(','),
    [s.periodStart, 'OPENING', '', '', '', fromMinor(s.openingBalance)].join(','),
  ];
  let running = s.openingBalance;
  for (const e of entries) {
    running += e.amount;
    lines.push([todayInShanghai(e.at), e.kind, e.reference ?? '', e.reason ?? e.method ?? '', fromMinor(e.amount), fromMinor(running)].map((c) => csvCell(String(c))).join(','));
  }
  lines.push([s.periodEnd, 'CLOSING', '', '', '', fromMinor(s.closingBalance)].join(','));
  return `${lines.join('\n')}\n`;
}
