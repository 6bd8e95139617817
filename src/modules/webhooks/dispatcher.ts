import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../logger.js';
import { accounts } from '../accounts/tables.js';
import { outbox, type OutboxRow } from '../integration/tables.js';
import { audience, eventOf, wireType } from './events.js';
import { post, retryAfterMs, type PostOutcome } from './post.js';
import { createRenderer, type Renderer } from './render.js';
import { signedHeaders, signingSecrets } from './signing.js';
import { checkUrl, type Resolve } from './ssrf.js';
import { webhookDeliveries, webhookEndpoints, type WebhookDeliveryRow, type WebhookEndpointRow } from './tables.js';

/** After the first failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 24 h; then DEAD (8 attempts in all). */
export const RETRY_SCHEDULE_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3600_000,
  5 * 3600_000,
  10 * 3600_000,
  24 * 3600_000,
];
/** An endpoint whose deliveries have all failed for this long is disabled. */
export const FAILING_LIMIT_MS = 3 * 24 * 3600_000;
const MAX_RETRY_AFTER_MS = 24 * 3600_000;
const OUTBOX_BATCH = 50;
const DELIVERY_BATCH = 20;
/** A fan-out claim lasts this long; a process that dies with it leaves the row to another after it. */
const OUTBOX_LEASE_MS = 60_000;

export interface DispatcherDeps {
  db: Db;
  config: Config;
  log: Logger;
  /** The scheduling clock (tests move it); signatures always carry the wall-clock time, which receivers check. */
  now?: () => Date;
  resolve?: Resolve;
  renderer?: Renderer;
}

export interface Dispatcher {
  /** Outbox rows → one delivery per subscribed endpoint that may see the subject. */
  fanOut(): Promise<number>;
  /** Due deliveries → one attempt each. */
  deliverDue(): Promise<number>;
  /** One attempt of one delivery now (sendTestWebhook), unless another dispatcher holds it. */
  attemptNow(deliveryId: number): Promise<void>;
  runOnce(): Promise<{ fannedOut: number; attempted: number }>;
}

