import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Context, SignedInContext } from '../../graphql/context.js';
import type { Tx } from '../../db/client.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { mutate, refuse, type Payload } from '../../graphql/mutate.js';
import { pageRequest, toConnection, type Connection } from '../../graphql/connection.js';
import { hasAnyRole, inViewerSubtree, visibleOrForbidden } from '../../auth/access.js';
import { inSubtree } from '../../auth/scope.js';
import type { Viewer } from '../../auth/viewer.js';
import { recordAudit } from '../audit/record.js';
import { findVisible as findVisibleAccount } from '../accounts/service.js';
import type { AccountRow } from '../accounts/tables.js';
import { managesKeysOf } from '../apikeys/service.js';
import { createDispatcher } from './dispatcher.js';
import { newSecret, ROTATION_OVERLAP_MS } from './signing.js';
import { checkUrl } from './ssrf.js';
import {
  webhookDeliveries,
  webhookEndpoints,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
  type WebhookEventType,
} from './tables.js';
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookDeliveryFilter } from './types.js';

const MAX_URL = 2000;
const MAX_DESCRIPTION = 500;
const REFUSAL = 'You manage webhooks of your own account and of the retailers you sell to';

/**
 * Endpoints follow "who manages whose users" like API keys: the account's own
 * ADMINs, or the ADMINs of a retailer's direct parent. Ancestors' ADMINs list
 * them (Account.webhookEndpoints) but neither change them nor read their
 * deliveries: a payload is rendered as the endpoint's account, which may
 * read contacts that V4 hides from accounts further up.
 */
function manages(viewer: Viewer, account: Pick<AccountRow, 'id' | 'parentId' | 'tier'>): boolean {
  return hasAnyRole(viewer) && managesKeysOf(viewer, account);
}

type Managed = { endpoint: WebhookEndpointRow; account: AccountRow };

async function findManaged(ctx: Context, id: number): Promise<Managed | null> {
  const endpoint = await findVisible(ctx, id);
  if (!endpoint || !ctx.viewer) return null;
  const account = await ctx.loaders.accounts.byId.load(endpoint.accountId);
  return account && manages(ctx.viewer, account) ? { endpoint, account } : null;
}

const managed = (ctx: SignedInContext, id: string) =>
  visibleOrForbidden(ctx, id, 'WebhookEndpoint', findManaged, REFUSAL);

/** Checked before the transaction: the SSRF check resolves the host, and a DNS answer may take seconds. */
async function urlError(ctx: Context, url: string): Promise<UserError | null> {
  if (!url.trim() || url.length > MAX_URL)
    return userError('INVALID_INPUT', `url must be 1–${MAX_URL} characters`, ['url']);
  const checked = await checkUrl(url.trim(), ctx.config.webhooks.allowPrivate);
  return checked.ok ? null : userError('URL_NOT_ALLOWED', `The URL ${checked.reason}`, ['url']);
}

function eventList(events: readonly WebhookEventType[]): WebhookEventType[] {
  const list = [...new Set(events)];
  if (!list.length) refuse(userError('INVALID_INPUT', 'Subscribe to at least one event type', ['events']));
  if (list.includes('PING')) refuse(userError('INVALID_INPUT', 'PING is sent only by sendTestWebhook', ['events']));
  return list;
}

function description(value: string | null | undefined): string | null {
  const d = value?.trim() || null;
  if (d && d.length > MAX_DESCRIPTION)
    refuse(userError('INVALID_INPUT', `description is at most ${MAX_DESCRIPTION} characters`, ['description']));
  return d;
}

/** What the audit log keeps of an endpoint: never its secrets. */
function auditView(e: WebhookEndpointRow) {
  return {
    url: e.url,
    events: e.events,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    description: e.description,
  };
}

async function audit(
  tx: Tx,
  ctx: SignedInContext,
  action: string,
  before: WebhookEndpointRow | null,
  after: WebhookEndpointRow | null,
) {
  const e = (after ?? before)!;
  await recordAudit(tx, ctx.viewer, {
    account: { id: e.accountId, path: e.accountPath, rootId: e.rootId },
    action,
    subject: { type: 'WebhookEndpoint', id: e.id },
    before: before && auditView(before),
    after: after && auditView(after),
  });
}

