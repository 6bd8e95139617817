import type { Db } from '../db/client.js';
import type { Viewer } from '../auth/viewer.js';
import { accountLoaders } from '../modules/accounts/loaders.js';
import { userLoaders } from '../modules/users/loaders.js';
import { catalogLoaders } from '../modules/catalog/loaders.js';
import { pricingLoaders } from '../modules/pricing/loaders.js';
import type { CatalogScope } from '../modules/catalog/scope.js';
import { inventoryLoaders, type SupplyChain } from '../modules/inventory/loaders.js';
import { orderLoaders } from '../modules/orders/loaders.js';
import { financeLoaders } from '../modules/finance/loaders.js';
import { ticketLoaders } from '../modules/tickets/loaders.js';
import { analyticsLoaders } from '../modules/analytics/loaders.js';
import { apiKeyLoaders } from '../modules/apikeys/loaders.js';
import { webhookLoaders } from '../modules/webhooks/loaders.js';
import { flagLoaders } from '../modules/flags/loaders.js';

export interface LoaderDeps {
  db: Db;
  /** The analytics loaders' reads (the read replica when there is one). */
  reportDb: Db;
  /** Read when used: `login` signs the rest of its request in. */
  viewer: () => Viewer | null;
  /** The request's time: prices are resolved as of it. */
  at: Date;
  catalogScope: () => Promise<CatalogScope>;
  supplyChain: () => Promise<SupplyChain>;
}

/** Fresh per request, so nothing cached leaks between viewers. */
export function createLoaders({ db, reportDb, viewer, at, catalogScope, supplyChain }: LoaderDeps) {
  return {
    accounts: accountLoaders(db, viewer),
    users: userLoaders(db, viewer),
    catalog: catalogLoaders(db, catalogScope),
    pricing: pricingLoaders(db, viewer, at, catalogScope),
    inventory: inventoryLoaders(db, viewer, supplyChain),
    orders: orderLoaders(db, viewer),
    tickets: ticketLoaders(db, viewer),
    finance: financeLoaders(db, viewer),
    analytics: analyticsLoaders(reportDb, at, catalogScope),
    apikeys: apiKeyLoaders(db),
    webhooks: webhookLoaders(db),
    flags: flagLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
