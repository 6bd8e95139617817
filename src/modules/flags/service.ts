import { asc, eq } from 'drizzle-orm';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { keyOf } from '../../graphql/ids.js';
import { mutate, refuse } from '../../graphql/mutate.js';
import { recordAudit } from '../audit/record.js';
import { changed } from '../audit/changes.js';
import { isRegionCode } from '../regions/regions.js';
import { region, type Region } from '../regions/types.js';
import { featureFlags, type AccountRow, type FeatureFlagRow, type Tier } from '../accounts/tables.js';
import type { FeatureFlagInput } from './types.js';

type FlagPayload = { flag: FeatureFlagRow | null; userErrors: UserError[] };

const KEY = /^[a-z0-9][a-z0-9._-]{0,62}$/;
const MAX_TARGETS = 1000;

/** Flags are the brand's: its users see every one; everyone else sees only its own, in `viewer.features`. */
const seesFlags = (ctx: Context) => ctx.viewer?.tier === 'BRAND';

export async function list(ctx: Context): Promise<FeatureFlagRow[]> {
  if (!seesFlags(ctx)) return [];
  return ctx.db.select().from(featureFlags).orderBy(asc(featureFlags.key));
}

/** By id (node lookups, audit subjects), batched per request; null for anyone but the brand's users. */
export function findVisible(ctx: Context, id: number): Promise<FeatureFlagRow | null> {
  if (!seesFlags(ctx)) return Promise.resolve(null);
  return ctx.loaders.flags.byId.load(id);
}

export function regions(flag: FeatureFlagRow): Region[] {
  return flag.regionCodes.map(region);
}

/** The targeted accounts the viewer sees (V1: all of them for the brand). */
export async function accounts(ctx: Context, flag: FeatureFlagRow): Promise<AccountRow[]> {
  const rows = await ctx.loaders.accounts.visibleById.loadMany(flag.accountIds);
  return rows.filter((r): r is AccountRow => !!r && !(r instanceof Error));
}

/** What a flag is, for the audit log. */
function facts(f: FeatureFlagRow | null) {
  return f
    ? {
        key: f.key,
        description: f.description,
        everyone: f.everyone,
        tiers: f.tiers,
        regionCodes: f.regionCodes,
        accountIds: f.accountIds,
      }
    : {};
}

async function inputErrors(
  ctx: SignedInContext,
  input: FeatureFlagInput,
): Promise<{ errors: UserError[]; accountIds: number[] | null }> {
  const errors: UserError[] = [];
  if (!KEY.test(input.key))
    errors.push(
      userError('INVALID_INPUT', 'Key: 1–63 lowercase letters, digits, dots, hyphens and underscores', ['key']),
    );
  if (input.description != null && input.description.length > 500)
    errors.push(userError('INVALID_INPUT', 'At most 500 characters', ['description']));
  if ((input.regionCodes?.length ?? 0) > MAX_TARGETS)
    errors.push(userError('INVALID_INPUT', `At most ${MAX_TARGETS} regions`, ['regionCodes']));
  input.regionCodes?.slice(0, MAX_TARGETS).forEach((code, i) => {
    if (!isRegionCode(code))
      errors.push(userError('INVALID_INPUT', `${code} is not a GB/T 2260 region code`, ['regionCodes', i]));
  });
  if (input.accountIds == null) return { errors, accountIds: null };
  if (input.accountIds.length > MAX_TARGETS)
    return {
      errors: [...errors, userError('INVALID_INPUT', `At most ${MAX_TARGETS} accounts`, ['accountIds'])],
      accountIds: null,
    };
  const keys = input.accountIds.map((id) => keyOf(id, 'Account'));
  const found = await ctx.loaders.accounts.visibleById.loadMany(keys.filter((k): k is number => k !== null));
  const seen = new Set(found.filter((r): r is AccountRow => !!r && !(r instanceof Error)).map((r) => r.id));
  keys.forEach((k, i) => {
    if (k === null || !seen.has(k))
      errors.push(userError('INVALID_INPUT', 'Not an account of this channel', ['accountIds', i]));
  });
  return { errors, accountIds: [...new Set(keys as number[])] };
}

/** saveFeatureFlag (brand ADMIN): creates the flag, or changes the fields given. */
export async function save(ctx: SignedInContext, input: FeatureFlagInput): Promise<FlagPayload> {
  const { errors, accountIds } = await inputErrors(ctx, input);
  if (errors.length) return { flag: null, userErrors: errors };
  return mutate(ctx, 'flag', async (tx) => {
    const [before] = await tx.select().from(featureFlags).where(eq(featureFlags.key, input.key)).for('update');
    const set = {
      ...(input.description != null ? { description: input.description.trim() } : {}),
      ...(input.everyone != null ? { everyone: input.everyone } : {}),
      ...(input.tiers != null ? { tiers: [...new Set(input.tiers)] as Tier[] } : {}),
      ...(input.regionCodes != null ? { regionCodes: [...new Set(input.regionCodes)] } : {}),
      ...(accountIds != null ? { accountIds } : {}),
      updatedAt: ctx.now(),
    };
    const [flag] = before
      ? await tx.update(featureFlags).set(set).where(eq(featureFlags.key, input.key)).returning()
      : await tx
          .insert(featureFlags)
          .values({ key: input.key, ...set })
          .returning();
    const change = changed(facts(before ?? null), facts(flag));
    if (change)
      await recordAudit(tx, ctx.viewer, {
        account: ctx.viewer.account,
        action: before ? 'featureFlag.update' : 'featureFlag.create',
        subject: { type: 'FeatureFlag', id: flag.id },
        ...change,
      });
    return flag;
  });
}

/** deleteFeatureFlag (brand ADMIN): the flag as it was. */
export async function remove(ctx: SignedInContext, key: string): Promise<FlagPayload> {
  return mutate(ctx, 'flag', async (tx) => {
    const [flag] = await tx.delete(featureFlags).where(eq(featureFlags.key, key)).returning();
    if (!flag) refuse(userError('INVALID_INPUT', `There is no flag ${key}`, ['key']));
    await recordAudit(tx, ctx.viewer, {
      account: ctx.viewer.account,
      action: 'featureFlag.delete',
      subject: { type: 'FeatureFlag', id: flag.id },
      before: facts(flag),
      after: null,
    });
    return flag;
  });
}
