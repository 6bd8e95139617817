import { useMemo } from 'preact/hooks';
import { TimeChart } from '../components/chart';
import { Growth, Kpis } from '../components/report';
import { Empty, ErrorNotice, Link, Loading, Money, Page } from '../components/ui';
import { BuyerInsightsDocument, RecommendedDocument } from '../gql/graphql';
import { ApiError, forbidden } from '../lib/client';
import { compactMoney, dateTime, money, monthOf, num, percent } from '../lib/format';
import { useQuery } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { chartTime } from '../lib/periods';

/**
 * A buyer's 360° view for its seller's ADMIN and ANALYST users
 * (`Account.insights`): 13 months of purchases, this year against the same
 * days last year, rhythm, open work, SLA breaches, credit use (V5: only where
 * the viewer may see credit), what it buys most, and what to offer it next.
 * An account outside the viewer's subtree is "not found" (V1).
 */
export default function Insights(props: { id: string }) {
  const { t, lang } = useI18n();
  const q = useQuery(BuyerInsightsDocument, { id: props.id });
  const recs = useQuery(RecommendedDocument, { accountId: props.id, first: 5 });
  const account = q.data?.account;
  const ins = account?.insights;
  const chart = useMemo(() => {
    if (!ins) return null;
    return { x: ins.monthly.map((m) => chartTime(m.month)), revenue: ins.monthly.map((m) => Number(m.revenue.amount)) };
  }, [ins]);
  const monthName = (ts: number) => monthOf(lang, ts);

  if (q.loading && !q.data) return <Loading />;
  if (q.data && !account) {
    return (
      <Page title={t('notFound')}>
        <Link to="buyers">{t('back')}</Link>
      </Page>
    );
  }
  const ytd = ins ? Number(ins.revenueYearToDate.amount) : 0;
  const prev = ins ? Number(ins.revenuePreviousYearToDate.amount) : 0;
  return (
    <Page
      title={account ? `${t('insights')}: ${account.name}` : t('insights')}
      actions={<Link to="buyers">{t('back')}</Link>}
    >
      <ErrorNotice
        error={q.error ?? (forbidden(q.errors) ? new ApiError('FORBIDDEN', 'insights') : null)}
        onRetry={q.reload}
      />
      {ins && chart ? (
        <>
          <Kpis
            items={[
              {
                id: 'ytd',
                label: t('revenueYtd'),
                value: money(lang, ins.revenueYearToDate.amount, ins.revenueYearToDate.currencyCode),
                note: (
                  <>
                    {t('revenuePrevYtd')} {money(lang, ins.revenuePreviousYearToDate.amount)} ·{' '}
                    <Growth ratio={prev ? (ytd - prev) / prev : null} />
                  </>
                ),
              },
              {
                id: 'last-order',
                label: t('lastOrder'),
                value: ins.lastOrderAt ? dateTime(lang, ins.lastOrderAt) : '—',
              },
              {
                id: 'rhythm',
                label: t('rhythm'),
                value:
                  ins.averageDaysBetweenOrders == null
                    ? '—'
                    : t('days', { n: num(lang, ins.averageDaysBetweenOrders) }),
              },
              { id: 'open-orders', label: t('openOrders'), value: String(ins.openOrders) },
              { id: 'open-tickets', label: t('openTickets'), value: String(ins.openTickets) },
              { id: 'sla', label: t('slaBreaches90'), value: String(ins.slaBreachesLast90Days) },
              {
                id: 'credit',
                label: t('creditUtilization'),
                value: ins.creditUtilization == null ? '—' : percent(lang, ins.creditUtilization),
              },
            ]}
          />
          <TimeChart
            title={t('monthlyPurchases')}
            x={chart.x}
            series={[{ label: t('revenue'), values: chart.revenue, color: '#0a6ebd' }]}
            format={(v) => money(lang, v.toFixed(2))}
            axisFormat={(v) => compactMoney(lang, v)}
            xFormat={monthName}
            xLabel={t('month')}
            height={200}
          />
          <div class="two">
            <section aria-labelledby="top-variants">
              <h2 id="top-variants">{t('topVariants')}</h2>
              {ins.topVariants.length ? (
                <table class="list">
                  <thead>
                    <tr>
                      <th scope="col">{t('product')}</th>
                      <th scope="col">{t('units')}</th>
                      <th scope="col">{t('revenue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ins.topVariants.map((v) => (
                      <tr key={v.variant.sku}>
                        <th scope="row">
                          <span class="sku">{v.variant.sku}</span> <span class="muted">{v.variant.product.name}</span>
                        </th>
                        <td class="num" data-label={t('units')}>
                          {num(lang, v.units, 0)}
                        </td>
                        <td class="num" data-label={t('revenue')}>
                          <Money amount={v.revenue.amount} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <Empty />
              )}
            </section>
            <section aria-labelledby="recommended-for">
              <h2 id="recommended-for">{t('recommendedFor')}</h2>
              <ErrorNotice error={recs.error} onRetry={recs.reload} />
              {recs.data && !recs.data.recommendations.length ? <Empty /> : null}
              <ul class="recs">
                {recs.data?.recommendations.map((r) => (
                  <li key={r.variant.sku}>
                    <span class="badge">{t(r.kind)}</span> <span class="sku">{r.variant.sku}</span>{' '}
                    {r.variant.product.name}
                    <br />
                    <small class="muted">{r.reason}</small>
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      ) : null}
    </Page>
  );
}
