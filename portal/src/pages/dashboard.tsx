import { useMemo, useState } from 'preact/hooks';
import { BarChart, TimeChart } from '../components/chart';
import { Growth, Kpis, ReportToolbar, type ReportControls } from '../components/report';
import { Empty, ErrorNotice, Link, Loading, Page } from '../components/ui';
import { SalesDashboardDocument, type SalesDashboardQuery } from '../gql/graphql';
import { hasRole, useApp } from '../lib/app';
import { compactMoney, dateTime, growth, money, monthOf, num, percent } from '../lib/format';
import { useQuery } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { chartTime, monthsOf, periodOf, shanghaiToday } from '../lib/periods';

type Report = SalesDashboardQuery['byMonth'];

const CURRENT = '#0a6ebd';
const COMPARED = '#6b7480';

/**
 * The sales dashboard, one request: revenue by month against the compared
 * period (uPlot), by partner (the viewer's direct buyers' subtrees) and by
 * province (brand, agents) or category (a distributor), with the online share
 * and growth. ADMIN and ANALYST users of a selling account; everything counted
 * is what the viewer could list (V1), so a distributor sees its own partners only.
 */
export default function Dashboard() {
  const { t, lang } = useI18n();
  const { me } = useApp();
  const tier = me!.account.tier;
  const channel = tier === 'BRAND' || tier === 'GENERAL_AGENT';
  const [controls, setControls] = useState<ReportControls>({
    preset: 'last12',
    compareTo: 'SAME_PERIOD_LAST_YEAR',
    buyerTier: null,
  });
  const period = periodOf(controls.preset, shanghaiToday());
  const breakdown = channel ? 'PROVINCE' : 'CATEGORY';
  const q = useQuery(SalesDashboardDocument, {
    ...period,
    buyerTier: controls.buyerTier,
    compareTo: controls.compareTo || null,
    breakdown,
  });
  const d = q.data;
  const fmtMoney = (v: number) => money(lang, v.toFixed(2));
  const insightsLink = hasRole(me, 'ANALYST');

  return (
    <Page title={t(channel ? 'channelDashboard' : 'navDashboard')}>
      <ReportToolbar value={controls} onChange={setControls} whose={channel} />
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading && !d ? <Loading /> : null}
      {d ? (
        <div class="report" aria-busy={q.loading}>
          <p class="muted" data-period={`${d.byMonth.from}/${d.byMonth.to}`}>
            {d.byMonth.from} – {d.byMonth.to}
            {d.byMonth.previousFrom
              ? ` · ${t('comparedPeriod')} ${d.byMonth.previousFrom} – ${d.byMonth.previousTo}`
              : ''}{' '}
            · {t('asOf')} {dateTime(lang, d.byMonth.asOf)}
          </p>
          <Totals report={d.byMonth} />
          {d.byMonth.rows.length ? (
            <>
              <MonthChart report={d.byMonth} format={fmtMoney} />
              <div class="two">
                <BarChart
                  title={t('byPartner')}
                  format={fmtMoney}
                  link={insightsLink ? (to, label) => <Link to={to}>{label}</Link> : undefined}
                  rows={d.byPartner.rows.map((r) => ({
                    label: r.keys[0].label,
                    value: Number(r.metrics.revenue.amount),
                    to: `buyers/${encodeURIComponent(r.keys[0].value)}`,
                    note: `${growth(lang, r.growth)} · ${t('onlineShare')} ${percent(lang, r.metrics.onlineShare)}`,
                  }))}
                />
                <BarChart
                  title={t(channel ? 'byProvince' : 'byCategory')}
                  format={fmtMoney}
                  rows={d.byBreakdown.rows.map((r) => ({
                    label: r.keys[0].label,
                    value: Number(r.metrics.revenue.amount),
                    note: `${growth(lang, r.growth)} · ${t('onlineShare')} ${percent(lang, r.metrics.onlineShare)}`,
                  }))}
                />
              </div>
              <p class="muted small">
                {t('byPartner')}: {t('groupsInAll', { n: d.byPartner.groupCount })} ·{' '}
                {t(channel ? 'byProvince' : 'byCategory')}: {t('groupsInAll', { n: d.byBreakdown.groupCount })}
                {channel ? '' : ` · ${t('countedAsLines')}`}
              </p>
            </>
          ) : (
            <Empty>{t('noSales')}</Empty>
          )}
        </div>
      ) : null}
    </Page>
  );
}

