import { GraphQLEnumType } from 'graphql';

/**
 * Every code a mutation's UserError may carry, with what it means: the one
 * list. `UserError.code` stays a String (the contract says so); the enums
 * below document, per domain, which of these codes its mutations answer, and
 * appear in the schema for clients to generate types from.
 */
const CODES = {
  INVALID_INPUT:
    'An input breaks a rule of its own (format, length, range, a reference that does not fit); `field` names it.',
  INVALID_TRANSITION:
    'The object is not in a state that allows this change (e.g. cancelling a shipped order, confirming a confirmed statement).',
  IDEMPOTENCY_CONFLICT: 'The idempotency key (or payment reference) was used before for a different request.',
  OUTSIDE_TERRITORY: "V6: a region outside the seller's territory (for orders, under the brand's BLOCK policy).",
  NOT_IN_ASSORTMENT: 'V2: the buyer is not offered that sku (answered alike for one that does not exist).',
  QUANTITY_RULE: "The quantity is below the variant's minOrderQuantity or not a multiple of its orderIncrement.",
  OUT_OF_STOCK: 'No warehouse delivering to the ship-to region, nor any combination of them, has the quantity.',
  CREDIT_LIMIT_EXCEEDED: "The order total exceeds the buyer's available credit.",
  BELOW_PRICE_FLOOR: "A price below the brand's floor for a tier the price list reaches.",
  SLUG_TAKEN: 'Another portal has that slug.',
  CODE_TAKEN: 'Another account has that code.',
  EMAIL_TAKEN: 'A user with that e-mail exists.',
  WEAK_PASSWORD: 'The password is too short, too simple or too close to the e-mail.',
  INVALID_CREDENTIALS: 'The e-mail and password do not match a user.',
  TOO_MANY_ATTEMPTS: 'Too many failed sign-ins from this source: wait and try again.',
  ROLES_EXCEED_CREATOR: 'An API key may hold only roles its creator holds (an ADMIN holds every role).',
  EXTERNAL_REF_TAKEN: 'Another order of this buyer already has that externalRef.',
  URL_NOT_ALLOWED:
    'A webhook URL must be https and resolve to public addresses (WEBHOOK_ALLOW_PRIVATE allows http and private addresses outside production).',
  ACCOUNT_SUSPENDED:
    'The account is SUSPENDED or CLOSED (the buyer, or for an order also its seller): its users cannot sign in, and nothing is ordered by, for or from it.',
  USER_DEACTIVATED: 'The user was deactivated by an ADMIN: its sign-ins are refused.',
  HAS_OPEN_ORDERS:
    'The account has orders that are not COMPLETED or CANCELLED (or, for a move, shipments its old chain still has to make): finish or cancel them first.',
  HAS_OPEN_BALANCE:
    'The account still has money open with its seller (a ledger balance other than 0, pending rebates or requested invoices): settle it first.',
  HAS_ACTIVE_CHILDREN: 'The account still has accounts below it that are not CLOSED: move or close them first.',
  LAST_ADMIN: 'The change would leave the account without an active ADMIN user.',
  CHANNEL_CHANGED:
    "The buyer's seller changed (a moveAccount) while the order was being placed: place it again, at the new seller's prices.",
} as const;

export type ErrorCode = keyof typeof CODES;

/** The codes of one domain: a TypeScript type and a documented GraphQL enum, from one list. */
function domain<const C extends ErrorCode>(name: string, mutations: string, codes: readonly C[]) {
  const values = Object.fromEntries(codes.map((c) => [c, c])) as { readonly [K in C]: K };
  const type = new GraphQLEnumType({
    name,
    description: `The \`UserError.code\` values ${mutations} answer.`,
    values: Object.fromEntries(codes.map((c) => [c, { value: c, description: CODES[c] }])),
  });
  enumTypes.push(type);
  return values;
}

/** Added to the schema by src/graphql/schema.ts: no field has these types (`UserError.code` is a String). */
export const enumTypes: GraphQLEnumType[] = [];

