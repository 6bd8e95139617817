import { useState } from 'preact/hooks';
import { Empty, ErrorNotice, Link, Loading, Money, More, Page, value } from '../components/ui';
import { MyBuyersDocument, type ChannelTier } from '../gql/graphql';
import { hasRole, useApp } from '../lib/app';
import { useI18n } from '../lib/i18n';
import { usePaged } from '../lib/paged';

const BELOW: Record<ChannelTier, ChannelTier | null> = {
  BRAND: 'GENERAL_AGENT',
  GENERAL_AGENT: 'DISTRIBUTOR',
  DISTRIBUTOR: 'RETAILER',
  RETAILER: null,
};

/** The seller's direct buyers: where they are, who to call (V4), their credit (V5, ADMIN and FINANCE), and (ADMIN, ANALYST) a link to their insights. */
export default function Buyers() {
  const { t } = useI18n();
  const { me } = useApp();
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const tier = BELOW[me!.account.tier];
  const withCredit = hasRole(me, 'FINANCE');
  const withInsights = hasRole(me, 'ANALYST');
  const buyers = usePaged(
    MyBuyersDocument,
    { first: 25, filter: { tier: tier ?? undefined, search: applied || undefined }, withCredit, after: null },
    (d) => d.accounts,
    { skip: !tier },
  );

  return (
    <Page title={t('buyersTitle')}>
      <form
        class="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(search.trim());
        }}
      >
        <div class="field grow">
          <label for="buyer-search">{t('search')}</label>
          <input id="buyer-search" type="search" maxLength={100} value={search} onInput={(e) => setSearch(value(e))} />
        </div>
        <button type="submit">{t('search')}</button>
      </form>
      <ErrorNotice error={buyers.error} onRetry={buyers.reload} />
      {buyers.loading && !buyers.items.length ? <Loading /> : null}
      {!buyers.loading && !buyers.error && !buyers.items.length ? <Empty /> : null}
      {buyers.items.length ? (
        <table class="list">
          <caption class="sr-only">{t('buyersTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('buyer')}</th>
              <th scope="col">{t('city')}</th>
              <th scope="col">{t('contact')}</th>
              {withCredit ? <th scope="col">{t('creditAvailable')}</th> : null}
              {withInsights ? <th scope="col">{t('insights')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {buyers.items.map((b) => (
              <tr key={b.id}>
                <th scope="row">
                  {b.name}
                  {b.code ? <span class="muted"> · {b.code}</span> : null}
                </th>
                <td data-label={t('city')}>
                  {[b.address?.region?.name, b.address?.city].filter(Boolean).join(' ') || '—'}
                </td>
                <td data-label={t('contact')}>
                  {b.contact ? [b.contact.name, b.contact.phone].filter(Boolean).join(' · ') : '—'}
                </td>
                {withCredit ? (
                  <td class="num" data-label={t('creditAvailable')}>
                    {b.credit ? <Money amount={b.credit.available.amount} /> : '—'}
                  </td>
                ) : null}
                {withInsights ? (
                  <td>
                    <Link to={`buyers/${encodeURIComponent(b.id)}`}>
                      {t('insights')} <span class="sr-only">{b.name}</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <More hasNext={buyers.hasNext} loading={buyers.loading} onMore={() => buyers.more()} />
    </Page>
  );
}
