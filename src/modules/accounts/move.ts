import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import type { Tx } from '../../db/client.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import { hasAnyRole, isAbove, visibleOrForbidden } from '../../auth/access.js';
import { intArray } from '../../db/sql.js';
import { toGlobalId } from '../../graphql/ids.js';
import { withinTerritory } from '../regions/regions.js';
import { recordAudit } from '../audit/record.js';
import { publishEvent } from '../integration/outbox.js';
import { ROLLUP_TABLES } from '../analytics/rollup.js';
import { fulfillments, orders } from '../orders/tables.js';
import { warehouses } from '../inventory/tables.js';
import { invoiceRequests, ledgerEntries, rebateAccruals, rebatePolicies } from '../finance/tables.js';
import { priceListAssignments, priceLists, promotions } from '../pricing/tables.js';
import { accountIn, findVisible, type AccountPayloadValue } from './service.js';
import { OPEN_ORDER_STATUSES } from './admin.js';
import { accounts, type AccountRow } from './tables.js';
import type { MoveAccountInput } from './types.js';

/** The tables whose rows keep a copy of their buyer's path (for the V1 predicate): orders, money, and the sales rollups, which follow their orders. */
const BUYER_PATH_COPIES = [
  'orders',
  'ledger_entries',
  'statements',
  'invoice_requests',
  'rebate_accruals',
  ...ROLLUP_TABLES.map((t) => t.table),
];

/**
 * Rewrites the paths of the subtree of `a` to hang below `prefix` (the new
 * parent's path): the accounts, and the copies other tables keep. A record
 * between two parties that both move (an order of a retailer from the
 * distributor that moves with it) is the subtree's business and follows it
 * to its new ancestors. A record between the moved account and its old
 * seller (its own orders, ledger and statements with it) stays where it was
 * made: past orders keep their seller, the old seller keeps its sales, and
 * the new seller never reads the old one's prices (V3). A ticket follows when
 * its assignee moves. Audit entries are history and are never rewritten.
 */
async function rewritePaths(tx: Tx, a: AccountRow, prefix: number[]): Promise<void> {
  const inside = intArray([a.id]);
  const moved = (col: string) =>
    sql`${intArray(prefix)} || ${sql.raw(col)}[array_position(${sql.raw(col)}, ${a.id}::int):]`;
  await tx.execute(sql`update accounts set path = ${moved('path')} where path @> ${inside}`);
  for (const table of BUYER_PATH_COPIES) {
    await tx.execute(
      sql`update ${sql.raw(table)} set buyer_path = ${moved('buyer_path')} where buyer_path @> ${inside} and buyer_id <> ${a.id}`,
    );
  }
  await tx.execute(sql`
    update tickets set
      requester_path = case when requester_path @> ${inside} then ${moved('requester_path')} else requester_path end,
      assignee_path = ${moved('assignee_path')}
    where assignee_path @> ${inside}`);
  // Keys and endpoints are managed from the account's ancestors (V1 by their path): the new ones, not the old.
  await tx.execute(sql`update api_keys set account_path = ${moved('account_path')} where account_path @> ${inside}`);
  await tx.execute(
    sql`update webhook_endpoints set account_path = ${moved('account_path')} where account_path @> ${inside}`,
  );
}

