import { and, eq } from 'drizzle-orm';
import type { ExecutionResult } from 'graphql';
import type { DbOrTx } from '../db/client.js';
import { inSubtree } from '../auth/scope.js';
import type { Viewer } from '../auth/viewer.js';
import { toGlobalId } from '../graphql/ids.js';
import { accounts } from '../modules/accounts/tables.js';
import type { Run } from './graph.js';

/** One CSV record and the line of the file it ends on (the header is line 1). */
export interface Row {
  line: number;
  record: Record<string, string>;
}

/** A refused row: `index` into the batch, or null when the whole batch was refused (e.g. FORBIDDEN). */
export interface RowError {
  index: number | null;
  code: string;
  field: string | null;
  message: string;
}

export interface KindContext {
  run: Run;
  db: DbOrTx;
  viewer: Viewer;
}

/**
 * One kind of import: its columns, how many rows go into one mutation, and
 * how a batch is written through the graph (one mutation per batch, so a
 * batch is all or nothing; its userErrors name the rows).
 */
export interface ImportKind {
  required: string[];
  optional: string[];
  batchSize: number;
  /** Rows of one batch must not be split here (products: the rows of one product stay together). */
  sameGroup?: (a: Row, b: Row) => boolean;
  write(k: KindContext, rows: Row[]): Promise<{ written: number; errors: RowError[] }>;
}

type UserErrorValue = { code: string; message: string; field: string[] | null };
type Payload = { userErrors: UserErrorValue[] } | null;

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;
const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
const int = (v: string | undefined) => (blank(v) === null ? null : Number(v));

/** GraphQL errors (FORBIDDEN, a bad variable) refuse the whole batch. */
function graphErrors(result: ExecutionResult<unknown>): RowError[] {
  return (result.errors ?? []).map((e) => ({
    index: null,
    code: String(e.extensions?.code ?? 'ERROR'),
    field: null,
    message: e.message,
  }));
}

/** userErrors whose `field` starts with a row index (after `prefix`), mapped back to the batch. */
function rowErrors(
  payload: Payload,
  prefix: string[],
  indexOf: (i: number, rest: string[]) => number | null,
): RowError[] {
  return (payload?.userErrors ?? []).map((e) => {
    const f = e.field ?? [];
    const at =
      prefix.every((p, i) => f[i] === p) && /^\d+$/.test(f[prefix.length] ?? '') ? Number(f[prefix.length]) : null;
    const rest = f.slice(prefix.length + 1);
    return {
      index: at === null ? null : indexOf(at, rest),
      code: e.code,
      field: rest.join('.') || null,
      message: e.message,
    };
  });
}

/** A price list or warehouse by global id, or by its name among those the viewer's account owns. */
/** Marks a lookup cache as filled; no cell can hold it (a NUL is refused as input). */
const LOADED = '\u0000loaded';

async function byIdOrName(
  k: KindContext,
  cache: Map<string, string | Error>,
  query: string,
  field: string,
  value: string,
): Promise<string | Error> {
  if (!cache.has(LOADED)) {
    const res = await k.run<Record<string, { id: string; name: string; owner: { id: string } }[]>>(query);
    const own = (res.data?.[field] ?? []).filter((x) => x.owner.id === toGlobalId('Account', k.viewer.accountId));
    for (const x of own) cache.set(x.id, x.id);
    for (const x of own)
      cache.set(
        `name:${x.name}`,
        cache.has(`name:${x.name}`) ? new Error(`"${x.name}" names more than one; use its id`) : x.id,
      );
    cache.set(LOADED, LOADED);
  }
  return (
    cache.get(value) ??
    cache.get(`name:${value}`) ??
    new Error(`no ${field === 'priceLists' ? 'price list' : 'warehouse'} "${value}" of your account`)
  );
}

