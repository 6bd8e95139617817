import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.js';
import { orderLines, orders } from '../orders/tables.js';
import { warehouses } from '../inventory/tables.js';

export const ticketKind = pgEnum('ticket_kind', [
  'INSTALLATION',
  'REPAIR',
  'RETURN',
  'EXCHANGE',
  'COMPLAINT',
  'INQUIRY',
]);
export const ticketStatus = pgEnum('ticket_status', ['OPEN', 'IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED', 'CLOSED']);
export const ticketPriority = pgEnum('ticket_priority', ['LOW', 'NORMAL', 'HIGH', 'URGENT']);
export const returnStatus = pgEnum('return_status', ['AUTHORIZED', 'RECEIVED']);

/** The brand's SLA per kind and priority; a seller may set its own, never looser than those above it. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: serial('id').primaryKey(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => accounts.id),
    kind: ticketKind('kind').notNull(),
    priority: ticketPriority('priority').notNull(),
    firstResponseMinutes: integer('first_response_minutes').notNull(),
    resolveMinutes: integer('resolve_minutes').notNull(),
  },
  (t) => [
    uniqueIndex('sla_policies_owner_kind_priority_uq').on(t.ownerId, t.kind, t.priority),
    check(
      'sla_policies_positive',
      sql`${t.firstResponseMinutes} > 0 and ${t.resolveMinutes} >= ${t.firstResponseMinutes}`,
    ),
  ],
);

export const tickets = pgTable(
  'tickets',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull(),
    requesterId: integer('requester_id')
      .notNull()
      .references(() => accounts.id),
    /** Both chains see the ticket (V1): the requester's and the assignee's. */
    requesterPath: integer('requester_path').array().notNull(),
    assigneeId: integer('assignee_id')
      .notNull()
      .references(() => accounts.id),
    assigneePath: integer('assignee_path').array().notNull(),
    rootId: integer('root_id').notNull(),
    orderId: integer('order_id').references(() => orders.id),
    openedByUserId: integer('opened_by_user_id'),
    kind: ticketKind('kind').notNull(),
    status: ticketStatus('status').notNull().default('OPEN'),
    priority: ticketPriority('priority').notNull().default('NORMAL'),
    subject: text('subject').notNull(),
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }).notNull(),
    resolveDueAt: timestamp('resolve_due_at', { withTimezone: true }).notNull(),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Set while WAITING_CUSTOMER: the resolution clock stands still. */
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    /** Either clock breached. */
    slaBreached: boolean('sla_breached').notNull().default(false),
    /** Each clock is warned (at 80%) and breached on its own. */
    firstResponseWarnedAt: timestamp('first_response_warned_at', { withTimezone: true }),
    firstResponseBreachedAt: timestamp('first_response_breached_at', { withTimezone: true }),
    resolutionWarnedAt: timestamp('resolution_warned_at', { withTimezone: true }),
    resolutionBreachedAt: timestamp('resolution_breached_at', { withTimezone: true }),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tickets_number_uq').on(t.number),
    index('tickets_requester_path_gin').using('gin', t.requesterPath),
    index('tickets_assignee_path_gin').using('gin', t.assigneePath),
    index('tickets_open_due_idx')
      .on(t.status, t.resolveDueAt)
      .where(sql`${t.slaBreached} = false`),
    index('tickets_order_idx').on(t.orderId),
    check('tickets_rating', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

/** Order lines a RETURN or EXCHANGE ticket is about. */
export const ticketLines = pgTable(
  'ticket_lines',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    variantId: integer('variant_id').notNull(),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [index('ticket_lines_ticket_idx').on(t.ticketId), check('ticket_lines_quantity', sql`${t.quantity} > 0`)],
);

export const ticketComments = pgTable(
  'ticket_comments',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    authorUserId: integer('author_user_id'),
    authorAccountId: integer('author_account_id').notNull(),
    author: text('author').notNull(),
    body: text('body').notNull(),
    /** V7: internal notes are for the service side only. */
    internal: boolean('internal').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_comments_ticket_idx').on(t.ticketId, t.id)],
);

export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: serial('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    status: ticketStatus('status'),
    actor: text('actor'),
    note: text('note'),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.id)],
);

/** Approved returns and exchanges: goods come back into a warehouse of the assignee. */
export const returnAuthorizations = pgTable(
  'return_authorizations',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    status: returnStatus('status').notNull().default('AUTHORIZED'),
    warehouseId: integer('warehouse_id').references(() => warehouses.id),
    /** For EXCHANGE: the no-charge replacement order created on approval (orders.kind REPLACEMENT). */
    replacementOrderId: integer('replacement_order_id').references(() => orders.id),
    /** For RETURN: what the buyer is credited (minor units), recorded when the goods are received. */
    creditAmount: bigint('credit_amount', { mode: 'bigint' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('return_authorizations_number_uq').on(t.number),
    uniqueIndex('return_authorizations_ticket_uq').on(t.ticketId),
  ],
);

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
export type TicketRow = typeof tickets.$inferSelect;
export type TicketCommentRow = typeof ticketComments.$inferSelect;
export type TicketEventRow = typeof ticketEvents.$inferSelect;
export type TicketLineRow = typeof ticketLines.$inferSelect;
export type ReturnRow = typeof returnAuthorizations.$inferSelect;
export type TicketKind = (typeof ticketKind.enumValues)[number];
export type TicketStatus = (typeof ticketStatus.enumValues)[number];
export type TicketPriority = (typeof ticketPriority.enumValues)[number];
