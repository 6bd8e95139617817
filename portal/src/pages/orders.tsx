import { Empty, ErrorNotice, Link, Loading, Money, More, Page, Status, value } from '../components/ui';
import { OrderListDocument, type OrderStatus } from '../gql/graphql';
import { useApp } from '../lib/app';
import { dateTime } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { usePaged } from '../lib/paged';
import { navigate } from '../lib/router';

const STATUSES: OrderStatus[] = [
  'SUBMITTED',
  'CONFIRMED',
  'ALLOCATED',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
];

/** The viewer's own orders, or (seller side) the orders attributed to its account, by status. */
export default function Orders(props: { mode: 'mine' | 'incoming'; status: string | null }) {
  const { t, l, lang } = useI18n();
  const { me } = useApp();
  const status = STATUSES.includes(props.status as OrderStatus) ? (props.status as OrderStatus) : undefined;
  const mine = props.mode === 'mine';
  const filter = mine ? { buyerId: me!.account.id, status } : { sellerId: me!.account.id, status };
  const orders = usePaged(OrderListDocument, { first: 20, filter, after: null }, (d) => d.orders);
  const base = mine ? 'orders' : 'incoming';

  return (
    <Page title={mine ? t('navOrders') : t('incomingTitle')}>
      {!mine ? (
        <nav class="tabs" aria-label={t('filterStatus')}>
          {(['SUBMITTED', 'ALLOCATED', 'SHIPPED'] as const).map((s) => (
            <Link key={s} to={`incoming?status=${s}`} aria-current={status === s ? 'page' : undefined}>
              {s === 'SUBMITTED' ? t('toConfirm') : s === 'ALLOCATED' ? t('toShip') : t('shipped')}
            </Link>
          ))}
        </nav>
      ) : null}
      <div class="toolbar">
        <div class="field">
          <label for="status-filter">{t('filterStatus')}</label>
          <select
            id="status-filter"
            value={status ?? ''}
            onChange={(e) => navigate(value(e) ? `${base}?status=${value(e)}` : mine ? 'orders' : 'incoming?status=')}
          >
            <option value="">{t('all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {l(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorNotice error={orders.error} onRetry={orders.reload} />
      {orders.loading && !orders.items.length ? <Loading /> : null}
      {!orders.loading && !orders.error && !orders.items.length ? <Empty /> : null}
      {orders.items.length ? (
        <table class="list orders">
          <caption class="sr-only">{mine ? t('navOrders') : t('incomingTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('orderNumber')}</th>
              <th scope="col">{t('createdAt')}</th>
              {!mine ? <th scope="col">{t('buyer')}</th> : null}
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('lines')}</th>
              <th scope="col">{t('total')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.items.map((o) => (
              <tr key={o.id} data-order={o.number}>
                <th scope="row">
                  <Link to={`orders/${encodeURIComponent(o.id)}`}>{o.number}</Link>
                </th>
                <td data-label={t('createdAt')}>{dateTime(lang, o.createdAt)}</td>
                {!mine ? <td data-label={t('buyer')}>{o.buyer.name}</td> : null}
                <td data-label={t('status')}>
                  <Status value={o.status} />
                </td>
                <td data-label={t('lines')}>{o.lines.map((x) => `${x.sku} × ${x.quantity}`).join(', ')}</td>
                <td class="num" data-label={t('total')}>
                  <Money amount={o.total.amount} currency={o.total.currencyCode} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <More hasNext={orders.hasNext} loading={orders.loading} onMore={() => orders.more()} />
    </Page>
  );
}
