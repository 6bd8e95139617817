import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startTestApp, type TestApp } from './support/app.js';
import { loadConfig } from '../src/config.js';
import { seedIfEmpty } from '../src/runtime.js';
import { seedPlan } from '../src/seed/policy.js';
import { DEMO_PASSWORD } from '../src/seed/demo-data.js';

/** Issue 11, item 3: production never gets the demo (or the demo's admin password) by accident. */
let app: TestApp;

beforeAll(async () => {
  // A migrated, empty database; nothing is seeded into it until a test does.
  app = await startTestApp();
});
afterAll(() => app?.close());

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

const count = async (table: 'users' | 'accounts') =>
  (await app.database.sql.unsafe(`select count(*)::int as n from ${table}`))[0].n as number;

describe('what an empty database gets', () => {
  it('development: the demo unless SEED_DEMO=false (unchanged)', () => {
    expect(seedPlan(loadConfig({}))).toEqual({ demo: true, warning: null });
    expect(seedPlan(loadConfig({ SEED_DEMO: 'false' }))).toEqual({ demo: false, warning: null });
  });

  it('production: no demo unless SEED_DEMO=true, and then a loud warning that the passwords are public', () => {
    expect(seedPlan(loadConfig({ NODE_ENV: 'production', ADMIN_PASSWORD: 'a-real-secret-2026' }))).toEqual({
      demo: false,
      warning: null,
    });
    const asked = seedPlan(
      loadConfig({ NODE_ENV: 'production', ADMIN_PASSWORD: 'a-real-secret-2026', SEED_DEMO: 'true' }),
    );
    expect(asked.demo).toBe(true);
    expect(asked.warning).toContain(DEMO_PASSWORD);
    expect(asked.warning).toMatch(/published/);
  });

  it('production: the first admin needs ADMIN_PASSWORD, and not the demo one', () => {
    expect(() => seedPlan(loadConfig({ NODE_ENV: 'production' }))).toThrow(/ADMIN_PASSWORD/);
    expect(() => seedPlan(loadConfig({ NODE_ENV: 'production', ADMIN_PASSWORD: DEMO_PASSWORD }))).toThrow(
      /ADMIN_PASSWORD/,
    );
  });

  it('seedIfEmpty in production without ADMIN_PASSWORD refuses and writes nothing', async () => {
    const { log } = capturingLogger();
    await expect(
      seedIfEmpty(loadConfig({ NODE_ENV: 'production', SCRYPT_LOG_N: '10' }), app.database, log),
    ).rejects.toThrow(/ADMIN_PASSWORD/);
    expect(await count('accounts')).toBe(0);
  });

  it('seedIfEmpty in production with ADMIN_PASSWORD: the brand and its admin only, no demo user', async () => {
    const { log, lines } = capturingLogger();
    const config = loadConfig({
      NODE_ENV: 'production',
      SCRYPT_LOG_N: '10',
      ADMIN_PASSWORD: 'a-real-secret-2026',
      ADMIN_EMAIL: 'owner@brand.example',
    });
    expect(await seedIfEmpty(config, app.database, log)).toBe(true);
    expect(await count('accounts')).toBe(1);
    expect(await count('users')).toBe(1);
    const [admin] = await app.database.sql`select email from users`;
    expect(admin.email).toBe('owner@brand.example');
    expect(lines.some((l) => l.level >= 40)).toBe(false);
    // The admin signs in with the operator's password, not the published one.
    const bad = await app.raw(
      'mutation { login(input: { email: "owner@brand.example", password: "channel-demo-2026" }) { token } }',
    );
    expect(bad.data.login.token).toBeNull();
    const good = await app.raw(
      'mutation { login(input: { email: "owner@brand.example", password: "a-real-secret-2026" }) { token } }',
    );
    expect(good.data.login.token).toBeTruthy();
  });
});
