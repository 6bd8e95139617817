import { publishEvent } from '../integration/outbox.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../logger.js';
import { notify } from '../notifications/service.js';
import { tickets } from './tables.js';
import { ticketEvent } from './lifecycle.js';

const BATCH = 500;
const WARN_AT = 0.8;

/**
 * One pass of the SLA clock, as of `now` (injectable: tests move it). Warns the
 * assignee when 80% of a clock is used, marks breaches and escalates them to
 * the assignee's parent. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several API processes can run it at once without doing the work twice, and
 * each ticket is handled in the same transaction as its notifications.
 */
export async function runSlaCheck(db: Db, now: Date): Promise<{ warned: number; breached: number }> {
  const at = now.toISOString();
  const open = sql`status not in ('RESOLVED', 'CLOSED')`;
  // Each clock on its own: the first response (until the service side answers) and the resolution (stopped while waiting on the customer).
  const clocks = [
    {
      name: 'first response',
      breach: sql`${open} and first_responded_at is null and first_response_breached_at is null and first_response_due_at <= ${at}::timestamptz`,
      warn: sql`${open} and first_responded_at is null and first_response_warned_at is null and first_response_breached_at is null
        and ${at}::timestamptz >= created_at + (first_response_due_at - created_at) * ${WARN_AT}`,
      breached: { firstResponseBreachedAt: now },
      warned: { firstResponseWarnedAt: now },
    },
    {
      name: 'resolution',
      breach: sql`${open} and status <> 'WAITING_CUSTOMER' and resolution_breached_at is null and resolve_due_at <= ${at}::timestamptz`,
      warn: sql`${open} and status <> 'WAITING_CUSTOMER' and resolution_warned_at is null and resolution_breached_at is null
        and ${at}::timestamptz >= created_at + (resolve_due_at - created_at) * ${WARN_AT}`,
      breached: { resolutionBreachedAt: now },
      warned: { resolutionWarnedAt: now },
    },
  ];
  return db.transaction(async (tx) => {
    let warned = 0;
    let breached = 0;
    for (const clock of clocks) {
      const due = await tx.execute<{ id: number }>(
        sql`select id from tickets where ${clock.breach} order by id for update skip locked limit ${BATCH}`,
      );
      for (const { id } of due) {
        const [t] = await tx
          .update(tickets)
          .set({ slaBreached: true, ...clock.breached })
          .where(sql`${tickets.id} = ${id}`)
          .returning();
        const parentId = t.assigneePath.length > 1 ? t.assigneePath[t.assigneePath.length - 2] : null;
        await ticketEvent(
          tx,
          t,
          'SLA_BREACHED',
          null,
          'system',
          `The ${clock.name} time passed; escalated${parentId ? " to the assignee's seller" : ''}`,
          now,
        );
        await publishEvent(tx, {
          topic: 'ticket.sla_breached',
          rootId: t.rootId,
          aggregateType: 'Ticket',
          aggregateId: t.id,
          payload: { clock: clock.name },
        });
        await notify(tx, {
          accountIds: [t.assigneeId],
          roles: ['SERVICE'],
          kind: 'SLA_BREACHED',
          title: `${t.number}: SLA breached (${clock.name})`,
          body: t.subject,
          ticketId: t.id,
          at: now,
        });
        if (parentId) {
          await notify(tx, {
            accountIds: [parentId],
            roles: ['SERVICE'],
            kind: 'SLA_ESCALATED',
            title: `${t.number}: ${clock.name} SLA breached at a buyer of yours`,
            body: t.subject,
            ticketId: t.id,
            at: now,
          });
        }
      }
      breached += due.length;
      const warn = await tx.execute<{ id: number }>(
        sql`select id from tickets where ${clock.warn} order by id for update skip locked limit ${BATCH}`,
      );
      for (const { id } of warn) {
        const [t] = await tx
          .update(tickets)
          .set(clock.warned)
          .where(sql`${tickets.id} = ${id}`)
          .returning();
        await ticketEvent(
          tx,
          t,
          'SLA_WARNING',
          null,
          'system',
          `${Math.round(WARN_AT * 100)}% of the ${clock.name} time is used`,
          now,
        );
        await notify(tx, {
          accountIds: [t.assigneeId],
          roles: ['SERVICE'],
          kind: 'SLA_WARNING',
          title: `${t.number}: ${clock.name} due soon`,
          body: t.subject,
          ticketId: t.id,
          at: now,
        });
      }
      warned += warn.length;
    }
    return { warned, breached };
  });
}

/** Runs the check every `seconds` in this process; returns a stop function. */
export function startSlaWorker(db: Db, log: Logger, seconds: number, now: () => Date = () => new Date()): () => void {
  if (seconds <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runSlaCheck(db, now())
      .then((r) => (r.warned || r.breached) && log.info(r, 'SLA check'))
      .catch((e) => log.error({ err: e }, 'SLA check failed'))
      .finally(() => (running = false));
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
