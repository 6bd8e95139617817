import { useEffect, useRef, useState } from 'preact/hooks';
import { Checks, ConfirmButton, SecretOnce, Said } from '../components/admin';
import { Empty, ErrorNotice, Field, Loading, More, Page, UserErrors, value } from '../components/ui';
import {
  CreateMyWebhookDocument,
  DeleteMyWebhookDocument,
  MyWebhooksDocument,
  RedeliverMyWebhookDocument,
  RotateMyWebhookSecretDocument,
  TestMyWebhookDocument,
  UpdateMyWebhookDocument,
  WebhookDeliveriesDocument,
  type MyWebhooksQuery,
  type WebhookDeliveryStatus,
  type WebhookEventType,
} from '../gql/graphql';
import { useApp } from '../lib/app';
import { dateTime } from '../lib/format';
import { useMutation, useQuery, type UserErrorLike } from '../lib/hooks';
import { useMessages } from '../lib/i18n';
import { ADMIN } from '../lib/i18n-admin';
import { usePaged } from '../lib/paged';

type Endpoint = NonNullable<MyWebhooksQuery['account']>['webhookEndpoints'][number];

/** What an endpoint can subscribe to (PING is sent only by "send test"). */
const EVENTS: WebhookEventType[] = [
  'ORDER_SUBMITTED',
  'ORDER_CONFIRMED',
  'ORDER_SHIPPED',
  'ORDER_COMPLETED',
  'ORDER_CANCELLED',
  'PAYMENT_RECORDED',
  'STATEMENT_ISSUED',
  'STOCK_LOW',
  'TICKET_OPENED',
  'TICKET_UPDATED',
  'TICKET_SLA_BREACHED',
  'ACCOUNT_CREATED',
  'ACCOUNT_UPDATED',
];
const STATUSES: WebhookDeliveryStatus[] = ['SUCCEEDED', 'PENDING', 'FAILED', 'DEAD'];
/** PENDING also names an order line's state; a delivery's reads "waiting to be sent". */
const statusLabel = (i: Pick<ReturnType<typeof useMessages<typeof ADMIN>>, 't' | 'l'>, s: WebhookDeliveryStatus) =>
  s === 'PENDING' ? i.t('queued') : i.l(s);

/**
 * Webhook endpoints of the viewer's account (its ADMIN users): create one
 * with its events (the signing secret is shown once), enable or disable,
 * rotate the secret, send a signed test ping, delete; each endpoint's
 * delivery log, filtered by status, with redelivery.
 */
export default function Webhooks() {
  const { t } = useMessages(ADMIN);
  const { me } = useApp();
  const accountId = me!.account.id;
  const hooks = useQuery(MyWebhooksDocument, { accountId });
  const create = useMutation(CreateMyWebhookDocument);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['ORDER_SUBMITTED']);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [secret, setSecret] = useState<{ secret: string; url: string; rotated: boolean } | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (!events.length) return setErrors([{ code: 'INVALID_INPUT', message: t('pickEvent'), field: ['events'] }]);
    const r = await create.run({
      input: { accountId, url: url.trim(), description: description.trim() || null, events },
    });
    if (!r.ok) return;
    const p = r.data.createWebhookEndpoint;
    setErrors(p.userErrors);
    if (p.userErrors.length || !p.secret) return;
    setSecret({ secret: p.secret, url: p.endpoint!.url, rotated: false });
    setUrl('');
    setDescription('');
    hooks.reload();
  }

  const list = hooks.data?.account?.webhookEndpoints ?? [];
  return (
    <Page title={t('navWebhooks')}>
      <p class="muted">{t('webhooksHelp')}</p>
      {secret ? (
        <SecretOnce
          id="webhook-secret"
          label={t('signingSecret')}
          secret={secret.secret}
          onDone={() => setSecret(null)}
        >
          {secret.rotated ? t('secretRotated') : t('webhookCreated')}: <code>{secret.url}</code>
        </SecretOnce>
      ) : null}
      <form class="card" onSubmit={submit} aria-labelledby="new-webhook-title">
        <h2 id="new-webhook-title">{t('newWebhook')}</h2>
        <ErrorNotice error={create.error} />
        <UserErrors errors={errors} />
        <div class="actions">
          <Field id="webhook-url" label={t('url')}>
            <input
              id="webhook-url"
              type="url"
              required
              maxLength={2000}
              placeholder="https://erp.example.com/hooks/channelgraph"
              value={url}
              onInput={(e) => setUrl(value(e))}
            />
          </Field>
          <Field id="webhook-description" label={t('webhookDescription')}>
            <input
              id="webhook-description"
              maxLength={200}
              value={description}
              onInput={(e) => setDescription(value(e))}
            />
          </Field>
        </div>
        <Checks
          legend={t('events')}
          name="webhook-events"
          options={EVENTS}
          value={events}
          onChange={setEvents}
          label={(v) => v}
        />
        <button type="submit" class="primary" disabled={create.busy}>
          {t('createWebhook')}
        </button>
      </form>
      <ErrorNotice error={hooks.error} onRetry={hooks.reload} />
      {hooks.loading && !hooks.data ? <Loading /> : null}
      {hooks.data && !list.length ? <Empty /> : null}
      {list.map((ep) => (
        <EndpointCard
          key={ep.id}
          endpoint={ep}
          onChanged={hooks.reload}
          onSecret={(s) => setSecret({ secret: s, url: ep.url, rotated: true })}
        />
      ))}
    </Page>
  );
}

