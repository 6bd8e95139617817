import { publishLowStock } from './low-stock.js';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import { pageRequest, toConnection, type Connection } from '../../graphql/connection.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import { visibleOrForbidden } from '../../auth/access.js';
import { inSubtree } from '../../auth/scope.js';
import { accounts, type AccountRow } from '../accounts/tables.js';
import { findVisible } from '../accounts/service.js';
import { isRegionCode, withinTerritory } from '../regions/regions.js';
import { region } from '../regions/types.js';
import { addressValue, cityOnly } from '../regions/address.js';
import { variants, type VariantRow } from '../catalog/tables.js';
import { stockLevels, stockMovements, warehouses, type StockLevelRow, type WarehouseRow } from './tables.js';
import type { SupplyChain } from './loaders.js';
import { buyerScope } from '../catalog/scope.js';
import type { CreateWarehouseInput, StockLevelInput } from './types.js';

/** The owners whose warehouses serve the viewer as a buyer, and its region (for coverage). */
export async function supplyChain(ctx: Context): Promise<SupplyChain> {
  const v = ctx.viewer;
  if (!v) {
    // Anonymous (public catalog): the brand's own stock, anywhere.
    const [root] = await ctx.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(sql`${accounts.parentId} is null`)
      .limit(1);
    return { ownerIds: root ? [root.id] : [], region: null };
  }
  if (v.account.parentId === null) return { ownerIds: [v.accountId], region: null };
  return { ownerIds: v.accountPath.slice(0, -1), region: v.account.addressRegionCode };
}

export async function availability(ctx: Context, variant: VariantRow) {
  const units = await ctx.loaders.inventory.availableByVariant.load(variant.id);
  const status = units <= 0 ? 'OUT_OF_STOCK' : units < ctx.config.lowStockThreshold ? 'LOW_STOCK' : 'IN_STOCK';
  return { status, availableQuantity: ctx.viewer ? Math.max(units, 0) : null };
}

export function stockLevelsOf(ctx: Context, variant: VariantRow): Promise<StockLevelRow[]> {
  return ctx.loaders.inventory.stockInScopeByVariant.load(variant.id);
}

export async function stockWarehouse(ctx: Context, s: StockLevelRow): Promise<WarehouseRow> {
  const w = await ctx.loaders.inventory.warehouseById.load(s.warehouseId);
  if (!w) throw new Error(`stock of a missing warehouse ${s.warehouseId}`);
  return w;
}

/**
 * Warehouse.stockLevels: the warehouse's stock, variant by variant, for its
 * owner's chain (the owner and the accounts above it); null for anyone who
 * reached the warehouse otherwise (a buyer sees where its order ships from,
 * not the stock there).
 */
export async function warehouseStock(
  ctx: Context,
  w: WarehouseRow,
  first: number | null,
  after: string | null,
): Promise<Connection<StockLevelRow> | null> {
  const owner = await ctx.loaders.accounts.byId.load(w.ownerId);
  if (!ctx.viewer || !owner?.path.includes(ctx.viewer.accountId)) return null;
  const req = pageRequest(first, after);
  const rows = await ctx.loaders.inventory.stockPageByWarehouse.load({
    warehouseId: w.id,
    limit: req.limit,
    afterKey: req.afterKey,
  });
  return toConnection(
    rows,
    req,
    (r) => r.variantId,
    () => ctx.loaders.inventory.stockCountByWarehouse.load(w.id),
  );
}

/** The variant a stock level counts (its warehouse's chain reached it, so the variant is theirs to know). */
export async function stockVariant(ctx: Context, s: StockLevelRow): Promise<VariantRow> {
  const v = await ctx.loaders.catalog.variantById.load(s.variantId);
  if (!v) throw new Error(`stock of a missing variant ${s.variantId}`);
  return v;
}

/** V1: warehouses owned by the viewer's account or its subtree. */
export async function list(ctx: Context): Promise<WarehouseRow[]> {
  const rows = await ctx.db
    .select({ w: warehouses })
    .from(warehouses)
    .innerJoin(accounts, eq(accounts.id, warehouses.ownerId))
    .where(inSubtree(accounts.path, ctx.viewer))
    .orderBy(asc(warehouses.id));
  return rows.map((r) => r.w);
}

export async function findVisibleWarehouse(ctx: Context, id: number): Promise<WarehouseRow | null> {
  const [row] = await ctx.db
    .select({ w: warehouses })
    .from(warehouses)
    .innerJoin(accounts, eq(accounts.id, warehouses.ownerId))
    .where(and(eq(warehouses.id, id), inSubtree(accounts.path, ctx.viewer)));
  return row?.w ?? null;
}

/**
 * V1: a warehouse's address belongs to its owner and the accounts above it.
 * Others reach a warehouse only as where their own order ships from: they see
 * its city and region, not its street address or coordinates.
 */
