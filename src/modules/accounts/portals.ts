import { asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts, portals } from './tables.js';

/** The HTTP layer asks before serving a portal page, so an unknown slug is a 404 rather than an empty app. */
export async function portalExists(db: Db, slug: string): Promise<boolean> {
  const [row] = await db.select({ slug: portals.slug }).from(portals).where(eq(portals.slug, slug.toLowerCase()));
  return !!row;
}

/** The brand's own portal (the first root account with one): where `/` sends visitors. */
export async function rootPortalSlug(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ slug: portals.slug })
    .from(portals)
    .innerJoin(accounts, eq(accounts.id, portals.accountId))
    .where(isNull(accounts.parentId))
    .orderBy(asc(accounts.id))
    .limit(1);
  return row?.slug ?? null;
}
