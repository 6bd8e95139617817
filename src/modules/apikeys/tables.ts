import { sql } from 'drizzle-orm';
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.js';
import { userRole, users } from '../users/tables.js';

/**
 * Machine credentials of an account (DESIGN.md "Credentials: API keys"). The
 * key itself is never stored: `publicId` finds the row, `secretHash` (SHA-256
 * of the whole key, hex) proves it. `accountPath` scopes the list (V1).
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: serial('id').primaryKey(),
    /** The `<id>` part of `cg_live_<id>_<secret>`: public, unique, base62. */
    publicId: text('public_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    accountPath: integer('account_path').array().notNull(),
    rootId: integer('root_id').notNull(),
    name: text('name').notNull(),
    roles: userRole('roles')
      .array()
      .notNull()
      .default(sql`'{}'`),
    createdByUserId: integer('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Written at most once a minute (see auth/api-keys.ts). */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_keys_public_id_uq').on(t.publicId),
    index('api_keys_account_idx').on(t.accountId),
    index('api_keys_path_gin').using('gin', t.accountPath),
  ],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
