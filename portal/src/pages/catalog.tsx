import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AddToCart } from '../components/add-to-cart';
import {
  Availability,
  Empty,
  ErrorNotice,
  Img,
  Link,
  Loading,
  Money,
  More,
  Page,
  PriceSteps,
  value,
} from '../components/ui';
import { CatalogCategoriesDocument, CatalogProductsDocument, type CatalogProductsQuery } from '../gql/graphql';
import { canOrder, useApp } from '../lib/app';
import { useQuery } from '../lib/hooks';
import { useI18n } from '../lib/i18n';
import { usePaged } from '../lib/paged';
import { navigate } from '../lib/router';

type ProductNode = CatalogProductsQuery['products']['nodes'][number];

function query(categoryId: string | null, search: string): string {
  const p = new URLSearchParams();
  if (categoryId) p.set('category', categoryId);
  if (search) p.set('q', search);
  const s = p.toString();
  return s ? `catalog?${s}` : 'catalog';
}

/** The first page of the catalog: what the page asks for (and what the shell prefetches for a signed-in buyer). */
export function catalogVariables(categoryId: string | null, search: string, priced: boolean) {
  return {
    first: 20,
    filter: { categoryId: categoryId || undefined, search: search || undefined },
    priced,
    after: null,
  };
}

export function Catalog(props: { categoryId: string | null; search: string }) {
  const { t, lang } = useI18n();
  const { me, portal } = useApp();
  const priced = !!me && me.account.tier !== 'BRAND';
  const [text, setText] = useState(props.search);
  useEffect(() => setText(props.search), [props.search]);

  const categories = useQuery(CatalogCategoriesDocument, {});
  const products = usePaged(
    CatalogProductsDocument,
    catalogVariables(props.categoryId, props.search, priced),
    (d) => d.products,
  );

  // "Recommended for you" is fetched (code and data) only once this page's prices are on screen, and only on the unfiltered catalog.
  const [Recommended, setRecommended] = useState<ComponentType | null>(null);
  const wantsRecs = canOrder(me) && !props.search && !props.categoryId && products.items.length > 0;
  useEffect(() => {
    if (wantsRecs && !Recommended)
      void import('../components/recommended').then(
        (m) => setRecommended(() => m.Recommended),
        () => {},
      );
  }, [wantsRecs, Recommended]);

  const roots = (categories.data?.categories ?? []).filter((c) => !c.parent);
  const childrenOf = (id: string) => (categories.data?.categories ?? []).filter((c) => c.parent?.id === id);

  return (
    <Page title={t('navCatalog')}>
      {!me ? (
        <div class="notice info">
          {portal.welcomeText ? <p class="welcome">{portal.welcomeText}</p> : null}
          <p>
            <Link to="sign-in?next=catalog">{t('signIn')}</Link> — {t('signInToSeePrices')}
          </p>
        </div>
      ) : null}
      <form
        class="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(query(props.categoryId, text.trim()));
        }}
      >
        <div class="field">
          <label for="category">{t('categories')}</label>
          <select
            id="category"
            value={props.categoryId ?? ''}
            onChange={(e) => navigate(query(value(e) || null, props.search))}
          >
            <option value="">{t('allCategories')}</option>
            {roots.map((c) => [
              <option key={c.id} value={c.id}>
                {c.name}
              </option>,
              ...childrenOf(c.id).map((k) => (
                <option key={k.id} value={k.id}>
                  {'\u00a0\u00a0'}
                  {k.name}
                </option>
              )),
            ])}
          </select>
        </div>
        <div class="field grow">
          <label for="search">{t('search')}</label>
          <input
            id="search"
            type="search"
            maxLength={100}
            placeholder={t('searchPlaceholder')}
            value={text}
            onInput={(e) => setText(value(e))}
          />
        </div>
        <button type="submit">{t('search')}</button>
      </form>
      <ErrorNotice error={products.error} onRetry={products.reload} />
      <p class="muted" role="status" aria-live="polite">
        {products.loading && !products.items.length
          ? t('loading')
          : `${products.total.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')} ${t('productsFound')}`}
      </p>
      {!products.loading && !products.error && !products.items.length ? <Empty /> : null}
      {wantsRecs && Recommended ? <Recommended key={me!.account.id} /> : null}
      <ul class="products">
        {products.items.map((p) => (
          <ProductCard key={p.id} product={p} priced={priced} />
        ))}
      </ul>
      {products.loading && products.items.length ? <Loading /> : null}
      <More hasNext={products.hasNext} loading={products.loading} onMore={() => products.more()} />
    </Page>
  );
}

function ProductCard(props: { product: ProductNode; priced: boolean }) {
  const { t } = useI18n();
  const { me } = useApp();
  const p = props.product;
  const image = p.media.find((m) => m.kind === 'IMAGE');
  const ordering = canOrder(me);
  return (
    <li class="card product" aria-labelledby={`p-${p.id}`}>
      <div class="product-head">
        {image ? <Img class="thumb" src={image.url} alt="" lazy width={72} height={72} /> : null}
        <div>
          <h2 id={`p-${p.id}`}>
            <Link to={`product/${encodeURIComponent(p.id)}`}>{p.name}</Link>
          </h2>
          <p class="muted">
            {p.code}
            {p.category ? ` · ${p.category.name}` : ''}
          </p>
        </div>
      </div>
      <table class="variants">
        <caption class="sr-only">{p.name}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sku')}</th>
            {props.priced ? <th scope="col">{t('yourPrice')}</th> : null}
            <th scope="col">{t('status')}</th>
            {ordering ? <th scope="col">{t('addToCart')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {p.variants.map((v) => (
            <tr key={v.id} data-sku={v.sku}>
              <th scope="row">
                <span class="sku">{v.sku}</span>
                <br />
                <span class="muted">{v.name}</span>
              </th>
              {props.priced ? (
                <td class="price" data-label={t('yourPrice')}>
                  {v.price ? (
                    <>
                      <strong class="amount">
                        <Money amount={v.price.amount.amount} currency={v.price.amount.currencyCode} />
                      </strong>
                      <span class="muted"> / {v.unit}</span>
                      <PriceSteps
                        steps={v.price.steps}
                        total={v.price.amount.amount}
                        floorApplied={v.price.floorApplied}
                      />
                    </>
                  ) : (
                    <span class="muted">{t('notOrderable')}</span>
                  )}
                </td>
              ) : null}
              <td data-label={t('status')}>
                <Availability status={v.availability.status} quantity={v.availability.availableQuantity} />
              </td>
              {ordering ? (
                <td data-label={t('addToCart')}>
                  {v.price ? (
                    <AddToCart
                      sku={v.sku}
                      min={v.minOrderQuantity}
                      increment={v.orderIncrement}
                      label={`${p.name} ${v.name}`}
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}