export async function createEndpoint(
  ctx: SignedInContext,
  input: CreateWebhookEndpointInput,
): Promise<Payload<'endpoint', WebhookEndpointRow> & { secret: string | null }> {
  const account = await visibleOrForbidden(ctx, input.accountId, 'Account', findVisibleAccount, REFUSAL, (a) =>
    manages(ctx.viewer, a),
  );
  const secret = newSecret();
  const badUrl = await urlError(ctx, input.url);
  const result = await mutate(ctx, 'endpoint', async (tx) => {
    const events = eventList(input.events);
    const desc = description(input.description);
    if (badUrl) refuse(badUrl);
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        accountId: account.id,
        accountPath: account.path,
        rootId: account.rootId,
        url: input.url.trim(),
        description: desc,
        events,
        secret,
        createdByUserId: ctx.viewer.userId,
        createdAt: ctx.now(),
      })
      .returning();
    await audit(tx, ctx, 'webhookEndpoint.create', null, row);
    return row;
  });
  return { ...result, secret: result.endpoint ? secret : null };
}

export async function updateEndpoint(
  ctx: SignedInContext,
  input: UpdateWebhookEndpointInput,
): Promise<Payload<'endpoint', WebhookEndpointRow>> {
  const { endpoint } = await managed(ctx, input.id);
  const badUrl = input.url != null ? await urlError(ctx, input.url) : null;
  return mutate(ctx, 'endpoint', async (tx) => {
    const set: Partial<typeof webhookEndpoints.$inferInsert> = {};
    if (input.url != null) {
      if (badUrl) refuse(badUrl);
      set.url = input.url.trim();
    }
    if (input.events != null) set.events = eventList(input.events);
    if (input.description !== undefined) set.description = description(input.description);
    if (input.enabled === true) Object.assign(set, { enabled: true, disabledReason: null, failingSince: null });
    if (input.enabled === false)
      Object.assign(set, {
        enabled: false,
        disabledReason: `Disabled by ${ctx.viewer.apiKey ? `API key ${ctx.viewer.apiKey.name}` : 'a user'} on ${ctx.now().toISOString()}`,
      });
    const [before] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).for('update');
    const [after] = Object.keys(set).length
      ? await tx.update(webhookEndpoints).set(set).where(eq(webhookEndpoints.id, endpoint.id)).returning()
      : [before];
    await audit(tx, ctx, 'webhookEndpoint.update', before, after);
    return after;
  });
}

/** Deletes the endpoint and its delivery log; the answer is the endpoint as it was. */
export async function deleteEndpoint(
  ctx: SignedInContext,
  id: string,
): Promise<Payload<'endpoint', WebhookEndpointRow>> {
  const { endpoint } = await managed(ctx, id);
  return mutate(ctx, 'endpoint', async (tx) => {
    const [gone] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).returning();
    if (!gone) refuse(userError('INVALID_TRANSITION', 'The endpoint is already deleted', ['id']));
    await audit(tx, ctx, 'webhookEndpoint.delete', gone, null);
    return gone;
  });
}

/** A new secret; the old one keeps signing beside it for 24 hours, so receivers can switch without losing events. */
export async function rotateSecret(
  ctx: SignedInContext,
  id: string,
): Promise<Payload<'endpoint', WebhookEndpointRow> & { secret: string | null }> {
  const { endpoint } = await managed(ctx, id);
  const secret = newSecret();
  const result = await mutate(ctx, 'endpoint', async (tx) => {
    const [before] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).for('update');
    const [after] = await tx
      .update(webhookEndpoints)
      .set({
        secret,
        previousSecret: before.secret,
        previousSecretUntil: new Date(ctx.now().getTime() + ROTATION_OVERLAP_MS),
      })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning();
    await audit(tx, ctx, 'webhookEndpoint.rotateSecret', before, after);
    return after;
  });
  return { ...result, secret: result.endpoint ? secret : null };
}

async function findManagedDelivery(ctx: Context, id: number): Promise<WebhookDeliveryRow | null> {
  const [d] = await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return d && (await findManaged(ctx, d.endpointId)) ? d : null;
}

/** A FAILED delivery is tried again now; a DEAD or SUCCEEDED one is queued again as a new delivery of the same event (same webhook-id). */
export async function redeliver(
  ctx: SignedInContext,
  deliveryId: string,
): Promise<Payload<'delivery', WebhookDeliveryRow>> {
  const d = await visibleOrForbidden(ctx, deliveryId, 'WebhookDelivery', findManagedDelivery, REFUSAL);
  const at = ctx.now();
  return mutate(ctx, 'delivery', async (tx) => {
    const [row] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, d.id)).for('update');
    if (row.status === 'PENDING')
      refuse(userError('INVALID_TRANSITION', 'The delivery has not been attempted yet', ['deliveryId']));
    if (row.status === 'FAILED') {
      const [again] = await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: at })
        .where(eq(webhookDeliveries.id, row.id))
        .returning();
      return again;
    }
    const [copy] = await tx
      .insert(webhookDeliveries)
      .values({
        endpointId: row.endpointId,
        eventId: row.eventId,
        eventType: row.eventType,
        payload: row.payload,
        status: 'PENDING',
        nextAttemptAt: at,
        createdAt: at,
      })
      .returning();
    return copy;
  });
}

