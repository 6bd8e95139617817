import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ErrorNotice, Img, Link, Loading } from './components/ui';
import { CatalogCategoriesDocument, CatalogProductsDocument, MeDocument, PortalBrandingDocument } from './gql/graphql';
import { AppContext, canOrder, hasRole, isAdmin, isRetailer, isSelling, type Me, type PortalInfo } from './lib/app';
import { palette } from './lib/brand';
import { readCart, onCart } from './lib/cart';
import { ApiError, configureClient, prefetch, request } from './lib/client';
import { toApiError } from './lib/hooks';
import { I18nContext, initialLang, label, rememberLang, translate, type Lang, type MessageKey } from './lib/i18n';
import { expire, onSession, readSession, signOut } from './lib/session';
import { current, navigate, portalSlug, useRoute } from './lib/router';
import { catalogVariables } from './pages/catalog';
import { Routes } from './routes';

configureClient({ endpoint: '/graphql', token: () => readSession()?.token ?? null, onUnauthenticated: expire });

// A signed-in visit that starts on the catalog asks for its first page while
// the shell asks who is signed in, not after: one round trip less before prices.
{
  const start = current();
  if (readSession() && start.parts[0] === 'catalog') {
    prefetch(CatalogCategoriesDocument, {});
    prefetch(CatalogProductsDocument, catalogVariables(start.query.get('category'), start.query.get('q') ?? '', true));
  }
}

interface NavItem {
  to: string;
  key: MessageKey;
  badge?: number;
}

function navItems(me: Me | null, cartCount: number): NavItem[] {
  const items: NavItem[] = [];
  if (!me || me.account.tier !== 'BRAND') items.push({ to: 'catalog', key: 'navCatalog' });
  if (canOrder(me))
    items.push({ to: 'quick-order', key: 'navQuickOrder' }, { to: 'cart', key: 'navCart', badge: cartCount });
  if (me && me.account.tier !== 'BRAND') items.push({ to: 'orders', key: 'navOrders' });
  if (isSelling(me) && hasRole(me, 'SERVICE')) items.push({ to: 'incoming', key: 'navIncoming' });
  if (isRetailer(me)) items.push({ to: 'tickets', key: 'navTickets' });
  if (isSelling(me) && hasRole(me, 'SERVICE')) items.push({ to: 'queue', key: 'navQueue' });
  if (me && me.account.tier !== 'BRAND' && hasRole(me, 'FINANCE'))
    items.push({ to: 'statements', key: 'navStatements' });
  if (isSelling(me)) items.push({ to: 'buyers', key: 'navBuyers' });
  // Analytics are for ADMIN and ANALYST users of selling accounts (the graph's rule; it refuses everyone else).
  const channel = me?.account.tier === 'BRAND' || me?.account.tier === 'GENERAL_AGENT';
  if (isSelling(me) && hasRole(me, 'ANALYST')) {
    items.push(
      { to: 'dashboard', key: channel ? 'channelDashboard' : 'navDashboard' },
      { to: 'forecast', key: 'navForecast' },
      { to: 'replenishment', key: 'navReplenishment' },
      { to: 'alerts', key: 'navAlerts' },
    );
    if (channel) items.push({ to: 'pilots', key: 'navPilots' });
  }
  if (me) items.push({ to: 'notifications', key: 'navNotifications', badge: me.unreadNotificationCount });
  // Administration is for an account's ADMIN users (the graph's rule): integration, users, the audit log; flags for the brand's.
  if (isAdmin(me)) {
    items.push(
      { to: 'api-keys', key: 'navApiKeys' },
      { to: 'webhooks', key: 'navWebhooks' },
      { to: 'users', key: 'navUsers' },
    );
    if (me!.account.tier === 'BRAND') items.push({ to: 'flags', key: 'navFlags' });
    items.push({ to: 'audit', key: 'navAudit' });
  }
  if (me) items.push({ to: 'password', key: 'navPassword' });
  return items;
}

