import { eq } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import type { DbOrTx } from '../../db/client.js';
import type { UserError } from '../../graphql/errors.js';
import { channelSettings } from './tables.js';
import type { ChannelSettingsInput } from './types.js';

export interface SettingsValue {
  publicCatalog: boolean;
  territoryPolicy: 'BLOCK' | 'FLAG';
}

const DEFAULTS: SettingsValue = { publicCatalog: false, territoryPolicy: 'BLOCK' };

/** The settings of the channel rooted at `rootId`; defaults when never set. */
export async function forRoot(db: DbOrTx, rootId: number): Promise<SettingsValue> {
  const [row] = await db.select().from(channelSettings).where(eq(channelSettings.rootId, rootId));
  return row ? { publicCatalog: row.publicCatalog, territoryPolicy: row.territoryPolicy } : DEFAULTS;
}

export function get(ctx: SignedInContext): Promise<SettingsValue> {
  return forRoot(ctx.db, ctx.viewer.account.rootId);
}

/** Brand ADMIN only (the permission map says so). */
export async function update(
  ctx: SignedInContext,
  input: ChannelSettingsInput,
): Promise<{ settings: SettingsValue; userErrors: UserError[] }> {
  const rootId = ctx.viewer.account.rootId;
  const set: Partial<SettingsValue> = {};
  if (input.publicCatalog != null) set.publicCatalog = input.publicCatalog;
  if (input.territoryPolicy != null) set.territoryPolicy = input.territoryPolicy;
  const [row] = await ctx.db
    .insert(channelSettings)
    .values({ rootId, ...DEFAULTS, ...set })
    .onConflictDoUpdate({ target: channelSettings.rootId, set: Object.keys(set).length ? set : { rootId } })
    .returning();
  return { settings: { publicCatalog: row.publicCatalog, territoryPolicy: row.territoryPolicy }, userErrors: [] };
}
