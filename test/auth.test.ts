import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from './support/app.js';
import { buildWorld, PASSWORD, type World } from './support/world.js';
import { AccountsDocument, LoginDocument, ViewerDocument } from './generated/graphql.js';
import { createTokens } from '../src/auth/tokens.js';
import { hashPassword, passwordWeakness, verifyPassword } from '../src/auth/password.js';
import { namedOperations } from '../src/http/operations.js';

let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp({ LOGIN_FREE_FAILURES: '3', LOGIN_MAX_DELAY_SECONDS: '60' });
  w = await buildWorld(app);
});
afterAll(() => app?.close());

describe('login', () => {
  it('returns a token that signs the user in, with the viewer and an expiry', async () => {
    const res = await app.gql(LoginDocument, { input: { email: w.email('D1', 'BUYER'), password: PASSWORD } });
    const login = res.data!.login;
    expect(login.userErrors).toEqual([]);
    expect(login.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(login.viewer!.account.id).toBe(w.id('D1'));
    expect(login.viewer!.roles).toEqual(['BUYER']);
    const expires = new Date(login.expiresAt!).getTime();
    expect(expires).toBeGreaterThan(Date.now() + 3600_000);
    const me = await app.gql(ViewerDocument, {}, login.token);
    expect(me.data!.viewer!.user.email).toBe(w.email('D1', 'BUYER'));
    expect(me.data!.viewer!.account.tier).toBe('DISTRIBUTOR');
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const res = await app.gql(LoginDocument, {
      input: { email: `  ${w.email('D2', 'ADMIN').toUpperCase()} `, password: PASSWORD },
    });
    expect(res.data!.login.userErrors).toEqual([]);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await app.gql(LoginDocument, {
      input: { email: w.email('D2', 'BUYER'), password: 'not-the-password-1' },
    });
    const unknown = await app.gql(LoginDocument, { input: { email: 'nobody@nowhere.example', password: PASSWORD } });
    for (const res of [wrong, unknown]) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.login.token).toBeNull();
      expect(res.data!.login.viewer).toBeNull();
      expect(res.data!.login.userErrors).toEqual([
        { code: 'INVALID_CREDENTIALS', message: 'Wrong email or password', field: null },
      ]);
    }
  });

  it('slows repeated failures from a source for an email, even for the right password, and leaves other emails alone', async () => {
    // A fixed clock: the delay after the third failure cannot run out while the test runs.
    app.clock.set(new Date());
    try {
      const email = w.email('D3', 'BUYER');
      for (let i = 0; i < 3; i++) {
        const res = await app.gql(LoginDocument, { input: { email, password: `wrong-password-${i}` } });
        expect(res.data!.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
      }
      const slowed = await app.gql(LoginDocument, { input: { email, password: PASSWORD } });
      expect(slowed.data!.login.token).toBeNull();
      expect(slowed.data!.login.userErrors[0].code).toBe('TOO_MANY_ATTEMPTS');
      const other = await app.gql(LoginDocument, { input: { email: w.email('D3', 'ADMIN'), password: PASSWORD } });
      expect(other.data!.login.token).toBeTruthy();
    } finally {
      app.clock.set(null);
    }
  });

  it('a successful sign-in clears earlier failures', async () => {
    const email = w.email('R3', 'BUYER');
    for (let i = 0; i < 2; i++) await app.gql(LoginDocument, { input: { email, password: 'wrong-password-x' } });
    expect((await app.gql(LoginDocument, { input: { email, password: PASSWORD } })).data!.login.token).toBeTruthy();
    for (let i = 0; i < 2; i++) await app.gql(LoginDocument, { input: { email, password: 'wrong-password-y' } });
    // 2 + 2 failures with a success between: not locked (the limit is 3 in a row).
    expect((await app.gql(LoginDocument, { input: { email, password: PASSWORD } })).data!.login.token).toBeTruthy();
  });
});