/** Why the account cannot leave its seller now: open orders, and money still open between them. */
async function openBusiness(tx: Tx, a: AccountRow): Promise<UserError[]> {
  const errors: UserError[] = [];
  const [own] = await tx
    .select({ number: orders.number })
    .from(orders)
    .where(and(eq(orders.buyerId, a.id), inArray(orders.status, [...OPEN_ORDER_STATUSES])))
    .limit(1);
  if (own)
    errors.push(
      userError(
        'HAS_OPEN_ORDERS',
        `${a.name} has open orders with its seller (${own.number}): finish or cancel them first`,
        ['id'],
      ),
    );
  // Orders inside the subtree still to be shipped from a warehouse of the old chain, which would lose sight of them.
  const [pending] = await tx
    .select({ number: orders.number })
    .from(orders)
    .innerJoin(fulfillments, eq(fulfillments.orderId, orders.id))
    .innerJoin(warehouses, eq(warehouses.id, fulfillments.warehouseId))
    .innerJoin(accounts, eq(accounts.id, warehouses.ownerId))
    .where(
      and(
        sql`${orders.buyerPath} @> ${intArray([a.id])}`,
        ne(orders.buyerId, a.id),
        inArray(orders.status, [...OPEN_ORDER_STATUSES]),
        eq(fulfillments.status, 'PENDING'),
        sql`not ${accounts.path} @> ${intArray([a.id])}`,
      ),
    )
    .limit(1);
  if (pending)
    errors.push(
      userError(
        'HAS_OPEN_ORDERS',
        `Order ${pending.number} below ${a.name} still ships from a warehouse above it: ship or cancel it first`,
        ['id'],
      ),
    );
  const [{ balance }] = await tx
    .select({ balance: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)::text` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.buyerId, a.id));
  const [accrual] = await tx
    .select({ id: rebateAccruals.id })
    .from(rebateAccruals)
    .where(and(eq(rebateAccruals.buyerId, a.id), eq(rebateAccruals.status, 'PENDING')))
    .limit(1);
  const [invoice] = await tx
    .select({ id: invoiceRequests.id })
    .from(invoiceRequests)
    .where(and(eq(invoiceRequests.buyerId, a.id), eq(invoiceRequests.status, 'REQUESTED')))
    .limit(1);
  if (BigInt(balance) !== 0n || accrual || invoice) {
    errors.push(
      userError(
        'HAS_OPEN_BALANCE',
        `${a.name} still has money open with its seller (balance, pending rebates or requested invoices): settle it first`,
        ['id'],
      ),
    );
  }
  return errors;
}

/**
 * Account-specific terms that owners outside the subtree gave its accounts
 * (the old seller's key-account lists, promotions and rebate policies) end
 * with the move: the accounts are taken out of them, and a list or promotion
 * left with no account (which would otherwise apply to every buyer) ends
 * now; such a rebate policy is switched off.
 */
async function endOldTerms(tx: Tx, ctx: SignedInContext, a: AccountRow): Promise<void> {
  const at = ctx.now();
  const subtree = sql`(select id from accounts where path @> ${intArray([a.id])})`;
  const outsideOwner = (owner: typeof priceLists.ownerId | typeof promotions.ownerId | typeof rebatePolicies.ownerId) =>
    sql`not exists (select 1 from accounts o where o.id = ${owner} and o.path @> ${intArray([a.id])})`;
  const owners = new Map<number, AccountRow>();
  const ownerOf = async (id: number) => owners.get(id) ?? owners.set(id, await accountIn(tx, id)).get(id)!;

  const removed = await tx
    .delete(priceListAssignments)
    .where(
      and(
        sql`${priceListAssignments.accountId} in ${subtree}`,
        sql`${priceListAssignments.priceListId} in (select id from price_lists where ${outsideOwner(priceLists.ownerId)})`,
      ),
    )
    .returning();
  for (const listId of new Set(removed.map((r) => r.priceListId))) {
    const [{ left }] = await tx
      .select({ left: sql<number>`count(*)::int` })
      .from(priceListAssignments)
      .where(eq(priceListAssignments.priceListId, listId));
    const [list] =
      left === 0
        ? await tx.update(priceLists).set({ validTo: at }).where(eq(priceLists.id, listId)).returning()
        : await tx.select().from(priceLists).where(eq(priceLists.id, listId));
    await recordAudit(tx, ctx.viewer, {
      account: await ownerOf(list.ownerId),
      action: 'priceList.update',
      subject: { type: 'PriceList', id: list.id },
      before: { accountIds: removed.filter((r) => r.priceListId === listId).map((r) => r.accountId) },
      after: { accountIds: [], ended: left === 0 ? at : null, reason: `moveAccount: ${a.name} left` },
    });
  }
  const promos = await tx
    .select()
    .from(promotions)
    .where(and(sql`${promotions.accountIds} && array${subtree}`, outsideOwner(promotions.ownerId)));
  for (const p of promos) {
    const ids = await tx.execute<{ id: number }>(
      sql`select id from accounts where path @> ${intArray([a.id])} and id = any(${intArray(p.accountIds)})`,
    );
    const gone = new Set(ids.map((r) => r.id));
    const kept = p.accountIds.filter((id) => !gone.has(id));
    await tx
      .update(promotions)
      .set({ accountIds: kept, ...(kept.length ? {} : { validTo: at }) })
      .where(eq(promotions.id, p.id));
    await recordAudit(tx, ctx.viewer, {
      account: await ownerOf(p.ownerId),
      action: 'promotion.update',
      subject: { type: 'Promotion', id: p.id },
      before: { accountIds: p.accountIds },
      after: { accountIds: kept, ended: kept.length ? null : at },
    });
  }
  const policies = await tx
    .select()
    .from(rebatePolicies)
    .where(and(sql`${rebatePolicies.accountIds} && array${subtree}`, outsideOwner(rebatePolicies.ownerId)));
  for (const p of policies) {
    const ids = await tx.execute<{ id: number }>(
      sql`select id from accounts where path @> ${intArray([a.id])} and id = any(${intArray(p.accountIds)})`,
    );
    const gone = new Set(ids.map((r) => r.id));
    const kept = p.accountIds.filter((id) => !gone.has(id));
    await tx
      .update(rebatePolicies)
      .set({ accountIds: kept, ...(kept.length ? {} : { active: false }) })
      .where(eq(rebatePolicies.id, p.id));
    await recordAudit(tx, ctx.viewer, {
      account: await ownerOf(p.ownerId),
      action: 'rebatePolicy.update',
      before: { accountIds: p.accountIds },
      after: { accountIds: kept, active: kept.length > 0 },
    });
  }
}

function placementErrors(a: AccountRow, oldParent: AccountRow, target: AccountRow): UserError[] {
  const errors: UserError[] = [];
  if (target.id === oldParent.id)
    errors.push(userError('INVALID_INPUT', `${a.name} already buys from ${target.name}`, ['newParentId']));
  if (target.tier !== oldParent.tier)
    errors.push(
      userError('INVALID_INPUT', `The new seller must be a ${oldParent.tier}, like the old one`, ['newParentId']),
    );
  if (target.path.includes(a.id))
    errors.push(userError('INVALID_INPUT', 'An account cannot move below itself', ['newParentId']));
  if (target.status !== 'ACTIVE')
    errors.push(userError('ACCOUNT_SUSPENDED', `${target.name} is ${target.status.toLowerCase()}`, ['newParentId']));
  // V6 against the new seller: the account's territory and its address lie inside the new seller's territory.
  const outside = a.territory.filter((code) => !withinTerritory(code, target.territory));
  if (outside.length)
    errors.push(
      userError('OUTSIDE_TERRITORY', `${a.name} sells in ${outside.join(', ')}, outside ${target.name}'s territory`, [
        'newParentId',
      ]),
    );
  if (a.addressRegionCode && !withinTerritory(a.addressRegionCode, target.territory)) {
    errors.push(
      userError(
        'OUTSIDE_TERRITORY',
        `${a.name} is located in ${a.addressRegionCode}, outside ${target.name}'s territory`,
        ['newParentId'],
      ),
    );
  }
  return errors;
}