function prices(): ImportKind {
  const lists = new Map<string, string | Error>();
  return {
    required: ['price_list', 'sku', 'price'],
    optional: ['min_quantity'],
    batchSize: 1000,
    async write(k, rows) {
      const errors: RowError[] = [];
      const groups = new Map<string, number[]>();
      for (const [i, r] of rows.entries()) {
        const list = await byIdOrName(
          k,
          lists,
          '{ priceLists { id name owner { id } } }',
          'priceLists',
          r.record.price_list.trim(),
        );
        if (list instanceof Error)
          errors.push({ index: i, code: 'INVALID_INPUT', field: 'price_list', message: list.message });
        else if (!DECIMAL.test(r.record.price.trim()))
          errors.push({
            index: i,
            code: 'INVALID_INPUT',
            field: 'price',
            message: `price "${r.record.price}" is not an amount`,
          });
        else if (blank(r.record.min_quantity) !== null && !Number.isSafeInteger(int(r.record.min_quantity)))
          errors.push({
            index: i,
            code: 'INVALID_INPUT',
            field: 'min_quantity',
            message: 'min_quantity must be a whole number',
          });
        else groups.set(list, [...(groups.get(list) ?? []), i]);
      }
      if (errors.length) return { written: 0, errors };
      let written = 0;
      for (const [priceListId, idx] of groups) {
        const entries = idx.map((i) => ({
          sku: rows[i].record.sku.trim(),
          price: rows[i].record.price.trim(),
          minQuantity: int(rows[i].record.min_quantity),
        }));
        const res = await k.run<{ setPriceListEntries: Payload }>(
          'mutation Import($input: SetPriceListEntriesInput!) { setPriceListEntries(input: $input) { userErrors { code message field } } }',
          { input: { priceListId, entries } },
        );
        const e = [
          ...graphErrors(res),
          ...rowErrors(res.data?.setPriceListEntries ?? null, ['entries'], (j) => idx[j] ?? null),
        ];
        if (e.length) errors.push(...e);
        else written += idx.length;
      }
      return { written: errors.length ? 0 : written, errors };
    },
  };
}

function stock(): ImportKind {
  const warehouses = new Map<string, string | Error>();
  return {
    required: ['warehouse', 'sku', 'on_hand'],
    optional: [],
    batchSize: 1000,
    async write(k, rows) {
      const errors: RowError[] = [];
      const input: { warehouseId: string; sku: string; onHand: number }[] = [];
      for (const [i, r] of rows.entries()) {
        const w = await byIdOrName(
          k,
          warehouses,
          '{ warehouses { id name owner { id } } }',
          'warehouses',
          r.record.warehouse.trim(),
        );
        const onHand = Number(r.record.on_hand);
        if (w instanceof Error)
          errors.push({ index: i, code: 'INVALID_INPUT', field: 'warehouse', message: w.message });
        else if (!Number.isSafeInteger(onHand))
          errors.push({ index: i, code: 'INVALID_INPUT', field: 'on_hand', message: 'on_hand must be a whole number' });
        else input.push({ warehouseId: w, sku: r.record.sku.trim(), onHand });
      }
      if (errors.length) return { written: 0, errors };
      const res = await k.run<{ setStockLevels: Payload }>(
        'mutation Import($input: [StockLevelInput!]!) { setStockLevels(input: $input) { count userErrors { code message field } } }',
        { input },
      );
      const e = [...graphErrors(res), ...rowErrors(res.data?.setStockLevels ?? null, [], (j) => j)];
      return { written: e.length ? 0 : rows.length, errors: e };
    },
  };
}

