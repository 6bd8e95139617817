import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from './support/app.js';
import { buildWorld, PASSWORD, type World, type WorldKey } from './support/world.js';
import {
  ChangePasswordDocument,
  LoginDocument,
  SetUserPasswordDocument,
  UpdateUserDocument,
  ViewerDocument,
} from './generated/graphql.js';
import { toGlobalId } from '../src/graphql/ids.js';
import { auditEntries } from '../src/modules/audit/tables.js';
import type { Role } from '../src/modules/users/tables.js';

let app: TestApp;
let w: World;

beforeAll(async () => {
  app = await startTestApp();
  w = await buildWorld(app);
});
afterAll(() => app?.close());

const userId = (key: WorldKey, role: Role) => toGlobalId('User', w.user(key, role).id);
const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const login = (key: WorldKey, role: Role, password = PASSWORD) =>
  app.gql(LoginDocument, { input: { email: w.email(key, role), password } });
const setPassword = async (as: [WorldKey, Role], target: [WorldKey, Role], password: string) =>
  app.gql(SetUserPasswordDocument, { input: { id: userId(...target), password } }, await w.token(...as));
const entriesOf = (action: string, subjectId: number) =>
  app.database.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.action, action), eq(auditEntries.subjectId, subjectId)));

describe('who manages whose users (setUserPassword, updateUser)', () => {
  it('refuses the brand a retailer’s password, an agent its distributor’s, and anyone outside the subtree', async () => {
    const cases: [[WorldKey, Role], [WorldKey, Role]][] = [
      [
        ['BRAND', 'ADMIN'],
        ['R1a', 'BUYER'],
      ], // above the retailer's seller: V4 hides its people
      [
        ['S', 'ADMIN'],
        ['D1', 'BUYER'],
      ], // a selling child's own ADMINs manage its users
      [
        ['S', 'ADMIN'],
        ['R1a', 'BUYER'],
      ], // not the retailer's direct seller
      [
        ['D2', 'ADMIN'],
        ['R1a', 'BUYER'],
      ], // a sibling's retailer
      [
        ['R1a', 'ADMIN'],
        ['D1', 'ADMIN'],
      ], // upwards
      [
        ['D1', 'FINANCE'],
        ['D1', 'BUYER'],
      ], // not an ADMIN
    ];
    for (const [as, target] of cases) {
      const r = await setPassword(as, target, 'brand-new-pass-2027');
      expect(codeOf(r), `${as.join(' ')} → ${target.join(' ')}`).toBe('FORBIDDEN');
      const u = await app.gql(
        UpdateUserDocument,
        { input: { id: userId(...target), roles: ['ADMIN'] } },
        await w.token(...as),
      );
      expect(codeOf(u), `updateUser ${as.join(' ')} → ${target.join(' ')}`).toBe('FORBIDDEN');
    }
    // Nothing changed: every one of them still signs in with the old password.
    for (const [, target] of cases) expect((await login(...target)).data!.login.token, target.join(' ')).toBeTruthy();
  });

  it("lets a retailer's seller reset its password: the user is signed out everywhere, the audit entry holds no secret", async () => {
    const oldToken = (await login('R1b', 'BUYER')).data!.login.token!;
    const weak = await setPassword(['D1', 'ADMIN'], ['R1b', 'BUYER'], 'short1');
    expect(weak.data!.setUserPassword.userErrors.map((e) => e.code)).toEqual(['WEAK_PASSWORD']);
    const r = await setPassword(['D1', 'ADMIN'], ['R1b', 'BUYER'], 'support-reset-2027');
    expect(r.data!.setUserPassword.userErrors).toEqual([]);
    const refused = await app.gql(ViewerDocument, {}, oldToken);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0].message).toMatch(/sign in again/);
    expect((await login('R1b', 'BUYER')).data!.login.userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS']);
    expect((await login('R1b', 'BUYER', 'support-reset-2027')).data!.login.token).toBeTruthy();
    const [entry] = await entriesOf('user.passwordReset', w.user('R1b', 'BUYER').id);
    expect(entry.actorUserId).toBe(w.user('D1', 'ADMIN').id);
    expect(JSON.stringify(entry.changes)).not.toMatch(/support-reset-2027|scrypt|password_hash|passwordHash/);
  });

  it('lets an ADMIN reset a colleague’s password, never its own (changePassword asks for the current one)', async () => {
    expect(
      (await setPassword(['D1', 'ADMIN'], ['D1', 'ANALYST'], 'colleague-pass-2027')).data!.setUserPassword.userErrors,
    ).toEqual([]);
    expect((await login('D1', 'ANALYST', 'colleague-pass-2027')).data!.login.token).toBeTruthy();
    expect(codeOf(await setPassword(['D1', 'ADMIN'], ['D1', 'ADMIN'], 'my-own-pass-2027'))).toBe('FORBIDDEN');
  });
});

