/** Every module's tables, for drizzle's relational API and drizzle-kit. */
export * from '../modules/accounts/tables.js';
export * from '../modules/users/tables.js';
export * from '../modules/catalog/tables.js';
export * from '../modules/pricing/tables.js';
export * from '../modules/inventory/tables.js';
export * from '../modules/orders/tables.js';
export * from '../modules/integration/tables.js';
export * from '../modules/tickets/tables.js';
export * from '../modules/notifications/tables.js';
export * from '../modules/finance/tables.js';
export * from '../modules/audit/tables.js';
export * from '../modules/analytics/tables.js';
export * from '../modules/throttle/tables.js';
export * from '../modules/apikeys/tables.js';
export * from '../modules/webhooks/tables.js';
