import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import { visibleOrForbidden } from '../../auth/access.js';
import { keyOf } from '../../graphql/ids.js';
import type { DbOrTx } from '../../db/client.js';
import { CURRENCY, fromMinor, parseAmount } from '../../lib/money.js';
import { accounts, type AccountRow, type Tier } from '../accounts/tables.js';
import { findVisible } from '../accounts/service.js';
import { isSellingTier, tierBelow } from '../accounts/tiers.js';
import { isRegionCode } from '../regions/regions.js';
import { categories, variants } from '../catalog/tables.js';
import { variantVisible } from '../catalog/scope.js';
import { findVisiblePriceList, findVisiblePromotion } from './service.js';
import {
  priceFloors,
  priceListAssignments,
  priceListEntries,
  priceLists,
  promotions,
  type PriceListRow,
  type PromotionRow,
} from './tables.js';
import type {
  PriceFloorInput,
  PriceListAssignmentInput,
  PriceListInput,
  PromotionInput,
  SetPriceListEntriesInput,
} from './types.js';
import { lockRows } from '../../db/sql.js';
import { auditEntries, auditFloors, auditPriceList, entriesOf, floorsOf } from './audit.js';

const TIERS: Tier[] = ['BRAND', 'GENERAL_AGENT', 'DISTRIBUTOR', 'RETAILER'];
const MAX_ROWS = 10_000;
const MAX_FILTER = 1_000;

/** The selling account an ADMIN acts for: its own or one in its subtree (else FORBIDDEN: existence is not revealed). */
function sellerInScope(ctx: SignedInContext, id: string): Promise<AccountRow> {
  return visibleOrForbidden(ctx, id, 'Account', findVisible, 'You cannot act for that account');
}

/** Buyers of `owner` named in assignments or filters must be its direct downstream accounts. */
async function checkBuyers(
  ctx: SignedInContext,
  owner: AccountRow,
  ids: (string | null | undefined)[],
  field: (i: number) => (string | number)[],
): Promise<{ errors: UserError[]; accounts: Map<number, AccountRow> }> {
  const errors: UserError[] = [];
  const found = new Map<number, AccountRow>();
  for (const [i, id] of ids.entries()) {
    if (id == null) continue;
    const account = await visibleOrForbidden(ctx, id, 'Account', findVisible, 'You cannot price for that account');
    if (account.parentId !== owner.id)
      errors.push(userError('INVALID_INPUT', `${account.name} does not buy from ${owner.name}`, field(i)));
    else found.set(account.id, account);
  }
  return { errors, accounts: found };
}

function windowErrors(from: Date | null | undefined, to: Date | null | undefined): UserError[] {
  return from && to && from >= to ? [userError('INVALID_INPUT', 'validFrom must be before validTo', ['validTo'])] : [];
}

/**
 * Who a list's prices reach: the tiers it is assigned to, the tiers of the
 * accounts it is assigned to, and for region and default lists every tier the
 * owner sells to (its current buyers, and the tier right below it).
 */
async function buyerTiers(
  db: DbOrTx,
  owner: AccountRow,
  assigned: { tier: Tier | null; accountId: number | null; regionCode: string | null }[],
): Promise<Tier[]> {
  const tiers = new Set<Tier>();
  const broad = assigned.length === 0 || assigned.some((a) => a.tier === null && a.accountId === null);
  for (const a of assigned) if (a.tier) tiers.add(a.tier);
  const accountIds = assigned.flatMap((a) => (a.tier === null && a.accountId !== null ? [a.accountId] : []));
  if (accountIds.length)
    for (const r of await db.select({ tier: accounts.tier }).from(accounts).where(inArray(accounts.id, accountIds)))
      tiers.add(r.tier);
  if (broad) {
    for (const r of await db
      .selectDistinct({ tier: accounts.tier })
      .from(accounts)
      .where(eq(accounts.parentId, owner.id)))
      tiers.add(r.tier);
    const next = TIERS[TIERS.indexOf(owner.tier) + 1];
    if (next) tiers.add(next);
  }
  return [...tiers];
}

interface EntryCheck {
  variantId: number;
  sku: string;
  minQuantity: number;
  price: bigint;
  field: (string | number)[];
}

