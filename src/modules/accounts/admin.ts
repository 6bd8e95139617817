import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import type { Tx } from '../../db/client.js';
import { forbidden, userError, type UserError } from '../../graphql/errors.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import { hasAnyRole, hasFinanceRole, isAbove, visibleOrForbidden } from '../../auth/access.js';
import { lockRows, uniqueViolation } from '../../db/sql.js';
import { fromMinor, parseAmount, toMinor } from '../../lib/money.js';
import { isRegionCode, withinTerritory } from '../regions/regions.js';
import { recordAudit } from '../audit/record.js';
import { changed } from '../audit/changes.js';
import { orders } from '../orders/tables.js';
import { warehouses } from '../inventory/tables.js';
import { accountIn, findVisible, text, validateDetails, type AccountPayloadValue } from './service.js';
import { accounts, portals, type AccountRow, type AccountStatus } from './tables.js';
import { isSellingTier } from './tiers.js';
import type { SetAccountStatusInput, UpdateAccountInput } from './types.js';

/** Orders that are neither COMPLETED nor CANCELLED. */
export const OPEN_ORDER_STATUSES = ['SUBMITTED', 'CONFIRMED', 'ALLOCATED', 'SHIPPED', 'DELIVERED'] as const;

/** What an account's own ADMIN describes; the parent sets code and territory; its ADMIN or FINANCE the credit limit. */
type Group = 'own' | 'placement' | 'credit';

function groupsOf(input: UpdateAccountInput): Group[] {
  const groups = new Set<Group>();
  if (
    input.name != null ||
    input.address != null ||
    input.contact != null ||
    input.servicePhone != null ||
    input.portal != null
  )
    groups.add('own');
  if (input.code != null || input.territory != null) groups.add('placement');
  if (input.creditLimit != null || input.clearCreditLimit) groups.add('credit');
  return [...groups];
}

/**
 * Who may change which part of an account (DESIGN.md "Channel
 * administration"): its own ADMIN its description (a retailer's direct
 * parent too: it manages the retailer's users and passwords anyway); the
 * direct parent's ADMIN its code and territory; the direct parent's ADMIN or
 * FINANCE its credit limit. Nobody sets its own account's limit.
 */
function refusalFor(group: Group, v: SignedInContext['viewer'], a: AccountRow): string | null {
  const parent = a.parentId === v.accountId;
  const admin = hasAnyRole(v);
  switch (group) {
    case 'own':
      return (a.id === v.accountId || (parent && a.tier === 'RETAILER')) && admin
        ? null
        : "Only the account's own ADMIN changes its name, address, contact, service phone and portal";
    case 'placement':
      return parent && admin ? null : "Only the ADMIN of the account's seller changes its code and territory";
    case 'credit':
      if (a.id === v.accountId) return 'An account never sets its own credit limit: its seller does';
      return parent && hasFinanceRole(v)
        ? null
        : "Only the ADMIN or FINANCE users of the account's seller set its credit limit";
  }
}

/** V6 on a new territory: inside the parent's, and still covering every child and every warehouse of the account. */
async function territoryErrors(tx: Tx, a: AccountRow, territory: string[]): Promise<UserError[]> {
  const errors: UserError[] = [];
  if (!isSellingTier(a.tier))
    return [userError('INVALID_INPUT', 'A retailer does not sell and has no territory', ['territory'])];
  if (territory.length === 0) return [userError('INVALID_INPUT', 'A selling account needs a territory', ['territory'])];
  if (territory.length > 500) return [userError('INVALID_INPUT', 'At most 500 territory codes', ['territory'])];
  const parent = a.parentId === null ? null : await accountIn(tx, a.parentId);
  territory.forEach((code, i) => {
    if (!isRegionCode(code))
      errors.push(userError('INVALID_INPUT', `${code} is not a GB/T 2260 region code`, ['territory', i]));
    else if (parent && !withinTerritory(code, parent.territory))
      errors.push(userError('OUTSIDE_TERRITORY', `${code} lies outside ${parent.name}'s territory`, ['territory', i]));
  });
  if (errors.length) return errors;
  const children = await tx.select().from(accounts).where(eq(accounts.parentId, a.id));
  for (const c of children) {
    const outside = c.territory.filter((code) => !withinTerritory(code, territory));
    if (outside.length)
      errors.push(
        userError(
          'OUTSIDE_TERRITORY',
          `${c.name} sells in ${outside.join(', ')}, which the new territory would not cover`,
          ['territory'],
        ),
      );
    else if (c.addressRegionCode && !withinTerritory(c.addressRegionCode, territory)) {
      errors.push(
        userError(
          'OUTSIDE_TERRITORY',
          `${c.name} is located in ${c.addressRegionCode}, which the new territory would not cover`,
          ['territory'],
        ),
      );
    }
  }
  for (const w of await tx.select().from(warehouses).where(eq(warehouses.ownerId, a.id))) {
    const outside = w.coverage.filter((code) => !withinTerritory(code, territory));
    if (outside.length)
      errors.push(
        userError(
          'OUTSIDE_TERRITORY',
          `Warehouse ${w.name} delivers to ${outside.join(', ')}, which the new territory would not cover`,
          ['territory'],
        ),
      );
  }
  return errors;
}

