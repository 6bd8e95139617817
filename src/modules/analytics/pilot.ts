import { eq, sql, type SQL } from 'drizzle-orm';
import type { Context } from '../../graphql/context.js';
import { intArray, textArray } from '../../db/sql.js';
import { featureFlags } from '../accounts/tables.js';

export type FlagRow = typeof featureFlags.$inferSelect;

export async function findFlag(ctx: Context, key: string): Promise<FlagRow | null> {
  const [row] = await ctx.db.select().from(featureFlags).where(eq(featureFlags.key, key));
  return row ?? null;
}

/**
 * SQL: the flag is on for the account in `a` (an alias of accounts) — the
 * rule viewer.features applies to a viewer (users/service.ts `features`): on
 * for everyone, for the account's tier, for a subtree it is in, or for the
 * region it is located in (its district, city or province).
 */
export function flagOnFor(flag: FlagRow, a: string): SQL {
  const t = sql.raw(a);
  const region = sql`${t}.address_region_code`;
  return sql`(${flag.everyone}::boolean
    or ${t}.tier::text = any(${textArray(flag.tiers)})
    or ${t}.path && ${intArray(flag.accountIds)}
    or (${region} is not null and array[${region}, left(${region}, 4) || '00', left(${region}, 2) || '0000'] && ${textArray(flag.regionCodes)}))`;
}
