import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { Viewer } from '../../auth/viewer.js';
import { fromMinor } from '../../lib/money.js';
import { recordAudit } from '../audit/record.js';
import { changed } from '../audit/changes.js';
import type { AccountRow } from '../accounts/tables.js';
import { variants } from '../catalog/tables.js';
import { priceFloors, priceListEntries, type PriceListRow } from './tables.js';

/** An audit entry keeps at most this many rows of a bulk change (and says how many there were). */
const MAX_ROWS_KEPT = 1000;

type Assigned = { tier: string | null; regionCode: string | null; accountId: number | null };

function listFacts(row: PriceListRow | null, assigned: Assigned[]) {
  if (!row) return null;
  const { createdAt: _created, ...facts } = row;
  return {
    ...facts,
    assignments: assigned.map((a) => ({ tier: a.tier, regionCode: a.regionCode, accountId: a.accountId })),
  };
}

/** savePriceList: the list and its assignments, before and after. */
export async function auditPriceList(
  tx: Tx,
  viewer: Viewer,
  owner: AccountRow,
  before: { row: PriceListRow; assigned: Assigned[] } | null,
  row: PriceListRow,
  assigned: Assigned[],
): Promise<void> {
  const change = changed(listFacts(before?.row ?? null, before?.assigned ?? []) ?? {}, listFacts(row, assigned)!);
  if (!change) return;
  await recordAudit(tx, viewer, {
    account: owner,
    action: before ? 'priceList.update' : 'priceList.create',
    subject: { type: 'PriceList', id: row.id },
    ...change,
  });
}

/** The list's entries for some variants, as `sku@minQuantity → price`. */
export async function entriesOf(
  tx: Tx,
  priceListId: number,
  variantIds: number[] | 'all',
): Promise<Record<string, string>> {
  const rows = await tx
    .select({ sku: variants.sku, minQuantity: priceListEntries.minQuantity, price: priceListEntries.price })
    .from(priceListEntries)
    .innerJoin(variants, eq(variants.id, priceListEntries.variantId))
    .where(
      and(
        eq(priceListEntries.priceListId, priceListId),
        variantIds === 'all' ? undefined : inArray(priceListEntries.variantId, variantIds.length ? variantIds : [0]),
      ),
    );
  return Object.fromEntries(rows.map((r) => [`${r.sku}@${r.minQuantity}`, fromMinor(r.price)]));
}

function capped(values: Record<string, unknown>) {
  const keys = Object.keys(values);
  return keys.length <= MAX_ROWS_KEPT
    ? values
    : {
        ...Object.fromEntries(keys.slice(0, MAX_ROWS_KEPT).map((k) => [k, values[k]])),
        '…': `${keys.length - MAX_ROWS_KEPT} more`,
      };
}

/** setPriceListEntries: the prices that changed, before and after. */
export async function auditEntries(
  tx: Tx,
  viewer: Viewer,
  owner: AccountRow,
  list: PriceListRow,
  before: Record<string, string>,
  after: Record<string, string>,
): Promise<void> {
  const change = changed(before, after);
  if (!change) return;
  await recordAudit(tx, viewer, {
    account: owner,
    action: 'priceList.entries',
    subject: { type: 'PriceList', id: list.id },
    before: capped(change.before),
    after: capped(change.after),
  });
}

/** The floors of some variants, as `sku/TIER → amount`. */
export async function floorsOf(tx: Tx, variantIds: number[]): Promise<Record<string, string>> {
  if (!variantIds.length) return {};
  const rows = await tx
    .select({ sku: variants.sku, tier: priceFloors.tier, amount: priceFloors.amount })
    .from(priceFloors)
    .innerJoin(variants, eq(variants.id, priceFloors.variantId))
    .where(inArray(priceFloors.variantId, variantIds));
  return Object.fromEntries(rows.map((r) => [`${r.sku}/${r.tier}`, fromMinor(r.amount)]));
}

/** setPriceFloors (the brand): the floors that changed. */
export async function auditFloors(
  tx: Tx,
  viewer: Viewer,
  before: Record<string, string>,
  after: Record<string, string>,
): Promise<void> {
  const change = changed(before, after);
  if (!change) return;
  await recordAudit(tx, viewer, {
    account: viewer.account,
    action: 'priceFloors.set',
    before: capped(change.before),
    after: capped(change.after),
  });
}
