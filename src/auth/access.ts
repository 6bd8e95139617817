import type { Context } from '../graphql/context.js';
import { forbidden } from '../graphql/errors.js';
import { keyOf } from '../graphql/ids.js';
import type { Role } from '../modules/users/tables.js';
import type { Viewer } from './viewer.js';

/**
 * Every access rule that depends on the viewer and the account a value
 * belongs to, in one place: the permission map (src/permissions/rules.ts) and
 * the services call these, never their own copies. V1 in SQL is
 * `inSubtree` (./scope.ts); V2 is the catalog scope (modules/catalog/scope.ts).
 */

/** An account's place in the tree: its id, its parent and its path from the root. */
export interface Placed {
  id: number;
  parentId: number | null;
  path: readonly number[];
}

/**
 * True when the viewer has one of `roles`. ADMIN is implied: an account's
 * ADMIN may do everything any of its roles may (the permission map's
 * `hasRole` reads the same way), so `hasAnyRole(v)` alone means "ADMIN".
 */
export function hasAnyRole(viewer: Pick<Viewer, 'roles'>, ...roles: Role[]): boolean {
  return viewer.roles.some((r) => r === 'ADMIN' || roles.includes(r));
}

/** V1 in memory, for a row already loaded: the account with `path` lies in the viewer's subtree. */
export function inViewerSubtree(viewer: Pick<Viewer, 'accountId'>, path: readonly number[]): boolean {
  return path.includes(viewer.accountId);
}

/** ADMIN or FINANCE: the roles that handle credit and money. */
export function hasFinanceRole(viewer: Pick<Viewer, 'roles'>): boolean {
  return hasAnyRole(viewer, 'FINANCE');
}

/**
 * V5: credit, ledger and everything derived from them (statements, invoices,
 * rebates, credit notes) are for the ADMIN and FINANCE users of the account
 * itself and of its ancestors; no other role sees any of it, at the account
 * or above it.
 */
export function seesFinanceOf(viewer: Pick<Viewer, 'roles' | 'accountId'>, account: Pick<Placed, 'path'>): boolean {
  return hasFinanceRole(viewer) && account.path.includes(viewer.accountId);
}

/**
 * V4: contact details, addresses and the names and e-mails of an account's
 * users are for the account itself and its direct parent (the owner of the
 * relationship); accounts further up see the account, not how to reach it.
 */
export function seesContactOf(viewer: Pick<Viewer, 'accountId'>, account: Pick<Placed, 'id' | 'parentId'>): boolean {
  return viewer.accountId === account.id || viewer.accountId === account.parentId;
}

/**
 * V4 for an order's ship-to address: street, postal code and coordinates go
 * to the buyer, its direct parent and the owners of the warehouses shipping
 * it; other ancestors see its region and city.
 */
export function seesShipToOf(
  viewer: Pick<Viewer, 'accountId'>,
  order: { buyerId: number; buyerPath: readonly number[]; sellerId: number },
  shippingOwnerIds: readonly number[],
): boolean {
  const parentId = order.buyerPath.length > 1 ? order.buyerPath[order.buyerPath.length - 2] : null;
  return (
    seesContactOf(viewer, { id: order.buyerId, parentId }) ||
    viewer.accountId === order.sellerId ||
    shippingOwnerIds.includes(viewer.accountId)
  );
}

/** The viewer's account is an ancestor of `account` (strictly above it): who suspends, closes and moves it. */
export function isAbove(viewer: Pick<Viewer, 'accountId'>, account: Pick<Placed, 'id' | 'path'>): boolean {
  return account.id !== viewer.accountId && account.path.includes(viewer.accountId);
}

/**
 * "Who manages whose users" (DESIGN.md): an account's own ADMINs manage its
 * users, API keys and passwords ('own'); the direct parent manages a
 * retailer's ('retailer': a retailer has no customers to hide); for a selling
 * child the parent only onboards its first ADMIN ('onboarding', createUser
 * alone), since signing in as a seller would show it the contacts V4 hides.
 * Null: none of it. Roles are checked by the caller (ADMIN).
 */
export type UserManagement = 'own' | 'retailer' | 'onboarding' | null;

export function managesUsersOf(
  viewer: Pick<Viewer, 'accountId'>,
  account: Pick<Placed, 'id' | 'parentId'> & { tier: string },
): UserManagement {
  if (account.id === viewer.accountId) return 'own';
  if (account.parentId !== viewer.accountId) return null;
  return account.tier === 'RETAILER' ? 'retailer' : 'onboarding';
}

/** A scoped lookup by key: null when the row does not exist or lies outside the viewer's scope. */
export type ScopedFind<C extends Context, T> = (ctx: C, key: number) => Promise<T | null | undefined>;

/**
 * A read by global id (a query, `node`, a field argument): the scoped find of
 * the id's key, or null when the id is malformed, of another type, missing or
 * outside the viewer's scope. A lookup outside scope is null, never an error.
 */
export async function visibleOrNull<C extends Context, T>(
  ctx: C,
  id: string | null | undefined,
  type: string,
  find: ScopedFind<C, T>,
): Promise<T | null> {
  const key = keyOf(id, type);
  return key === null ? null : ((await find(ctx, key)) ?? null);
}

/**
 * The object a mutation acts on (after Vendure's getEntityOrThrow): decodes
 * the global id, runs the scoped find, and answers FORBIDDEN with `refusal`
 * when the id is malformed, of another type, missing, outside the viewer's
 * scope, or when `may` says this viewer may not act on it. The four cases
 * answer alike, so a refusal never tells whether something exists.
 */
export async function visibleOrForbidden<C extends Context, T>(
  ctx: C,
  id: string | null | undefined,
  type: string,
  find: ScopedFind<C, T>,
  refusal: string,
  may: (row: T) => boolean = () => true,
): Promise<T> {
  const row = await visibleOrNull(ctx, id, type, find);
  if (row === null || !may(row)) throw forbidden(refusal);
  return row;
}