/** A PING to the endpoint, attempted at once: the answer says how it went. */
export async function sendTest(
  ctx: SignedInContext,
  endpointId: string,
): Promise<Payload<'delivery', WebhookDeliveryRow>> {
  const { endpoint } = await managed(ctx, endpointId);
  const at = ctx.now();
  const id = `evt_test_${randomBytes(9).toString('base64url')}`;
  const payload = JSON.stringify({
    id,
    type: 'ping',
    timestamp: at.toISOString(),
    data: { endpointId, message: 'A test event from channelgraph' },
  });
  const created = await mutate(ctx, 'delivery', async (tx) => {
    if (!endpoint.enabled)
      refuse(
        userError(
          'INVALID_TRANSITION',
          `The endpoint is disabled${endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ''}; enable it first`,
          ['endpointId'],
        ),
      );
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({
        endpointId: endpoint.id,
        eventId: id,
        eventType: 'PING',
        payload,
        status: 'PENDING',
        nextAttemptAt: at,
        createdAt: at,
      })
      .returning();
    return row;
  });
  if (!created.delivery) return created;
  await createDispatcher({ db: ctx.db, config: ctx.config, log: ctx.log, now: ctx.now }).attemptNow(
    created.delivery.id,
  );
  const [after] = await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, created.delivery.id));
  return { delivery: after, userErrors: [] };
}

/** An endpoint, for ADMINs of its account and of its ancestors (V1 in SQL, the role here). */
export async function findVisible(ctx: Context, id: number): Promise<WebhookEndpointRow | null> {
  const v = ctx.viewer;
  if (!v || !hasAnyRole(v)) return null;
  const [row] = await ctx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), inSubtree(webhookEndpoints.accountPath, v)));
  return row ?? null;
}

/** Account.webhookEndpoints: for ADMINs of the account and of its ancestors; an empty list for other roles. */
export async function ofAccount(ctx: Context, account: AccountRow): Promise<WebhookEndpointRow[]> {
  if (!ctx.viewer || !hasAnyRole(ctx.viewer) || !inViewerSubtree(ctx.viewer, account.path)) return [];
  return ctx.loaders.webhooks.endpointsByAccount.load(account.id);
}

export async function accountOf(ctx: Context, e: { accountId: number }): Promise<AccountRow> {
  const row = await ctx.loaders.accounts.byId.load(e.accountId);
  if (!row) throw new Error(`webhook endpoint of a missing account ${e.accountId}`);
  return row;
}

/** The delivery log, newest first: for those who manage the endpoint only (the payloads are rendered as its account). */
export async function deliveries(
  ctx: Context,
  e: WebhookEndpointRow,
  first: number | null | undefined,
  after: string | null | undefined,
  filter: WebhookDeliveryFilter | null | undefined,
): Promise<Connection<WebhookDeliveryRow>> {
  const req = pageRequest(first, after);
  const account = await accountOf(ctx, e);
  const where: SQL[] = [eq(webhookDeliveries.endpointId, e.id)];
  if (!ctx.viewer || !manages(ctx.viewer, account)) where.push(eq(webhookDeliveries.id, -1));
  if (filter?.status) where.push(eq(webhookDeliveries.status, filter.status));
  if (filter?.eventType) where.push(eq(webhookDeliveries.eventType, filter.eventType));
  const rows = await ctx.db
    .select()
    .from(webhookDeliveries)
    .where(req.afterKey === null ? and(...where) : and(...where, lt(webhookDeliveries.id, req.afterKey)))
    .orderBy(desc(webhookDeliveries.id))
    .limit(req.limit);
  return toConnection(
    rows,
    req,
    (r) => r.id,
    async () =>
      (
        await ctx.db
          .select({ n: count() })
          .from(webhookDeliveries)
          .where(and(...where))
      )[0].n,
  );
}

/** The endpoint of a delivery the viewer already reached through its endpoint (batched across a page). */
export async function deliveryEndpoint(ctx: Context, d: WebhookDeliveryRow): Promise<WebhookEndpointRow> {
  const row = await ctx.loaders.webhooks.endpointById.load(d.endpointId);
  if (!row) throw new Error(`delivery ${d.id} of a missing endpoint`);
  return row;
}

export { findManagedDelivery };