describe('changePassword', () => {
  it('checks the current password, then signs the user out of every other session and hands this one a new token', async () => {
    const first = (await login('D2', 'BUYER')).data!.login.token!;
    const second = (await login('D2', 'BUYER')).data!.login.token!;
    const wrong = await app.gql(
      ChangePasswordDocument,
      { input: { currentPassword: 'not-it-0000', newPassword: 'changed-pass-2027' } },
      first,
    );
    expect(wrong.data!.changePassword.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_CREDENTIALS', ['currentPassword']],
    ]);
    const same = await app.gql(
      ChangePasswordDocument,
      { input: { currentPassword: PASSWORD, newPassword: PASSWORD } },
      first,
    );
    expect(same.data!.changePassword.userErrors.map((e) => e.code)).toEqual(['WEAK_PASSWORD']);
    // Nothing changed so far: both sessions are alive.
    expect((await app.gql(ViewerDocument, {}, second)).data!.viewer).toBeTruthy();

    const ok = await app.gql(
      ChangePasswordDocument,
      { input: { currentPassword: PASSWORD, newPassword: 'changed-pass-2027' } },
      first,
    );
    expect(ok.data!.changePassword.userErrors).toEqual([]);
    const fresh = ok.data!.changePassword.token!;
    expect(fresh).toBeTruthy();
    for (const old of [first, second]) expect(codeOf(await app.gql(ViewerDocument, {}, old))).toBe('UNAUTHENTICATED');
    expect((await app.gql(ViewerDocument, {}, fresh)).data!.viewer!.user.id).toBe(userId('D2', 'BUYER'));
    expect((await login('D2', 'BUYER', 'changed-pass-2027')).data!.login.token).toBeTruthy();
    expect(await entriesOf('user.passwordChange', w.user('D2', 'BUYER').id)).toHaveLength(1);
  });
});

describe('updateUser', () => {
  it('changes roles at once (the next request runs with them) and audits them', async () => {
    const token = (await login('D1', 'BUYER')).data!.login.token!;
    const r = await app.gql(
      UpdateUserDocument,
      { input: { id: userId('D1', 'BUYER'), roles: ['BUYER', 'FINANCE'], name: 'D1 buyer and finance' } },
      await w.token('D1', 'ADMIN'),
    );
    expect(r.data!.updateUser.userErrors).toEqual([]);
    expect(r.data!.updateUser.user).toMatchObject({
      roles: ['BUYER', 'FINANCE'],
      active: true,
      name: 'D1 buyer and finance',
    });
    expect((await app.gql(ViewerDocument, {}, token)).data!.viewer!.roles).toEqual(['BUYER', 'FINANCE']);
    const [entry] = await entriesOf('user.update', w.user('D1', 'BUYER').id);
    expect(entry.changes).toEqual({
      before: { name: 'D1 BUYER', roles: ['BUYER'] },
      after: { name: 'D1 buyer and finance', roles: ['BUYER', 'FINANCE'] },
    });
  });

  it('deactivates a user: its tokens and sign-ins are refused; reactivated, it signs in again but old tokens stay dead', async () => {
    const token = (await login('D1', 'SERVICE')).data!.login.token!;
    const off = await app.gql(
      UpdateUserDocument,
      { input: { id: userId('D1', 'SERVICE'), active: false } },
      await w.token('D1', 'ADMIN'),
    );
    expect(off.data!.updateUser.user!.active).toBe(false);
    expect(codeOf(await app.gql(ViewerDocument, {}, token))).toBe('UNAUTHENTICATED');
    expect((await login('D1', 'SERVICE')).data!.login.userErrors.map((e) => e.code)).toEqual(['USER_DEACTIVATED']);
    await app.gql(
      UpdateUserDocument,
      { input: { id: userId('D1', 'SERVICE'), active: true } },
      await w.token('D1', 'ADMIN'),
    );
    expect((await login('D1', 'SERVICE')).data!.login.token).toBeTruthy();
    expect(codeOf(await app.gql(ViewerDocument, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('keeps an active ADMIN on every account (LAST_ADMIN)', async () => {
    const own = await app.gql(
      UpdateUserDocument,
      { input: { id: userId('R1a', 'ADMIN'), roles: ['BUYER'] } },
      await w.token('R1a', 'ADMIN'),
    );
    expect(own.data!.updateUser.userErrors.map((e) => e.code)).toEqual(['LAST_ADMIN']);
    const bySeller = await app.gql(
      UpdateUserDocument,
      { input: { id: userId('R1a', 'ADMIN'), active: false } },
      await w.token('D1', 'ADMIN'),
    );
    expect(bySeller.data!.updateUser.userErrors.map((e) => e.code)).toEqual(['LAST_ADMIN']);
    expect(bySeller.data!.updateUser.user).toMatchObject({ active: true, roles: ['ADMIN'] });
    // With a second ADMIN (the retailer's seller may make one: it manages a retailer's users), the first may step down.
    const promoted = await app.gql(
      UpdateUserDocument,
      { input: { id: userId('R1a', 'FINANCE'), roles: ['ADMIN', 'FINANCE'] } },
      await w.token('D1', 'ADMIN'),
    );
    expect(promoted.data!.updateUser.userErrors).toEqual([]);
    const stepDown = await app.gql(
      UpdateUserDocument,
      { input: { id: userId('R1a', 'ADMIN'), roles: ['BUYER'] } },
      await w.token('R1a', 'ADMIN'),
    );
    expect(stepDown.data!.updateUser.userErrors).toEqual([]);
  });
});

describe('token versions', () => {
  it('cost no statement beyond the one that loads the viewer', async () => {
    const r = await app.raw('{ viewer { user { id } roles } }', {}, await w.token('E', 'ADMIN'));
    expect(r.data.viewer.roles).toEqual(['ADMIN']);
    expect(r.statements).toBe(1);
  });
});
