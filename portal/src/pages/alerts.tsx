import { useState } from 'preact/hooks';
import { Empty, ErrorNotice, Link, Loading, Page, value } from '../components/ui';
import { AlertsDocument, type ChannelAlertKind } from '../gql/graphql';
import { useApp } from '../lib/app';
import { dateTime } from '../lib/format';
import { useQuery } from '../lib/hooks';
import { useI18n } from '../lib/i18n';

const KINDS: ChannelAlertKind[] = [
  'DEMAND_SPIKE',
  'OUT_OF_TERRITORY',
  'DORMANT_BUYER',
  'CREDIT_NEAR_LIMIT',
  'SLA_BREACHES',
  'LOW_STOCK',
];

/** What needs attention in the viewer's channel (`channelAlerts`), most severe and most recent first. */
export default function Alerts() {
  const { t, l, lang } = useI18n();
  const { me } = useApp();
  const [kind, setKind] = useState<ChannelAlertKind | ''>('');
  const q = useQuery(AlertsDocument, { first: 100, kinds: kind ? [kind] : null });
  const alerts = q.data?.channelAlerts ?? [];
  return (
    <Page title={t('navAlerts')}>
      <div class="toolbar">
        <div class="field">
          <label for="alert-kind">{t('kind')}</label>
          <select id="alert-kind" value={kind} onChange={(e) => setKind(value(e) as ChannelAlertKind | '')}>
            <option value="">{t('allKinds')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {l(k)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading ? <Loading /> : null}
      {q.data && !q.loading && !alerts.length ? <Empty /> : null}
      {alerts.length && !q.loading ? (
        <table class="list alerts">
          <caption class="sr-only">{t('navAlerts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('severity')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('account')}</th>
              <th scope="col">{t('product')}</th>
              <th scope="col">{t('description')}</th>
              <th scope="col">{t('detectedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a, i) => (
              <tr key={i} data-kind={a.kind}>
                <td data-label={t('severity')}>
                  <span class={`badge severity-${a.severity.toLowerCase()}`}>{l(a.severity)}</span>
                </td>
                <th scope="row">{l(a.kind)}</th>
                <td data-label={t('account')}>
                  {a.account.id === me!.account.id ? (
                    a.account.name
                  ) : (
                    <Link to={`buyers/${encodeURIComponent(a.account.id)}`}>{a.account.name}</Link>
                  )}
                </td>
                <td data-label={t('product')}>{a.variant ? <span class="sku">{a.variant.sku}</span> : '—'}</td>
                <td data-label={t('description')}>{a.message}</td>
                <td data-label={t('detectedAt')}>{dateTime(lang, a.detectedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