/** The columns an update writes, from the input (only what was given). */
function columnsOf(input: UpdateAccountInput): Partial<AccountRow> {
  const set: Partial<AccountRow> = {};
  if (input.name != null) set.name = input.name.trim();
  if (input.code != null) set.code = text(input.code, 64);
  if (input.territory != null) set.territory = [...new Set(input.territory)];
  if (input.address != null) {
    const a = input.address;
    Object.assign(set, {
      addressLine1: a.line1.trim(),
      addressCity: text(a.city, 100),
      addressRegionCode: a.regionCode,
      addressPostalCode: text(a.postalCode, 20),
      latitude: a.latitude ?? null,
      longitude: a.longitude ?? null,
    });
  }
  if (input.contact != null) {
    Object.assign(set, {
      contactName: text(input.contact.name, 100),
      contactPhone: text(input.contact.phone, 50),
      contactEmail: text(input.contact.email?.toLowerCase(), 200),
    });
  }
  if (input.servicePhone != null) set.servicePhone = text(input.servicePhone, 50);
  if (input.creditLimit != null) set.creditLimit = toMinor(input.creditLimit);
  if (input.clearCreditLimit) set.creditLimit = null;
  return set;
}

function inputErrors(input: UpdateAccountInput, a: AccountRow, parent: AccountRow | null): UserError[] {
  const errors: UserError[] = [];
  if (input.name != null && (!input.name.trim() || input.name.length > 200))
    errors.push(userError('INVALID_INPUT', 'Name must be 1–200 characters', ['name']));
  if (input.code != null && (!input.code.trim() || input.code.length > 64))
    errors.push(userError('INVALID_INPUT', 'Code must be 1–64 characters', ['code']));
  if (input.creditLimit != null && input.clearCreditLimit)
    errors.push(userError('INVALID_INPUT', 'Give a credit limit or clear it, not both', ['clearCreditLimit']));
  if (input.creditLimit != null && parseAmount(input.creditLimit, 'nonNegative') === null) {
    errors.push(
      userError('INVALID_INPUT', 'Credit limit must be a non-negative amount with at most 2 decimals', ['creditLimit']),
    );
  }
  if (input.portal && !isSellingTier(a.tier))
    errors.push(userError('INVALID_INPUT', 'Only selling accounts have a portal', ['portal']));
  validateDetails(input, parent?.territory ?? null, errors);
  return errors;
}

/**
 * updateAccount: each part of the input is checked against who may change it
 * (a part the viewer may not change is FORBIDDEN, whatever else is asked);
 * the row is locked, V6 is checked against the tree as it is under the lock,
 * and the change is written with its audit entries in one transaction.
 */
