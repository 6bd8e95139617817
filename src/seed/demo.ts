import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { hashPassword } from '../auth/password.js';
import { toMinor } from '../lib/money.js';
import { accounts, featureFlags, portals } from '../modules/accounts/tables.js';
import { users } from '../modules/users/tables.js';
import { DEMO_PASSWORD, demoAccounts, demoUsers, type DemoAccount } from './demo-data.js';
import { seedCatalog } from './catalog.js';
import { seedWarehousesAndOrders } from './orders.js';
import { seedTickets } from './tickets.js';
import { seedFinance } from './finance.js';
import { seedAdministration } from './admin.js';
import { rebuildSalesRollup } from '../modules/analytics/rollup.js';

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
 * As a superuser (the embedded server), the seed turns triggers off for its
 * own transaction, as `pg_restore --disable-triggers` does: foreign-key checks
 * were half of PostgreSQL's work in seeding the history, and the data is
 * generated whole (the demo-seed test checks every foreign key afterwards).
 * Any other role seeds with the checks on, only slower.
 */
async function bulkLoadMode(tx: Tx): Promise<void> {
  const [{ superuser }] = await tx.execute<{ superuser: boolean }>(
    sql`select current_setting('is_superuser') = 'on' as superuser`,
  );
  if (superuser) await tx.execute(sql`set local session_replication_role = replica`);
}

/** Told after each stage of seeding, with what it wrote. */
export type SeedProgress = (stage: string, counts: Record<string, number>) => void;

/** Thrown by seed() when another process seeded the database while this one waited for it. */
export class AlreadySeededError extends Error {
  constructor() {
    super('The database was seeded by another process meanwhile');
    this.name = 'AlreadySeededError';
  }
}

/**
 * Fills an empty database: the brand with its first admin and, unless turned
 * off, the demo channel (agents, distributors, retailers, users, portals,
 * feature flags, catalog, history, tickets, money). Deterministic for a given
 * day: the same data, in the same order. Everything goes in one transaction,
 * with a few bulk statements per table.
 */
export async function seed(
  db: Db,
  options: SeedOptions,
  progress: SeedProgress = () => {},
): Promise<Record<string, number>> {
  const chosen = options.demo ? demoAccounts : demoAccounts.filter((a) => a.parentKey === null);
  const keys = new Set(chosen.map((a) => a.key));
  const people = options.demo ? demoUsers.filter((u) => keys.has(u.accountKey) && u.email !== options.adminEmail) : [];
  // Every demo user has the one published demo password: one scrypt hash (one salt) serves them all.
  // At the default cost a hash takes a few hundred milliseconds of CPU; 165 of them were most of a first start.
  const demoHash = people.length ? hashPassword(DEMO_PASSWORD, options.scryptLogN) : null;
  const adminHash =
    options.adminPassword === DEMO_PASSWORD && demoHash
      ? demoHash
      : hashPassword(options.adminPassword, options.scryptLogN);
  const [adminPasswordHash, demoPasswordHash] = await Promise.all([adminHash, demoHash]);

  return db.transaction(async (tx) => {
    // N processes starting at once on an empty database: one seeds, the others wait here and find it done.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('channelgraph.seed'))`);
    if ((await tx.select({ id: accounts.id }).from(accounts).limit(1)).length) throw new AlreadySeededError();
    if (options.demo) await bulkLoadMode(tx);
    // Parents precede their children in the demo data: ids and paths are known before anything is written.
    const placed = new Map<string, { id: number; path: number[]; rootId: number }>();
    const rows = chosen.map((a, i) => {
      const parent = a.parentKey ? placed.get(a.parentKey)! : null;
      const values = accountValues(a, i + 1, parent);
      placed.set(a.key, { id: values.id, path: values.path, rootId: values.rootId });
      return values;
    });
    await tx.insert(accounts).values(rows);
    const portalRows = chosen.filter((a) => a.portal).map((a) => ({ accountId: placed.get(a.key)!.id, ...a.portal! }));
    if (portalRows.length) await tx.insert(portals).values(portalRows);
    // Explicit ids were used: move the sequence past them.
    await tx.execute(sql`select setval(pg_get_serial_sequence('accounts', 'id'), ${rows.length})`);
    const brand = placed.get(chosen[0].key)!;
    await tx.insert(users).values([
      {
        accountId: brand.id,
        email: options.adminEmail.toLowerCase(),
        name: demoUsers.find((u) => u.email === options.adminEmail)?.name ?? 'Brand administrator',
        passwordHash: adminPasswordHash,
        roles: ['ADMIN'],
      },
      ...people.map((u) => ({
        accountId: placed.get(u.accountKey)!.id,
        email: u.email,
        name: u.name,
        passwordHash: demoPasswordHash!,
        roles: u.roles,
      })),
    ]);
    progress('accounts and users', { accounts: chosen.length, users: people.length + 1 });
    if (options.demo) {
      await tx.insert(featureFlags).values([
        { key: 'online-ordering', description: 'Ordering in the portal', everyone: true },
        {
          key: 'rebate-pilot',
          description: 'Rebate statements, piloted in South China',
          accountIds: [placed.get('agent-south')!.id],
        },
        { key: 'same-day-install', description: 'Same-day installation booking in Shenzhen', regionCodes: ['440300'] },
        { key: 'distributor-analytics', description: 'Analytics dashboards for distributors', tiers: ['DISTRIBUTOR'] },
      ]);
      const ids = new Map([...placed].map(([k, v]) => [k, v.id]));
      const catalog = await seedCatalog(tx, ids);
      progress('catalog', catalog);
      const history = await seedWarehousesAndOrders(tx, ids, { orders: options.orders });
      progress('orders', history);
      const service = await seedTickets(tx);
      progress('tickets', service);
      const money = await seedFinance(tx);
      progress('finance', money);
      const administration = await seedAdministration(tx, ids);
      progress('administration', administration);
      await rebuildSalesRollup(tx); // the history above was written in bulk, around placeOrder
      return {
        accounts: chosen.length,
        users: people.length + 1,
        ...catalog,
        ...history,
        ...service,
        ...money,
        ...administration,
      };
    }
    return { accounts: chosen.length, users: people.length + 1 };
  });
}
