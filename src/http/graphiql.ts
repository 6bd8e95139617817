import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { allOperationsDocument, namedOperations } from './operations.js';
import { DEMO_PASSWORD, demoUsers } from '../seed/demo-data.js';

export interface StaticPage {
  html: Buffer;
  gzipped: Buffer;
  etag: string;
}

/**
 * The tabs GraphiQL opens with: a tour through the named operations of
 * schema/operations (sign in, the catalog with prices, an order, where it is),
 * each with variables that work on the demo, then one tab holding every named
 * operation (pick one from the run button). New operations appear there by
 * themselves; add them here to give them a tab of their own.
 */
export const TOUR: { operation: string; about: string; variables?: Record<string, unknown> }[] = [
  {
    operation: 'Login',
    about: 'Sign in (or use the form above): the token is kept in this browser and sent with every tab.',
    variables: { input: { email: 'buyer@ret-shenzhen-futian-1.example', password: DEMO_PASSWORD } },
  },
  { operation: 'Viewer', about: 'Who you are signed in as, and the feature flags on for you.' },
  {
    operation: 'CatalogPage',
    about: 'A page of the catalog with your own prices (with the steps that make each one) and availability.',
    variables: { first: 10 },
  },
  {
    operation: 'VariantBySku',
    about: "One sku's price at a quantity, step by step: list, quantity break, promotions, floor.",
    variables: { sku: 'QY-RO-800G-PRO-WH', quantity: 20 },
  },
  {
    operation: 'PlaceOrder',
    about:
      'Place an order as a buyer. Run it again with the same idempotencyKey: the first order comes back, never a second one.',
    variables: {
      input: {
        idempotencyKey: 'graphiql-demo-1',
        lines: [
          { sku: 'QY-RO-800G-PRO-WH', quantity: 2 },
          { sku: 'QY-RO-600G-Y-WH', quantity: 1 },
        ],
      },
    },
  },
  {
    operation: 'OrderTracking',
    about: 'Your latest orders: status, each shipment (warehouse, tracking number, dates) and the history.',
    variables: { first: 5 },
  },
  {
    operation: 'Tickets',
    about: 'Service tickets (sign in as service@dist-shenzhen.example for a queue).',
    variables: { first: 10 },
  },
  { operation: 'Notifications', about: 'Your notifications.', variables: { unreadOnly: true } },
  {
    operation: 'Portal',
    about: "A seller portal's public branding: no sign-in needed.",
    variables: { slug: 'shenzhen-qingyuan' },
  },
];

export function defaultTabs(): { query: string; variables?: string }[] {
  const byName = new Map(namedOperations().map((o) => [o.name, o]));
  const tabs = TOUR.map((t) => {
    const op = byName.get(t.operation);
    if (!op) throw new Error(`GraphiQL tour: no operation ${t.operation} in schema/operations`);
    return {
      query: `# ${t.about}\n${op.document}\n`,
      variables: t.variables ? JSON.stringify(t.variables, null, 2) : undefined,
    };
  });
  tabs.push({
    query: `# Every named operation of schema/operations: pick one from the run button.\n\n${allOperationsDocument()}\n`,
    variables: undefined,
  });
  return tabs;
}

/**
 * Runs in the browser before GraphiQL: signs in from the bar above it, keeps
 * the token in localStorage, and adds `Authorization: Bearer <token>` to every
 * request to /graphql that has none (a token from a `login` run in a tab is
 * kept too). A 401 (the token was refused: expired, or the server's secret
 * changed) signs out and says so. Exported for tests, which run it with stubs.
 */
