import { useState } from 'preact/hooks';
import {
  ErrorNotice,
  Field,
  Link,
  Loading,
  Money,
  Page,
  PriceSteps,
  Status,
  UserErrors,
  value,
} from '../components/ui';
import {
  CancelMyOrderDocument,
  ConfirmIncomingOrderDocument,
  ConfirmMyDeliveryDocument,
  OrderDetailDocument,
  ShipOrderFulfillmentDocument,
  type OrderFullFragment,
} from '../gql/graphql';
import { hasRole, useApp } from '../lib/app';
import { dateTime } from '../lib/format';
import { useMutation, useQuery, type UserErrorLike } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { useRoute } from '../lib/router';

type Fulfillment = OrderFullFragment['fulfillments'][number];

export default function OrderDetail(props: { id: string }) {
  const { t, l, lang } = useI18n();
  const { me, refreshMe } = useApp();
  const route = useRoute();
  const q = useQuery(OrderDetailDocument, { id: props.id });
  const [order, setOrder] = useState<OrderFullFragment | null>(null);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [reason, setReason] = useState('');
  const cancel = useMutation(CancelMyOrderDocument);
  const deliver = useMutation(ConfirmMyDeliveryDocument);
  const confirm = useMutation(ConfirmIncomingOrderDocument);

  const o = order ?? q.data?.order ?? null;
  if (q.loading && !q.data) return <Loading />;
  if (q.error) return <ErrorNotice error={q.error} onRetry={q.reload} />;
  if (!o) {
    return (
      <Page title={t('notFound')}>
        <Link to="orders">{t('back')}</Link>
      </Page>
    );
  }

  const mine = o.buyer.id === me!.account.id;
  const sellerSide = !mine;
  const after = (payload: { order?: OrderFullFragment | null; userErrors: readonly UserErrorLike[] } | null) => {
    if (!payload) return;
    setErrors(payload.userErrors);
    if (payload.order) {
      setOrder(payload.order);
      refreshMe();
    }
  };
  const shipped = o.fulfillments.some((f) => f.status === 'SHIPPED');
  const canCancel =
    (mine && o.status === 'SUBMITTED') ||
    (sellerSide && ['SUBMITTED', 'CONFIRMED', 'ALLOCATED'].includes(o.status) && !shipped);

  return (
    <Page title={`${t('orderNumber')} ${o.number}`}>
      {route.query.get('placed') ? (
        <p class="notice ok" role="status">
          {t('orderPlaced')}: {o.number}
        </p>
      ) : null}
      <div class="summary card">
        <p>
          <Status value={o.status} /> · {dateTime(lang, o.createdAt)} · {l(o.channel)}
        </p>
        <dl class="kv">
          <dt>{t('buyer')}</dt>
          <dd>{o.buyer.name}</dd>
          <dt>{t('seller')}</dt>
          <dd>
            {o.seller.name}
            {o.seller.servicePhone ? ` · ${o.seller.servicePhone}` : ''}
          </dd>
          <dt>{t('shipTo')}</dt>
          <dd>{[o.shipTo.region?.name, o.shipTo.city, o.shipTo.line1].filter(Boolean).join(' ')}</dd>
          {o.note ? (
            <>
              <dt>{t('note')}</dt>
              <dd>{o.note}</dd>
            </>
          ) : null}
          <dt>{t('subtotal')}</dt>
          <dd>
            <Money amount={o.subtotal.amount} />
          </dd>
          <dt>{t('discount')}</dt>
          <dd>
            <Money amount={o.discountTotal.amount} />
          </dd>
          <dt>{t('total')}</dt>
          <dd>
            <strong>
              <Money amount={o.total.amount} currency={o.total.currencyCode} />
            </strong>
          </dd>
        </dl>
      </div>

      <UserErrors errors={errors} />
      <ErrorNotice error={cancel.error ?? deliver.error ?? confirm.error} />
      <div class="actions">
        {sellerSide && o.status === 'SUBMITTED' && hasRole(me) ? (
          <button
            type="button"
            class="primary"
            disabled={confirm.busy}
            onClick={async () => {
              const r = await confirm.run({ id: o.id });
              after(r.ok ? r.data.confirmOrder : null);
            }}
          >
            {t('confirmOrder')}
          </button>
        ) : null}
        {mine && shipped && hasRole(me, 'BUYER') ? (
          <button
            type="button"
            class="primary"
            disabled={deliver.busy}
            onClick={async () => {
              const r = await deliver.run({ id: o.id });
              after(r.ok ? r.data.confirmDelivery : null);
            }}
          >
            {t('confirmDelivery')}
          </button>
        ) : null}
        {mine && o.status !== 'CANCELLED' && o.status !== 'SUBMITTED' ? (
          <Link to={`tickets/new?order=${encodeURIComponent(o.id)}`}>{t('openTicketOnOrder')}</Link>
        ) : null}
      </div>
      {canCancel ? (
        <form
          class="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await cancel.run({ id: o.id, reason: reason.trim() || undefined });
            after(r.ok ? r.data.cancelOrder : null);
          }}
        >
          <Field label={t('cancelReason')} id="cancel-reason">
            <input id="cancel-reason" maxLength={500} value={reason} onInput={(e) => setReason(value(e))} />
          </Field>
          <button type="submit" class="danger" disabled={cancel.busy}>
            {t('cancelOrder')}
          </button>
        </form>
      ) : null}

      <h2>{t('lines')}</h2>
      <table class="lines">
        <caption class="sr-only">{t('lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('product')}</th>
            <th scope="col">{t('quantity')}</th>
            <th scope="col">{t('unitPrice')}</th>
            <th scope="col">{t('lineTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {o.lines.map((line) => (
            <tr key={line.sku} data-sku={line.sku}>
              <th scope="row">
                <span class="sku">{line.sku}</span>
                <br />
                <span class="muted">
                  {line.variant.product.name} · {line.variant.name}
                </span>
              </th>
              <td class="num">{line.quantity}</td>
              <td class="num">
                <Money amount={line.unitPrice.amount} />
                <PriceSteps steps={line.priceSteps} total={line.unitPrice.amount} />
              </td>
              <td class="num">
                <Money amount={line.lineTotal.amount} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('shipments')}</h2>
      <ul class="plain">
        {o.fulfillments.map((f) => (
          <FulfillmentCard
            key={f.id}
            f={f}
            canShip={
              sellerSide &&
              o.status === 'ALLOCATED' &&
              f.status === 'PENDING' &&
              f.warehouse.owner.id === me!.account.id &&
              hasRole(me, 'SERVICE')
            }
            onShipped={after}
          />
        ))}
      </ul>

      <h2>{t('timeline')}</h2>
      <ol class="timeline">
        {o.events.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{dateTime(lang, e.at)}</time> <strong>{e.status ? l(e.status) : e.kind}</strong>
            {e.actor ? ` · ${e.actor}` : ''}
            {e.note ? ` · ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </Page>
  );
}

function FulfillmentCard(props: {
  f: Fulfillment;
  canShip: boolean;
  onShipped: (payload: { order?: OrderFullFragment | null; userErrors: readonly UserErrorLike[] } | null) => void;
}) {
  const { t, lang } = useI18n();
  const { f } = props;
  const ship = useMutation(ShipOrderFulfillmentDocument);
  const [tracking, setTracking] = useState('');
  const [batches, setBatches] = useState('');
  const id = `f-${f.id}`;
  return (
    <li class="card" data-fulfillment={f.id}>
      <p>
        <Status value={f.status} /> · {t('warehouse')}: {f.warehouse.name}
      </p>
      <p class="muted">
        {t('routing')}: {f.routingReason}
      </p>
      <p>{f.lines.map((x) => `${x.sku} × ${x.quantity}`).join(', ')}</p>
      {f.trackingNumber ? (
        <p>
          {t('tracking')}: <strong class="tracking">{f.trackingNumber}</strong>
        </p>
      ) : null}
      {f.batchCodes.length ? (
        <p>
          {t('batchCodes')}: {f.batchCodes.join(', ')}
        </p>
      ) : null}
      {f.shippedAt ? (
        <p>
          {t('shippedAt')}: {dateTime(lang, f.shippedAt)}
        </p>
      ) : null}
      {f.deliveredAt ? (
        <p>
          {t('deliveredAt')}: {dateTime(lang, f.deliveredAt)}
        </p>
      ) : null}
      {props.canShip ? (
        <form
          class="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const batchCodes = batches
              .split(/[,，\s]+/)
              .map((b) => b.trim())
              .filter(Boolean);
            const r = await ship.run({
              input: { fulfillmentId: f.id, trackingNumber: tracking.trim() || undefined, batchCodes },
            });
            props.onShipped(r.ok ? r.data.shipFulfillment : null);
          }}
        >
          <Field label={t('tracking')} id={`${id}-tracking`}>
            <input id={`${id}-tracking`} maxLength={100} value={tracking} onInput={(e) => setTracking(value(e))} />
          </Field>
          <Field label={t('batchCodes')} id={`${id}-batches`} hint={t('batchCodesHelp')}>
            <input
              id={`${id}-batches`}
              maxLength={500}
              aria-describedby={`${id}-batches-hint`}
              value={batches}
              onInput={(e) => setBatches(value(e))}
            />
          </Field>
          <ErrorNotice error={ship.error} />
          <button type="submit" class="primary" disabled={ship.busy}>
            {t('ship')}
          </button>
        </form>
      ) : null}
    </li>
  );
}