/**
 * Locks what a move changes, in the order the other writers take the same
 * locks, so nothing waits in a circle: the new parent (FOR KEY SHARE: it is
 * neither suspended nor moved meanwhile, and orders it receives go on); the
 * orders and tickets whose paths move (their own transitions lock them
 * before the accounts they touch); then the subtree's accounts, top down
 * (placing an order takes its seller and buyer FOR KEY SHARE, so it either
 * commits before the move or waits and sees the new tree).
 */
async function lockForMove(tx: Tx, accountId: number, newParentId: number): Promise<void> {
  const inside = intArray([accountId]);
  await tx.execute(sql`select id from accounts where id = ${newParentId} for key share`);
  await tx.execute(
    sql`select id from orders where buyer_path @> ${inside} and buyer_id <> ${accountId} order by id for update`,
  );
  await tx.execute(sql`select id from tickets where assignee_path @> ${inside} order by id for update`);
  await tx.execute(sql`select id from accounts where path @> ${inside} order by array_length(path, 1), id for update`);
}

/**
 * moveAccount (an ADMIN above the account): re-parents the account and its
 * subtree under another seller of its old seller's tier inside the viewer's
 * subtree, in one transaction (locks: `lockForMove`). An order being placed
 * by, for or below the account either commits first (and is seen by the
 * checks, or moved with the subtree) or waits and sees the new tree.
 */
