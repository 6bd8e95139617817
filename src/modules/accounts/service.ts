import { publishEvent } from '../integration/outbox.js';
import { and, asc, count, eq, gt, ilike, like, or, type SQL } from 'drizzle-orm';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { inSubtree } from '../../auth/scope.js';
import { seesContactOf, visibleOrForbidden, visibleOrNull } from '../../auth/access.js';
import { containsPattern, nextId, uniqueViolation } from '../../db/sql.js';
import type { DbOrTx } from '../../db/client.js';
import { userError, type UserError } from '../../graphql/errors.js';
import { pageRequest, toConnection, type Connection } from '../../graphql/connection.js';
import { fromMinor, money, parseAmount, toMinor, type MoneyValue } from '../../lib/money.js';
import { recordAudit } from '../audit/record.js';
import { region } from '../regions/types.js';
import { addressValue } from '../regions/address.js';
import { isRegionCode, regionPrefix, withinTerritory } from '../regions/regions.js';
import { accounts, portals, type AccountRow, type PortalRow } from './tables.js';
import { isSellingTier, tierBelow } from './tiers.js';
import type { AccountFilter, Address, Contact, CreateAccountInput, PortalInput } from './types.js';
import type { Region } from '../regions/types.js';

export interface AccountPayloadValue {
  account: AccountRow | null;
  userErrors: UserError[];
}

/** Accounts the viewer may see: its own and its subtree (V1). */
export async function findVisible(ctx: Context, id: number): Promise<AccountRow | null> {
  const [row] = await ctx.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), inSubtree(accounts.path, ctx.viewer)));
  return row ?? null;
}

/** One account by id, unscoped, read through `tx`: inside a transaction, instead of a loader (which would need a second connection). */
export async function accountIn(tx: DbOrTx, id: number): Promise<AccountRow> {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, id));
  if (!row) throw new Error(`missing account ${id}`);
  return row;
}

export const byGlobalId = (ctx: Context, id: string) => visibleOrNull(ctx, id, 'Account', findVisible);

/** `findVisible` through the request's loader: batched, for reads in lists and fields. */
export const findVisibleBatched = (ctx: Context, id: number) => ctx.loaders.accounts.visibleById.load(id);

function filterSql(filter: AccountFilter | null | undefined): SQL[] {
  const where: SQL[] = [];
  if (filter?.tier) where.push(eq(accounts.tier, filter.tier));
  if (filter?.regionCode) where.push(like(accounts.addressRegionCode, `${regionPrefix(filter.regionCode)}%`));
  const search = filter?.search?.trim();
  if (search) {
    where.push(or(ilike(accounts.name, containsPattern(search)), ilike(accounts.code, containsPattern(search)))!);
  }
  return where;
}

async function page(
  ctx: Context,
  scope: SQL[],
  first?: number | null,
  after?: string | null,
): Promise<Connection<AccountRow>> {
  const req = pageRequest(first, after);
  const where = and(...scope);
  const rows = await ctx.db
    .select()
    .from(accounts)
    .where(req.afterKey === null ? where : and(where, gt(accounts.id, req.afterKey)))
    .orderBy(asc(accounts.id))
    .limit(req.limit);
  return toConnection(
    rows,
    req,
    (r) => r.id,
    async () => {
      const [{ n }] = await ctx.db.select({ n: count() }).from(accounts).where(where);
      return n;
    },
  );
}

export function list(ctx: Context, first?: number | null, after?: string | null, filter?: AccountFilter | null) {
  return page(ctx, [inSubtree(accounts.path, ctx.viewer), ...filterSql(filter)], first, after);
}

/** Direct children of an account the viewer already sees (batched across a list of accounts). */
export async function children(ctx: Context, account: AccountRow, first?: number | null, after?: string | null) {
  const req = pageRequest(first, after);
  const rows = await ctx.loaders.accounts.childrenPage.load({
    parentId: account.id,
    limit: req.limit,
    afterKey: req.afterKey,
  });
  return toConnection(
    rows,
    req,
    (r) => r.id,
    () => ctx.loaders.accounts.childCount.load(account.id),
  );
}

