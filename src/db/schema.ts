/** Every module's tables, for drizzle's relational API and drizzle-kit. */
export * from '../modules/accounts/tables.js';
export * from '../modules/users/tables.js';
