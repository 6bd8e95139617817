import { useState } from 'preact/hooks';
import { AddToCart } from '../components/add-to-cart';
import { Availability, ErrorNotice, Img, Link, Loading, Money, Page, PriceSteps } from '../components/ui';
import { LineQuoteDocument, ProductDetailDocument, type ProductDetailQuery } from '../gql/graphql';
import { canOrder, useApp } from '../lib/app';
import { useQuery } from '../lib/hooks';
import { useI18n } from '../lib/i18n';

type VariantNode = NonNullable<ProductDetailQuery['product']>['variants'][number];

export default function Product(props: { id: string }) {
  const { t } = useI18n();
  const { me } = useApp();
  const priced = !!me && me.account.tier !== 'BRAND';
  const q = useQuery(ProductDetailDocument, { id: props.id, quantity: 1, priced });
  const p = q.data?.product;
  if (q.loading && !q.data) return <Loading />;
  if (q.error) return <ErrorNotice error={q.error} onRetry={q.reload} />;
  if (!p) {
    return (
      <Page title={t('notFound')}>
        <Link to="catalog">{t('back')}</Link>
      </Page>
    );
  }
  const images = p.media.filter((m) => m.kind === 'IMAGE');
  const files = p.media.filter((m) => m.kind !== 'IMAGE');
  return (
    <Page title={p.name}>
      <p class="muted">
        <Link to={p.category ? `catalog?category=${encodeURIComponent(p.category.id)}` : 'catalog'}>
          {p.category?.parent ? `${p.category.parent.name} / ` : ''}
          {p.category?.name ?? t('navCatalog')}
        </Link>{' '}
        · {p.code}
      </p>
      <div class="product-detail">
        {images.length ? (
          <div class="gallery">
            {images.map((m) => (
              <Img key={m.url} src={m.url} alt={m.title ?? p.name} lazy width={240} height={240} />
            ))}
          </div>
        ) : null}
        <div>
          {p.description ? <p>{p.description}</p> : null}
          {p.attributes.length ? (
            <>
              <h2>{t('attributes')}</h2>
              <dl class="attrs">
                {p.attributes.map((a) => [
                  <dt key={`${a.name}-k`}>{a.name}</dt>,
                  <dd key={`${a.name}-v`}>{a.value}</dd>,
                ])}
              </dl>
            </>
          ) : null}
          {files.length ? (
            <>
              <h2>{t('documents')}</h2>
              <ul>
                {files.map((m) => (
                  <li key={m.url}>
                    <a href={m.url}>{m.title ?? m.url}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
      <ul class="plain">
        {p.variants.map((v) => (
          <VariantCard key={v.id} productName={p.name} variant={v} priced={priced} />
        ))}
      </ul>
    </Page>
  );
}

/** One variant; the price follows the quantity typed, so quantity breaks show before ordering. */
function VariantCard(props: { productName: string; variant: VariantNode; priced: boolean }) {
  const { t } = useI18n();
  const { me } = useApp();
  const v = props.variant;
  const [quantity, setQuantity] = useState(Math.max(1, v.minOrderQuantity));
  const quote = useQuery(LineQuoteDocument, { sku: v.sku, quantity }, { skip: !props.priced || quantity === 1 });
  const price = quantity === 1 ? v.price : (quote.data?.variant?.price ?? null);
  return (
    <li class="card" data-sku={v.sku}>
      <h2>
        {v.name} <span class="sku muted">{v.sku}</span>
      </h2>
      <p>
        <Availability status={v.availability.status} quantity={v.availability.availableQuantity} />
        {v.minOrderQuantity > 1 ? ` · ${t('minOrder')} ${v.minOrderQuantity}` : ''}
        {v.orderIncrement > 1 ? ` · ${t('increment')} ${v.orderIncrement}` : ''}
      </p>
      {props.priced ? (
        v.price ? (
          <div class="price-box">
            <p>
              {t('priceAtQuantity')} {quantity}:{' '}
              <strong class="amount">
                {price ? <Money amount={price.amount.amount} currency={price.amount.currencyCode} /> : '…'}
              </strong>
              {v.suggestedRetailPrice ? (
                <span class="muted">
                  {' '}
                  · {t('srp')} <Money amount={v.suggestedRetailPrice.amount} />
                </span>
              ) : null}
            </p>
            {price ? (
              <PriceSteps steps={price.steps} total={price.amount.amount} floorApplied={price.floorApplied} open />
            ) : null}
          </div>
        ) : (
          <p class="muted">{t('notOrderable')}</p>
        )
      ) : null}
      {canOrder(me) && v.price ? (
        <AddToCart
          sku={v.sku}
          min={v.minOrderQuantity}
          increment={v.orderIncrement}
          label={`${props.productName} ${v.name}`}
          onQuantity={setQuantity}
        />
      ) : null}
    </li>
  );
}
