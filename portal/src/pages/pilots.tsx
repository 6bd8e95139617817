import { useMemo, useState } from 'preact/hooks';
import { TimeChart } from '../components/chart';
import { Growth, ReportToolbar, type ReportControls } from '../components/report';
import { Empty, ErrorNotice, Loading, Money, Page, value } from '../components/ui';
import { FeatureFlagsDocument, PilotReportDocument, type PilotReportQuery } from '../gql/graphql';
import { useApp } from '../lib/app';
import { compactMoney, money, monthOf, num, percent } from '../lib/format';
import { useQuery } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { chartTime, monthsOf, periodOf, shanghaiToday } from '../lib/periods';

/**
 * Pilots: buyers in and out of a feature flag, side by side and month by
 * month (`salesReport` with `pilotFlag` and the PILOT dimension), against the
 * compared period. The brand's users pick from every flag
 * (`featureFlags`); the agents' (who get none there) from those
 * `viewer.features` says are on for their own account, or type a key.
 */
export default function Pilots() {
  const { t } = useI18n();
  const { me } = useApp();
  const [controls, setControls] = useState<ReportControls>({
    preset: 'last12',
    compareTo: 'SAME_PERIOD_LAST_YEAR',
    buyerTier: 'RETAILER',
  });
  const [text, setText] = useState('');
  const [flag, setFlag] = useState('');
  const period = periodOf(controls.preset, shanghaiToday());
  const q = useQuery(
    PilotReportDocument,
    { ...period, buyerTier: controls.buyerTier, flag, compareTo: controls.compareTo || null },
    { skip: !flag },
  );
  const brand = me!.account.tier === 'BRAND';
  const all = useQuery(FeatureFlagsDocument, {}, { skip: !brand });
  const known = brand ? (all.data?.featureFlags ?? []).map((f) => f.key) : me!.features;

  return (
    <Page title={t('navPilots')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFlag(text.trim());
        }}
      >
        <ReportToolbar value={controls} onChange={setControls} whose>
          <div class="field grow">
            <label for="pilot-flag">{t('flagKey')}</label>
            <input
              id="pilot-flag"
              list="my-flags"
              required
              maxLength={100}
              placeholder={t('flagHint')}
              value={text}
              onInput={(e) => setText(value(e))}
            />
            <datalist id="my-flags">
              {known.map((f) => (
                <option key={f} value={f} />
              ))}
            </datalist>
          </div>
          <button type="submit" class="primary">
            {t('apply')}
          </button>
        </ReportToolbar>
        {known.length ? (
          <p class="muted small" data-flags>
            {brand ? t('flagsOfBrand') : t('flagsOnForYou')}
            {known.map((f, i) => (
              <span key={f}>
                {i ? ', ' : ''}
                <button type="button" class="linkish" onClick={() => (setText(f), setFlag(f))}>
                  {f}
                </button>
              </span>
            ))}
          </p>
        ) : null}
      </form>
      <ErrorNotice error={all.error} onRetry={all.reload} />
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading ? <Loading /> : null}
      {q.data && !q.loading ? <PilotView data={q.data} compared={!!controls.compareTo} /> : null}
    </Page>
  );
}

function PilotView(props: { data: PilotReportQuery; compared: boolean }) {
  const { t, l, lang } = useI18n();
  const { split, months } = props.data;
  const model = useMemo(() => {
    const axis = monthsOf({ from: split.from, to: split.to });
    const at = new Map(
      months.rows.map((r) => [`${r.keys[0].value}/${r.keys[1].value}`, Number(r.metrics.revenue.amount)]),
    );
    return {
      x: axis.map(chartTime),
      in: axis.map((m) => at.get(`${m}/IN`) ?? 0),
      out: axis.map((m) => at.get(`${m}/OUT`) ?? 0),
    };
  }, [split, months]);
  if (!split.rows.length) return <Empty>{t('noSales')}</Empty>;
  const groups = ['IN', 'OUT'].map((g) => split.rows.find((r) => r.keys[0].value === g) ?? null);
  const monthName = (ts: number) => monthOf(lang, ts);
  return (
    <div class="report">
      <table class="list pilot-split">
        <caption>{t('pilotSplit')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pilotGroup')}</th>
            <th scope="col">{t('revenue')}</th>
            <th scope="col">{t('ordersCount')}</th>
            <th scope="col">{t('buyersCount')}</th>
            <th scope="col">{t('aov')}</th>
            <th scope="col">{t('onlineShare')}</th>
            {props.compared ? <th scope="col">{t('comparedPeriod')}</th> : null}
            {props.compared ? <th scope="col">{t('growth')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {groups.map((r, i) =>
            r ? (
              <tr key={r.keys[0].value} data-group={r.keys[0].value}>
                <th scope="row">{l(r.keys[0].value)}</th>
                <td class="num" data-label={t('revenue')}>
                  <Money amount={r.metrics.revenue.amount} />
                </td>
                <td class="num" data-label={t('ordersCount')}>
                  {num(lang, r.metrics.orders, 0)}
                </td>
                <td class="num" data-label={t('buyersCount')}>
                  {num(lang, r.metrics.buyers, 0)}
                </td>
                <td class="num" data-label={t('aov')}>
                  <Money amount={r.metrics.averageOrderValue.amount} />
                </td>
                <td class="num" data-label={t('onlineShare')}>
                  {percent(lang, r.metrics.onlineShare)}
                </td>
                {props.compared ? (
                  <td class="num" data-label={t('comparedPeriod')}>
                    {r.previous ? <Money amount={r.previous.revenue.amount} /> : '—'}
                  </td>
                ) : null}
                {props.compared ? (
                  <td class="num" data-label={t('growth')}>
                    <Growth ratio={r.growth} />
                  </td>
                ) : null}
              </tr>
            ) : (
              <tr key={i ? 'OUT' : 'IN'}>
                <th scope="row">{l(i ? 'OUT' : 'IN')}</th>
                <td colSpan={props.compared ? 7 : 5}>{t('none')}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <TimeChart
        title={t('pilotByMonth')}
        x={model.x}
        series={[
          { label: l('IN'), values: model.in, color: '#0a6ebd' },
          { label: l('OUT'), values: model.out, color: '#6b7480', dashed: true },
        ]}
        format={(v) => money(lang, v.toFixed(2))}
        axisFormat={(v) => compactMoney(lang, v)}
        xFormat={monthName}
        xLabel={t('month')}
      />
    </div>
  );
}
