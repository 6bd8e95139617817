import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Transactional outbox: events written in the same transaction as the change
 * they describe, drained later by workers (FOR UPDATE SKIP LOCKED) into
 * webhooks and integrations.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    /** The root account of the channel the event belongs to. */
    rootId: integer('root_id').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: integer('aggregate_id').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** A dispatcher working on the row holds it until then; past it, another may take it over (a crash). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  },
  (t) => [
    index('outbox_pending_idx')
      .on(t.id)
      .where(sql`${t.processedAt} is null`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