export const SIGN_IN_SCRIPT = String.raw`
(function () {
  var KEY = 'channelgraph:session';
  var endpoint = new URL('/graphql', window.location.href).href;
  var realFetch = window.fetch.bind(window);
  function session() { try { return JSON.parse(window.localStorage.getItem(KEY) || 'null'); } catch (e) { return null; } }
  function show(message) {
    var s = session();
    var who = window.document.getElementById('cg-who');
    var form = window.document.getElementById('cg-form');
    if (who) who.textContent = s ? 'Signed in as ' + s.email + ' (' + s.roles.join(', ') + ', ' + s.account + ')' : (message || 'Not signed in: public fields only.');
    if (form) form.setAttribute('data-signed-in', s ? 'yes' : 'no');
  }
  function keep(login) {
    if (!login || !login.token || !login.viewer) return;
    window.localStorage.setItem(KEY, JSON.stringify({ token: login.token, email: login.viewer.user.email, roles: login.viewer.roles, account: login.viewer.account.name }));
    show();
  }
  function isGraphql(input) {
    var url = typeof input === 'string' ? input : input && input.url;
    try { return new URL(url, window.location.href).href.split('?')[0] === endpoint; } catch (e) { return false; }
  }
  window.fetch = function (input, init) {
    if (!isGraphql(input)) return realFetch(input, init);
    init = init || {};
    var headers = new Headers(init.headers || {});
    var s = session();
    if (s && !headers.has('authorization')) headers.set('authorization', 'Bearer ' + s.token);
    init.headers = headers;
    return realFetch(input, init).then(function (res) {
      if (res.status === 401 && s) { window.localStorage.removeItem(KEY); show('Your sign-in was refused (expired?): sign in again.'); }
      if ((res.headers.get('content-type') || '').indexOf('json') >= 0) {
        res.clone().json().then(function (body) { keep(body && body.data && body.data.login); }, function () {});
      }
      return res;
    });
  };
  window.channelgraphSignIn = function (email, password) {
    window.localStorage.removeItem(KEY);
    return realFetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation Login($input: LoginInput!) { login(input: $input) { token viewer { user { email } account { name } roles } userErrors { message } } }',
        variables: { input: { email: email, password: password } },
      }),
    }).then(function (res) { return res.json(); }).then(function (body) {
      var login = body && body.data && body.data.login;
      if (login && login.token) { keep(login); return null; }
      var message = (login && login.userErrors && login.userErrors[0] && login.userErrors[0].message) || (body.errors && body.errors[0] && body.errors[0].message) || 'Sign-in failed';
      show(message);
      return message;
    });
  };
  window.channelgraphSignOut = function () { window.localStorage.removeItem(KEY); show(); };
  window.addEventListener('DOMContentLoaded', function () {
    var form = window.document.getElementById('cg-form');
    if (form) form.addEventListener('submit', function (e) {
      e.preventDefault();
      window.channelgraphSignIn(form.elements.email.value, form.elements.password.value);
    });
    var out = window.document.getElementById('cg-signout');
    if (out) out.addEventListener('click', function () { window.channelgraphSignOut(); });
    show();
  });
})();
`;

function signInBar(demo: boolean, logins: string[]): string {
  const options = logins.map((e) => `<option value="${e}"></option>`).join('');
  const hint = demo ? `<span class="cg-hint">demo password <code>${DEMO_PASSWORD}</code></span>` : '';
  return `<div id="cg-bar">
  <form id="cg-form" data-signed-in="no" autocomplete="on">
    <strong>channelgraph</strong>
    <input name="email" type="email" list="cg-logins" placeholder="email" required size="32" value="${demo ? (logins[0] ?? '') : ''}">
    <datalist id="cg-logins">${options}</datalist>
    <input name="password" type="password" placeholder="password" required size="18" value="${demo ? DEMO_PASSWORD : ''}">
    <button type="submit">Sign in</button>
    <button type="button" id="cg-signout">Sign out</button>
    <span id="cg-who"></span>
    ${hint}
  </form>
</div>
<style>
  #cg-bar { height: 40px; box-sizing: border-box; padding: 6px 12px; font: 13px system-ui, sans-serif; background: #0a2540; color: #fff; }
  #cg-bar form { display: flex; gap: 8px; align-items: center; margin: 0; }
  #cg-bar input { padding: 3px 6px; }
  #cg-bar .cg-hint { opacity: .7; margin-left: auto; }
  #cg-who { opacity: .9; }
  body { margin: 0; overflow: hidden; }
  #root { height: calc(100vh - 40px) !important; }
</style>
<script>${SIGN_IN_SCRIPT}</script>`;
}

let page: Promise<StaticPage> | null = null;

/**
 * GraphiQL with every asset inlined (no CDN), rendered once and kept gzipped.
 * The renderer is a 9 MB bundle (some 80 MB of resident memory once loaded):
 * it is imported on the first visit, not when the server starts. `demo` puts
 * the demo logins and password in the sign-in bar (not in production).
 */
export function graphiqlPage(demo = false): Promise<StaticPage> {
  page ??= render({ demo, logins: demo ? demoUsers.map((u) => u.email) : [] }).catch((e) => {
    page = null;
    throw e;
  });
  return page;
}

async function render(options: { demo: boolean; logins: string[] }): Promise<StaticPage> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const tabs = defaultTabs();
  const rendered = renderGraphiQL({
    endpoint: '/graphql',
    title: 'channelgraph GraphiQL',
    defaultTabs: tabs,
    // The editor of the first tab opens with these (GraphiQL applies a tab's own variables when it is switched to).
    variables: tabs[0].variables,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
  } as Parameters<typeof renderGraphiQL>[0]);
  if (!rendered.includes('<div id="root"></div>'))
    throw new Error('GraphiQL page: the root element moved; the sign-in bar has nowhere to go');
  const html = Buffer.from(
    rendered.replace('<div id="root"></div>', `${signInBar(options.demo, options.logins)}\n<div id="root"></div>`),
  );
  return {
    html,
    gzipped: gzipSync(html, { level: 9 }),
    etag: `"${createHash('sha1').update(html).digest('base64url')}"`,
  };
}
