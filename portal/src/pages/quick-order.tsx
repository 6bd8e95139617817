import { useState } from 'preact/hooks';
import { ErrorNotice, Link, Money, Page, value } from '../components/ui';
import { useApp } from '../lib/app';
import { addToCart } from '../lib/cart';
import type { ApiError } from '../lib/client';
import { toApiError } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { parseQuickOrder, quantityRule, type ParsedLine } from '../lib/quick-order';
import { quoteLines, type Quote } from '../lib/quotes';

interface Checked {
  parsed: ParsedLine;
  quote: Quote;
  /** Blocks ordering this line. */
  error: string | null;
  /** Worth knowing, does not block (the server decides on stock). */
  warning: string | null;
}

export default function QuickOrder() {
  const { t } = useI18n();
  const { me } = useApp();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Checked[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<number | null>(null);

  async function check(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const parsed = parseQuickOrder(text);
      const valid = parsed.filter((p) => !p.error);
      const quotes = await quoteLines(valid.map((p) => ({ sku: p.sku!, quantity: p.quantity! })));
      setChecked(
        parsed.map((p) => {
          if (p.error) return { parsed: p, quote: null, error: t(p.error.key, { n: p.error.n ?? '' }), warning: null };
          const quote = quotes[valid.indexOf(p)];
          if (!quote) return { parsed: p, quote, error: t('errUnknownSku'), warning: null };
          if (!quote.price) return { parsed: p, quote, error: t('errNoPrice'), warning: null };
          const rule = quantityRule(p.quantity!, quote.minOrderQuantity, quote.orderIncrement);
          if (rule) return { parsed: p, quote, error: t(rule.key, { n: rule.n }), warning: null };
          const avail = quote.availability.availableQuantity;
          const warning = avail != null && avail < p.quantity! ? t('warnStock', { n: avail }) : null;
          return { parsed: p, quote, error: null, warning };
        }),
      );
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const ok = checked?.filter((c) => !c.error) ?? [];

  function add() {
    if (!me || !ok.length) return;
    addToCart(
      me.account.id,
      ok.map((c) => ({ sku: c.quote!.sku, quantity: c.parsed.quantity! })),
    );
    setAdded(ok.length);
  }

  return (
    <Page title={t('quickOrderTitle')}>
      <form class="card" onSubmit={check}>
        <label for="lines">{t('quickOrderLines')}</label>
        <p id="lines-help" class="muted">
          {t('quickOrderHelp')}
        </p>
        <textarea
          id="lines"
          rows={8}
          maxLength={20000}
          aria-describedby="lines-help"
          placeholder={'QY-RO-800G-PRO-WH 2\nQY-PP-10 12'}
          value={text}
          onInput={(e) => setText(value(e))}
        />
        <button type="submit" class="primary" disabled={busy || !text.trim()}>
          {busy ? t('loading') : t('check')}
        </button>
      </form>
      <ErrorNotice error={error} />
      {checked ? (
        <>
          <table class="lines">
            <caption class="sr-only">{t('quickOrderLines')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('line')}</th>
                <th scope="col">{t('sku')}</th>
                <th scope="col">{t('quantity')}</th>
                <th scope="col">{t('unitPrice')}</th>
                <th scope="col">{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {checked.map((c) => (
                <tr key={c.parsed.line} class={c.error ? 'bad' : 'good'} data-line={c.parsed.line}>
                  <th scope="row">{c.parsed.line}</th>
                  <td>
                    {c.quote ? (
                      <>
                        <span class="sku">{c.quote.sku}</span>
                        <br />
                        <span class="muted">
                          {c.quote.product.name} · {c.quote.name}
                        </span>
                      </>
                    ) : (
                      <code>{c.parsed.text}</code>
                    )}
                  </td>
                  <td class="num">{c.parsed.quantity ?? '—'}</td>
                  <td class="num">{c.quote?.price ? <Money amount={c.quote.price.amount.amount} /> : '—'}</td>
                  <td class="line-status">
                    {c.error ? <span class="error">{c.error}</span> : <span class="ok">{t('ok')}</span>}
                    {c.warning ? <span class="warn"> {c.warning}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" class="primary" disabled={!ok.length} onClick={add}>
              {t('addValid')} ({ok.length})
            </button>
          </p>
          {added ? (
            <p class="notice ok" role="status">
              {t('added')} ({added}) — <Link to="cart">{t('navCart')}</Link>
            </p>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