export function eventIdOf(outboxId: number): string {
  return `evt_${outboxId}`;
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { db, config, log } = deps;
  const now = deps.now ?? (() => new Date());
  const renderer = deps.renderer ?? createRenderer(deps);

  async function fanOutRow(row: OutboxRow, at: Date): Promise<void> {
    const event = eventOf(row);
    const values: (typeof webhookDeliveries.$inferInsert)[] = [];
    if (event) {
      const ids = await audience(db, row);
      const endpoints = ids.length
        ? await db
            .select({ endpoint: webhookEndpoints, account: accounts })
            .from(webhookEndpoints)
            .innerJoin(accounts, eq(accounts.id, webhookEndpoints.accountId))
            .where(
              and(
                eq(webhookEndpoints.enabled, true),
                eq(webhookEndpoints.rootId, row.rootId),
                inArray(webhookEndpoints.accountId, ids),
                sql`${event.type}::webhook_event_type = any(${webhookEndpoints.events})`,
              ),
            )
            .orderBy(asc(webhookEndpoints.id))
        : [];
      // The payload is the event as the endpoint's account sees it: the same for all of that account's endpoints.
      const payloads = new Map<number, string | null>();
      const id = eventIdOf(row.id);
      for (const { endpoint, account } of endpoints) {
        if (!payloads.has(account.id)) {
          const data = await renderer.render(account, event, at);
          payloads.set(
            account.id,
            data === null
              ? null
              : JSON.stringify({ id, type: wireType(event.type), timestamp: row.createdAt.toISOString(), data }),
          );
        }
        const payload = payloads.get(account.id)!;
        if (payload === null) continue;
        values.push({
          endpointId: endpoint.id,
          eventId: id,
          eventType: event.type,
          outboxId: row.id,
          payload,
          nextAttemptAt: at,
          createdAt: at,
        });
      }
    }
    await db.transaction(async (tx) => {
      // The unique (endpoint, outbox row) makes a second fan-out of the same row (after a crash) add nothing.
      if (values.length) await tx.insert(webhookDeliveries).values(values).onConflictDoNothing();
      await tx.update(outbox).set({ processedAt: at, claimedUntil: null }).where(eq(outbox.id, row.id));
    });
  }

  async function fanOut(): Promise<number> {
    const at = now();
    const due = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(isNull(outbox.processedAt), or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, at))))
      .orderBy(asc(outbox.id))
      .limit(OUTBOX_BATCH)
      .for('update', { skipLocked: true });
    const rows = await db
      .update(outbox)
      .set({ claimedUntil: new Date(at.getTime() + OUTBOX_LEASE_MS) })
      .where(inArray(outbox.id, due))
      .returning();
    let done = 0;
    for (const row of rows.sort((a, b) => a.id - b.id)) {
      try {
        await fanOutRow(row, at);
        done++;
      } catch (e) {
        // Left claimed: the row is tried again when its claim runs out.
        log.error({ err: e, outboxId: row.id, topic: row.topic }, 'webhook fan-out failed');
      }
    }
    return done;
  }

  async function record(d: WebhookDeliveryRow, e: WebhookEndpointRow, outcome: PostOutcome, at: Date): Promise<void> {
    const attempts = d.attempts + 1;
    const status = 'status' in outcome ? outcome.status : null;
    const base = { attempts, lastAttemptAt: at, responseStatus: status, leaseUntil: null };
    await db.transaction(async (tx) => {
      if (status !== null && status >= 200 && status < 300) {
        await tx
          .update(webhookDeliveries)
          .set({ ...base, status: 'SUCCEEDED', nextAttemptAt: null, lastError: null })
          .where(eq(webhookDeliveries.id, d.id));
        await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, e.id));
        return;
      }
      const error = 'error' in outcome ? outcome.error : `HTTP ${status}`;
      if (status === 410) {
        await tx
          .update(webhookDeliveries)
          .set({ ...base, status: 'DEAD', nextAttemptAt: null, lastError: error })
          .where(eq(webhookDeliveries.id, d.id));
        await tx
          .update(webhookEndpoints)
          .set({ enabled: false, disabledReason: `The receiver answered 410 Gone on ${at.toISOString()}` })
          .where(eq(webhookEndpoints.id, e.id));
        return;
      }
      const dead = attempts > RETRY_SCHEDULE_MS.length;
      const asked = 'retryAfter' in outcome ? retryAfterMs(outcome.retryAfter, at) : null;
      // Retry-After is honoured: never sooner than it asks (up to a day), never sooner than the schedule.
      const wait = dead ? null : Math.max(RETRY_SCHEDULE_MS[attempts - 1], Math.min(asked ?? 0, MAX_RETRY_AFTER_MS));
      await tx
        .update(webhookDeliveries)
        .set({
          ...base,
          status: dead ? 'DEAD' : 'FAILED',
          nextAttemptAt: wait === null ? null : new Date(at.getTime() + wait),
          lastError: error.slice(0, 500),
        })
        .where(eq(webhookDeliveries.id, d.id));
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at.toISOString()}::timestamptz)` })
        .where(eq(webhookEndpoints.id, e.id));
      const limit = new Date(at.getTime() - FAILING_LIMIT_MS);
      await tx
        .update(webhookEndpoints)
        .set({
          enabled: false,
          disabledReason: sql`'Every delivery failed for 3 days, since ' || to_char(${webhookEndpoints.failingSince} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
        })
        .where(
          and(
            eq(webhookEndpoints.id, e.id),
            eq(webhookEndpoints.enabled, true),
            lte(webhookEndpoints.failingSince, limit),
          ),
        );
    });
  }

  async function attempt(d: WebhookDeliveryRow, at: Date): Promise<void> {
    const [e] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, d.endpointId));
    if (!e || !e.enabled) {
      await db.update(webhookDeliveries).set({ leaseUntil: null }).where(eq(webhookDeliveries.id, d.id));
      return;
    }
    const checked = await checkUrl(e.url, config.webhooks.allowPrivate, deps.resolve);
    let outcome: PostOutcome;
    if (!checked.ok) {
      outcome = { error: `The URL ${checked.reason}` };
    } else {
      const headers = signedHeaders(signingSecrets(e, at), d.eventId, new Date(), d.payload);
      outcome = await post(checked.url, checked.address, { ...headers }, d.payload, config.webhooks.timeoutMs);
    }
    if ('error' in outcome)
      log.warn({ deliveryId: d.id, endpointId: e.id, error: outcome.error }, 'webhook delivery failed');
    await record(d, e, outcome, at);
  }

  /** Longer than an attempt can take (the timeout, then recording it); a process that dies leaves the delivery to another after it. */
  function leaseUntil(at: Date): Date {
    return new Date(at.getTime() + config.webhooks.timeoutMs + Math.max(5_000, config.webhooks.timeoutMs));
  }

  async function deliverDue(): Promise<number> {
    const at = now();
    const due = db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          inArray(webhookDeliveries.status, ['PENDING', 'FAILED']),
          lte(webhookDeliveries.nextAttemptAt, at),
          or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, at)),
          sql`exists (select 1 from webhook_endpoints e where e.id = ${webhookDeliveries.endpointId} and e.enabled)`,
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(DELIVERY_BATCH)
      .for('update', { skipLocked: true });
    const claimed = await db
      .update(webhookDeliveries)
      .set({ leaseUntil: leaseUntil(at) })
      .where(inArray(webhookDeliveries.id, due))
      .returning();
    await Promise.all(
      claimed.map((d) =>
        attempt(d, at).catch((e) => log.error({ err: e, deliveryId: d.id }, 'webhook delivery could not be recorded')),
      ),
    );
    return claimed.length;
  }

  async function attemptNow(deliveryId: number): Promise<void> {
    const at = now();
    const [d] = await db
      .update(webhookDeliveries)
      .set({ leaseUntil: leaseUntil(at) })
      .where(
        and(
          eq(webhookDeliveries.id, deliveryId),
          or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, at)),
        ),
      )
      .returning();
    if (d) await attempt(d, at);
  }

  return {
    fanOut,
    deliverDue,
    attemptNow,
    async runOnce() {
      const fannedOut = await fanOut();
      const attempted = await deliverDue();
      return { fannedOut, attempted };
    },
  };
}

/** Runs the dispatcher every WEBHOOK_POLL_MS in this process (0: never); returns a stop that waits for a running pass. */
export function startDispatcher(deps: DispatcherDeps): () => Promise<void> {
  const ms = deps.config.webhooks.pollMs;
  if (ms <= 0) return async () => {};
  const dispatcher = createDispatcher(deps);
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = dispatcher
      .runOnce()
      .then((r) => void ((r.fannedOut || r.attempted) && deps.log.debug(r, 'webhooks dispatched')))
      .catch((e) => deps.log.error({ err: e }, 'webhook dispatch failed'))
      .finally(() => (running = null));
  }, ms);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
