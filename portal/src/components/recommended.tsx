import { AddToCart } from './add-to-cart';
import { Link } from './ui';
import { RecommendedDocument } from '../gql/graphql';
import { useQuery } from '../lib/hooks';
import { useI18n } from '../lib/i18n';

/**
 * "Recommended for you" on the catalog (`recommendations` for the viewer's own
 * account): only variants it may order at a price (V2), never naming another
 * buyer. Its own chunk, fetched after the catalog's prices are on screen; it
 * shows nothing when there is nothing to recommend or the request fails (the
 * catalog is what the page is for).
 */
export function Recommended() {
  const { t, l } = useI18n();
  const q = useQuery(RecommendedDocument, { first: 4 });
  const recs = q.data?.recommendations ?? [];
  if (!recs.length) return null;
  return (
    <section class="recommended" aria-labelledby="recommended-title">
      <h2 id="recommended-title">{t('recommendedForYou')}</h2>
      <ul>
        {recs.map((r) => (
          <li key={r.variant.id} class="card" data-sku={r.variant.sku}>
            <span class="badge">{l(r.kind)}</span>
            <p>
              <Link to={`product/${encodeURIComponent(r.variant.product.id)}`}>{r.variant.product.name}</Link>
              <br />
              <span class="sku">{r.variant.sku}</span> <span class="muted">{r.variant.name}</span>
            </p>
            <p class="muted small">{r.reason}</p>
            <AddToCart
              sku={r.variant.sku}
              min={r.variant.minOrderQuantity}
              increment={r.variant.orderIncrement}
              label={`${r.variant.product.name} ${r.variant.name}`}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
