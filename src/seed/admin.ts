import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { fromMinor } from '../lib/money.js';
import { recordAudit } from '../modules/audit/record.js';
import { accounts, featureFlags } from '../modules/accounts/tables.js';
import { users } from '../modules/users/tables.js';

/** The demo's retailer that its distributor suspended (a login that shows what suspension does). */
export const SUSPENDED_DEMO_ACCOUNT = 'ret-guangzhou-baiyun-1';

/**
 * Channel administration in the demo: the brand's feature flags as created
 * by its admin, a credit limit the South China agent raised for the
 * Shenzhen distributor, and a retailer the Guangzhou distributor suspended
 * (its buyer's sign-in is refused, nothing is ordered for it) — each with
 * its audit entry, as the graph would have written them.
 */
export async function seedAdministration(
  tx: Tx,
  ids: Map<string, number>,
): Promise<{ auditEntries: number; suspended: number }> {
  const account = async (key: string) =>
    (
      await tx
        .select()
        .from(accounts)
        .where(eq(accounts.id, ids.get(key)!))
    )[0];
  const adminOf = async (key: string) =>
    (
      await tx
        .select()
        .from(users)
        .where(eq(users.email, `admin@${key}.example`))
    )[0] ?? null;
  let entries = 0;

  const brand = await account('brand');
  const brandAdmin = (await tx.select().from(users).where(eq(users.accountId, brand.id)).orderBy(users.id).limit(1))[0];
  const flags = await tx
    .select()
    .from(featureFlags)
    .where(inArray(featureFlags.key, ['online-ordering', 'rebate-pilot', 'same-day-install', 'distributor-analytics']));
  for (const f of flags) {
    const after = {
      key: f.key,
      description: f.description,
      everyone: f.everyone,
      tiers: f.tiers,
      regionCodes: f.regionCodes,
      accountIds: f.accountIds,
    };
    await recordAudit(tx, brandAdmin ? { userId: brandAdmin.id } : null, {
      account: brand,
      action: 'featureFlag.create',
      subject: { type: 'FeatureFlag', id: f.id },
      after,
    });
    entries++;
  }

  const shenzhen = await account('dist-shenzhen');
  const agentAdmin = await adminOf('agent-south');
  if (shenzhen.creditLimit !== null && agentAdmin) {
    const raised = (shenzhen.creditLimit * 125n) / 100n;
    await tx.update(accounts).set({ creditLimit: raised }).where(eq(accounts.id, shenzhen.id));
    await recordAudit(
      tx,
      { userId: agentAdmin.id },
      {
        account: shenzhen,
        action: 'account.creditLimit',
        subject: { type: 'Account', id: shenzhen.id },
        before: { creditLimit: fromMinor(shenzhen.creditLimit) },
        after: { creditLimit: fromMinor(raised) },
      },
    );
    entries++;
  }

  const retailer = await account(SUSPENDED_DEMO_ACCOUNT);
  const distributorAdmin = await adminOf('dist-guangzhou');
  const reason = '连续三个月逾期未结清货款 (three months of overdue payments)';
  await tx
    .update(accounts)
    .set({ status: 'SUSPENDED', statusReason: reason, statusChangedAt: new Date() })
    .where(eq(accounts.id, retailer.id));
  await recordAudit(tx, distributorAdmin ? { userId: distributorAdmin.id } : null, {
    account: retailer,
    action: 'account.status',
    subject: { type: 'Account', id: retailer.id },
    before: { status: 'ACTIVE', reason: null },
    after: { status: 'SUSPENDED', reason },
  });
  entries++;
  return { auditEntries: entries, suspended: 1 };
}
