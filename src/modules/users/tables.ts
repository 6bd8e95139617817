import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.js';

export const userRole = pgEnum('user_role', ['ADMIN', 'BUYER', 'FINANCE', 'SERVICE', 'ANALYST']);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    /** Stored lower-cased; unique across the deployment. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: userRole('roles')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** false: signed out everywhere and refused at sign-in (`updateUser`). */
    active: boolean('active').notNull().default(true),
    /**
     * Tokens carry the version they were issued at; a token of another
     * version is refused. Deactivation and password changes bump it, which
     * signs the user out everywhere without a table of sessions.
     */
    tokenVersion: integer('token_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email), index('users_account_idx').on(t.accountId)],
);

/**
 * Sign-in attempts per (source address, email), for progressive delays; kept
 * in the database so every API process sees them. `lockedUntil` is when the
 * next attempt from that source for that email is answered (never a lock of
 * the email itself: other sources are not affected).
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    source: text('source').notNull().default(''),
    email: text('email').notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.email] })],
);

export type UserRow = typeof users.$inferSelect;
export type Role = (typeof userRole.enumValues)[number];