/** BELOW_PRICE_FLOOR for every entry under the floor of any tier the list reaches. */
async function floorErrors(db: DbOrTx, tiers: Tier[], entries: EntryCheck[]): Promise<UserError[]> {
  if (!entries.length || !tiers.length) return [];
  const floors = await db
    .select()
    .from(priceFloors)
    .where(
      and(
        inArray(priceFloors.variantId, [...new Set(entries.map((e) => e.variantId))]),
        inArray(priceFloors.tier, tiers),
      ),
    );
  const errors: UserError[] = [];
  for (const e of entries) {
    const binding = floors
      .filter((f) => f.variantId === e.variantId && e.price < f.amount)
      .sort((a, b) => Number(b.amount - a.amount))[0];
    if (binding) {
      errors.push(
        userError(
          'BELOW_PRICE_FLOOR',
          `${e.sku} at ${fromMinor(e.price)} (from ${e.minQuantity}) is below the ${binding.tier} floor of ${fromMinor(binding.amount)}`,
          e.field,
        ),
      );
    }
  }
  return errors;
}

export async function savePriceList(
  ctx: SignedInContext,
  input: PriceListInput,
): Promise<{ priceList: PriceListRow | null; userErrors: UserError[] }> {
  const owner = await sellerInScope(ctx, input.ownerId);
  const existing =
    input.id == null
      ? null
      : await visibleOrForbidden(ctx, input.id, 'PriceList', findVisiblePriceList, 'You cannot change that price list');
  const errors: UserError[] = [];
  if (!isSellingTier(owner.tier))
    errors.push(userError('INVALID_INPUT', 'Only selling accounts own price lists', ['ownerId']));
  if (existing && existing.ownerId !== owner.id)
    errors.push(userError('INVALID_INPUT', 'A price list cannot change owner', ['ownerId']));
  if (!input.name.trim() || input.name.length > 200)
    errors.push(userError('INVALID_INPUT', 'Name must be 1–200 characters', ['name']));
  if (input.currencyCode != null && input.currencyCode !== CURRENCY)
    errors.push(userError('INVALID_INPUT', `This deployment prices in ${CURRENCY}`, ['currencyCode']));
  errors.push(...windowErrors(input.validFrom, input.validTo));
  input.assignments.forEach((a: PriceListAssignmentInput, i) => {
    if (a.tier == null && a.regionCode == null && a.accountId == null)
      errors.push(
        userError(
          'INVALID_INPUT',
          'An assignment names a tier, a region or an account (no assignments: the default list)',
          ['assignments', i],
        ),
      );
    if (a.tier != null && !tierBelow(a.tier, owner.tier))
      errors.push(userError('INVALID_INPUT', `${owner.name} does not sell to ${a.tier}`, ['assignments', i, 'tier']));
    if (a.regionCode != null && !isRegionCode(a.regionCode))
      errors.push(
        userError('INVALID_INPUT', `${a.regionCode} is not a GB/T 2260 region code`, ['assignments', i, 'regionCode']),
      );
  });
  if (input.assignments.length > MAX_FILTER)
    errors.push(userError('INVALID_INPUT', `At most ${MAX_FILTER} assignments`, ['assignments']));
  const buyers = await checkBuyers(
    ctx,
    owner,
    input.assignments.slice(0, MAX_FILTER).map((a) => a.accountId),
    (i) => ['assignments', i, 'accountId'],
  );
  errors.push(...buyers.errors);
  if (errors.length) return { priceList: null, userErrors: errors };
  const assigned = input.assignments.map((a) => ({
    tier: (a.tier as Tier | null) ?? null,
    regionCode: a.regionCode ?? null,
    accountId: a.accountId ? keyOf(a.accountId, 'Account') : null,
  }));
  return mutate(ctx, 'priceList', async (tx) => {
    const values = {
      ownerId: owner.id,
      name: input.name.trim(),
      currencyCode: CURRENCY,
      priority: input.priority ?? 0,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
    };
    if (existing) await lockRows(tx, priceLists, existing.id);
    const before = existing
      ? {
          row: existing,
          assigned: await tx
            .select()
            .from(priceListAssignments)
            .where(eq(priceListAssignments.priceListId, existing.id)),
        }
      : null;
    const [row] = existing
      ? await tx.update(priceLists).set(values).where(eq(priceLists.id, existing.id)).returning()
      : await tx.insert(priceLists).values(values).returning();
    await tx.delete(priceListAssignments).where(eq(priceListAssignments.priceListId, row.id));
    if (assigned.length)
      await tx.insert(priceListAssignments).values(assigned.map((a) => ({ ...a, priceListId: row.id })));
    await auditPriceList(tx, ctx.viewer, owner, before, row, assigned);
    if (existing) {
      // New buyers must not get prices below their floor from the entries already there.
      const entries = await tx
        .select({ e: priceListEntries, sku: variants.sku })
        .from(priceListEntries)
        .innerJoin(variants, eq(variants.id, priceListEntries.variantId))
        .where(eq(priceListEntries.priceListId, row.id));
      const violations = await floorErrors(
        tx,
        await buyerTiers(tx, owner, assigned),
        entries.map(({ e, sku }) => ({
          variantId: e.variantId,
          sku,
          minQuantity: e.minQuantity,
          price: e.price,
          field: ['assignments'],
        })),
      );
      if (violations.length) refuse(...violations);
    }
    return row;
  });
}