export function Shell() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [portal, setPortal] = useState<PortalInfo | null | undefined>(undefined);
  const [portalError, setPortalError] = useState<ApiError | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [meLoading, setMeLoading] = useState(!!readSession());
  const [expired, setExpired] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [cartCount, setCartCount] = useState(0);
  const route = useRoute();
  const slug = portalSlug();

  const i18n = useMemo(
    () => ({
      lang,
      t: (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v),
      l: (v: string) => label(lang, v),
      setLang: (l: Lang) => {
        rememberLang(l);
        setLangState(l);
      },
    }),
    [lang],
  );
  useEffect(() => rememberLang(lang), [lang]);

  const loadPortal = useCallback(() => {
    setPortalError(null);
    const load = (retry: boolean) =>
      request(PortalBrandingDocument, { slug }).then(
        ({ data }) => setPortal(data.portal ?? null),
        (e) => {
          const err = toApiError(e);
          // A refused token is refused on public fields too: it is forgotten (the user is asked to sign in), and the branding asked for again without it.
          if (retry && err.code === 'UNAUTHENTICATED' && !readSession()) void load(false);
          else setPortalError(err);
        },
      );
    void load(true);
  }, [slug]);
  useEffect(loadPortal, [loadPortal]);

  const refreshMe = useCallback(() => {
    if (!readSession()) {
      setMe(null);
      setMeLoading(false);
      return;
    }
    setMeLoading(true);
    request(MeDocument, {}).then(
      ({ data }) => {
        setMe(data.viewer ?? null);
        setMeLoading(false);
      },
      () => {
        setMe(null);
        setMeLoading(false);
      },
    );
  }, []);
  useEffect(refreshMe, [refreshMe]);

  useEffect(
    () =>
      onSession((s, reason) => {
        setExpired(reason === 'expired');
        if (reason === 'expired') {
          setMe(null);
          navigate('sign-in', true);
        } else refreshMe();
        if (!s && reason === 'signed-out') navigate('catalog');
      }),
    [refreshMe],
  );

  useEffect(() => {
    const count = () => setCartCount(me ? readCart(me.account.id).lines.length : 0);
    count();
    return onCart(count);
  }, [me]);

  useEffect(() => setMenuOpen(false), [route]);

  useEffect(() => {
    if (!portal) return;
    const p = palette(portal.primaryColor);
    const root = document.documentElement.style;
    root.setProperty('--brand', p.brand);
    root.setProperty('--on-brand', p.onBrand);
    root.setProperty('--brand-text', p.brandText);
    document.body.dataset.portal = portal.displayName;
    document.querySelector('meta[name="theme-color"]')?.remove();
    const meta = document.createElement('meta');
    meta.name = 'theme-color';
    meta.content = p.brand;
    document.head.append(meta);
  }, [portal]);

  const t = i18n.t;
  if (portal === undefined) {
    return (
      <I18nContext.Provider value={i18n}>
        <main id="main" class="boot">
          {portalError ? <ErrorNotice error={portalError} onRetry={loadPortal} /> : <Loading />}
        </main>
      </I18nContext.Provider>
    );
  }
  if (portal === null) {
    return (
      <I18nContext.Provider value={i18n}>
        <main id="main" class="boot">
          <h1>{t('noPortal')}</h1>
        </main>
      </I18nContext.Provider>
    );
  }

  const items = navItems(me, cartCount);
  const here = route.parts[0] ?? '';
  const ownPortal = me
    ? me.account.tier === 'RETAILER'
      ? me.account.seller?.portal
      : (me.account.portal ?? me.account.seller?.portal)
    : null;
  const elsewhere = ownPortal && ownPortal.slug !== portal.slug ? ownPortal : null;

  return (
    <I18nContext.Provider value={i18n}>
      <AppContext.Provider value={{ portal, me, refreshMe }}>
        <a class="skip" href="#main">
          {t('skip')}
        </a>
        <header class="top">
          <div class="brand-bar">
            <Link to="" class="brand-name">
              {portal.logoUrl ? <Img src={portal.logoUrl} alt="" width={32} height={32} /> : null}
              <span>{portal.displayName}</span>
            </Link>
            <div class="top-actions">
              <button
                type="button"
                class="linkish"
                lang={lang === 'zh' ? 'en' : 'zh-CN'}
                aria-label={`${t('language')}: ${t('switchLang')}`}
                onClick={() => i18n.setLang(lang === 'zh' ? 'en' : 'zh')}
              >
                {t('switchLang')}
              </button>
              {me ? (
                <button type="button" class="linkish" onClick={signOut}>
                  {t('signOut')}
                </button>
              ) : (
                <Link to="sign-in" class="linkish">
                  {t('signIn')}
                </Link>
              )}
              <button
                type="button"
                class="menu-toggle"
                aria-expanded={menuOpen}
                aria-controls="nav"
                onClick={() => setMenuOpen(!menuOpen)}
              >
                {t('menu')}
              </button>
            </div>
          </div>
          <nav id="nav" class={menuOpen ? 'open' : ''} aria-label={t('menu')}>
            <ul>
              {items.map((it) => (
                <li key={it.to}>
                  <Link to={it.to} aria-current={here === it.to ? 'page' : undefined}>
                    {t(it.key)}
                    {it.badge ? (
                      <span class="count" aria-label={`(${it.badge})`}>
                        {it.badge}
                      </span>
                    ) : null}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {me ? (
          <p class="whoami">
            {t('signedInAs')}: {me.user.name} · {me.account.name}
          </p>
        ) : null}
        {elsewhere ? (
          <p class="notice info" role="status">
            {t('otherPortal')}
            <a href={`/p/${encodeURIComponent(elsewhere.slug)}/`}>{elsewhere.displayName}</a>
          </p>
        ) : null}
        <main id="main">{meLoading ? <Loading /> : <Routes route={route} expired={expired} />}</main>
        <footer class="foot">
          <p>
            {portal.seller.name}
            {portal.seller.servicePhone ? ` · ${t('servicePhone')} ${portal.seller.servicePhone}` : ''}
          </p>
        </footer>
      </AppContext.Provider>
    </I18nContext.Provider>
  );
}
