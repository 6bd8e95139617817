import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../logger.js';
import { notify } from '../notifications/service.js';
import { tickets } from './tables.js';
import { ticketEvent } from './tickets.js';

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
  return db.transaction(async (tx) => {
    const due = await tx.execute<{ id: number }>(sql`
      select id from tickets
      where sla_breached = false and status not in ('RESOLVED', 'CLOSED')
        and ((first_responded_at is null and first_response_due_at <= ${at}::timestamptz)
          or (status <> 'WAITING_CUSTOMER' and resolve_due_at <= ${at}::timestamptz))
      order by id for update skip locked limit ${BATCH}`);
    for (const { id } of due) {
      const [t] = await tx.update(tickets).set({ slaBreached: true, breachedAt: now }).where(sql`${tickets.id} = ${id}`).returning();
      const which = !t.firstRespondedAt && t.firstResponseDueAt <= now ? 'first response' : 'resolution';
      const parentId = t.assigneePath.length > 1 ? t.assigneePath[t.assigneePath.length - 2] : null;
      await ticketEvent(tx, t, 'SLA_BREACHED', null, 'system', `The ${which} time passed; escalated${parentId ? ' to the assignee\'s seller' : ''}`, now);
      await notify(tx, { accountIds: [t.assigneeId], roles: ['SERVICE'], kind: 'SLA_BREACHED', title: `${t.number}: SLA breached (${which})`, body: t.subject, ticketId: t.id, at: now });
      if (parentId) {
        await notify(tx, { accountIds: [parentId], roles: ['SERVICE'], kind: 'SLA_ESCALATED', title: `${t.number}: SLA breached at a buyer of yours`, body: t.subject, ticketId: t.id, at: now });
      }
    }
    const warn = await tx.execute<{ id: number }>(sql`
      select id from tickets
      where sla_breached = false and warned_at is null and status not in ('RESOLVED', 'CLOSED')
        and ((first_responded_at is null and ${at}::timestamptz >= created_at + (first_response_due_at - created_at) * ${WARN_AT})
          or (status <> 'WAITING_CUSTOMER' and ${at}::timestamptz >= created_at + (resolve_due_at - created_at) * ${WARN_AT}))
      order by id for update skip locked limit ${BATCH}`);
    for (const { id } of warn) {
      const [t] = await tx.update(tickets).set({ warnedAt: now }).where(sql`${tickets.id} = ${id}`).returning();
      await ticketEvent(tx, t, 'SLA_WARNING', null, 'system', `${Math.round(WARN_AT * 100)}% of the time is used`, now);
      await notify(tx, { accountIds: [t.assigneeId], roles: ['SERVICE'], kind: 'SLA_WARNING', title: `${t.number}: SLA due soon`, body: t.subject, ticketId: t.id, at: now });
    }
    return { warned: warn.length, breached: due.length };
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
