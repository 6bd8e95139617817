import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { SignJWT } from 'jose';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, PASSWORD, type World } from './support/world.js';
import { loadConfig } from '../src/config.js';

/** Issue 11, items 3 (GraphiQL and introspection, where production listens), 6 (login throttling) and 12 (tokens, headers). */
let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
});
afterAll(() => app?.close());

/** A login sent from a given loopback address (the whole of 127.0.0.0/8 is this machine). */
function loginFrom(
  from: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ token: string | null; code: string | null; message: string | null }> {
  const url = new URL(app.url);
  const body = JSON.stringify({
    query: 'mutation($i: LoginInput!) { login(input: $i) { token userErrors { code message } } }',
    variables: { i: { email, password } },
  });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = '';
        res
          .on('data', (c) => (text += c))
          .on('end', () => {
            const login = JSON.parse(text).data.login;
            resolve({
              token: login.token,
              code: login.userErrors[0]?.code ?? null,
              message: login.userErrors[0]?.message ?? null,
            });
          });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('login throttling without locking the owner out (item 6)', () => {
  it("an attacker's failures from one source slow that source only; the owner signs in from another", async () => {
    app.clock.set(new Date('2026-12-01T10:00:00Z'));
    try {
      const email = w.email('BRAND', 'ADMIN'); // a published address, as admin@qingyuan.example is
      const answers: (string | null)[] = [];
      for (let i = 0; i < 30; i++) answers.push((await loginFrom('127.0.0.2', email, `guess-${i}-abc`)).code);
      const free = app.config.loginThrottle.freeFailures;
      expect(answers.slice(0, free)).toEqual(Array(free).fill('INVALID_CREDENTIALS'));
      expect(answers.slice(free)).toEqual(Array(30 - free).fill('TOO_MANY_ATTEMPTS'));
      // Even the right password from the attacker's source waits its turn...
      expect((await loginFrom('127.0.0.2', email, PASSWORD)).code).toBe('TOO_MANY_ATTEMPTS');
      // ...while the owner, elsewhere, is not slowed at all.
      const owner = await loginFrom('127.0.0.1', email, PASSWORD);
      expect(owner.code).toBeNull();
      expect(owner.token).toBeTruthy();
    } finally {
      app.clock.set(null);
    }
  });

  it('the delay doubles with each further failure, up to the maximum, and a success clears it', async () => {
    const email = w.email('D1', 'BUYER');
    const free = app.config.loginThrottle.freeFailures;
    let now = new Date('2026-12-02T10:00:00Z').getTime();
    app.clock.set(new Date(now));
    try {
      for (let i = 0; i < free; i++)
        expect((await loginFrom('127.0.0.3', email, 'wrong-pass-1')).code).toBe('INVALID_CREDENTIALS');
      const waits: number[] = [];
      for (let i = 0; i < 8; i++) {
        const refused = await loginFrom('127.0.0.3', email, 'wrong-pass-1');
        expect(refused.code).toBe('TOO_MANY_ATTEMPTS');
        const wait = Number(/in (\d+) seconds/.exec(refused.message!)![1]);
        waits.push(wait);
        now += wait * 1000;
        app.clock.set(new Date(now));
        expect((await loginFrom('127.0.0.3', email, 'wrong-pass-1')).code).toBe('INVALID_CREDENTIALS');
      }
      expect(waits).toEqual(
        [1, 2, 4, 8, 16, 32, 60, 60].map((s) => Math.min(s, app.config.loginThrottle.maxDelaySeconds)),
      );
      now += 60_000;
      app.clock.set(new Date(now));
      expect((await loginFrom('127.0.0.3', email, PASSWORD)).token).toBeTruthy();
      expect((await loginFrom('127.0.0.3', email, 'wrong-pass-1')).code).toBe('INVALID_CREDENTIALS');
    } finally {
      app.clock.set(null);
    }
  });

  it('a forged X-Forwarded-For does not give the attacker fresh sources unless TRUST_PROXY is set', async () => {
    app.clock.set(new Date('2026-12-03T10:00:00Z'));
    try {
      const email = w.email('D1', 'FINANCE');
      const answers: (string | null)[] = [];
      for (let i = 0; i < 12; i++)
        answers.push(
          (await loginFrom('127.0.0.4', email, `guess-${i}-abc`, { 'x-forwarded-for': `10.0.0.${i}` })).code,
        );
      expect(answers.filter((c) => c === 'INVALID_CREDENTIALS').length).toBe(app.config.loginThrottle.freeFailures);
    } finally {
      app.clock.set(null);
    }
  });
});

describe('tokens (item 12)', () => {
  const secret = () => new TextEncoder().encode(app.config.jwtSecret);
  const viewerWith = async (token: string) => app.raw('{ viewer { roles } }', {}, token);

  it('a token without exp, though signed with the right secret, is refused', async () => {
    const userId = String(w.user('BRAND', 'ADMIN').id);
    const forever = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('channelgraph')
      .setIssuedAt()
      .sign(secret());
    const res = await viewerWith(forever);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data?.viewer ?? null).toBeNull();
    const expiring = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('channelgraph')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret());
    expect((await viewerWith(expiring)).data.viewer.roles).toEqual(['ADMIN']);
  });
});

describe('security headers (item 12)', () => {
  const base = () => app.url.replace(/\/graphql$/, '');

  it.each(['/graphql', '/healthz', '/nope'])(
    '%s sends nosniff, no referrer, no framing and a locked-down CSP',
    async (path) => {
      const res =
        path === '/graphql'
          ? await fetch(app.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{"query":"{ viewer { roles } }"}',
            })
          : await fetch(`${base()}${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    },
  );

  it('GraphiQL gets a CSP that allows only its own inline scripts (by hash) and this origin', async () => {
    const res = await fetch(`${base()}/graphiql`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('GraphiQL and introspection follow one setting (item 3)', () => {
  const graphiql = (t: TestApp) => fetch(t.url.replace(/\/graphql$/, '/graphiql'));

  it('on in development: GraphiQL is served and its introspection query passes the limits', async () => {
    expect((await graphiql(app)).status).toBe(200);
    const intro = await app.raw(
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    );
    expect(intro.errors).toBeUndefined();
    expect(intro.data.__schema.queryType.name).toBe('Query');
  });

  it.each([
    ['production', { NODE_ENV: 'production' }, false],
    ['INTROSPECTION=false', { INTROSPECTION: 'false' }, false],
    ['production with INTROSPECTION=true', { NODE_ENV: 'production', INTROSPECTION: 'true' }, true],
  ] as [string, Record<string, string>, boolean][])('%s: both %s', async (_what, env, on) => {
    const other = await startTestApp(env);
    try {
      expect((await graphiql(other)).status).toBe(on ? 200 : 404);
      const intro = await other.raw('{ __schema { queryType { name } } }');
      expect(intro.errors === undefined).toBe(on);
    } finally {
      await other.close();
    }
  });
});

describe('where the server listens (item 3)', () => {
  it('on the loopback interface unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'production' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
