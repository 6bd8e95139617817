import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.js';

/**
 * Who changed what, written in the same transaction as the change
 * (`recordAudit`). Append-only: a trigger refuses UPDATE and DELETE, like the
 * ledger's. `accountPath` is the changed account's path, so the log is read
 * with the same V1 predicate as everything else.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for changes made by an API key or by the system. */
    actorUserId: integer('actor_user_id'),
    /** The API key a change was made with, if any. */
    actorApiKeyId: integer('actor_api_key_id'),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    accountPath: integer('account_path').array().notNull(),
    rootId: integer('root_id').notNull(),
    /** e.g. `account.update`, `user.roles`, `apiKey.create`, `featureFlag.save`. */
    action: text('action').notNull(),
    /** The changed object as a Node type name and id, when there is one. */
    subjectType: text('subject_type'),
    subjectId: integer('subject_id'),
    /** `{ before, after }` without secrets (see `recordAudit`). */
    changes: jsonb('changes').notNull(),
  },
  (t) => [
    index('audit_entries_path_idx').using('gin', t.accountPath),
    index('audit_entries_account_at_idx').on(t.accountId, t.at),
    index('audit_entries_root_at_idx').on(t.rootId, t.at),
  ],
);

export type AuditEntryRow = typeof auditEntries.$inferSelect;