export async function updateAccount(ctx: SignedInContext, input: UpdateAccountInput): Promise<AccountPayloadValue> {
  const v = ctx.viewer;
  const found = await visibleOrForbidden(ctx, input.id, 'Account', findVisible, 'You cannot change that account');
  const groups = groupsOf(input);
  for (const g of groups) {
    const refusal = refusalFor(g, v, found);
    if (refusal) throw forbidden(refusal);
  }
  if (!groups.length) return { account: found, userErrors: [userError('INVALID_INPUT', 'Nothing to change', ['id'])] };
  const parent = found.parentId === null ? null : await ctx.loaders.accounts.byId.load(found.parentId);
  const errors = inputErrors(input, found, parent);
  if (errors.length) return { account: found, userErrors: errors };
  try {
    return await mutate(
      ctx,
      'account',
      async (tx) => {
        await lockRows(tx, accounts, found.id);
        const before = await accountIn(tx, found.id);
        if (input.territory != null) {
          const v6 = await territoryErrors(tx, before, input.territory);
          if (v6.length) refuse(...v6);
        }
        const set = columnsOf(input);
        const [after] = Object.keys(set).length
          ? await tx.update(accounts).set(set).where(eq(accounts.id, found.id)).returning()
          : [before];
        const place = { id: after.id, path: after.path, rootId: after.rootId };
        const subject = { type: 'Account', id: after.id };
        const { creditLimit: limitBefore, ...restBefore } = before;
        const { creditLimit: limitAfter, ...restAfter } = after;
        const described = changed(restBefore, restAfter);
        if (described) await recordAudit(tx, v, { account: place, action: 'account.update', subject, ...described });
        if (limitBefore !== limitAfter) {
          const shown = (limit: bigint | null) => (limit === null ? null : fromMinor(limit));
          await recordAudit(tx, v, {
            account: place,
            action: 'account.creditLimit',
            subject,
            before: { creditLimit: shown(limitBefore) },
            after: { creditLimit: shown(limitAfter) },
          });
        }
        if (input.portal) {
          const p = input.portal;
          const values = {
            slug: p.slug,
            displayName: p.displayName.trim(),
            logoUrl: text(p.logoUrl, 500),
            primaryColor: p.primaryColor ?? null,
            welcomeText: text(p.welcomeText, 2000),
          };
          const [old] = await tx.select().from(portals).where(eq(portals.accountId, after.id));
          await tx
            .insert(portals)
            .values({ accountId: after.id, ...values })
            .onConflictDoUpdate({ target: portals.accountId, set: values });
          const portalChange = changed(old ?? {}, { accountId: after.id, ...values });
          if (portalChange)
            await recordAudit(tx, v, { account: place, action: 'account.portal', subject, ...portalChange });
        }
        return after;
      },
      found,
    );
  } catch (e) {
    const constraint = uniqueViolation(e);
    if (constraint === 'portals_slug_uq')
      return { account: found, userErrors: [userError('SLUG_TAKEN', 'That portal slug is taken', ['portal', 'slug'])] };
    if (constraint === 'accounts_code_uq')
      return { account: found, userErrors: [userError('CODE_TAKEN', 'Another account has that code', ['code'])] };
    throw e;
  }
}

/** Open orders the account placed or is the seller of (closing leaves neither side with work nobody can do). */
async function hasOpenOrders(tx: Tx, accountId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        sql`(${orders.buyerId} = ${accountId} or ${orders.sellerId} = ${accountId})`,
        inArray(orders.status, [...OPEN_ORDER_STATUSES]),
      ),
    )
    .limit(1);
  return !!row;
}

const TRANSITIONS: Record<AccountStatus, AccountStatus[]> = {
  ACTIVE: ['SUSPENDED', 'CLOSED'],
  SUSPENDED: ['ACTIVE', 'CLOSED'],
  CLOSED: [],
};

/**
 * setAccountStatus (an ancestor's ADMIN). SUSPENDED takes effect at once
 * everywhere: its users' sign-ins and tokens are refused where every viewer
 * is built (src/auth/viewer.ts `admitViewer`), and orders by, for and from
 * it are refused where they are placed; its open orders stay, for the seller
 * side to cancel. CLOSED is final: nothing leads out of it, and an account is
 * closed only once it has no open orders and nothing below it still open.
 */
export async function setAccountStatus(
  ctx: SignedInContext,
  input: SetAccountStatusInput,
): Promise<AccountPayloadValue> {
  const v = ctx.viewer;
  const found = await visibleOrForbidden(
    ctx,
    input.id,
    'Account',
    findVisible,
    'Only an ADMIN of an account above it changes its status',
    (a) => isAbove(v, a) && hasAnyRole(v),
  );
  const reason = input.reason.trim();
  if (!reason || reason.length > 1000)
    return { account: found, userErrors: [userError('INVALID_INPUT', 'Say why (1–1000 characters)', ['reason'])] };
  return mutate(ctx, 'account', async (tx) => {
    // The row lock orders this after any order being placed for, by or from the account (they take it too).
    await lockRows(tx, accounts, found.id);
    const before = await accountIn(tx, found.id);
    if (before.status === input.status) return before;
    if (!TRANSITIONS[before.status].includes(input.status))
      refuse(userError('INVALID_TRANSITION', `A ${before.status} account stays ${before.status}`, ['status']));
    if (input.status === 'CLOSED') {
      if (await hasOpenOrders(tx, before.id))
        refuse(
          userError('HAS_OPEN_ORDERS', `${before.name} has open orders: finish or cancel them before closing it`, [
            'id',
          ]),
        );
      const [child] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.parentId, before.id), ne(accounts.status, 'CLOSED')))
        .limit(1);
      if (child)
        refuse(
          userError('HAS_ACTIVE_CHILDREN', `${before.name} still has accounts below it: move or close them first`, [
            'id',
          ]),
        );
    }
    const [after] = await tx
      .update(accounts)
      .set({ status: input.status, statusReason: reason, statusChangedAt: ctx.now() })
      .where(eq(accounts.id, before.id))
      .returning();
    await recordAudit(tx, v, {
      account: after,
      action: 'account.status',
      subject: { type: 'Account', id: after.id },
      before: { status: before.status, reason: before.statusReason },
      after: { status: after.status, reason },
    });
    return after;
  });
}
