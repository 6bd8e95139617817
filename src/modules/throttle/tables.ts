import { boolean, doublePrecision, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One leaky bucket of cost points per credential (`user:<id>`, `key:<id>`,
 * `addr:<client address>`), shared by every API process. UNLOGGED (see the
 * migration): a bucket is worth no WAL, and after a crash of PostgreSQL every
 * bucket starts full again, which only errs on the client's side.
 */
export const throttleBuckets = pgTable('throttle_buckets', {
  credential: text('credential').primaryKey(),
  /** Points left at `updated_at`; it refills at the restore rate from then on, up to the bucket's size. */
  available: doublePrecision('available').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** Whether the last request was charged (false: it was THROTTLED and nothing was taken). */
  charged: boolean('charged').notNull().default(true),
});