function products(): ImportKind {
  return {
    required: ['code', 'name', 'sku', 'variant_name'],
    optional: ['category', 'description', 'unit', 'min_order_quantity', 'order_increment', 'suggested_retail_price'],
    batchSize: 500,
    sameGroup: (a, b) => a.record.code.trim() === b.record.code.trim(),
    async write(k, rows) {
      // Consecutive rows of one code are one product with one variant per row.
      const input: {
        code: string;
        name: string;
        description: string | null;
        categoryName: string | null;
        variants: Record<string, unknown>[];
      }[] = [];
      const lineOf: number[][] = [];
      const bad: RowError[] = [];
      rows.forEach((r, i) => {
        for (const f of ['min_order_quantity', 'order_increment'] as const) {
          if (blank(r.record[f]) !== null && !Number.isSafeInteger(int(r.record[f])))
            bad.push({ index: i, code: 'INVALID_INPUT', field: f, message: `${f} must be a whole number` });
        }
        if (blank(r.record.suggested_retail_price) !== null && !DECIMAL.test(r.record.suggested_retail_price.trim())) {
          bad.push({
            index: i,
            code: 'INVALID_INPUT',
            field: 'suggested_retail_price',
            message: 'suggested_retail_price is not an amount',
          });
        }
      });
      if (bad.length) return { written: 0, errors: bad };
      rows.forEach((r, i) => {
        const code = r.record.code.trim();
        let p = input.at(-1);
        if (!p || p.code !== code) {
          p = {
            code,
            name: r.record.name.trim(),
            description: blank(r.record.description),
            categoryName: blank(r.record.category),
            variants: [],
          };
          input.push(p);
          lineOf.push([]);
        }
        p.variants.push({
          sku: r.record.sku.trim(),
          name: r.record.variant_name.trim(),
          unit: blank(r.record.unit),
          minOrderQuantity: int(r.record.min_order_quantity),
          orderIncrement: int(r.record.order_increment),
          suggestedRetailPrice: blank(r.record.suggested_retail_price),
        });
        lineOf.at(-1)!.push(i);
      });
      const res = await k.run<{ upsertProducts: Payload }>(
        'mutation Import($input: [UpsertProductInput!]!) { upsertProducts(input: $input) { userErrors { code message field } } }',
        { input },
      );
      const e = [
        ...graphErrors(res),
        ...rowErrors(
          res.data?.upsertProducts ?? null,
          [],
          (p, rest) =>
            (rest[0] === 'variants' && /^\d+$/.test(rest[1] ?? '') ? lineOf[p]?.[Number(rest[1])] : lineOf[p]?.[0]) ??
            null,
        ),
      ];
      return { written: e.length ? 0 : rows.length, errors: e };
    },
  };
}

function accountRows(): ImportKind {
  return {
    required: ['parent_code', 'code', 'name', 'tier'],
    optional: [
      'territory',
      'address_line1',
      'city',
      'region_code',
      'postal_code',
      'contact_name',
      'contact_phone',
      'contact_email',
      'credit_limit',
      'service_phone',
    ],
    batchSize: 1,
    async write(k, rows) {
      const r = rows[0].record;
      const code = r.code.trim();
      const find = async (c: string) =>
        (
          await k.db
            .select()
            .from(accounts)
            .where(
              and(
                eq(accounts.rootId, k.viewer.account.rootId),
                eq(accounts.code, c),
                inSubtree(accounts.path, k.viewer),
              ),
            )
        )[0] ?? null;
      const parent = await find(r.parent_code.trim());
      if (!parent)
        return {
          written: 0,
          errors: [
            {
              index: 0,
              code: 'INVALID_INPUT',
              field: 'parent_code',
              message: `no account with code ${r.parent_code.trim()} in your subtree`,
            },
          ],
        };
      // Re-importing a file is a no-op: an account already there under the same parent is left as it is.
      const existing = await find(code);
      if (existing && existing.parentId === parent.id) return { written: 0, errors: [] };
      const address =
        blank(r.address_line1) || blank(r.region_code)
          ? {
              line1: r.address_line1?.trim() ?? '',
              city: blank(r.city),
              regionCode: r.region_code?.trim() ?? '',
              postalCode: blank(r.postal_code),
            }
          : null;
      const contact =
        blank(r.contact_name) || blank(r.contact_phone) || blank(r.contact_email)
          ? { name: blank(r.contact_name), phone: blank(r.contact_phone), email: blank(r.contact_email) }
          : null;
      const input = {
        parentId: toGlobalId('Account', parent.id),
        code,
        name: r.name.trim(),
        tier: r.tier.trim().toUpperCase(),
        territory: blank(r.territory)?.split(/[\s;|]+/) ?? null,
        address,
        contact,
        creditLimit: blank(r.credit_limit),
        servicePhone: blank(r.service_phone),
      };
      const res = await k.run<{ createAccount: Payload }>(
        'mutation Import($input: CreateAccountInput!) { createAccount(input: $input) { account { id } userErrors { code message field } } }',
        { input },
      );
      const e = [
        ...graphErrors(res),
        ...(res.data?.createAccount?.userErrors ?? []).map((x) => ({
          index: 0,
          code: x.code,
          field: x.field?.join('.') ?? null,
          message: x.message,
        })),
      ];
      return { written: e.length ? 0 : 1, errors: e };
    },
  };
}

export const IMPORT_KINDS = { products, prices, stock, accounts: accountRows } as const;
export type ImportKindName = keyof typeof IMPORT_KINDS;
