import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/auth/password.js';
import { toGlobalId } from '../../src/graphql/ids.js';
import { accounts, portals, type AccountRow, type Tier } from '../../src/modules/accounts/tables.js';
import { users, type Role, type UserRow } from '../../src/modules/users/tables.js';
import { issueKey } from '../../src/modules/apikeys/service.js';
import type { TestApp } from './app.js';

export const PASSWORD = 'world-pass-2026';

interface Spec {
  key: string;
  parent: string | null;
  tier: Tier;
  territory: string[];
  region: string;
  roles: Role[];
  creditLimit?: bigint;
}

/**
 * The channel the tests reason about:
 *
 *   BRAND ── S (agent, 440000 450000) ── D1 (Shenzhen 440300) ── R1a (Futian), R1b (Nanshan)
 *        │                          └── D2 (Guangzhou 440100) ── R2 (Tianhe)
 *        └── E (agent, 310000) ───────── D3 (Shanghai 310104 310115) ── R3 (Xuhui)
 *
 * Every account has users with the roles listed; `token(key, role)` signs in as one.
 */
const SPECS: Spec[] = [
  {
    key: 'BRAND',
    parent: null,
    tier: 'BRAND',
    territory: ['440000', '450000', '310000'],
    region: '440606',
    roles: ['ADMIN', 'BUYER', 'FINANCE', 'ANALYST'],
  },
  {
    key: 'S',
    parent: 'BRAND',
    tier: 'GENERAL_AGENT',
    territory: ['440000', '450000'],
    region: '440106',
    roles: ['ADMIN', 'BUYER', 'FINANCE'],
    creditLimit: 500_000_000n,
  },
  {
    key: 'E',
    parent: 'BRAND',
    tier: 'GENERAL_AGENT',
    territory: ['310000'],
    region: '310101',
    roles: ['ADMIN', 'BUYER', 'FINANCE'],
    creditLimit: 400_000_000n,
  },
  {
    key: 'D1',
    parent: 'S',
    tier: 'DISTRIBUTOR',
    territory: ['440300'],
    region: '440304',
    roles: ['ADMIN', 'BUYER', 'FINANCE', 'SERVICE', 'ANALYST'],
    creditLimit: 100_000_000n,
  },
  {
    key: 'D2',
    parent: 'S',
    tier: 'DISTRIBUTOR',
    territory: ['440100'],
    region: '440106',
    roles: ['ADMIN', 'BUYER', 'FINANCE'],
    creditLimit: 80_000_000n,
  },
  {
    key: 'D3',
    parent: 'E',
    tier: 'DISTRIBUTOR',
    territory: ['310104', '310115'],
    region: '310104',
    roles: ['ADMIN', 'BUYER', 'FINANCE'],
    creditLimit: 60_000_000n,
  },
  {
    key: 'R1a',
    parent: 'D1',
    tier: 'RETAILER',
    territory: [],
    region: '440304',
    roles: ['ADMIN', 'BUYER', 'FINANCE'],
    creditLimit: 50_000_000n,
  },
  {
    key: 'R1b',
    parent: 'D1',
    tier: 'RETAILER',
    territory: [],
    region: '440305',
    roles: ['BUYER'],
    creditLimit: 3_000_000n,
  },
  {
    key: 'R2',
    parent: 'D2',
    tier: 'RETAILER',
    territory: [],
    region: '440106',
    roles: ['BUYER'],
    creditLimit: 2_000_000n,
  },
  {
    key: 'R3',
    parent: 'D3',
    tier: 'RETAILER',
    territory: [],
    region: '310104',
    roles: ['BUYER'],
    creditLimit: 2_000_000n,
  },
];

export type WorldKey = 'BRAND' | 'S' | 'E' | 'D1' | 'D2' | 'D3' | 'R1a' | 'R1b' | 'R2' | 'R3';
export const WORLD_KEYS = SPECS.map((s) => s.key) as WorldKey[];
/** Every (account, role) pair that has a user in the world. */
export const WORLD_USERS = SPECS.flatMap((s) => s.roles.map((role) => [s.key as WorldKey, role] as const));

/**
 * What `token(key, role)` hands out: a sign-in token of that user, or an API
 * key of the same account with that one role, created by that user. The
 * visibility suites run both ways (test/*-as-api-key.test.ts set
 * WORLD_CREDENTIALS=apiKey before loading a suite): keys go through the same
 * viewer resolution, shield rules and SQL scope as a user's token.
 */