export async function warehouseAddress(ctx: Context, w: WarehouseRow) {
  const owner = await ctx.loaders.accounts.byId.load(w.ownerId);
  const full = !!ctx.viewer && !!owner?.path.includes(ctx.viewer.accountId);
  if (!full) return cityOnly(w.addressCity, w.addressRegionCode);
  return addressValue({
    line1: w.addressLine1,
    city: w.addressCity,
    regionCode: w.addressRegionCode,
    postalCode: w.addressPostalCode,
    latitude: w.latitude,
    longitude: w.longitude,
  });
}

export function warehouseCoverage(w: WarehouseRow) {
  return w.coverage.map(region);
}

export function warehouseOwner(ctx: Context, w: WarehouseRow) {
  return ctx.loaders.accounts.byId.load(w.ownerId);
}

const KINDS_FOR: Record<AccountRow['tier'], string[]> = {
  BRAND: ['CENTRAL', 'REGIONAL'],
  GENERAL_AGENT: ['CENTRAL', 'REGIONAL'],
  DISTRIBUTOR: ['PARTNER'],
  RETAILER: [],
};

export async function createWarehouse(
  ctx: SignedInContext,
  input: CreateWarehouseInput,
): Promise<{ warehouse: WarehouseRow | null; userErrors: UserError[] }> {
  const owner = await visibleOrForbidden(
    ctx,
    input.ownerId,
    'Account',
    findVisible,
    'You cannot create warehouses for that account',
  );
  const errors: UserError[] = [];
  if (!KINDS_FOR[owner.tier].includes(input.kind)) {
    errors.push(
      userError(
        'INVALID_INPUT',
        owner.tier === 'RETAILER'
          ? 'Retailers do not run warehouses'
          : `A ${owner.tier} runs ${KINDS_FOR[owner.tier].join(' or ')} warehouses`,
        ['kind'],
      ),
    );
  }
  if (!input.name.trim() || input.name.length > 200)
    errors.push(userError('INVALID_INPUT', 'Name must be 1–200 characters', ['name']));
  if (!input.address.line1.trim())
    errors.push(userError('INVALID_INPUT', 'Address line is required', ['address', 'line1']));
  if (!isRegionCode(input.address.regionCode))
    errors.push(
      userError('INVALID_INPUT', `${input.address.regionCode} is not a GB/T 2260 region code`, [
        'address',
        'regionCode',
      ]),
    );
  if (input.coverage.length === 0)
    errors.push(userError('INVALID_INPUT', 'A warehouse covers at least one region', ['coverage']));
  if (input.coverage.length > 500) errors.push(userError('INVALID_INPUT', 'At most 500 coverage codes', ['coverage']));
  const { latitude, longitude } = input.address;
  if (latitude != null && (latitude < -90 || latitude > 90))
    errors.push(userError('INVALID_INPUT', 'Latitude out of range', ['address', 'latitude']));
  if (longitude != null && (longitude < -180 || longitude > 180))
    errors.push(userError('INVALID_INPUT', 'Longitude out of range', ['address', 'longitude']));
  input.coverage.forEach((code, i) => {
    if (!isRegionCode(code))
      errors.push(userError('INVALID_INPUT', `${code} is not a GB/T 2260 region code`, ['coverage', i]));
    else if (!withinTerritory(code, owner.territory))
      errors.push(userError('OUTSIDE_TERRITORY', `${code} lies outside ${owner.name}'s territory`, ['coverage', i]));
  });
  if (errors.length) return { warehouse: null, userErrors: errors };
  const [row] = await ctx.db
    .insert(warehouses)
    .values({
      ownerId: owner.id,
      name: input.name.trim(),
      kind: input.kind,
      addressLine1: input.address.line1.trim(),
      addressCity: input.address.city ?? null,
      addressRegionCode: input.address.regionCode,
      addressPostalCode: input.address.postalCode ?? null,
      latitude: input.address.latitude ?? null,
      longitude: input.address.longitude ?? null,
      coverage: [...new Set(input.coverage)],
    })
    .returning();
  return { warehouse: row, userErrors: [] };
}

/**
 * Sets on-hand counts. Rows are locked in (warehouse, variant) order, the same
 * order placeOrder locks them in, and a count below what is reserved is refused.
 */
const MAX_STOCK_ROWS = 10_000;

