import { relative } from '../lib/format';
import { useI18n } from '../lib/i18n';

/** One SLA clock: met, running (due in …) or overdue. */
export function SlaClock(props: { label: string; due: string; doneAt: string | null | undefined; paused?: boolean }) {
  const { t, lang } = useI18n();
  const overdue = !props.doneAt && Date.parse(props.due) < Date.now();
  const state = props.doneAt ? 'met' : overdue ? 'overdue' : 'running';
  return (
    <span class={`sla sla-${state}`}>
      {props.label}:{' '}
      {state === 'met'
        ? t('met')
        : state === 'overdue'
          ? `${t('overdue')} (${relative(lang, props.due)})`
          : `${t('due')} ${relative(lang, props.due)}`}
    </span>
  );
}
