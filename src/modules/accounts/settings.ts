import { eq } from 'drizzle-orm';
import type { SignedInContext } from '../../graphql/context.js';
import type { UserError } from '../../graphql/errors.js';
import { channelSettings } from './tables.js';
import type { ChannelSettingsInput } from './types.js';

export interface SettingsValue {
  publicCatalog: boolean;
}

const DEFAULTS: SettingsValue = { publicCatalog: false };

/** The settings of the viewer's channel (its root account). */
export async function get(ctx: SignedInContext): Promise<SettingsValue> {
  const [row] = await ctx.db.select().from(channelSettings).where(eq(channelSettings.rootId, ctx.viewer.account.rootId));
  return row ? { publicCatalog: row.publicCatalog } : DEFAULTS;
}

/** Brand ADMIN only (the permission map says so). */
export async function update(ctx: SignedInContext, input: ChannelSettingsInput): Promise<{ settings: SettingsValue; userErrors: UserError[] }> {
  const rootId = ctx.viewer.account.rootId;
  const set = { ...(input.publicCatalog != null ? { publicCatalog: input.publicCatalog } : {}) };
  const [row] = await ctx.db
    .insert(channelSettings)
    .values({ rootId, ...DEFAULTS, ...set })
    .onConflictDoUpdate({ target: channelSettings.rootId, set: Object.keys(set).length ? set : { rootId } })
    .returning();
  return { settings: { publicCatalog: row.publicCatalog }, userErrors: [] };
}