function EndpointCard(props: { endpoint: Endpoint; onChanged: () => void; onSecret: (secret: string) => void }) {
  const i = useMessages(ADMIN);
  const { t, lang } = i;
  const ep = props.endpoint;
  const update = useMutation(UpdateMyWebhookDocument);
  const remove = useMutation(DeleteMyWebhookDocument);
  const rotate = useMutation(RotateMyWebhookSecretDocument);
  const test = useMutation(TestMyWebhookDocument);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  const [tick, setTick] = useState(0);
  const busy = update.busy || remove.busy || rotate.busy || test.busy;
  const titleId = `ep-${ep.id.replace(/[^a-zA-Z0-9]/g, '')}`;

  async function toggle() {
    const r = await update.run({ input: { id: ep.id, enabled: !ep.enabled } });
    if (r.ok) setErrors(r.data.updateWebhookEndpoint.userErrors);
    props.onChanged();
  }
  async function doRotate() {
    const r = await rotate.run({ id: ep.id });
    if (!r.ok) return;
    setErrors(r.data.rotateWebhookSecret.userErrors);
    if (r.data.rotateWebhookSecret.secret) props.onSecret(r.data.rotateWebhookSecret.secret);
  }
  async function doTest() {
    setNote('');
    const r = await test.run({ endpointId: ep.id });
    if (!r.ok) return;
    const p = r.data.sendTestWebhook;
    setErrors(p.userErrors);
    if (p.delivery)
      setNote(
        t('testSent', {
          status: `${statusLabel(i, p.delivery.status)}${p.delivery.responseStatus ? ` (HTTP ${p.delivery.responseStatus})` : ''}`,
        }),
      );
    setOpen(true);
    setTick((n) => n + 1);
  }
  async function doDelete() {
    const r = await remove.run({ id: ep.id });
    if (r.ok) setErrors(r.data.deleteWebhookEndpoint.userErrors);
    props.onChanged();
  }

  return (
    <section class="card" aria-labelledby={titleId} data-endpoint={ep.url}>
      <h2 id={titleId} class="mono small">
        {ep.url}
      </h2>
      {ep.description ? <p>{ep.description}</p> : null}
      <p>
        <span class={`badge${ep.enabled ? '' : ' danger'}`} data-enabled={String(ep.enabled)}>
          {ep.enabled ? t('enabled') : t('disabled')}
        </span>
        {ep.disabledReason ? <span class="muted"> · {ep.disabledReason}</span> : null}
        <span class="muted">
          {' '}
          · {t('created')} {dateTime(lang, ep.createdAt)}
        </span>
      </p>
      <p class="small">
        {t('events')}: <span class="mono">{ep.events.join(', ')}</span>
      </p>
      <ErrorNotice error={update.error ?? remove.error ?? rotate.error ?? test.error} />
      <UserErrors errors={errors} />
      <Said text={note} kind="info" />
      <div class="actions">
        <button type="button" disabled={busy} onClick={doTest}>
          {t('sendTest')}
        </button>
        <button type="button" disabled={busy} onClick={toggle}>
          {ep.enabled ? t('disable') : t('enable')}
        </button>
        <ConfirmButton
          label={t('rotateSecret')}
          what={t('rotateWhat', { url: ep.url })}
          busy={busy}
          onConfirm={() => void doRotate()}
        />
        <ConfirmButton
          label={t('deleteEndpoint')}
          what={t('deleteWhat', { url: ep.url })}
          danger
          busy={busy}
          onConfirm={() => void doDelete()}
        />
        <button type="button" aria-expanded={open} aria-controls={`${titleId}-log`} onClick={() => setOpen(!open)}>
          {open ? t('hideDeliveries') : t('showDeliveries')}
        </button>
      </div>
      <div id={`${titleId}-log`}>{open ? <Deliveries endpoint={ep} tick={tick} /> : null}</div>
    </section>
  );
}