export async function seller(ctx: Context, account: AccountRow): Promise<AccountRow | null> {
  return account.parentId === null ? null : ctx.loaders.accounts.byId.load(account.parentId);
}

export async function portalOf(ctx: Context, account: AccountRow): Promise<PortalRow | null> {
  return ctx.loaders.accounts.portalByAccountId.load(account.id);
}

export async function portalSeller(ctx: Context, portal: PortalRow): Promise<AccountRow> {
  const row = await ctx.loaders.accounts.byId.load(portal.accountId);
  if (!row) throw new Error(`portal ${portal.slug} has no account`);
  return row;
}

/** Public: a portal's branding by slug, no sign-in needed. */
export async function portalBySlug(ctx: Context, slug: string): Promise<PortalRow | null> {
  const [row] = await ctx.db.select().from(portals).where(eq(portals.slug, slug.toLowerCase()));
  return row ?? null;
}

/**
 * V4 for "who did it" (an order event's actor, a ticket comment's author):
 * accounts above the person's account's direct parent read the account's
 * name only, not the person's. (Those below it, a retailer reading its
 * seller's service staff, are not who V4 protects against.)
 */
export async function actorFor(ctx: Context, accountId: number | null, actor: string | null): Promise<string | null> {
  if (accountId === null || actor === null) return actor;
  const account = await ctx.loaders.accounts.byId.load(accountId);
  if (!account) return null;
  const above = !!ctx.viewer && account.path.includes(ctx.viewer.accountId) && !seesContactOf(ctx.viewer, account);
  return above ? account.name : actor;
}

export function territory(account: AccountRow): Region[] {
  return account.territory.map(region);
}

export function address(account: AccountRow): Address | null {
  if (!account.addressLine1 || !account.addressRegionCode) return null;
  return addressValue({
    line1: account.addressLine1,
    city: account.addressCity,
    regionCode: account.addressRegionCode,
    postalCode: account.addressPostalCode,
    latitude: account.latitude,
    longitude: account.longitude,
  });
}

export function contact(account: AccountRow): Contact | null {
  if (!account.contactName && !account.contactPhone && !account.contactEmail) return null;
  return { name: account.contactName, phone: account.contactPhone, email: account.contactEmail };
}

export function credit(account: AccountRow): { limit: MoneyValue; used: MoneyValue; available: MoneyValue } | null {
  if (account.creditLimit === null) return null;
  const available = account.creditLimit - account.creditUsed;
  return {
    limit: money(account.creditLimit),
    used: money(account.creditUsed),
    available: money(available > 0n ? available : 0n),
  };
}

// ------------------------------------------------------------------ createAccount

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

export function text(value: string | null | undefined, max: number): string | null {
  const t = value?.trim();
  return t ? t.slice(0, max) : null;
}

export function validatePortal(p: PortalInput, errors: UserError[]): void {
  if (!SLUG.test(p.slug))
    errors.push(userError('INVALID_INPUT', 'Slug: 3–40 lowercase letters, digits and hyphens', ['portal', 'slug']));
  if (!p.displayName.trim())
    errors.push(userError('INVALID_INPUT', 'Display name is required', ['portal', 'displayName']));
  if (p.primaryColor && !COLOR.test(p.primaryColor))
    errors.push(userError('INVALID_INPUT', 'Colour must be #rrggbb', ['portal', 'primaryColor']));
  if (p.logoUrl && !/^(https:\/\/|\/)/.test(p.logoUrl))
    errors.push(userError('INVALID_INPUT', 'Logo URL must be https:// or a path', ['portal', 'logoUrl']));
}

/** The parts of an account its own ADMIN describes: address (V6: inside the seller's territory), contact, service phone, portal. */
export interface AccountDetails {
  address?: CreateAccountInput['address'];
  contact?: CreateAccountInput['contact'];
  servicePhone?: string | null;
  portal?: PortalInput | null;
}

