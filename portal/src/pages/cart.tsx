import { useEffect, useState } from 'preact/hooks';
import { Empty, ErrorNotice, Field, Link, Loading, Money, Page, PriceSteps, UserErrors, value } from '../components/ui';
import { PlaceCartOrderDocument } from '../gql/graphql';
import { useApp } from '../lib/app';
import { clearCart, onCart, readCart, setCartLine, setCartNote, type Cart as CartState } from '../lib/cart';
import { fromMinor, toMinor } from '../lib/format';
import { useMutation, type UserErrorLike } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { useQuotes } from '../lib/quotes';
import { navigate } from '../lib/router';

export default function Cart() {
  const { t } = useI18n();
  const { me, refreshMe } = useApp();
  const accountId = me!.account.id;
  const [cart, setCart] = useState<CartState>(() => readCart(accountId));
  useEffect(() => onCart(() => setCart(readCart(accountId))), [accountId]);
  const quotes = useQuotes(cart.lines);
  const place = useMutation(PlaceCartOrderDocument);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  // A request that got no answer may have been placed: say so, and keep the key so pressing again is safe.
  const [uncertain, setUncertain] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const sent = readCart(accountId);
    const r = await place.run({
      input: { idempotencyKey: sent.idempotencyKey, lines: sent.lines, note: sent.note || undefined },
    });
    if (!r.ok) {
      if (r.error) setUncertain(r.error.code === 'NETWORK' || r.error.code === 'SERVER');
      return;
    }
    const data = r.data;
    setUncertain(false);
    setErrors(data.placeOrder.userErrors);
    const order = data.placeOrder.order;
    if (order) {
      clearCart(accountId);
      refreshMe();
      navigate(`orders/${encodeURIComponent(order.id)}?placed=1`);
    }
  }

  const lineErrors = (i: number) => errors.filter((e) => e.field?.[0] === 'lines' && e.field?.[1] === String(i));
  const general = errors.filter((e) => e.field?.[0] !== 'lines' || e.field.length < 2);
  const total = quotes.quotes?.reduce(
    (sum, q, i) => sum + (q?.price ? toMinor(q.price.amount.amount) * BigInt(cart.lines[i]?.quantity ?? 0) : 0n),
    0n,
  );

  return (
    <Page title={t('navCart')}>
      {!cart.lines.length ? (
        <Empty>
          {t('cartEmpty')} <Link to="catalog">{t('navCatalog')}</Link> ·{' '}
          <Link to="quick-order">{t('navQuickOrder')}</Link>
        </Empty>
      ) : (
        <form onSubmit={submit}>
          <ErrorNotice error={quotes.error} onRetry={quotes.reload} />
          {!quotes.quotes ? <Loading /> : null}
          <table class="lines cart">
            <caption class="sr-only">{t('navCart')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('product')}</th>
                <th scope="col">{t('quantity')}</th>
                <th scope="col">{t('unitPrice')}</th>
                <th scope="col">{t('lineTotal')}</th>
                <th scope="col">
                  <span class="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cart.lines.map((line, i) => {
                const q = quotes.quotes?.[i];
                const errs = lineErrors(i);
                return (
                  <tr key={line.sku} data-sku={line.sku} class={errs.length ? 'bad' : ''}>
                    <th scope="row">
                      <span class="sku">{line.sku}</span>
                      {q ? (
                        <>
                          <br />
                          <span class="muted">
                            {q.product.name} · {q.name}
                          </span>
                        </>
                      ) : quotes.quotes ? (
                        <span class="error"> {t('errUnknownSku')}</span>
                      ) : null}
                      {errs.map((e, k) => (
                        <span key={k} class="error block" role="alert">
                          {e.message} <span class="code">{e.code}</span>
                        </span>
                      ))}
                    </th>
                    <td>
                      <label for={`cq-${i}`} class="sr-only">
                        {t('quantity')} {line.sku}
                      </label>
                      <input
                        id={`cq-${i}`}
                        type="number"
                        min={0}
                        step={q?.orderIncrement ?? 1}
                        value={line.quantity}
                        onChange={(e) =>
                          setCartLine(accountId, line.sku, Math.max(0, Math.floor(Number(value(e)) || 0)))
                        }
                      />
                    </td>
                    <td class="num">
                      {q?.price ? (
                        <>
                          <Money amount={q.price.amount.amount} />
                          <PriceSteps
                            steps={q.price.steps}
                            total={q.price.amount.amount}
                            floorApplied={q.price.floorApplied}
                          />
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td class="num">
                      {q?.price ? (
                        <Money amount={fromMinor(toMinor(q.price.amount.amount) * BigInt(line.quantity))} />
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <button type="button" class="linkish" onClick={() => setCartLine(accountId, line.sku, 0)}>
                        {t('remove')} <span class="sr-only">{line.sku}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('total')}
                </th>
                <td class="num">{total !== undefined ? <Money amount={fromMinor(total)} /> : '…'}</td>
                <td />
              </tr>
            </tfoot>
          </table>
          <p class="muted">
            {t('estimated')} {t('shipToDefault')}
          </p>
          <Field label={t('orderNote')} id="order-note">
            <textarea
              id="order-note"
              rows={2}
              maxLength={500}
              value={cart.note}
              onChange={(e) => setCartNote(accountId, value(e))}
            />
          </Field>
          <UserErrors errors={general} />
          {uncertain ? (
            <p class="notice warn" role="alert">
              {t('placedRetry')}
            </p>
          ) : (
            <ErrorNotice error={place.error} />
          )}
          <button type="submit" class="primary big" disabled={place.busy} aria-busy={place.busy}>
            {place.busy ? t('placing') : t('placeOrder')}
          </button>
        </form>
      )}
    </Page>
  );
}