function Deliveries(props: { endpoint: Endpoint; tick: number }) {
  const i = useMessages(ADMIN);
  const { t, lang } = i;
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const redeliver = useMutation(RedeliverMyWebhookDocument);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [note, setNote] = useState('');
  const log = usePaged(
    WebhookDeliveriesDocument,
    { id: props.endpoint.id, first: 20, filter: status ? { status } : null, after: null },
    (d) =>
      d.node && 'deliveries' in d.node
        ? d.node.deliveries
        : { totalCount: 0, pageInfo: { hasNextPage: false }, nodes: [] },
  );
  // A test just sent: read the log again.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else log.reload();
    // Reloaded when the parent asks (a new delivery was sent), not whenever the loader object changes.
  }, [props.tick]);
  const selectId = `status-${props.endpoint.id.replace(/[^a-zA-Z0-9]/g, '')}`;

  async function again(id: string) {
    const r = await redeliver.run({ deliveryId: id });
    if (!r.ok) return;
    setErrors(r.data.redeliverWebhook.userErrors);
    setNote(r.data.redeliverWebhook.delivery ? t('redelivered') : '');
    log.reload();
  }

  return (
    <div class="deliveries">
      <h3>{t('deliveriesOf', { url: props.endpoint.url })}</h3>
      <div class="toolbar">
        <div class="field">
          <label for={selectId}>{t('filterStatus')}</label>
          <select id={selectId} value={status} onChange={(e) => setStatus(value(e) as WebhookDeliveryStatus | '')}>
            <option value="">{t('allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(i, s)}
              </option>
            ))}
          </select>
        </div>
        <p class="muted small">{t('entries', { n: log.total })}</p>
      </div>
      <ErrorNotice error={log.error ?? redeliver.error} onRetry={log.reload} />
      <UserErrors errors={errors} />
      <Said text={note} name="redeliver" />
      {log.loading && !log.items.length ? <Loading /> : null}
      {!log.loading && !log.error && !log.items.length ? <Empty /> : null}
      {log.items.length ? (
        <table class="list">
          <caption class="sr-only">{t('deliveriesOf', { url: props.endpoint.url })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('event')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('response')}</th>
              <th scope="col">{t('attempts')}</th>
              <th scope="col">{t('lastAttempt')}</th>
              <th scope="col">{t('nextAttempt')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((d) => (
              <tr
                key={d.id}
                data-delivery={d.id}
                data-event-id={d.eventId}
                data-event={d.eventType}
                data-status={d.status}
              >
                <th scope="row">
                  <span class="mono">{d.eventType}</span>
                  <br />
                  <small class="muted mono">{d.eventId}</small>
                </th>
                <td data-label={t('status')}>
                  <span class={`badge${d.status === 'SUCCEEDED' ? '' : ' danger'}`}>{statusLabel(i, d.status)}</span>
                </td>
                <td data-label={t('response')}>{d.responseStatus ?? '—'}</td>
                <td data-label={t('attempts')}>{d.attempts}</td>
                <td data-label={t('lastAttempt')}>{dateTime(lang, d.lastAttemptAt)}</td>
                <td data-label={t('nextAttempt')}>{dateTime(lang, d.nextAttemptAt)}</td>
                <td>
                  {d.status === 'PENDING' ? null : (
                    <button type="button" disabled={redeliver.busy} onClick={() => void again(d.id)}>
                      {t('redeliver')} <span class="sr-only">{d.eventId}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <More hasNext={log.hasNext} loading={log.loading} onMore={() => log.more()} />
    </div>
  );
}
