import { useState } from 'preact/hooks';
import { Empty, ErrorNotice, Loading, Page, value } from '../components/ui';
import { MyWarehousesDocument, ReplenishmentDocument } from '../gql/graphql';
import { canOrder, useApp } from '../lib/app';
import { addToCart } from '../lib/cart';
import { num, percent } from '../lib/format';
import { useQuery } from '../lib/hooks';
import { useI18n } from '../lib/i18n';

const SERVICE_LEVELS = [0.9, 0.95, 0.98, 0.99];

interface Params {
  warehouseId: string;
  leadTimeDays: number;
  coverDays: number;
  serviceLevel: number;
}

/**
 * What to reorder for a warehouse of the viewer's chain
 * (`replenishmentSuggestions`), most urgent first, with why. A buyer can put
 * the suggested quantities in its cart (the server prices and checks them
 * again when the order is placed).
 */
export default function Replenishment() {
  const { t, lang } = useI18n();
  const { me } = useApp();
  const houses = useQuery(MyWarehousesDocument, {});
  const list = houses.data?.warehouses ?? [];
  // The viewer's own warehouses first: those are the ones it restocks.
  const own = [...list].sort((a, b) => Number(b.owner.id === me!.account.id) - Number(a.owner.id === me!.account.id));
  const [form, setForm] = useState<Omit<Params, 'warehouseId'> & { warehouseId: string }>({
    warehouseId: '',
    leadTimeDays: 7,
    coverDays: 30,
    serviceLevel: 0.95,
  });
  const [asked, setAsked] = useState<Params | null>(null);
  const params: Params | null = asked ?? (own[0] ? { ...form, warehouseId: own[0].id } : null);
  const q = useQuery(ReplenishmentDocument, { input: params ?? { warehouseId: '' } }, { skip: !params });
  const [onlyNeeded, setOnlyNeeded] = useState(true);
  const [added, setAdded] = useState<number | null>(null);
  const rows = (q.data?.replenishmentSuggestions ?? []).filter((r) => !onlyNeeded || r.suggestedQuantity > 0);
  const needed = (q.data?.replenishmentSuggestions ?? []).filter((r) => r.suggestedQuantity > 0);
  const ordering = canOrder(me);

  return (
    <Page title={t('navReplenishment')}>
      <ErrorNotice error={houses.error} onRetry={houses.reload} />
      {houses.loading ? <Loading /> : null}
      {houses.data && !list.length ? <Empty>{t('noWarehouses')}</Empty> : null}
      {list.length ? (
        <form
          class="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            setAdded(null);
            setAsked({ ...form, warehouseId: form.warehouseId || own[0].id });
          }}
        >
          <div class="field grow">
            <label for="rep-warehouse">{t('warehouse')}</label>
            <select
              id="rep-warehouse"
              value={form.warehouseId || own[0].id}
              onChange={(e) => setForm({ ...form, warehouseId: value(e) })}
            >
              {own.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} · {w.owner.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="rep-lead">{t('leadTime')}</label>
            <input
              id="rep-lead"
              type="number"
              min={1}
              max={90}
              value={form.leadTimeDays}
              onInput={(e) => setForm({ ...form, leadTimeDays: Number(value(e)) || 1 })}
            />
          </div>
          <div class="field">
            <label for="rep-cover">{t('coverDays')}</label>
            <input
              id="rep-cover"
              type="number"
              min={1}
              max={180}
              value={form.coverDays}
              onInput={(e) => setForm({ ...form, coverDays: Number(value(e)) || 1 })}
            />
          </div>
          <div class="field">
            <label for="rep-service">{t('serviceLevel')}</label>
            <select
              id="rep-service"
              value={String(form.serviceLevel)}
              onChange={(e) => setForm({ ...form, serviceLevel: Number(value(e)) })}
            >
              {SERVICE_LEVELS.map((s) => (
                <option key={s} value={String(s)}>
                  {percent(lang, s)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="primary">
            {t('apply')}
          </button>
        </form>
      ) : null}
      <ErrorNotice error={q.error} onRetry={q.reload} />
      {q.loading ? <Loading /> : null}
      {q.data && !q.loading ? (
        <>
          <div class="toolbar">
            <p role="status" data-needed={needed.length}>
              <strong>{t('suggestionsCount', { n: needed.length })}</strong>
            </p>
            <label class="check">
              <input type="checkbox" checked={onlyNeeded} onChange={(e) => setOnlyNeeded(e.currentTarget.checked)} />{' '}
              {t('onlyToOrder')}
            </label>
            {ordering && needed.length ? (
              <button
                type="button"
                onClick={() => {
                  addToCart(
                    me!.account.id,
                    needed.map((r) => ({ sku: r.variant.sku, quantity: r.suggestedQuantity })),
                  );
                  setAdded(needed.length);
                }}
              >
                {t('addSuggested')}
              </button>
            ) : null}
            {added != null ? (
              <span class="ok" role="status">
                {t('addedLines', { n: added })}
              </span>
            ) : null}
          </div>
          {rows.length ? (
            <table class="list suggestions">
              <caption class="sr-only">{t('navReplenishment')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('product')}</th>
                  <th scope="col">{t('onHand')}</th>
                  <th scope="col">{t('reserved')}</th>
                  <th scope="col">{t('expectedDemand')}</th>
                  <th scope="col">{t('safetyStock')}</th>
                  <th scope="col">{t('reorderPoint')}</th>
                  <th scope="col">{t('daysOfCover')}</th>
                  <th scope="col">{t('suggested')}</th>
                  <th scope="col">{t('why')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.variant.sku} data-sku={r.variant.sku}>
                    <th scope="row">
                      <span class="sku">{r.variant.sku}</span>
                      <br />
                      <span class="muted">
                        {r.variant.product.name} {r.variant.name}
                      </span>
                    </th>
                    <td class="num" data-label={t('onHand')}>
                      {r.onHand}
                    </td>
                    <td class="num" data-label={t('reserved')}>
                      {r.reserved}
                    </td>
                    <td class="num" data-label={t('expectedDemand')}>
                      {num(lang, r.expectedDemand)}
                    </td>
                    <td class="num" data-label={t('safetyStock')}>
                      {r.safetyStock}
                    </td>
                    <td class="num" data-label={t('reorderPoint')}>
                      {r.reorderPoint}
                    </td>
                    <td class="num" data-label={t('daysOfCover')}>
                      {num(lang, r.daysOfCover)}
                    </td>
                    <td class="num suggested" data-label={t('suggested')}>
                      <strong>{r.suggestedQuantity}</strong>
                    </td>
                    <td data-label={t('why')}>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Empty />
          )}
        </>
      ) : null}
    </Page>
  );
}