export async function setPriceListEntries(
  ctx: SignedInContext,
  input: SetPriceListEntriesInput,
): Promise<{ priceList: PriceListRow | null; userErrors: UserError[] }> {
  const list = await visibleOrForbidden(
    ctx,
    input.priceListId,
    'PriceList',
    findVisiblePriceList,
    'You cannot change that price list',
  );
  const owner = (await ctx.loaders.accounts.byId.load(list.ownerId))!;
  if (input.entries.length > MAX_ROWS)
    return {
      priceList: null,
      userErrors: [userError('INVALID_INPUT', `At most ${MAX_ROWS} entries per call`, ['entries'])],
    };
  const skus = [...new Set(input.entries.map((e) => e.sku))];
  // The owner prices only what it can itself sell: what it offers after its own assortment chain.
  const known = skus.length
    ? await ctx.db.select({ id: variants.id, sku: variants.sku }).from(variants).where(inArray(variants.sku, skus))
    : [];
  const offered = new Set(
    known.length
      ? (
          await ctx.db
            .select({ id: variants.id })
            .from(variants)
            .where(
              and(
                inArray(
                  variants.id,
                  known.map((k) => k.id),
                ),
                variantVisible(variants.id, owner.path),
              ),
            )
        ).map((r) => r.id)
      : [],
  );
  const idBySku = new Map(known.map((k) => [k.sku, k.id]));
  const errors: UserError[] = [];
  const seen = new Set<string>();
  const checked: EntryCheck[] = [];
  input.entries.forEach((e, i) => {
    const minQuantity = e.minQuantity ?? 1;
    const variantId = idBySku.get(e.sku);
    const price = parseAmount(e.price, 'positive');
    // One answer for unknown and not offered: the catalog beyond a seller's offer is not revealed.
    if (variantId === undefined || !offered.has(variantId))
      errors.push(userError('INVALID_INPUT', `${e.sku} is not a sku ${owner.name} offers`, ['entries', i, 'sku']));
    if (!Number.isInteger(minQuantity) || minQuantity < 1)
      errors.push(userError('INVALID_INPUT', 'minQuantity must be at least 1', ['entries', i, 'minQuantity']));
    if (price === null)
      errors.push(
        userError('INVALID_INPUT', `Price of ${e.sku} must be above 0 with at most 2 decimals`, [
          'entries',
          i,
          'price',
        ]),
      );
    const dup = `${e.sku}|${minQuantity}`;
    if (seen.has(dup))
      errors.push(userError('INVALID_INPUT', `${e.sku} from ${minQuantity} is given twice`, ['entries', i]));
    seen.add(dup);
    if (variantId !== undefined && price !== null)
      checked.push({ variantId, sku: e.sku, minQuantity, price, field: ['entries', String(i), 'price'] });
  });
  if (errors.length) return { priceList: null, userErrors: errors };
  return mutate(ctx, 'priceList', async (tx) => {
    // The list row is the lock: savePriceList takes it too, so assignments cannot change under the floor check.
    await lockRows(tx, priceLists, list.id);
    const assigned = await tx.select().from(priceListAssignments).where(eq(priceListAssignments.priceListId, list.id));
    const below = await floorErrors(tx, await buyerTiers(tx, owner, assigned), checked);
    if (below.length) refuse(...below);
    const touched = input.replace ? 'all' : [...new Set(checked.map((e) => e.variantId))];
    const before = await entriesOf(tx, list.id, touched);
    if (input.replace) await tx.delete(priceListEntries).where(eq(priceListEntries.priceListId, list.id));
    for (let i = 0; i < checked.length; i += 500) {
      await tx
        .insert(priceListEntries)
        .values(
          checked
            .slice(i, i + 500)
            .map((e) => ({ priceListId: list.id, variantId: e.variantId, minQuantity: e.minQuantity, price: e.price })),
        )
        .onConflictDoUpdate({
          target: [priceListEntries.priceListId, priceListEntries.variantId, priceListEntries.minQuantity],
          set: { price: sql`excluded.price` },
        });
    }
    await auditEntries(tx, ctx.viewer, owner, list, before, await entriesOf(tx, list.id, touched));
    return list;
  });
}

