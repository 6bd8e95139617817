import type { ComponentChildren } from 'preact';
import type { ChannelTier, ComparePeriod } from '../gql/graphql';
import { useI18n } from '../lib/i18n';
import { growth } from '../lib/format';
import { PERIOD_PRESETS, type PeriodPreset } from '../lib/periods';
import { value } from './ui';

export interface ReportControls {
  preset: PeriodPreset;
  compareTo: ComparePeriod | '';
  /** null: the viewer's direct buyers (the server's default); RETAILER: sell-through. */
  buyerTier: ChannelTier | null;
}

/** Period, comparison and (for the brand and agents) whose purchases count. */
export function ReportToolbar(props: {
  value: ReportControls;
  onChange: (v: ReportControls) => void;
  whose: boolean;
  compare?: boolean;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const v = props.value;
  return (
    <div class="toolbar">
      <div class="field">
        <label for="report-period">{t('period')}</label>
        <select
          id="report-period"
          value={v.preset}
          onChange={(e) => props.onChange({ ...v, preset: value(e) as PeriodPreset })}
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(p)}
            </option>
          ))}
        </select>
      </div>
      {props.compare === false ? null : (
        <div class="field">
          <label for="report-compare">{t('compareTo')}</label>
          <select
            id="report-compare"
            value={v.compareTo}
            onChange={(e) => props.onChange({ ...v, compareTo: value(e) as ComparePeriod | '' })}
          >
            <option value="SAME_PERIOD_LAST_YEAR">{t('SAME_PERIOD_LAST_YEAR')}</option>
            <option value="PREVIOUS_PERIOD">{t('PREVIOUS_PERIOD')}</option>
            <option value="">{t('noCompare')}</option>
          </select>
        </div>
      )}
      {props.whose ? (
        <div class="field">
          <label for="report-whose">{t('whoseSales')}</label>
          <select
            id="report-whose"
            value={v.buyerTier ?? ''}
            onChange={(e) => props.onChange({ ...v, buyerTier: (value(e) || null) as ChannelTier | null })}
          >
            <option value="">{t('directBuyers')}</option>
            <option value="RETAILER">{t('sellThrough')}</option>
          </select>
        </div>
      ) : null}
      {props.children}
    </div>
  );
}

/** A growth figure, coloured by its sign (and said in words, not only in colour). */
export function Growth(props: { ratio: number | null | undefined }) {
  const { lang } = useI18n();
  const r = props.ratio;
  return <span class={r == null || r === 0 ? 'muted' : r < 0 ? 'down' : 'up'}>{growth(lang, r)}</span>;
}

export interface Kpi {
  label: string;
  value: string;
  note?: ComponentChildren;
  id?: string;
}

/** Headline figures: a definition list, one tile each. */
export function Kpis(props: { items: Kpi[] }) {
  return (
    <dl class="kpis">
      {props.items.map((k) => (
        <div class="kpi" key={k.label} data-kpi={k.id}>
          <dt>{k.label}</dt>
          <dd>
            <span class="kpi-value">{k.value}</span>
            {k.note ? <span class="kpi-note">{k.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
