/** Every module's tables, for drizzle's relational API and drizzle-kit. */
export * from '../modules/accounts/tables.js';
export * from '../modules/users/tables.js';
export * from '../modules/catalog/tables.js';
export * from '../modules/pricing/tables.js';
export * from '../modules/inventory/tables.js';
export * from '../modules/orders/tables.js';
export * from '../modules/integration/tables.js';
export * from '../modules/service/tables.js';
export * from '../modules/notifications/tables.js';
export * from '../modules/finance/tables.js';