export async function moveAccount(ctx: SignedInContext, input: MoveAccountInput): Promise<AccountPayloadValue> {
  const v = ctx.viewer;
  const found = await visibleOrForbidden(
    ctx,
    input.id,
    'Account',
    findVisible,
    'You move only accounts below your own',
    (a) => isAbove(v, a) && hasAnyRole(v),
  );
  const target = await visibleOrForbidden(
    ctx,
    input.newParentId,
    'Account',
    findVisible,
    'The new seller must be in your subtree',
  );
  const reason = input.reason.trim();
  if (!reason || reason.length > 1000)
    return { account: found, userErrors: [userError('INVALID_INPUT', 'Say why (1–1000 characters)', ['reason'])] };
  return mutate(
    ctx,
    'account',
    async (tx) => {
      await lockForMove(tx, found.id, target.id);
      const a = await accountIn(tx, found.id);
      const newParent = await accountIn(tx, target.id);
      if (a.parentId !== found.parentId)
        refuse(userError('INVALID_INPUT', `${a.name} was moved meanwhile: look again`, ['id']));
      const oldParent = await accountIn(tx, a.parentId!);
      const placement = placementErrors(a, oldParent, newParent);
      if (placement.length) refuse(...placement);
      const open = await openBusiness(tx, a);
      if (open.length) refuse(...open);
      await endOldTerms(tx, ctx, a);
      await rewritePaths(tx, a, newParent.path);
      const [moved] = await tx
        .update(accounts)
        .set({ parentId: newParent.id })
        .where(eq(accounts.id, a.id))
        .returning();
      const change = {
        before: { sellerId: oldParent.id, seller: oldParent.name, path: a.path },
        after: { sellerId: newParent.id, seller: newParent.name, path: moved.path, reason },
      };
      await recordAudit(tx, v, {
        account: moved,
        action: 'account.move',
        subject: { type: 'Account', id: a.id },
        ...change,
      });
      // The old chain learns that its buyer left (the entry is on the old seller; the account itself is no longer visible to it).
      await recordAudit(tx, v, {
        account: oldParent,
        action: 'account.moveOut',
        subject: { type: 'Account', id: a.id },
        before: { account: a.name, sellerId: oldParent.id },
        after: { sellerId: newParent.id, reason },
      });
      await publishEvent(tx, {
        topic: 'account.moved',
        rootId: a.rootId,
        aggregateType: 'Account',
        aggregateId: a.id,
        payload: {
          accountId: toGlobalId('Account', a.id),
          oldSellerId: toGlobalId('Account', oldParent.id),
          newSellerId: toGlobalId('Account', newParent.id),
        },
      });
      return moved;
    },
    found,
  );
}
