import type { Db } from '../db/client.js';
import type { Viewer } from '../auth/viewer.js';
import { accountLoaders } from '../modules/accounts/loaders.js';
import { userLoaders } from '../modules/users/loaders.js';
import { catalogLoaders } from '../modules/catalog/loaders.js';
import { pricingLoaders } from '../modules/pricing/loaders.js';
import type { CatalogScope } from '../modules/catalog/scope.js';
import { inventoryLoaders, type SupplyChain } from '../modules/inventory/loaders.js';
import { orderLoaders } from '../modules/orders/loaders.js';
import { ticketServiceLoaders } from '../modules/service/service.js';

export interface LoaderDeps {
  db: Db;
  /** Read when used: `login` signs the rest of its request in. */
  viewer: () => Viewer | null;
  /** The request's time: prices are resolved as of it. */
  at: Date;
  catalogScope: () => Promise<CatalogScope>;
  supplyChain: () => Promise<SupplyChain>;
}

/** Fresh per request, so nothing cached leaks between viewers. */
export function createLoaders({ db, viewer, at, catalogScope, supplyChain }: LoaderDeps) {
  return {
    accounts: accountLoaders(db, viewer),
    users: userLoaders(db),
    catalog: catalogLoaders(db, catalogScope),
    pricing: pricingLoaders(db, viewer, at, catalogScope),
    inventory: inventoryLoaders(db, viewer, supplyChain),
    orders: orderLoaders(db, viewer),
    service: ticketServiceLoaders(db, viewer),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