/** Brand only (the map says so): minimum prices per sku for buyers of a tier. */
export async function setPriceFloors(
  ctx: SignedInContext,
  input: PriceFloorInput[],
): Promise<{ count: number; userErrors: UserError[] }> {
  if (input.length > MAX_ROWS)
    return { count: 0, userErrors: [userError('INVALID_INPUT', `At most ${MAX_ROWS} floors per call`, [])] };
  const skus = [...new Set(input.map((f) => f.sku))];
  const known = skus.length
    ? await ctx.db.select({ id: variants.id, sku: variants.sku }).from(variants).where(inArray(variants.sku, skus))
    : [];
  const idBySku = new Map(known.map((k) => [k.sku, k.id]));
  const errors: UserError[] = [];
  const rows: { variantId: number; tier: Tier; amount: bigint }[] = [];
  const seen = new Set<string>();
  input.forEach((f, i) => {
    const variantId = idBySku.get(f.sku);
    const amount = parseAmount(f.amount, 'nonNegative');
    if (variantId === undefined) errors.push(userError('INVALID_INPUT', `Unknown sku ${f.sku}`, [i, 'sku']));
    if (f.tier === 'BRAND')
      errors.push(userError('INVALID_INPUT', 'The brand buys from no one: no floor protects it', [i, 'tier']));
    if (amount === null)
      errors.push(userError('INVALID_INPUT', 'Amount must be ≥ 0 with at most 2 decimals', [i, 'amount']));
    if (seen.has(`${f.sku}|${f.tier}`))
      errors.push(userError('INVALID_INPUT', `${f.sku} for ${f.tier} is given twice`, [i]));
    seen.add(`${f.sku}|${f.tier}`);
    if (variantId !== undefined && amount !== null) rows.push({ variantId, tier: f.tier, amount });
  });
  if (errors.length) return { count: 0, userErrors: errors };
  await ctx.db.transaction(async (tx) => {
    const variantIds = [...new Set(rows.map((r) => r.variantId))];
    const before = await floorsOf(tx, variantIds);
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(priceFloors)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({
          target: [priceFloors.variantId, priceFloors.tier],
          set: { amount: sql`excluded.amount` },
        });
    }
    await auditFloors(tx, ctx.viewer, before, await floorsOf(tx, variantIds));
  });
  return { count: rows.length, userErrors: [] };
}

