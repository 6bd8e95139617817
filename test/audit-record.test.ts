import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, type World } from './support/world.js';
import { auditEntries } from '../src/modules/audit/tables.js';
import { recordAudit, withoutSecrets } from '../src/modules/audit/record.js';

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app);
});
afterAll(() => app?.close());

describe('the audit log store', () => {
  it('commits with the change and rolls back with it', async () => {
    const account = world.account('D1');
    await app.database.db.transaction((tx) =>
      recordAudit(
        tx,
        { userId: world.user('D1', 'ADMIN').id },
        { account, action: 'test.kept', before: { name: 'a' }, after: { name: 'b' } },
      ),
    );
    await app.database.db
      .transaction(async (tx) => {
        await recordAudit(tx, { userId: world.user('D1', 'ADMIN').id }, { account, action: 'test.rolledBack' });
        throw new Error('abort');
      })
      .catch(() => undefined);
    const rows = await app.database.db.select().from(auditEntries).where(eq(auditEntries.accountId, account.id));
    expect(rows.map((r) => r.action)).toEqual(['test.kept']);
    expect(rows[0]).toMatchObject({
      actorUserId: world.user('D1', 'ADMIN').id,
      actorApiKeyId: null,
      accountPath: account.path,
      changes: { before: { name: 'a' }, after: { name: 'b' } },
    });
  });

  it('names the API key, not its creator, as the actor of a change made with a key', async () => {
    const account = world.account('D2');
    await app.database.db.transaction((tx) =>
      recordAudit(tx, { userId: world.user('D2', 'ADMIN').id, apiKeyId: 77 }, { account, action: 'test.byKey' }),
    );
    const [row] = await app.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'test.byKey'));
    expect(row).toMatchObject({ actorUserId: null, actorApiKeyId: 77 });
  });

  it('refuses UPDATE and DELETE (append-only, enforced by the database)', async () => {
    const refusal = (q: ReturnType<typeof sql>) =>
      app.database.db.execute(q).then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(sql`update audit_entries set action = 'rewritten'`)).toMatch(/append-only/);
    expect(await refusal(sql`delete from audit_entries`)).toMatch(/append-only/);
    const rows = await app.database.db.select().from(auditEntries).where(eq(auditEntries.action, 'rewritten'));
    expect(rows).toEqual([]);
  });

  it('never stores secrets or hashes, at any depth', () => {
    const clean = withoutSecrets({
      before: { name: 'x', passwordHash: 'scrypt$…', nested: [{ secret: 'whsec_abc', keyHash: 'ff', token: 't' }] },
      after: { name: 'y', password: 'p', roles: ['ADMIN'], at: new Date('2026-01-02T03:04:05Z') },
    });
    expect(JSON.stringify(clean)).not.toMatch(/scrypt|whsec_abc|"ff"|"t"|"p"/);
    expect(clean).toEqual({
      before: {
        name: 'x',
        passwordHash: '[redacted]',
        nested: [{ secret: '[redacted]', keyHash: '[redacted]', token: '[redacted]' }],
      },
      after: { name: 'y', password: '[redacted]', roles: ['ADMIN'], at: '2026-01-02T03:04:05.000Z' },
    });
  });
});
