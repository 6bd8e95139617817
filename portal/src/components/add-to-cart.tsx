import { useState } from 'preact/hooks';
import { useApp } from '../lib/app';
import { addToCart } from '../lib/cart';
import { useI18n } from '../lib/i18n';
import { quantityRule } from '../lib/quick-order';

/** Quantity and an add button for one variant; the rules (minimum, multiples) are checked before adding. */
export function AddToCart(props: {
  sku: string;
  min: number;
  increment: number;
  label: string;
  onQuantity?: (q: number) => void;
}) {
  const { t } = useI18n();
  const { me } = useApp();
  const [quantity, setQuantity] = useState(String(Math.max(props.min, 1)));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = `qty-${props.sku}`;

  function add(e: Event) {
    e.preventDefault();
    if (!me) return;
    const q = Number(quantity);
    if (!Number.isInteger(q) || q <= 0) return setMessage({ text: t('errBadQuantity'), error: true });
    const rule = quantityRule(q, props.min, props.increment);
    if (rule) return setMessage({ text: t(rule.key, { n: rule.n }), error: true });
    addToCart(me.account.id, [{ sku: props.sku, quantity: q }]);
    setMessage({ text: `${t('added')}: ${props.sku} × ${q}`, error: false });
  }

  return (
    <form class="add" onSubmit={add}>
      <label for={id} class="sr-only">
        {t('quantity')} ({props.label})
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min}
        step={props.increment}
        value={quantity}
        aria-invalid={message?.error ? 'true' : undefined}
        aria-describedby={`${id}-msg`}
        onInput={(e) => {
          setQuantity(e.currentTarget.value);
          setMessage(null);
          const n = Number(e.currentTarget.value);
          if (Number.isInteger(n) && n > 0) props.onQuantity?.(n);
        }}
      />
      <button type="submit">{t('addToCart')}</button>
      <span id={`${id}-msg`} class={message?.error ? 'msg error' : 'msg'} role="status">
        {message?.text ?? ''}
      </span>
    </form>
  );
}
