import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, validate } from 'graphql';
import { startTestApp, type TestApp } from './support/app.js';
import { buildBaseSchema } from '../src/graphql/schema.js';
import { namedOperations } from '../src/http/operations.js';
import { defaultTabs, SIGN_IN_SCRIPT, TOUR } from '../src/http/graphiql.js';

/**
 * GraphiQL opens with the named operations of schema/operations ready to run,
 * and signs in from a bar above it (the token kept in the browser and sent
 * with every request), all from local assets.
 */
let app: TestApp;
const base = () => app.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('GraphiQL', () => {
  it('opens with a tour (sign-in, catalog with prices, placing an order, tracking it) and every named operation', async () => {
    expect(TOUR.map((t) => t.operation)).toEqual(
      expect.arrayContaining(['Login', 'CatalogPage', 'PlaceOrder', 'OrderTracking']),
    );
    const html = await (await fetch(`${base()}/graphiql`)).text();
    for (const op of namedOperations()) expect(html, op.name).toContain(`${op.kind} ${op.name}`);
    expect(html).toContain('id="cg-form"');
    expect(html).toContain('buyer@ret-shenzhen-futian-1.example'); // demo logins offered outside production
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//i);
  });

  it('every tab is valid against the schema, with variables of the right types', () => {
    const schema = buildBaseSchema();
    const tabs = defaultTabs();
    expect(tabs).toHaveLength(TOUR.length + 1);
    for (const tab of tabs) {
      const doc = parse(tab.query);
      expect(
        validate(schema, doc).map((e) => e.message),
        tab.query.split('\n')[0],
      ).toEqual([]);
      if (tab.variables) expect(() => JSON.parse(tab.variables!)).not.toThrow();
    }
  });
});

/** The browser side of signing in, run here with stand-ins for window, localStorage and the network. */
describe('GraphiQL sign-in script', () => {
  function browser() {
    const storage = new Map<string, string>();
    const sent: { url: string; auth: string | null; body: string }[] = [];
    let next: () => Response = () => Response.json({ data: {} });
    const listeners = new Map<string, () => void>();
    const window: Record<string, unknown> = {
      location: { href: 'http://localhost:4000/graphiql' },
      localStorage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, v),
        removeItem: (k: string) => void storage.delete(k),
      },
      document: { getElementById: () => null },
      addEventListener: (name: string, fn: () => void) => listeners.set(name, fn),
      fetch: async (input: string, init: { headers?: Headers; body?: string } = {}) => {
        sent.push({ url: input, auth: new Headers(init.headers ?? {}).get('authorization'), body: init.body ?? '' });
        return next();
      },
    };
    new Function('window', SIGN_IN_SCRIPT)(window);
    const fetch = window.fetch as (url: string, init?: object) => Promise<Response>;
    return { window, storage, sent, fetch, reply: (r: () => Response) => (next = r) };
  }
  const loginReply = (token: string) => () =>
    Response.json({
      data: {
        login: {
          token,
          viewer: { user: { email: 'buyer@x.example' }, account: { name: 'X' }, roles: ['BUYER'] },
          userErrors: [],
        },
      },
    });

  it('signs in from the bar, then sends the token with every request to /graphql (and only there)', async () => {
    const b = browser();
    await b.fetch('/graphql', { method: 'POST', body: '{}' });
    expect(b.sent[0].auth).toBeNull();
    b.reply(loginReply('tok-1'));
    expect(
      await (b.window.channelgraphSignIn as (e: string, p: string) => Promise<string | null>)('buyer@x.example', 'pw'),
    ).toBeNull();
    expect(JSON.parse(b.sent[1].body).variables).toEqual({ input: { email: 'buyer@x.example', password: 'pw' } });
    b.reply(() => Response.json({ data: {} }));
    await b.fetch('http://localhost:4000/graphql', { method: 'POST', body: '{}' });
    expect(b.sent[2].auth).toBe('Bearer tok-1');
    await b.fetch('/elsewhere', {});
    expect(b.sent[3].auth).toBeNull();
    // A header typed into GraphiQL's own editor wins.
    await b.fetch('/graphql', { headers: { authorization: 'Bearer typed' } });
    expect(b.sent[4].auth).toBe('Bearer typed');
  });

  it('keeps the token of a login run in a tab, and signs out when a token is refused (401)', async () => {
    const b = browser();
    b.reply(loginReply('tok-2'));
    await b.fetch('/graphql', { method: 'POST', body: '{"query":"mutation { login(...) }"}' });
    await new Promise((r) => setTimeout(r, 10)); // the response body is read after it is handed back
    b.reply(() => Response.json({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] }, { status: 401 }));
    await b.fetch('/graphql', {});
    expect(b.sent[1].auth).toBe('Bearer tok-2');
    await b.fetch('/graphql', {});
    expect(b.sent[2].auth).toBeNull();
    expect(b.storage.size).toBe(0);
  });

  it('a failed sign-in says why and keeps no token', async () => {
    const b = browser();
    b.reply(() =>
      Response.json({
        data: { login: { token: null, viewer: null, userErrors: [{ message: 'Wrong email or password' }] } },
      }),
    );
    expect(
      await (b.window.channelgraphSignIn as (e: string, p: string) => Promise<string | null>)('x@x.example', 'bad'),
    ).toBe('Wrong email or password');
    expect(b.storage.size).toBe(0);
  });
});
