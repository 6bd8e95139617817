import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useMessages } from '../lib/i18n';
import { ADMIN } from '../lib/i18n-admin';

/**
 * A secret the server shows once (an API key, a signing secret): read-only,
 * selectable, with a copy button, until the user says it is stored.
 */
export function SecretOnce(props: {
  id: string;
  label: string;
  secret: string;
  onDone: () => void;
  children?: ComponentChildren;
}) {
  const { t } = useMessages(ADMIN);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.secret);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('no');
    }
  }
  return (
    <div
      class="notice ok secret"
      role="region"
      aria-labelledby={`${props.id}-title`}
      tabIndex={-1}
      ref={box}
      data-secret-for={props.id}
    >
      {props.children ? <p id={`${props.id}-title`}>{props.children}</p> : null}
      <p>
        <strong>{t('secretOnce')}</strong>
      </p>
      <div class="actions">
        <div class="field grow">
          <label for={props.id}>{props.label}</label>
          <input
            id={props.id}
            readOnly
            value={props.secret}
            class="mono"
            spellcheck={false}
            autoComplete="off"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
        <button type="button" onClick={copy}>
          {t('copy')}
        </button>
        <button type="button" class="primary" onClick={props.onDone}>
          {t('secretStored')}
        </button>
      </div>
      <p role="status" class="small">
        {copied === 'yes' ? t('copied') : copied === 'no' ? t('copyFailed') : ''}
      </p>
    </div>
  );
}

/** A destructive action asked twice: the first press asks in words, and the focus moves to the answer. */
export function ConfirmButton(props: {
  label: string;
  what: string;
  onConfirm: () => void;
  busy?: boolean;
  danger?: boolean;
}) {
  const { t } = useMessages(ADMIN);
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button
        type="button"
        class={props.danger ? 'danger' : undefined}
        disabled={props.busy}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  return (
    <span class="confirm" role="group" aria-label={t('confirmPrompt', { what: props.what })}>
      <span>{t('confirmPrompt', { what: props.what })}</span>{' '}
      <button
        type="button"
        ref={yes}
        class="danger"
        disabled={props.busy}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {t('yes')}, {props.label}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}

/** A labelled group of checkboxes over a list of values. */
export function Checks<T extends string>(props: {
  legend: string;
  name: string;
  options: readonly T[];
  value: readonly T[];
  onChange: (v: T[]) => void;
  label?: (v: T) => string;
  hint?: string;
}) {
  const { l } = useMessages(ADMIN);
  return (
    <fieldset class="checks">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o} class="check">
          <input
            type="checkbox"
            name={props.name}
            value={o}
            checked={props.value.includes(o)}
            onChange={(e) =>
              props.onChange(e.currentTarget.checked ? [...props.value, o] : props.value.filter((v) => v !== o))
            }
          />{' '}
          {props.label ? props.label(o) : l(o)}
        </label>
      ))}
      {props.hint ? <small class="muted">{props.hint}</small> : null}
    </fieldset>
  );
}

/** The roles a user, or an API key, can hold. */
export const ROLES = ['ADMIN', 'BUYER', 'FINANCE', 'SERVICE', 'ANALYST'] as const;

/** What a change came to, said once to screen readers (nothing when there is nothing to say). */
export function Said(props: { text: string; kind?: 'ok' | 'info'; name?: string }) {
  if (!props.text) return null;
  return (
    <p class={`notice ${props.kind ?? 'ok'}`} role="status" data-note={props.name}>
      {props.text}
    </p>
  );
}
