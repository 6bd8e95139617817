import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { hashPassword } from '../auth/password.js';
import { toMinor } from '../lib/money.js';
import { accounts, featureFlags, portals } from '../modules/accounts/tables.js';
import { users } from '../modules/users/tables.js';
import { DEMO_PASSWORD, demoAccounts, demoUsers, type DemoAccount } from './demo-data.js';
import { seedCatalog } from './catalog.js';
import { seedWarehousesAndOrders } from './orders.js';
import { seedTickets } from './tickets.js';
import { seedFinance } from './finance.js';

export async function isEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(accounts);
  return n === 0;
}

/** Hashes in small parallel batches: scrypt runs on libuv's thread pool. */
async function hashAll(passwords: string[], logN: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < passwords.length; i += 8) {
    out.push(...(await Promise.all(passwords.slice(i, i + 8).map((p) => hashPassword(p, logN)))));
  }
  return out;
}

function accountValues(a: DemoAccount, id: number, parent: { path: number[]; rootId: number } | null) {
  return {
    id,
    parentId: parent ? parent.path.at(-1)! : null,
    path: [...(parent?.path ?? []), id],
    rootId: parent?.rootId ?? id,
    name: a.name,
    tier: a.tier,
    code: a.code,
    territory: a.territory,
    addressLine1: a.address.line1,
    addressCity: a.address.city,
    addressRegionCode: a.address.regionCode,
    addressPostalCode: a.address.postalCode,
    latitude: a.address.latitude,
    longitude: a.address.longitude,
    contactName: a.contact.name,
    contactPhone: a.contact.phone,
    contactEmail: a.contact.email,
    creditLimit: a.creditLimit === null ? null : toMinor(a.creditLimit),
    servicePhone: a.servicePhone,
  };
}

export interface SeedOptions {
  adminEmail: string;
  adminPassword: string;
  scryptLogN: number;
  /** false: only the brand and its first admin. */
  demo: boolean;
  /** How many historical orders the demo gets (default 20,000). */
  orders?: number;
}

/**
 * Fills an empty database: the brand with its first admin and, unless turned
 * off, the demo channel (agents, distributors, retailers, users, portals,
 * feature flags). Deterministic: the same data, in the same order, every time.
 */
export async function seed(db: Db, options: SeedOptions): Promise<Record<string, number>> {
  const chosen = options.demo ? demoAccounts : demoAccounts.filter((a) => a.parentKey === null);
  const keys = new Set(chosen.map((a) => a.key));
  const people = options.demo ? demoUsers.filter((u) => keys.has(u.accountKey) && u.email !== options.adminEmail) : [];
  const hashes = await hashAll([options.adminPassword, ...people.map(() => DEMO_PASSWORD)], options.scryptLogN);

  return db.transaction(async (tx) => {
    const placed = new Map<string, { id: number; path: number[]; rootId: number }>();
    let nextId = 1;
    for (const a of chosen) {
      const parent = a.parentKey ? placed.get(a.parentKey)! : null;
      const [row] = await tx.insert(accounts).values(accountValues(a, nextId++, parent)).returning();
      placed.set(a.key, { id: row.id, path: row.path, rootId: row.rootId });
      if (a.portal) await tx.insert(portals).values({ accountId: row.id, ...a.portal });
    }
    // Explicit ids were used: move the sequence past them.
    await tx.execute(sql`select setval(pg_get_serial_sequence('accounts', 'id'), ${nextId - 1})`);
    const brand = placed.get(chosen[0].key)!;
    await tx.insert(users).values([
      { accountId: brand.id, email: options.adminEmail.toLowerCase(), name: demoUsers.find((u) => u.email === options.adminEmail)?.name ?? 'Brand administrator', passwordHash: hashes[0], roles: ['ADMIN'] },
      ...people.map((u, i) => ({ accountId: placed.get(u.accountKey)!.id, email: u.email, name: u.name, passwordHash: hashes[i + 1], roles: u.roles })),
    ]);
    if (options.demo) {
      await tx.insert(featureFlags).values([
        { key: 'online-ordering', description: 'Ordering in the portal', everyone: true },
        { key: 'rebate-pilot', description: 'Rebate statements, piloted in South China', accountIds: [placed.get('agent-south')!.id] },
        { key: 'same-day-install', description: 'Same-day installation booking in Shenzhen', regionCodes: ['440300'] },
        { key: 'distributor-analytics', description: 'Analytics dashboards for distributors', tiers: ['DISTRIBUTOR'] },
      ]);
      const ids = new Map([...placed].map(([k, v]) => [k, v.id]));
      const catalog = await seedCatalog(tx, ids);
      const history = await seedWarehousesAndOrders(tx, ids, { orders: options.orders });
      const service = await seedTickets(tx);
      const money = await seedFinance(tx);
      return { accounts: chosen.length, users: people.length + 1, ...catalog, ...history, ...service, ...money };
    }
    return { accounts: chosen.length, users: people.length + 1 };
  });
}