function Totals(props: { report: Report }) {
  const { t, lang } = useI18n();
  const { totals, previousTotals } = props.report;
  const change = (now: number, before: number | undefined) => (before ? (now - before) / before : null);
  const note = (now: number, before: number | undefined) =>
    previousTotals ? (
      <>
        <Growth ratio={change(now, before)} /> <span class="muted">{t('vsCompared')}</span>
      </>
    ) : undefined;
  return (
    <Kpis
      items={[
        {
          id: 'revenue',
          label: t('revenue'),
          value: money(lang, totals.revenue.amount, totals.revenue.currencyCode),
          note: note(Number(totals.revenue.amount), previousTotals ? Number(previousTotals.revenue.amount) : undefined),
        },
        {
          id: 'orders',
          label: t('ordersCount'),
          value: num(lang, totals.orders, 0),
          note: note(totals.orders, previousTotals?.orders),
        },
        {
          id: 'buyers',
          label: t('buyersCount'),
          value: num(lang, totals.buyers, 0),
          note: note(totals.buyers, previousTotals?.buyers),
        },
        { id: 'aov', label: t('aov'), value: money(lang, totals.averageOrderValue.amount) },
        {
          id: 'online',
          label: t('onlineShare'),
          value: percent(lang, totals.onlineShare),
          note: previousTotals ? `${t('comparedPeriod')} ${percent(lang, previousTotals.onlineShare)}` : undefined,
        },
      ]}
    />
  );
}

/** Revenue per month of the period (a month without sales is 0), against the same months of the compared period. */
function MonthChart(props: { report: Report; format: (v: number) => string }) {
  const { t, lang } = useI18n();
  const r = props.report;
  const model = useMemo(() => {
    const months = monthsOf({ from: r.from, to: r.to });
    const byMonth = new Map(r.rows.map((row) => [row.keys[0].value, row]));
    const current = months.map((m) => Number(byMonth.get(m)?.metrics.revenue.amount ?? 0));
    const compared = r.previousTotals ? months.map((m) => Number(byMonth.get(m)?.previous?.revenue.amount ?? 0)) : null;
    return { months, byMonth, current, compared, x: months.map(chartTime) };
  }, [r]);
  const monthName = (ts: number) => monthOf(lang, ts);
  const series = [{ label: t('thisPeriod'), values: model.current, color: CURRENT }];
  if (model.compared)
    series.push({
      label: t('comparedPeriod'),
      values: model.compared,
      color: COMPARED,
      dashed: true,
    } as (typeof series)[number]);
  return (
    <>
      <TimeChart
        title={t('byMonth')}
        x={model.x}
        series={series}
        format={props.format}
        axisFormat={(v) => compactMoney(lang, v)}
        xFormat={monthName}
        xLabel={t('month')}
      />
      <details class="month-table">
        <summary>{t('monthTable')}</summary>
        <table class="list">
          <caption class="sr-only">{t('monthTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('month')}</th>
              <th scope="col">{t('revenue')}</th>
              <th scope="col">{t('ordersCount')}</th>
              <th scope="col">{t('onlineShare')}</th>
              {model.compared ? <th scope="col">{t('comparedPeriod')}</th> : null}
              {model.compared ? <th scope="col">{t('growth')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {model.months.map((m, i) => {
              const row = model.byMonth.get(m);
              return (
                <tr key={m} data-month={m}>
                  <th scope="row">{monthName(model.x[i])}</th>
                  <td class="num" data-label={t('revenue')}>
                    {props.format(model.current[i])}
                  </td>
                  <td class="num" data-label={t('ordersCount')}>
                    {num(lang, row?.metrics.orders ?? 0, 0)}
                  </td>
                  <td class="num" data-label={t('onlineShare')}>
                    {row ? percent(lang, row.metrics.onlineShare) : '—'}
                  </td>
                  {model.compared ? (
                    <td class="num" data-label={t('comparedPeriod')}>
                      {props.format(model.compared[i])}
                    </td>
                  ) : null}
                  {model.compared ? (
                    <td class="num" data-label={t('growth')}>
                      <Growth ratio={row?.growth} />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </>
  );
}