describe('credentials on protected fields', () => {
  it('no token: UNAUTHENTICATED on protected fields, viewer is null', async () => {
    expect(codes(await app.gql(AccountsDocument, {}))).toEqual(['UNAUTHENTICATED']);
    const me = await app.gql(ViewerDocument, {});
    expect(me.errors).toBeUndefined();
    expect(me.data!.viewer).toBeNull();
  });

  it('a tampered token is refused', async () => {
    const token = await w.token('D1', 'ADMIN');
    const [h, p, s] = token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: String(w.user('BRAND', 'ADMIN').id) })).toString('base64url')}.${s}`;
    const res = await app.gql(AccountsDocument, {}, tampered);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
  });

  it('a token signed with another secret is refused', async () => {
    const other = createTokens(new TextEncoder().encode('another-secret-entirely-0123456789'), 3600);
    const { token } = await other.issue(w.user('BRAND', 'ADMIN').id);
    expect(codes(await app.gql(AccountsDocument, {}, token))).toEqual(['UNAUTHENTICATED']);
  });

  it('an expired token is refused with a message saying so', async () => {
    const expired = createTokens(new TextEncoder().encode(app.config.jwtSecret), -10);
    const { token } = await expired.issue(w.user('D1', 'ADMIN').id);
    const res = await app.gql(AccountsDocument, {}, token);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.errors![0].message).toMatch(/expired/);
    const me = await app.gql(ViewerDocument, {}, token);
    expect(codes(me)).toEqual(['UNAUTHENTICATED']);
  });

  it('a malformed Authorization header is refused', async () => {
    const res = await app.raw('{ accounts { totalCount } }', {}, null, { authorization: 'Basic Zm9vOmJhcg==' });
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('a token of a user that no longer exists is refused', async () => {
    const { token } = await app.tokens.issue(987654);
    expect(codes(await app.gql(AccountsDocument, {}, token))).toEqual(['UNAUTHENTICATED']);
  });

  it('loads the viewer once per request, whatever the query asks', async () => {
    const token = await w.token('D1', 'ADMIN');
    const small = await app.raw('{ viewer { roles } }', {}, token);
    const big = await app.raw(
      '{ a: viewer { roles user { name } } b: viewer { roles account { name } } c: viewer { roles } }',
      {},
      token,
    );
    // One statement for the viewer; `account` and `user` come from it, not from more queries.
    expect(small.statements).toBe(1);
    expect(big.statements).toBe(1);
  });
});

/**
 * A token that is sent and refused is never treated as anonymous: the whole
 * operation answers UNAUTHENTICATED (HTTP 401), public fields included, so a
 * client knows to sign in again. Sign-in itself still goes through.
 */
describe('a refused token on every operation', () => {
  const refused = async (): Promise<[string, string | null, Record<string, string>][]> => {
    const [h, p, s] = (await w.token('R2', 'BUYER')).split('.');
    const other = createTokens(new TextEncoder().encode('another-secret-entirely-0123456789'), 3600);
    const expired = createTokens(new TextEncoder().encode(app.config.jwtSecret), -10);
    return [
      ['a bad signature', (await other.issue(w.user('R2', 'BUYER').id)).token, {}],
      [
        'a tampered payload',
        `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: String(w.user('BRAND', 'ADMIN').id) })).toString('base64url')}.${s}`,
        {},
      ],
      ['an expired token', (await expired.issue(w.user('R2', 'BUYER').id)).token, {}],
      ['a user that no longer exists', (await app.tokens.issue(987654)).token, {}],
      ['a malformed token', 'not-a-jwt', {}],
      ['a malformed header', null, { authorization: 'Basic Zm9vOmJhcg==' }],
    ];
  };

  it('public fields (variant, products, categories, portal) answer UNAUTHENTICATED with 401, not anonymous data', async () => {
    const anonymous = await app.raw('{ categories { id } }');
    expect(anonymous.errors).toBeUndefined();
    for (const [what, token, headers] of await refused()) {
      for (const query of [
        '{ variant(sku: "NOPE-1") { sku } }',
        '{ products(first: 1) { totalCount } }',
        '{ categories { id } }',
        '{ portal(slug: "x") { slug } }',
        '{ viewer { roles } }',
      ]) {
        const res = await app.raw(query, {}, token, headers);
        expect(codes(res), `${what}: ${query}`).toEqual(['UNAUTHENTICATED']);
        expect(res.status, `${what}: ${query}`).toBe(401);
        expect(res.data ?? null).toBeNull();
      }
    }
  });

  it('every named operation of schema/operations answers UNAUTHENTICATED, except signing in', async () => {
    const operations = namedOperations();
    expect(operations.length).toBeGreaterThan(40);
    const [, token] = (await refused())[2];
    for (const op of operations) {
      const text = op.document;
      const res = await app.raw(text, {}, token);
      if (op.name === 'Login') continue;
      expect(codes(res), op.name).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('signing in goes through with a refused token still in the header', async () => {
    const res = await app.gql(
      LoginDocument,
      { input: { email: w.email('R2', 'BUYER'), password: PASSWORD } },
      'not-a-jwt',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.token).toBeTruthy();
    expect(res.data!.login.viewer!.account.id).toBe(w.id('R2'));
  });
});

describe('passwords', () => {
  it('are hashed with scrypt, salted, and verified', async () => {
    const a = await hashPassword('correct horse 42', 10);
    const b = await hashPassword('correct horse 42', 10);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse 42', a)).toBe(true);
    expect(await verifyPassword('correct horse 43', a)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
  });

  it.each([
    ['short1', 'at least 10'],
    ['onlyletterslong', 'letters and digits'],
    ['1234567890', 'letters and digits'],
    ['password123', 'too easy'],
    ['alice-2026-x', 'too easy'],
  ])('%s is weak (%s)', (pw, why) => {
    expect(passwordWeakness(pw, 'alice@example.com')).toMatch(new RegExp(why));
  });

  it('a strong password passes', () => {
    expect(passwordWeakness('tide-lantern-77', 'alice@example.com')).toBeNull();
  });
});