/** Checks an account's details; `sellerTerritory` is its parent's (null for the brand, which has none above it). */
export function validateDetails(
  input: AccountDetails,
  sellerTerritory: readonly string[] | null,
  errors: UserError[],
): void {
  if (input.address) {
    const a = input.address;
    if (!a.line1.trim()) errors.push(userError('INVALID_INPUT', 'Address line is required', ['address', 'line1']));
    if (!isRegionCode(a.regionCode))
      errors.push(
        userError('INVALID_INPUT', `${a.regionCode} is not a GB/T 2260 region code`, ['address', 'regionCode']),
      );
    else if (sellerTerritory && !withinTerritory(a.regionCode, sellerTerritory)) {
      // V6: a seller has accounts only inside its territory.
      errors.push(
        userError('OUTSIDE_TERRITORY', `${a.regionCode} lies outside the seller's territory`, [
          'address',
          'regionCode',
        ]),
      );
    }
    if (a.latitude != null && (a.latitude < -90 || a.latitude > 90))
      errors.push(userError('INVALID_INPUT', 'Latitude out of range', ['address', 'latitude']));
    if (a.longitude != null && (a.longitude < -180 || a.longitude > 180))
      errors.push(userError('INVALID_INPUT', 'Longitude out of range', ['address', 'longitude']));
  }
  if (input.contact?.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.contact.email)) {
    errors.push(userError('INVALID_INPUT', 'Not an email address', ['contact', 'email']));
  }
  if (input.portal) validatePortal(input.portal, errors);
  // Over-long text is refused, never cut short silently.
  const limits: [string | null | undefined, number, string[]][] = [
    [input.address?.line1, 300, ['address', 'line1']],
    [input.address?.city, 100, ['address', 'city']],
    [input.address?.postalCode, 20, ['address', 'postalCode']],
    [input.contact?.name, 100, ['contact', 'name']],
    [input.contact?.phone, 50, ['contact', 'phone']],
    [input.contact?.email, 200, ['contact', 'email']],
    [input.servicePhone, 50, ['servicePhone']],
    [input.portal?.displayName, 100, ['portal', 'displayName']],
    [input.portal?.logoUrl, 500, ['portal', 'logoUrl']],
    [input.portal?.welcomeText, 2000, ['portal', 'welcomeText']],
  ];
  for (const [value, max, field] of limits) {
    if (value && value.length > max) errors.push(userError('INVALID_INPUT', `At most ${max} characters`, field));
  }
}

function validateCreate(input: CreateAccountInput, parent: AccountRow): UserError[] {
  const errors: UserError[] = [];
  const tier = input.tier;
  if (!input.name.trim() || input.name.length > 200)
    errors.push(userError('INVALID_INPUT', 'Name is required (at most 200 characters)', ['name']));
  if (!tierBelow(tier, parent.tier)) {
    errors.push(
      userError('INVALID_INPUT', `A ${tier} cannot buy from a ${parent.tier}: the tier must be below the parent's`, [
        'tier',
      ]),
    );
  }
  const terr = input.territory ?? [];
  if (isSellingTier(tier) && terr.length === 0)
    errors.push(userError('INVALID_INPUT', 'A selling account needs a territory', ['territory']));
  if (!isSellingTier(tier) && terr.length > 0)
    errors.push(userError('INVALID_INPUT', 'A retailer does not sell and has no territory', ['territory']));
  terr.forEach((code, i) => {
    if (!isRegionCode(code))
      errors.push(userError('INVALID_INPUT', `${code} is not a GB/T 2260 region code`, ['territory', i]));
    else if (!withinTerritory(code, parent.territory)) {
      errors.push(userError('INVALID_INPUT', `${code} lies outside the parent's territory`, ['territory', i]));
    }
  });
  if (input.creditLimit != null) {
    if (parseAmount(input.creditLimit, 'nonNegative') === null)
      errors.push(
        userError('INVALID_INPUT', 'Credit limit must be a non-negative amount with at most 2 decimals', [
          'creditLimit',
        ]),
      );
  }
  if (input.portal && !isSellingTier(tier))
    errors.push(userError('INVALID_INPUT', 'Only selling accounts have a portal', ['portal']));
  validateDetails(input, parent.territory, errors);
  if (input.code != null && (!input.code.trim() || input.code.length > 64))
    errors.push(userError('INVALID_INPUT', 'Code must be 1–64 characters', ['code']));
  if ((input.territory?.length ?? 0) > 500)
    errors.push(userError('INVALID_INPUT', 'At most 500 territory codes', ['territory']));
  return errors;
}