export type Credentials = 'token' | 'apiKey';

export function worldCredentials(): Credentials {
  return process.env.WORLD_CREDENTIALS === 'apiKey' ? 'apiKey' : 'token';
}

export interface World {
  credentials: Credentials;
  account(key: WorldKey): AccountRow;
  /** Global id of an account. */
  id(key: WorldKey): string;
  user(key: WorldKey, role: Role): UserRow;
  email(key: WorldKey, role: Role): string;
  token(key: WorldKey, role: Role): Promise<string>;
  /** Always a sign-in token, whatever `credentials` says (for what only a person does). */
  userToken(key: WorldKey, role: Role): Promise<string>;
  /** Always an API key of that account with that role, made by that user. */
  apiKey(key: WorldKey, role: Role): Promise<string>;
  roles(key: WorldKey): Role[];
  /** The account's seller (its parent), null for the brand. */
  parent(key: WorldKey): WorldKey | null;
}

export async function buildWorld(app: TestApp, options: { credentials?: Credentials } = {}): Promise<World> {
  const db = app.database.db;
  const hash = await hashPassword(PASSWORD, app.config.scryptLogN);
  const placed = new Map<string, AccountRow>();
  const people = new Map<string, UserRow>();
  for (const s of SPECS) {
    const parent = s.parent ? placed.get(s.parent)! : null;
    const [{ id }] = await db
      .insert(accounts)
      .values({ path: [], rootId: 0, name: `${s.key} ${s.tier.toLowerCase()}`, tier: s.tier })
      .returning({ id: accounts.id });
    const [row] = await db
      .update(accounts)
      .set({
        parentId: parent?.id ?? null,
        path: [...(parent?.path ?? []), id],
        rootId: parent?.rootId ?? id,
        code: `W-${s.key}`,
        territory: s.territory,
        addressLine1: `${s.key} street 1`,
        addressCity: 'City',
        addressRegionCode: s.region,
        addressPostalCode: '518000',
        latitude: 22.5,
        longitude: 114.05,
        contactName: `${s.key} contact`,
        contactPhone: '+86 755 0000 0000',
        contactEmail: `contact@${s.key.toLowerCase()}.example`,
        creditLimit: s.creditLimit ?? null,
        servicePhone: s.tier === 'RETAILER' ? null : '+86 400 000 0000',
      })
      .where(eq(accounts.id, id))
      .returning();
    placed.set(s.key, row);
    if (s.tier !== 'RETAILER') {
      await db.insert(portals).values({
        accountId: id,
        slug: `portal-${s.key.toLowerCase()}`,
        displayName: `${s.key} portal`,
        primaryColor: '#0a6ebd',
      });
    }
    for (const role of s.roles) {
      const [u] = await db
        .insert(users)
        .values({
          accountId: id,
          email: `${role.toLowerCase()}@${s.key.toLowerCase()}.example`,
          name: `${s.key} ${role}`,
          passwordHash: hash,
          roles: [role],
        })
        .returning();
      people.set(`${s.key}/${role}`, u);
    }
  }
  const tokens = new Map<string, string>();
  const keys = new Map<string, string>();
  const world: World = {
    credentials: options.credentials ?? worldCredentials(),
    account: (key) => placed.get(key)!,
    id: (key) => toGlobalId('Account', placed.get(key)!.id),
    user: (key, role) => {
      const u = people.get(`${key}/${role}`);
      if (!u) throw new Error(`${key} has no ${role} user`);
      return u;
    },
    email: (key, role) => world.user(key, role).email,
    roles: (key) => SPECS.find((s) => s.key === key)!.roles,
    parent: (key) => (SPECS.find((s) => s.key === key)!.parent as WorldKey | undefined) ?? null,
    async userToken(key, role) {
      const k = `${key}/${role}`;
      if (!tokens.has(k)) tokens.set(k, (await app.tokens.issue(world.user(key, role).id)).token);
      return tokens.get(k)!;
    },
    async apiKey(key, role) {
      const k = `${key}/${role}`;
      if (!keys.has(k)) {
        const issued = await issueKey(db, {
          account: world.account(key),
          creatorId: world.user(key, role).id,
          name: `${key} ${role} key`,
          roles: [role],
        });
        keys.set(k, issued.secret);
      }
      return keys.get(k)!;
    },
    token: (key, role) => (world.credentials === 'apiKey' ? world.apiKey(key, role) : world.userToken(key, role)),
  };
  return world;
}
