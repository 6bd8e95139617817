import { useMemo, useState } from 'preact/hooks';
import { TimeChart } from '../components/chart';
import { Empty, ErrorNotice, Loading, Page, value } from '../components/ui';
import {
  ForecastDocument,
  TopSellersDocument,
  type ChannelTier,
  type ForecastGranularity,
  type ForecastQuery,
} from '../gql/graphql';
import { useApp } from '../lib/app';
import { date, num } from '../lib/format';
import { useQuery } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { chartTime, periodOf, shanghaiToday } from '../lib/periods';

type Forecast = NonNullable<ForecastQuery['demandForecast']>;

interface Ask {
  sku: string;
  granularity: ForecastGranularity;
  horizon: number;
  buyerTier: ChannelTier | null;
}

const HORIZON: Record<ForecastGranularity, { max: number; initial: number }> = {
  WEEK: { max: 26, initial: 8 },
  MONTH: { max: 12, initial: 6 },
};

/**
 * A sku's demand in the viewer's channel and its forecast (`demandForecast`):
 * the history, the forecast with its 80% interval (the shaded band), and the
 * rolling-origin backtest that chose the method, beside the baseline's scores.
 * The best sellers of the last 12 months are offered as skus to forecast.
 */
export default function ForecastPage() {
  const { t } = useI18n();
  const { me } = useApp();
  const channel = me!.account.tier === 'BRAND' || me!.account.tier === 'GENERAL_AGENT';
  const [buyerTier, setBuyerTier] = useState<ChannelTier | null>(channel ? 'RETAILER' : null);
  const top = useQuery(TopSellersDocument, { ...periodOf('last12', shanghaiToday()), buyerTier, first: 10 });
  const sellers = (top.data?.salesReport.rows ?? []).flatMap((r) => {
    const n = r.keys[0].node;
    return n && 'sku' in n ? [{ sku: n.sku, name: `${n.product.name} ${n.name}`, units: r.metrics.units }] : [];
  });
  // The top ten by revenue, the most units first: the steadiest series to forecast.
  sellers.sort((a, b) => b.units - a.units);
  const [form, setForm] = useState<Omit<Ask, 'buyerTier'>>({
    sku: '',
    granularity: 'WEEK',
    horizon: HORIZON.WEEK.initial,
  });
  const [asked, setAsked] = useState<Ask | null>(null);
  // Until the user picks one, the best seller is forecast.
  const ask: Ask | null =
    asked ??
    (sellers[0] ? { sku: sellers[0].sku, granularity: 'WEEK', horizon: HORIZON.WEEK.initial, buyerTier } : null);
  const f = useQuery(ForecastDocument, { input: ask ?? { sku: '', horizon: 1 } }, { skip: !ask });

  return (
    <Page title={t('navForecast')}>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          const sku = form.sku.trim() || ask?.sku;
          if (sku) setAsked({ ...form, sku, buyerTier });
        }}
      >
        <div class="field grow">
          <label for="forecast-sku">{t('sku')}</label>
          <input
            id="forecast-sku"
            list="best-sellers"
            maxLength={64}
            value={form.sku}
            placeholder={ask?.sku ?? ''}
            onInput={(e) => setForm({ ...form, sku: value(e) })}
          />
          <datalist id="best-sellers">
            {sellers.map((s) => (
              <option key={s.sku} value={s.sku}>
                {s.name}
              </option>
            ))}
          </datalist>
        </div>
        <div class="field">
          <label for="forecast-granularity">{t('granularity')}</label>
          <select
            id="forecast-granularity"
            value={form.granularity}
            onChange={(e) => {
              const g = value(e) as ForecastGranularity;
              setForm({ ...form, granularity: g, horizon: HORIZON[g].initial });
            }}
          >
            <option value="WEEK">{t('WEEK')}</option>
            <option value="MONTH">{t('MONTH')}</option>
          </select>
        </div>
        <div class="field">
          <label for="forecast-horizon">{t('horizon')}</label>
          <input
            id="forecast-horizon"
            type="number"
            min={1}
            max={HORIZON[form.granularity].max}
            value={form.horizon}
            onInput={(e) =>
              setForm({ ...form, horizon: Math.max(1, Math.min(HORIZON[form.granularity].max, Number(value(e)) || 1)) })
            }
          />
        </div>
        {channel ? (
          <div class="field">
            <label for="forecast-whose">{t('whoseSales')}</label>
            <select
              id="forecast-whose"
              value={buyerTier ?? ''}
              onChange={(e) => setBuyerTier((value(e) || null) as ChannelTier | null)}
            >
              <option value="">{t('directBuyers')}</option>
              <option value="RETAILER">{t('sellThrough')}</option>
            </select>
          </div>
        ) : null}
        <button type="submit" class="primary">
          {t('runForecast')}
        </button>
      </form>
      {sellers.length ? (
        <p class="muted small">
          {t('bestSellers')}:{' '}
          {sellers.slice(0, 5).map((s, i) => (
            <span key={s.sku}>
              {i ? ' · ' : ''}
              <button type="button" class="linkish" onClick={() => setAsked({ ...form, sku: s.sku, buyerTier })}>
                {s.sku}
              </button>
            </span>
          ))}
        </p>
      ) : null}
      <ErrorNotice error={top.error ?? f.error} onRetry={top.error ? top.reload : f.reload} />
      {(top.loading && !ask) || f.loading ? <Loading /> : null}
      {!top.loading && !top.error && !ask ? <Empty /> : null}
      {f.data && !f.loading ? (
        f.data.demandForecast ? (
          <ForecastView forecast={f.data.demandForecast} />
        ) : (
          <p class="notice warn">{t('noForecast')}</p>
        )
      ) : null}
    </Page>
  );
}

