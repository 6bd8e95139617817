import { ErrorNotice, Page } from './components/ui';
import { lazyPage } from './lazy';
import { hasRole, isAdmin, isSelling, useApp } from './lib/app';
import { ApiError } from './lib/client';
import { useI18n, type MessageKey } from './lib/i18n';
import type { Route } from './lib/router';
import { navigate } from './lib/router';
import { Catalog } from './pages/catalog';
import { SignIn } from './pages/sign-in';
import { useEffect } from 'preact/hooks';

// Everything but the catalog and sign-in is fetched when first opened: the
// catalog's first load carries no other page's code (and no chart library).
const Product = lazyPage(() => import('./pages/product'));
const QuickOrder = lazyPage(() => import('./pages/quick-order'));
const Cart = lazyPage(() => import('./pages/cart'));
const Orders = lazyPage(() => import('./pages/orders'));
const OrderDetail = lazyPage(() => import('./pages/order-detail'));
const Tickets = lazyPage(() => import('./pages/tickets'));
const TicketDetail = lazyPage(() => import('./pages/ticket-detail'));
const NewTicket = lazyPage(() => import('./pages/new-ticket'));
const Statements = lazyPage(() => import('./pages/statements'));
const Notifications = lazyPage(() => import('./pages/notifications'));
const Buyers = lazyPage(() => import('./pages/buyers'));
const Insights = lazyPage(() => import('./pages/insights'));
const Dashboard = lazyPage(() => import('./pages/dashboard'));
const Forecast = lazyPage(() => import('./pages/forecast'));
const Replenishment = lazyPage(() => import('./pages/replenishment'));
const Alerts = lazyPage(() => import('./pages/alerts'));
const Pilots = lazyPage(() => import('./pages/pilots'));
const ApiKeys = lazyPage(() => import('./pages/api-keys'));
const Webhooks = lazyPage(() => import('./pages/webhooks'));
const Users = lazyPage(() => import('./pages/users'));
const Password = lazyPage(() => import('./pages/password'));
const Flags = lazyPage(() => import('./pages/flags'));
const Audit = lazyPage(() => import('./pages/audit'));

function Home() {
  const { me } = useApp();
  useEffect(() => {
    // Analysts land on their dashboard, service and admins on what is waiting for them.
    const to =
      me && isSelling(me)
        ? hasRole(me, 'SERVICE')
          ? 'incoming'
          : me.roles.includes('ANALYST')
            ? 'dashboard'
            : 'buyers'
        : 'catalog';
    navigate(to, true);
  }, [me]);
  return null;
}

/** An administration page opened by a user who may not use it: said plainly, nothing asked of the graph. */
function NotForYou(props: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <Page title={t(props.title)}>
      <ErrorNotice error={new ApiError('FORBIDDEN', '')} />
    </Page>
  );
}

const ADMIN_PAGES: Record<string, MessageKey> = {
  'api-keys': 'navApiKeys',
  webhooks: 'navWebhooks',
  users: 'navUsers',
  audit: 'navAudit',
  flags: 'navFlags',
};

function NotFound() {
  const { t } = useI18n();
  return <Page title={t('notFound')}>{null}</Page>;
}

export function Routes(props: { route: Route; expired: boolean }) {
  const { me } = useApp();
  const [first, second] = props.route.parts;
  const q = props.route.query;
  if (first === 'sign-in') return <SignIn expired={props.expired} next={q.get('next')} />;
  if (first === undefined) return <Home />;
  if (first === 'catalog') return <Catalog categoryId={q.get('category')} search={q.get('q') ?? ''} />;
  if (first === 'product' && second) return <Product id={second} />;
  // Everything below needs a signed-in user.
  if (!me) return <SignIn expired={props.expired} next={props.route.parts.join('/')} />;
  if (Object.hasOwn(ADMIN_PAGES, first) && !(isAdmin(me) && (first !== 'flags' || me.account.tier === 'BRAND')))
    return <NotForYou title={ADMIN_PAGES[first]} />;
  switch (first) {
    case 'quick-order':
      return <QuickOrder />;
    case 'cart':
      return <Cart />;
    case 'orders':
      return second ? <OrderDetail id={second} /> : <Orders mode="mine" status={q.get('status')} />;
    case 'incoming':
      return <Orders mode="incoming" status={q.get('status') ?? 'SUBMITTED'} />;
    case 'tickets':
      if (second === 'new') return <NewTicket orderId={q.get('order')} />;
      return second ? <TicketDetail id={second} /> : <Tickets mode="mine" />;
    case 'queue':
      return <Tickets mode="queue" />;
    case 'statements':
      return <Statements />;
    case 'notifications':
      return <Notifications />;
    case 'buyers':
      return second ? <Insights id={second} /> : <Buyers />;
    case 'dashboard':
      return <Dashboard />;
    case 'forecast':
      return <Forecast />;
    case 'replenishment':
      return <Replenishment />;
    case 'alerts':
      return <Alerts />;
    case 'pilots':
      return <Pilots />;
    case 'api-keys':
      return <ApiKeys />;
    case 'webhooks':
      return <Webhooks />;
    case 'users':
      return <Users />;
    case 'password':
      return <Password />;
    case 'flags':
      return <Flags />;
    case 'audit':
      return <Audit />;
    default:
      return <NotFound />;
  }
}