export const AccountErrorCode = domain(
  'AccountErrorCode',
  'createAccount, updateChannelSettings, createUser and login',
  [
    'INVALID_INPUT',
    'OUTSIDE_TERRITORY',
    'SLUG_TAKEN',
    'CODE_TAKEN',
    'EMAIL_TAKEN',
    'WEAK_PASSWORD',
    'INVALID_CREDENTIALS',
    'TOO_MANY_ATTEMPTS',
    'ACCOUNT_SUSPENDED',
    'USER_DEACTIVATED',
  ],
);
export type AccountErrorCode = keyof typeof AccountErrorCode;

export const AdminErrorCode = domain(
  'AdminErrorCode',
  'the channel administration mutations (updateAccount, setAccountStatus, moveAccount, updateUser, changePassword, setUserPassword, saveFeatureFlag, deleteFeatureFlag)',
  [
    'INVALID_INPUT',
    'INVALID_TRANSITION',
    'OUTSIDE_TERRITORY',
    'SLUG_TAKEN',
    'CODE_TAKEN',
    'WEAK_PASSWORD',
    'INVALID_CREDENTIALS',
    'HAS_OPEN_ORDERS',
    'HAS_OPEN_BALANCE',
    'HAS_ACTIVE_CHILDREN',
    'LAST_ADMIN',
  ],
);
export type AdminErrorCode = keyof typeof AdminErrorCode;

export const CatalogErrorCode = domain('CatalogErrorCode', 'upsertProducts and setAssortment', ['INVALID_INPUT']);
export type CatalogErrorCode = keyof typeof CatalogErrorCode;

export const PricingErrorCode = domain(
  'PricingErrorCode',
  'savePriceList, setPriceListEntries, setPriceFloors, savePromotion and endPromotion',
  ['INVALID_INPUT', 'INVALID_TRANSITION', 'BELOW_PRICE_FLOOR'],
);
export type PricingErrorCode = keyof typeof PricingErrorCode;

export const InventoryErrorCode = domain('InventoryErrorCode', 'createWarehouse and setStockLevels', [
  'INVALID_INPUT',
  'OUTSIDE_TERRITORY',
]);
export type InventoryErrorCode = keyof typeof InventoryErrorCode;

export const OrderErrorCode = domain(
  'OrderErrorCode',
  'placeOrder, confirmOrder, cancelOrder, shipFulfillment and confirmDelivery',
  [
    'INVALID_INPUT',
    'INVALID_TRANSITION',
    'IDEMPOTENCY_CONFLICT',
    'NOT_IN_ASSORTMENT',
    'QUANTITY_RULE',
    'OUTSIDE_TERRITORY',
    'OUT_OF_STOCK',
    'CREDIT_LIMIT_EXCEEDED',
    'EXTERNAL_REF_TAKEN',
    'ACCOUNT_SUSPENDED',
    'CHANNEL_CHANGED',
  ],
);
export type OrderErrorCode = keyof typeof OrderErrorCode;

export const TicketErrorCode = domain('TicketErrorCode', 'the ticket, return and SLA mutations', [
  'INVALID_INPUT',
  'INVALID_TRANSITION',
  'OUT_OF_STOCK',
]);
export type TicketErrorCode = keyof typeof TicketErrorCode;

export const FinanceErrorCode = domain(
  'FinanceErrorCode',
  'the payment, adjustment, statement, invoice and rebate mutations',
  ['INVALID_INPUT', 'INVALID_TRANSITION', 'IDEMPOTENCY_CONFLICT'],
);
export type FinanceErrorCode = keyof typeof FinanceErrorCode;

export const IntegrationErrorCode = domain(
  'IntegrationErrorCode',
  'createApiKey, revokeApiKey, createWebhookEndpoint, updateWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret, redeliverWebhook and sendTestWebhook',
  ['INVALID_INPUT', 'INVALID_TRANSITION', 'ROLES_EXCEED_CREATOR', 'URL_NOT_ALLOWED'],
);
export type IntegrationErrorCode = keyof typeof IntegrationErrorCode;