function ForecastView(props: { forecast: Forecast }) {
  const { t, l, lang } = useI18n();
  const fc = props.forecast;
  const units = (v: number) => num(lang, v, 1);
  const model = useMemo(() => {
    const past = fc.history.map((h) => h.periodStart);
    const ahead = fc.points.map((p) => p.periodStart);
    const all = [...past, ...ahead.filter((d) => !past.includes(d))];
    const hist = new Map(fc.history.map((h) => [h.periodStart, h.units]));
    const pts = new Map(fc.points.map((p) => [p.periodStart, p]));
    return {
      x: all.map(chartTime),
      history: all.map((d) => hist.get(d) ?? null),
      forecast: all.map((d) => pts.get(d)?.units ?? null),
      upper: all.map((d) => pts.get(d)?.upper ?? null),
      lower: all.map((d) => pts.get(d)?.lower ?? null),
    };
  }, [fc]);
  const periodName = (ts: number) => date(lang, new Date(ts * 1000).toISOString());
  const shortName = (ts: number) =>
    new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: 'Asia/Shanghai',
      year: '2-digit',
      month: 'numeric',
      ...(fc.granularity === 'WEEK' ? { day: 'numeric' } : {}),
    }).format(new Date(ts * 1000));
  const bt = fc.backtest;
  const score = (v: number | null | undefined, digits = 2) => num(lang, v, digits);
  return (
    <div class="report">
      <h2>
        <span class="sku">{fc.variant.sku}</span> {fc.variant.product.name} {fc.variant.name}
      </h2>
      {fc.note ? <p class="notice info">{fc.note}</p> : null}
      <TimeChart
        title={t('forecastChart')}
        x={model.x}
        series={[
          { label: t('history'), values: model.history, color: '#1d2329' },
          { label: t('forecast'), values: model.forecast, color: '#0a6ebd', dashed: true },
          { label: t('upper'), values: model.upper, color: '#7fb3dc', thin: true },
          { label: t('lower'), values: model.lower, color: '#7fb3dc', thin: true },
        ]}
        band={[2, 3]}
        format={units}
        xFormat={periodName}
        xAxisFormat={shortName}
        xLabel={t('period')}
      />
      <div class="two">
        <section aria-labelledby="bt-title" class="backtest">
          <h2 id="bt-title">{t('backtest')}</h2>
          <dl class="kv">
            <dt>{t('chosenMethod')}</dt>
            <dd data-score="method">{fc.method}</dd>
            <dt>MASE</dt>
            <dd data-score="mase">{score(bt.mase)}</dd>
            <dt>sMAPE</dt>
            <dd data-score="smape">{bt.smape == null ? '—' : `${score(bt.smape, 1)}%`}</dd>
            <dt>{t('baseline')}</dt>
            <dd data-score="baseline">
              {bt.baselineMethod} · MASE {score(bt.baselineMase)} · sMAPE{' '}
              {bt.baselineSmape == null ? '—' : `${score(bt.baselineSmape, 1)}%`}
            </dd>
            <dt>{t('origins')}</dt>
            <dd>{bt.origins}</dd>
            <dt>{t('backtestHorizon')}</dt>
            <dd>{bt.horizon}</dd>
            <dt>{t('scaledBy')}</dt>
            <dd>{bt.scale ?? '—'}</dd>
            <dt>{t('historyStatus')}</dt>
            <dd>
              {l(fc.historyStatus)} ({fc.history.length} × {l(fc.granularity)})
            </dd>
          </dl>
          <p class="muted small">{t('maseHint')}</p>
          {bt.candidates.length ? (
            <table class="list candidates">
              <caption>{t('candidates')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('method')}</th>
                  <th scope="col">MASE</th>
                  <th scope="col">sMAPE</th>
                </tr>
              </thead>
              <tbody>
                {bt.candidates.map((c) => (
                  <tr key={c.method} class={c.method === fc.method ? 'chosen' : undefined}>
                    <th scope="row">
                      {c.method}
                      {c.method === fc.method ? ` (${t('chosenMethod')})` : ''}
                    </th>
                    <td class="num">{score(c.mase)}</td>
                    <td class="num">{c.smape == null ? '—' : `${score(c.smape, 1)}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
        <section aria-labelledby="points-title">
          <h2 id="points-title">{t('forecastTable')}</h2>
          <table class="list points">
            <thead>
              <tr>
                <th scope="col">{t('period')}</th>
                <th scope="col">{t('forecast')}</th>
                <th scope="col">{t('lower')}</th>
                <th scope="col">{t('upper')}</th>
              </tr>
            </thead>
            <tbody>
              {fc.points.map((p) => (
                <tr key={p.periodStart} data-period={p.periodStart}>
                  <th scope="row">{date(lang, p.periodStart)}</th>
                  <td class="num" data-label={t('forecast')}>
                    {units(p.units)}
                  </td>
                  <td class="num" data-label={t('lower')}>
                    {units(p.lower)}
                  </td>
                  <td class="num" data-label={t('upper')}>
                    {units(p.upper)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