export async function create(ctx: SignedInContext, input: CreateAccountInput): Promise<AccountPayloadValue> {
  // Outside the viewer's subtree (or no such account): refused without saying which.
  const parent = await visibleOrForbidden(
    ctx,
    input.parentId,
    'Account',
    findVisible,
    'You cannot create accounts under that parent',
  );
  const errors = validateCreate(input, parent);
  if (parent.status !== 'ACTIVE')
    errors.push(
      userError(
        'ACCOUNT_SUSPENDED',
        `${parent.name} is ${parent.status.toLowerCase()}: no accounts are added below it`,
        ['parentId'],
      ),
    );
  if (errors.length) return { account: null, userErrors: errors };
  try {
    const account = await ctx.db.transaction(async (tx) => {
      const id = await nextId(tx, accounts);
      const [row] = await tx
        .insert(accounts)
        .values({
          id,
          parentId: parent.id,
          path: [...parent.path, id],
          rootId: parent.rootId,
          name: input.name.trim(),
          tier: input.tier,
          code: text(input.code, 64),
          territory: [...new Set(input.territory ?? [])],
          addressLine1: text(input.address?.line1, 300),
          addressCity: text(input.address?.city, 100),
          addressRegionCode: input.address?.regionCode ?? null,
          addressPostalCode: text(input.address?.postalCode, 20),
          latitude: input.address?.latitude ?? null,
          longitude: input.address?.longitude ?? null,
          contactName: text(input.contact?.name, 100),
          contactPhone: text(input.contact?.phone, 50),
          contactEmail: text(input.contact?.email?.toLowerCase(), 200),
          creditLimit: input.creditLimit != null ? toMinor(input.creditLimit) : null,
          servicePhone: text(input.servicePhone, 50),
        })
        .returning();
      const { creditUsed: _used, ...created } = row;
      await recordAudit(tx, ctx.viewer, {
        account: row,
        action: 'account.create',
        subject: { type: 'Account', id: row.id },
        after: {
          ...created,
          creditLimit: row.creditLimit === null ? null : fromMinor(row.creditLimit),
          portal: input.portal ?? null,
        },
      });
      if (input.portal) {
        await tx.insert(portals).values({
          accountId: id,
          slug: input.portal.slug,
          displayName: input.portal.displayName.trim(),
          logoUrl: text(input.portal.logoUrl, 500),
          primaryColor: input.portal.primaryColor ?? null,
          welcomeText: text(input.portal.welcomeText, 2000),
        });
      }
      await publishEvent(tx, {
        topic: 'account.created',
        rootId: row.rootId,
        aggregateType: 'Account',
        aggregateId: row.id,
      });
      return row;
    });
    return { account, userErrors: [] };
  } catch (e) {
    const constraint = uniqueViolation(e);
    if (constraint === 'portals_slug_uq')
      return { account: null, userErrors: [userError('SLUG_TAKEN', 'That portal slug is taken', ['portal', 'slug'])] };
    if (constraint === 'accounts_code_uq')
      return { account: null, userErrors: [userError('CODE_TAKEN', 'Another account has that code', ['code'])] };
    throw e;
  }
}