export async function setStockLevels(
  ctx: SignedInContext,
  input: StockLevelInput[],
): Promise<{ count: number; userErrors: UserError[] }> {
  if (input.length === 0) return { count: 0, userErrors: [] };
  if (input.length > MAX_STOCK_ROWS)
    return { count: 0, userErrors: [userError('INVALID_INPUT', `At most ${MAX_STOCK_ROWS} rows per call`, [])] };
  const visible = new Map<number, WarehouseRow>();
  for (const id of new Set(input.map((s) => s.warehouseId))) {
    const w = await visibleOrForbidden(
      ctx,
      id,
      'Warehouse',
      findVisibleWarehouse,
      'You cannot set stock in that warehouse',
    );
    visible.set(w.id, w);
  }
  const skus = [...new Set(input.map((s) => s.sku))];
  const found = skus.length
    ? await ctx.db.select({ id: variants.id, sku: variants.sku }).from(variants).where(inArray(variants.sku, skus))
    : [];
  const idBySku = new Map(found.map((v) => [v.sku, v.id]));
  // Stock only of what the warehouse's owner can buy (V2): anything else answers as an unknown sku.
  const owners = new Map<number, AccountRow>();
  for (const w of visible.values())
    if (!owners.has(w.ownerId)) owners.set(w.ownerId, (await findVisible(ctx, w.ownerId))!);
  const offered = new Set<string>();
  await Promise.all(
    input.map(async (s) => {
      const variantId = idBySku.get(s.sku);
      const owner = owners.get(visible.get(keyOf(s.warehouseId, 'Warehouse')!)!.ownerId)!;
      if (
        variantId !== undefined &&
        (await ctx.loaders.catalog.offered.load({ scope: buyerScope(owner.path), variantId }))
      )
        offered.add(`${owner.id}|${s.sku}`);
    }),
  );
  const errors: UserError[] = [];
  const seen = new Set<string>();
  const rows: { warehouseId: number; variantId: number; onHand: number; index: number }[] = [];
  input.forEach((s, i) => {
    const warehouseId = keyOf(s.warehouseId, 'Warehouse')!;
    const variantId = offered.has(`${visible.get(warehouseId)!.ownerId}|${s.sku}`) ? idBySku.get(s.sku) : undefined;
    if (variantId === undefined) errors.push(userError('INVALID_INPUT', `Unknown sku ${s.sku}`, [i, 'sku']));
    if (!Number.isInteger(s.onHand) || s.onHand < 0)
      errors.push(userError('INVALID_INPUT', 'onHand must be 0 or more', [i, 'onHand']));
    if (seen.has(`${warehouseId}|${s.sku}`))
      errors.push(userError('INVALID_INPUT', `${s.sku} is given twice for that warehouse`, [i]));
    seen.add(`${warehouseId}|${s.sku}`);
    if (variantId !== undefined) rows.push({ warehouseId, variantId, onHand: s.onHand, index: i });
  });
  if (errors.length) return { count: 0, userErrors: errors };
  rows.sort((a, b) => a.warehouseId - b.warehouseId || a.variantId - b.variantId);
  return mutate(
    ctx,
    'count',
    async (tx) => {
      for (let i = 0; i < rows.length; i += 500) {
        const part = rows.slice(i, i + 500);
        // Make sure every row exists, then lock them all in a stable order.
        await tx
          .insert(stockLevels)
          .values(part.map((r) => ({ warehouseId: r.warehouseId, variantId: r.variantId })))
          .onConflictDoNothing();
      }
      const locked = await tx.execute<{
        warehouse_id: number;
        variant_id: number;
        on_hand: number;
        reserved: number;
      }>(sql`
        select warehouse_id, variant_id, on_hand, reserved from stock_levels
        where (warehouse_id, variant_id) in (${sql.join(
          rows.map((r) => sql`(${r.warehouseId}, ${r.variantId})`),
          sql`, `,
        )})
        order by warehouse_id, variant_id for update`);
      const current = new Map(locked.map((l) => [`${l.warehouse_id}|${l.variant_id}`, l]));
      const below = rows.flatMap((r) => {
        const c = current.get(`${r.warehouseId}|${r.variantId}`)!;
        return r.onHand < c.reserved
          ? [
              userError(
                'INVALID_INPUT',
                `${input[r.index].sku}: ${r.onHand} on hand is below the ${c.reserved} reserved by open orders`,
                [r.index, 'onHand'],
              ),
            ]
          : [];
      });
      if (below.length) refuse(...below);
      const moved = rows.filter((r) => current.get(`${r.warehouseId}|${r.variantId}`)!.on_hand !== r.onHand);
      for (let i = 0; i < moved.length; i += 500) {
        const values = sql.join(
          moved.slice(i, i + 500).map((r) => sql`(${r.warehouseId}::int, ${r.variantId}::int, ${r.onHand}::int)`),
          sql`, `,
        );
        await tx.execute(sql`
          update stock_levels s set on_hand = v.on_hand, updated_at = now()
          from (values ${values}) as v(warehouse_id, variant_id, on_hand)
          where s.warehouse_id = v.warehouse_id and s.variant_id = v.variant_id`);
      }
      const lowered = moved.map((r) => {
        const c = current.get(`${r.warehouseId}|${r.variantId}`)!;
        return {
          warehouseId: r.warehouseId,
          variantId: r.variantId,
          before: c.on_hand - c.reserved,
          after: r.onHand - c.reserved,
        };
      });
      await publishLowStock(tx, ctx.viewer.account.rootId, lowered, ctx.config.lowStockThreshold);
      if (moved.length) {
        await tx.insert(stockMovements).values(
          moved.map((r) => ({
            warehouseId: r.warehouseId,
            variantId: r.variantId,
            onHandDelta: r.onHand - current.get(`${r.warehouseId}|${r.variantId}`)!.on_hand,
            reason: 'COUNT',
          })),
        );
      }
      return rows.length;
    },
    0,
  );
}
