import type { ComponentChildren, TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../lib/client';
import { money, signedMoney } from '../lib/format';
import type { UserErrorLike } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { PENDING, type PendingFeature } from '../lib/pending';
import { href, onLinkClick } from '../lib/router';

export function Link(props: {
  to: string;
  children: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | undefined;
}) {
  return (
    <a
      href={href(props.to)}
      class={props.class}
      aria-current={props['aria-current']}
      onClick={(e) => onLinkClick(e, props.to)}
    >
      {props.children}
    </a>
  );
}

/** A page: its heading takes the focus when the page opens, so keyboard and screen-reader users land on it. */
export function Page(props: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · ${document.body.dataset.portal ?? ''}`;
    h1.current?.focus({ preventScroll: true });
  }, [props.title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <div class="page-head">
        <h1 id="page-title" tabIndex={-1} ref={h1}>
          {props.title}
        </h1>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="muted" role="status">
      {t('loading')}
    </p>
  );
}

/** What went wrong with a request, in words the user can act on. */
export function ErrorNotice(props: { error: ApiError | null; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!props.error) return null;
  const { code, message } = props.error;
  const text =
    code === 'UNAUTHENTICATED'
      ? t('sessionExpired')
      : code === 'FORBIDDEN'
        ? t('forbidden')
        : code === 'NETWORK'
          ? t('networkError')
          : code === 'BAD_USER_INPUT'
            ? `${t('badInput')}${message}`
            : `${t('serverError')} (${message})`;
  return (
    <div class="notice error" role="alert">
      <p>{text}</p>
      {code === 'UNAUTHENTICATED' ? (
        <Link to="sign-in">{t('signIn')}</Link>
      ) : props.onRetry ? (
        <button type="button" onClick={props.onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}

/** Business-rule failures of a mutation, each with its code. */
export function UserErrors(props: { errors: readonly UserErrorLike[] | null | undefined; id?: string }) {
  if (!props.errors?.length) return null;
  return (
    <div class="notice error" role="alert" id={props.id}>
      <ul>
        {props.errors.map((e, i) => (
          <li key={i}>
            {e.message} <span class="code">{e.code}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Money(props: { amount: string | null | undefined; currency?: string | null }) {
  const { lang } = useI18n();
  return <span class="money">{money(lang, props.amount, props.currency ?? 'CNY')}</span>;
}

export interface StepLike {
  kind: string;
  description: string;
  amount: { amount: string };
}

/** "Why this price": every step with the signed change it made; they add up to the price. */
export function PriceSteps(props: {
  steps: readonly StepLike[];
  total: string;
  floorApplied?: boolean;
  open?: boolean;
}) {
  const { t, l, lang } = useI18n();
  // The table is built when first opened: a catalog page has dozens of these, mostly never opened.
  const [shown, setShown] = useState(!!props.open);
  return (
    <details class="steps" open={props.open} onToggle={(e) => e.currentTarget.open && setShown(true)}>
      <summary>{t('whyPrice')}</summary>
      {shown ? (
        <table>
          <caption class="sr-only">{t('whyPrice')}</caption>
          <tbody>
            {props.steps.map((s, i) => (
              <tr key={i}>
                <th scope="row">
                  <span class="step-kind">{l(s.kind)}</span> {s.description}
                </th>
                <td class="num">
                  {s.kind === 'LIST' ? money(lang, s.amount.amount) : signedMoney(lang, s.amount.amount)}
                </td>
              </tr>
            ))}
            <tr class="sum">
              <th scope="row">
                {t('yourPrice')}
                {props.floorApplied ? ` (${t('floorApplied')})` : ''}
              </th>
              <td class="num">{money(lang, props.total)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
    </details>
  );
}

export function Availability(props: { status: string; quantity?: number | null }) {
  const { l, t } = useI18n();
  return (
    <span class={`badge avail-${props.status.toLowerCase()}`}>
      {l(props.status)}
      {props.quantity != null && props.status !== 'OUT_OF_STOCK' ? ` · ${props.quantity} ${t('available')}` : ''}
    </span>
  );
}

export function Status(props: { value: string }) {
  const { l } = useI18n();
  return <span class={`badge status-${props.value.toLowerCase()}`}>{l(props.value)}</span>;
}

/** A page whose API has not landed: says which, shows nothing made up. */
export function NotAvailable(props: { feature: PendingFeature; title?: string; hint?: string }) {
  const { t } = useI18n();
  const p = PENDING[props.feature];
  return (
    <div class="notice pending" role="status" data-pending={props.feature}>
      <p>
        <strong>{props.title ?? t('notAvailable')}.</strong> {t('notAvailableBody')}
        {p.api.map((a, i) => (
          <span key={a}>
            {i ? ', ' : ''}
            <code>{a}</code>
          </span>
        ))}
        .
      </p>
      <p class="muted">{props.hint ?? t('notAvailableHint')}</p>
    </div>
  );
}

export function Field(props: { label: string; children: ComponentChildren; hint?: string; id: string }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint ? (
        <small id={`${props.id}-hint`} class="muted">
          {props.hint}
        </small>
      ) : null}
    </div>
  );
}

export function More(props: { hasNext: boolean; loading: boolean; onMore: () => void }) {
  const { t } = useI18n();
  if (!props.hasNext) return null;
  return (
    <p>
      <button type="button" onClick={props.onMore} disabled={props.loading}>
        {props.loading ? t('loading') : t('more')}
      </button>
    </p>
  );
}

export function Empty(props: { children?: ComponentChildren }) {
  const { t } = useI18n();
  return <p class="muted empty">{props.children ?? t('none')}</p>;
}

export type InputEvent = TargetedEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, Event>;
export const value = (e: InputEvent) => e.currentTarget.value;

/** An image that steps aside when it cannot be loaded (a missing product photo leaves no broken icon). */
export function Img(props: {
  src: string;
  alt: string;
  width: number;
  height: number;
  class?: string;
  lazy?: boolean;
}) {
  return (
    <img
      src={props.src}
      alt={props.alt}
      width={props.width}
      height={props.height}
      class={props.class}
      loading={props.lazy ? 'lazy' : undefined}
      onError={(e) => (e.currentTarget.style.display = 'none')}
    />
  );
}