export async function savePromotion(
  ctx: SignedInContext,
  input: PromotionInput,
): Promise<{ promotion: PromotionRow | null; userErrors: UserError[] }> {
  const owner = await sellerInScope(ctx, input.ownerId);
  const existing =
    input.id == null
      ? null
      : await visibleOrForbidden(ctx, input.id, 'Promotion', findVisiblePromotion, 'You cannot change that promotion');
  const errors: UserError[] = [];
  if (!isSellingTier(owner.tier))
    errors.push(userError('INVALID_INPUT', 'Only selling accounts run promotions', ['ownerId']));
  if (existing && existing.ownerId !== owner.id)
    errors.push(userError('INVALID_INPUT', 'A promotion cannot change owner', ['ownerId']));
  if (!input.name.trim() || input.name.length > 200)
    errors.push(userError('INVALID_INPUT', 'Name must be 1–200 characters', ['name']));
  let value: bigint | null = null;
  if (input.kind === 'PERCENT_OFF') {
    const bp = /^\d{1,3}(\.\d{1,2})?$/.test(input.value) ? Math.round(Number(input.value) * 100) : NaN;
    if (!(bp > 0 && bp <= 10_000))
      errors.push(
        userError('INVALID_INPUT', 'Percent off must be above 0 and at most 100, with at most 2 decimals', ['value']),
      );
    else value = BigInt(bp);
  } else {
    value = parseAmount(input.value, 'positive');
    if (value === null)
      errors.push(userError('INVALID_INPUT', 'Amount off must be above 0 with at most 2 decimals', ['value']));
  }
  errors.push(...windowErrors(input.validFrom, input.validTo));
  (input.tiers ?? []).forEach((t, i) => {
    if (!tierBelow(t, owner.tier))
      errors.push(userError('INVALID_INPUT', `${owner.name} does not sell to ${t}`, ['tiers', i]));
  });
  (input.regionCodes ?? []).forEach((c, i) => {
    if (!isRegionCode(c))
      errors.push(userError('INVALID_INPUT', `${c} is not a GB/T 2260 region code`, ['regionCodes', i]));
  });
  const buyers = await checkBuyers(ctx, owner, (input.accountIds ?? []).slice(0, MAX_FILTER), (i) => ['accountIds', i]);
  errors.push(...buyers.errors);
  const skus = input.skus ?? [];
  if (skus.length > MAX_FILTER) errors.push(userError('INVALID_INPUT', `At most ${MAX_FILTER} skus`, ['skus']));
  if ((input.accountIds ?? []).length > MAX_FILTER)
    errors.push(userError('INVALID_INPUT', `At most ${MAX_FILTER} accounts`, ['accountIds']));
  // Only skus the owner offers; unknown and not offered read the same.
  const found =
    skus.length && skus.length <= MAX_FILTER
      ? await ctx.db
          .select({ id: variants.id, sku: variants.sku })
          .from(variants)
          .where(and(inArray(variants.sku, skus), variantVisible(variants.id, owner.path)))
      : [];
  const idBySku = new Map(found.map((v) => [v.sku, v.id]));
  skus.forEach((s, i) => {
    if (!idBySku.has(s) && skus.length <= MAX_FILTER)
      errors.push(userError('INVALID_INPUT', `${s} is not a sku ${owner.name} offers`, ['skus', i]));
  });
  const categoryKeys = (input.categoryIds ?? []).map((id) => keyOf(id, 'Category'));
  const knownCategories = new Set(
    categoryKeys.some((k) => k !== null)
      ? (
          await ctx.db
            .select({ id: categories.id })
            .from(categories)
            .where(
              inArray(
                categories.id,
                categoryKeys.filter((k): k is number => k !== null),
              ),
            )
        ).map((c) => c.id)
      : [],
  );
  categoryKeys.forEach((k, i) => {
    if (k === null || !knownCategories.has(k))
      errors.push(userError('INVALID_INPUT', 'Unknown category', ['categoryIds', i]));
  });
  if (errors.length || value === null) return { promotion: null, userErrors: errors };
  const values = {
    ownerId: owner.id,
    name: input.name.trim(),
    kind: input.kind,
    value,
    stackable: input.stackable ?? false,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    tiers: input.tiers ?? [],
    regionCodes: input.regionCodes ?? [],
    accountIds: [...buyers.accounts.keys()],
    variantIds: skus.map((s) => idBySku.get(s)!),
    categoryIds: categoryKeys as number[],
  };
  const [row] = existing
    ? await ctx.db.update(promotions).set(values).where(eq(promotions.id, existing.id)).returning()
    : await ctx.db.insert(promotions).values(values).returning();
  return { promotion: row, userErrors: [] };
}

export async function endPromotion(
  ctx: SignedInContext,
  id: string,
): Promise<{ promotion: PromotionRow | null; userErrors: UserError[] }> {
  const promotion = await visibleOrForbidden(
    ctx,
    id,
    'Promotion',
    findVisiblePromotion,
    'You cannot end that promotion',
  );
  const now = ctx.now();
  if (promotion.validTo && promotion.validTo <= now)
    return { promotion, userErrors: [userError('INVALID_TRANSITION', 'The promotion has already ended', ['id'])] };
  const [row] = await ctx.db
    .update(promotions)
    .set({ validTo: now, validFrom: promotion.validFrom && promotion.validFrom > now ? now : promotion.validFrom })
    .where(eq(promotions.id, promotion.id))
    .returning();
  return { promotion: row, userErrors: [] };
}
