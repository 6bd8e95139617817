/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD, in the channel's time zone (Asia/Shanghai). */
  Date: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** A decimal number as a string, e.g. "1299.50". Money is never a float. */
  Decimal: { input: string; output: string; }
};

/** A company in the channel tree. Visible to itself and its ancestors only (V1). */
export type Account = Node & {
  /** V4: the account itself and its direct parent only. */
  address?: Maybe<Address>;
  /** API keys of this account: for its ADMIN users and its ancestors' ADMINs (empty for other roles). */
  apiKeys: Array<ApiKey>;
  /** V5: what the account owes its seller (the sum of its ledger). */
  balance?: Maybe<Money>;
  /** Direct downstream accounts. */
  children: AccountConnection;
  /** External (ERP) code. */
  code?: Maybe<Scalars['String']['output']>;
  /** V4: the account itself and its direct parent only. */
  contact?: Maybe<Contact>;
  /** V5: the account itself (ADMIN or FINANCE) and its ancestors. */
  credit?: Maybe<Credit>;
  id: Scalars['ID']['output'];
  /** The 360° view of the account (ADMIN and ANALYST users of it and its ancestors). */
  insights?: Maybe<AccountInsights>;
  /** V5: its invoice requests. */
  invoiceRequests?: Maybe<Array<InvoiceRequest>>;
  /** V5: its ledger with its seller, newest first. */
  ledger?: Maybe<LedgerEntryConnection>;
  name: Scalars['String']['output'];
  /** Orders this account placed (V1). */
  orders: OrderConnection;
  portal?: Maybe<Portal>;
  /** V5: rebates it earned, pending or settled. */
  rebateAccruals?: Maybe<Array<RebateAccrual>>;
  /** The account this one buys from; null for the brand. */
  seller?: Maybe<SellerProfile>;
  /** V5: its statements. */
  statements?: Maybe<Array<Statement>>;
  /** ACTIVE, or SUSPENDED / CLOSED by an ancestor (setAccountStatus). */
  status: AccountStatus;
  /** Sales territory of a selling account (V6). */
  territory: Array<Region>;
  /** Tickets this account opened or handles (V1). */
  tickets: TicketConnection;
  tier: ChannelTier;
  users: Array<User>;
  /** For its ADMIN users and its ancestors' ADMINs (empty for other roles). */
  webhookEndpoints: Array<WebhookEndpoint>;
};


/** A company in the channel tree. Visible to itself and its ancestors only (V1). */
export type AccountChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A company in the channel tree. Visible to itself and its ancestors only (V1). */
export type AccountLedgerArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A company in the channel tree. Visible to itself and its ancestors only (V1). */
export type AccountOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A company in the channel tree. Visible to itself and its ancestors only (V1). */
export type AccountTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type AccountConnection = {
  edges: Array<AccountEdge>;
  nodes: Array<Account>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AccountEdge = {
  cursor: Scalars['String']['output'];
  node: Account;
};

/** The `UserError.code` values createAccount, updateChannelSettings, createUser and login answer. */
export type AccountErrorCode =
  /** The account is SUSPENDED or CLOSED (the buyer, or for an order also its seller): its users cannot sign in, and nothing is ordered by, for or from it. */
  | 'ACCOUNT_SUSPENDED'
  /** Another account has that code. */
  | 'CODE_TAKEN'
  /** A user with that e-mail exists. */
  | 'EMAIL_TAKEN'
  /** The e-mail and password do not match a user. */
  | 'INVALID_CREDENTIALS'
  /** An input breaks a rule of its own (format, length, range, a reference that does not fit); `field` names it. */
  | 'INVALID_INPUT'
  /** V6: a region outside the seller's territory (for orders, under the brand's BLOCK policy). */
  | 'OUTSIDE_TERRITORY'
  /** Another portal has that slug. */
  | 'SLUG_TAKEN'
  /** Too many failed sign-ins from this source: wait and try again. */
  | 'TOO_MANY_ATTEMPTS'
  /** The user was deactivated by an ADMIN: its sign-ins are refused. */
  | 'USER_DEACTIVATED'
  /** The password is too short, too simple or too close to the e-mail. */
  | 'WEAK_PASSWORD';

export type AccountFilter = {
  /** Accounts located in this region (a code covers its subdivisions). */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** Matches name or code, case-insensitively. */
  search?: InputMaybe<Scalars['String']['input']>;
  tier?: InputMaybe<ChannelTier>;
};

/** The 360° view of an account for itself and its ancestors (V1); money that is credit follows V5. */
export type AccountInsights = {
  /** Mean days between its orders over the last 12 months; null with fewer than 3. */
  averageDaysBetweenOrders?: Maybe<Scalars['Float']['output']>;
  /** used ÷ limit; null without a limit, or when the viewer may not see credit (V5). */
  creditUtilization?: Maybe<Scalars['Float']['output']>;
  lastOrderAt?: Maybe<Scalars['DateTime']['output']>;
  /** The last 12 whole months and the current one, oldest first: the account's purchases. */
  monthly: Array<MonthlySales>;
  /** Its orders not yet completed or cancelled. */
  openOrders: Scalars['Int']['output'];
  /** Tickets it opened or handles that are not resolved or closed. */
  openTickets: Scalars['Int']['output'];
  revenuePreviousYearToDate: Money;
  revenueYearToDate: Money;
  /** Tickets it opened or handles whose SLA was breached in the last 90 days. */
  slaBreachesLast90Days: Scalars['Int']['output'];
  /** What it bought most over the last 12 months, by revenue. */
  topVariants: Array<ProductSales>;
};


/** The 360° view of an account for itself and its ancestors (V1); money that is credit follows V5. */
export type AccountInsightsTopVariantsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type AccountPayload = {
  account?: Maybe<Account>;
  userErrors: Array<UserError>;
};

export type AccountStatus =
  | 'ACTIVE'
  /** Closed for good; history stays readable to its ancestors. */
  | 'CLOSED'
  /** Cannot sign in, order or be ordered for; its data and history stay. */
  | 'SUSPENDED';

export type AccrualStatus =
  | 'PENDING'
  | 'SETTLED';

export type Address = {
  city?: Maybe<Scalars['String']['output']>;
  latitude?: Maybe<Scalars['Float']['output']>;
  line1: Scalars['String']['output'];
  longitude?: Maybe<Scalars['Float']['output']>;
  postalCode?: Maybe<Scalars['String']['output']>;
  /** The region of `regionCode`, with its name. */
  region?: Maybe<Region>;
  regionCode: Scalars['String']['output'];
};

export type AddressInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  line1: Scalars['String']['input'];
  longitude?: InputMaybe<Scalars['Float']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  regionCode: Scalars['String']['input'];
};

export type AdjustmentInput = {
  /** Signed: negative lowers what the buyer owes. */
  amount: Scalars['Decimal']['input'];
  buyerId: Scalars['ID']['input'];
  /** YYYY-MM-DD: date it inside a disputed period, then issue that period again. */
  effectiveOn?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
};

/** The `UserError.code` values the channel administration mutations (updateAccount, setAccountStatus, moveAccount, updateUser, changePassword, setUserPassword, saveFeatureFlag, deleteFeatureFlag) answer. */
export type AdminErrorCode =
  /** Another account has that code. */
  | 'CODE_TAKEN'
  /** The account still has accounts below it that are not CLOSED: move or close them first. */
  | 'HAS_ACTIVE_CHILDREN'
  /** The account still has money open with its seller (a ledger balance other than 0, pending rebates or requested invoices): settle it first. */
  | 'HAS_OPEN_BALANCE'
  /** The account has orders that are not COMPLETED or CANCELLED (or, for a move, shipments its old chain still has to make): finish or cancel them first. */
  | 'HAS_OPEN_ORDERS'
  /** The e-mail and password do not match a user. */
  | 'INVALID_CREDENTIALS'
  /** An input breaks a rule of its own (format, length, range, a reference that does not fit); `field` names it. */
  | 'INVALID_INPUT'
  /** The object is not in a state that allows this change (e.g. cancelling a shipped order, confirming a confirmed statement). */
  | 'INVALID_TRANSITION'
  /** The change would leave the account without an active ADMIN user. */
  | 'LAST_ADMIN'
  /** V6: a region outside the seller's territory (for orders, under the brand's BLOCK policy). */
  | 'OUTSIDE_TERRITORY'
  /** Another portal has that slug. */
  | 'SLUG_TAKEN'
  /** The password is too short, too simple or too close to the e-mail. */
  | 'WEAK_PASSWORD';

export type AlertSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

/** A machine credential of one account, for ERP/WMS integrations and portals' back ends. It acts as that account with the roles it was given, never more than the roles of the user who created it. Send it as `Authorization: Bearer <secret>`, like a user's token. */
export type ApiKey = Node & {
  account: Account;
  createdAt: Scalars['DateTime']['output'];
  /** Who created it; null above the creator's account's direct parent (V4: a user's name and e-mail are contact details). */
  createdBy?: Maybe<User>;
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** When it was last used, to the minute. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The public, non-secret start of the key, e.g. `cg_live_8f3k2j9q`; the secret is shown once, at creation. */
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  roles: Array<UserRole>;
};

export type ApiKeyPayload = {
  apiKey?: Maybe<ApiKey>;
  userErrors: Array<UserError>;
};

export type AssortmentPayload = {
  /** How many skus the seller now offers. */
  count: Scalars['Int']['output'];
  userErrors: Array<UserError>;
};

export type Attribute = {
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type AttributeInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

/** Who changed what: accounts, users, credit limits, price lists, floors, assortments, flags, statuses. */
export type AuditEntry = Node & {
  account: Account;
  /** e.g. account.update, account.creditLimit, account.status, account.move, user.update, priceList.entries, featureFlag.create. */
  action: Scalars['String']['output'];
  /** Null for changes made by an API key or by the system, and for users the viewer may not see (V4). */
  actor?: Maybe<User>;
  /** The API key that made the change; null for people and the system, and for keys the viewer may not see. */
  actorApiKey?: Maybe<ApiKey>;
  at: Scalars['DateTime']['output'];
  /** What changed, as JSON (before and after), without secrets; contact details only for the account itself and its direct parent (V4). */
  changes: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The changed object, when it still exists and is visible. */
  subject?: Maybe<Node>;
};

export type AuditEntryConnection = {
  edges: Array<AuditEntryEdge>;
  nodes: Array<AuditEntry>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditEntryEdge = {
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

export type AuditFilter = {
  /** Entries about this account only. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Exactly this action, e.g. account.status. */
  action?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
};

/** What a buyer can get through its own supply chain. */
export type Availability = {
  /** Units its seller chain can deliver to its region; null for anonymous viewers. */
  availableQuantity?: Maybe<Scalars['Int']['output']>;
  status: AvailabilityStatus;
};

export type AvailabilityStatus =
  | 'IN_STOCK'
  | 'LOW_STOCK'
  | 'OUT_OF_STOCK';

/** A shipment that carried a batch code: where parallel goods came from. */
export type BatchShipment = {
  batchCode: Scalars['String']['output'];
  buyer: Account;
  order: Order;
  seller: SellerProfile;
  shipToRegion: Region;
  shippedAt?: Maybe<Scalars['DateTime']['output']>;
  warehouse: Warehouse;
};

/** The `UserError.code` values upsertProducts and setAssortment answer. */
export type CatalogErrorCode =
  /** An input breaks a rule of its own (format, length, range, a reference that does not fit); `field` names it. */
  | 'INVALID_INPUT';

export type Category = Node & {
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  parent?: Maybe<Category>;
};

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};

export type ChannelAlert = {
  /** The account it is about, in the viewer's subtree. */
  account: Account;
  detectedAt: Scalars['DateTime']['output'];
  kind: ChannelAlertKind;
  message: Scalars['String']['output'];
  severity: AlertSeverity;
  variant?: Maybe<Variant>;
};

export type ChannelAlertKind =
  | 'CREDIT_NEAR_LIMIT'
  /** Orders far above the forecast for a buyer or region: a parallel-goods (窜货) risk. */
  | 'DEMAND_SPIKE'
  /** A buyer that stopped ordering, by its own rhythm. */
  | 'DORMANT_BUYER'
  | 'LOW_STOCK'
  /** Orders shipped outside the seller's territory (flagged under V6 FLAG). */
  | 'OUT_OF_TERRITORY'
  | 'SLA_BREACHES';

/** Brand-wide settings of the channel. */
export type ChannelSettings = {
  /** Anonymous visitors may browse the catalog (never prices). */
  publicCatalog: Scalars['Boolean']['output'];
  /** BLOCK refuses orders shipped outside the seller territory (OUTSIDE_TERRITORY); FLAG accepts and flags them. */
  territoryPolicy: TerritoryPolicy;
};

export type ChannelSettingsInput = {
  publicCatalog?: InputMaybe<Scalars['Boolean']['input']>;
  territoryPolicy?: InputMaybe<TerritoryPolicy>;
};

export type ChannelSettingsPayload = {
  settings?: Maybe<ChannelSettings>;
  userErrors: Array<UserError>;
};

export type ChannelTier =
  | 'BRAND'
  | 'DISTRIBUTOR'
  | 'GENERAL_AGENT'
  | 'RETAILER';

export type CommentTicketInput = {
  body: Scalars['String']['input'];
  internal?: InputMaybe<Scalars['Boolean']['input']>;
  ticketId: Scalars['ID']['input'];
};

export type ComparePeriod =
  /** The period just before, as long: as many whole months when the period is whole months, else as many days. */
  | 'PREVIOUS_PERIOD'
  /** The same dates one year earlier (29 February maps to 28 February). */
  | 'SAME_PERIOD_LAST_YEAR';

export type Contact = {
  email?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
};

export type ContactInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type CreateAccountInput = {
  address?: InputMaybe<AddressInput>;
  code?: InputMaybe<Scalars['String']['input']>;
  contact?: InputMaybe<ContactInput>;
  creditLimit?: InputMaybe<Scalars['Decimal']['input']>;
  name: Scalars['String']['input'];
  /** The new account's seller; must be the viewer's account or in its subtree. */
  parentId: Scalars['ID']['input'];
  portal?: InputMaybe<PortalInput>;
  servicePhone?: InputMaybe<Scalars['String']['input']>;
  /** Region codes of the sales territory (selling tiers). */
  territory?: InputMaybe<Array<Scalars['String']['input']>>;
  tier: ChannelTier;
};

export type CreateApiKeyInput = {
  /** The viewer's own account, or a retailer it sells to (DESIGN.md: who manages whose users). */
  accountId: Scalars['ID']['input'];
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  roles: Array<UserRole>;
};

export type CreateApiKeyPayload = {
  apiKey?: Maybe<ApiKey>;
  /** The whole key, shown only in this answer; it is stored hashed. */
  secret?: Maybe<Scalars['String']['output']>;
  userErrors: Array<UserError>;
};

export type CreateUserInput = {
  accountId: Scalars['ID']['input'];
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  password: Scalars['String']['input'];
  roles: Array<UserRole>;
};

export type CreateWarehouseInput = {
  address: AddressInput;
  coverage: Array<Scalars['String']['input']>;
  kind: WarehouseKind;
  name: Scalars['String']['input'];
  ownerId: Scalars['ID']['input'];
};

export type CreateWebhookEndpointInput = {
  /** The viewer's own account, or a retailer it sells to (DESIGN.md: who manages whose users). */
  accountId: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  events: Array<WebhookEventType>;
  url: Scalars['String']['input'];
};

export type CreateWebhookEndpointPayload = {
  endpoint?: Maybe<WebhookEndpoint>;
  /** The signing secret (`whsec_…`), shown only in this answer. */
  secret?: Maybe<Scalars['String']['output']>;
  userErrors: Array<UserError>;
};

export type Credit = {
  available: Money;
  limit: Money;
  used: Money;
};

export type DecideInvoiceInput = {
  decision: InvoiceDecision;
  id: Scalars['ID']['input'];
  invoiceNumber?: InputMaybe<Scalars['String']['input']>;
  /** YYYY-MM-DD */
  issuedOn?: InputMaybe<Scalars['String']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type DemandForecast = {
  backtest: ForecastBacktest;
  granularity: ForecastGranularity;
  /** Units ordered per period (cancelled orders excluded), oldest first. */
  history: Array<DemandPoint>;
  historyStatus: ForecastHistory;
  /** The method the backtest chose, e.g. SEASONAL_NAIVE, HOLT_WINTERS, ETS. */
  method: Scalars['String']['output'];
  /** Why the answer is limited (a short history, a shortened backtest), in words. */
  note?: Maybe<Scalars['String']['output']>;
  points: Array<ForecastPoint>;
  variant: Variant;
};

export type DemandForecastInput = {
  /** Demand from this account's subtree (default: the viewer's account). */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Whose orders are the demand: by default the account's direct buyers' tier (what they order from it), its own purchases for a retailer. One tier, so goods are not counted once per tier they pass through. */
  buyerTier?: InputMaybe<ChannelTier>;
  granularity?: InputMaybe<ForecastGranularity>;
  /** Periods ahead: 1..26 weeks or 1..12 months. */
  horizon: Scalars['Int']['input'];
  /** Demand shipped to this region (a code covers its subdivisions). */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  sku: Scalars['String']['input'];
};

export type DemandPoint = {
  periodStart: Scalars['Date']['output'];
  units: Scalars['Int']['output'];
};

/** A pilot switch the brand manages; `viewer.features` lists the ones on for the viewer. */
export type FeatureFlag = Node & {
  /** On for these accounts' subtrees. */
  accounts: Array<Account>;
  description?: Maybe<Scalars['String']['output']>;
  /** On for every account. */
  everyone: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  /** On for accounts located in these regions (a code covers its subdivisions). */
  regions: Array<Region>;
  tiers: Array<ChannelTier>;
  updatedAt: Scalars['DateTime']['output'];
};

/** Creates the flag, or changes the given fields of the flag with this key. */
export type FeatureFlagInput = {
  accountIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  everyone?: InputMaybe<Scalars['Boolean']['input']>;
  key: Scalars['String']['input'];
  regionCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  tiers?: InputMaybe<Array<ChannelTier>>;
};

export type FeatureFlagPayload = {
  /** The flag as saved; for deleteFeatureFlag, as it was. */
  flag?: Maybe<FeatureFlag>;
  userErrors: Array<UserError>;
};

/** The `UserError.code` values the payment, adjustment, statement, invoice and rebate mutations answer. */
export type FinanceErrorCode =
  /** The idempotency key (or payment reference) was used before for a different request. */
  | 'IDEMPOTENCY_CONFLICT'
  /** An input breaks a rule of its own (format, length, range, a reference that does not fit); `field` names it. */
  | 'INVALID_INPUT'
  /** The object is not in a state that allows this change (e.g. cancelling a shipped order, confirming a confirmed statement). */
  | 'INVALID_TRANSITION';

/** Rolling-origin evaluation on the series' own history: each candidate method is fitted on the history up to an origin and scored on the periods after it. MASE is scaled by the in-sample seasonal-naive error (below 1 beats it). */
export type ForecastBacktest = {
  baselineMase?: Maybe<Scalars['Float']['output']>;
  baselineMethod: Scalars['String']['output'];
  baselineSmape?: Maybe<Scalars['Float']['output']>;
  candidates: Array<ForecastCandidate>;
  horizon: Scalars['Int']['output'];
  mase?: Maybe<Scalars['Float']['output']>;
  origins: Scalars['Int']['output'];
  /** Which in-sample error scaled MASE: SEASONAL_NAIVE, or NAIVE when the history is shorter than a season; null without a backtest. */
  scale?: Maybe<Scalars['String']['output']>;
  smape?: Maybe<Scalars['Float']['output']>;
};

export type ForecastCandidate = {
  mase?: Maybe<Scalars['Float']['output']>;
  method: Scalars['String']['output'];
  smape?: Maybe<Scalars['Float']['output']>;
};

export type ForecastGranularity =
  | 'MONTH'
  | 'WEEK';

/** How much history the series had, and so which methods competed. */
export type ForecastHistory =
  /** Two seasons or more: seasonal methods competed, seasonal naive is the baseline. */
  | 'FULL'
  /** Under two seasons: only non-seasonal methods, naive is the baseline. */
  | 'SHORT'
  /** Too few periods to backtest: a flat forecast with wide intervals and no scores. */
  | 'VERY_SHORT';

export type ForecastPoint = {
  /** 80% prediction interval. */
  lower: Scalars['Float']['output'];
  periodStart: Scalars['Date']['output'];
  units: Scalars['Float']['output'];
  upper: Scalars['Float']['output'];
};

/** Part of an order served from one warehouse, with the reason it was routed there. */
export type Fulfillment = {
  batchCodes: Array<Scalars['String']['output']>;
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lines: Array<FulfillmentLine>;
  routingReason: Scalars['String']['output'];
  shippedAt?: Maybe<Scalars['DateTime']['output']>;
  status: FulfillmentStatus;
  trackingNumber?: Maybe<Scalars['String']['output']>;
  warehouse: Warehouse;
};

export type FulfillmentLine = {
  quantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
};

export type FulfillmentStatus =
  | 'CANCELLED'
  | 'DELIVERED'
  | 'PENDING'
  | 'SHIPPED';

export type GenerateStatementInput = {
  buyerId: Scalars['ID']['input'];
  /** Or a period: from (YYYY-MM-DD) … */
  from?: InputMaybe<Scalars['String']['input']>;
  /** "YYYY-MM": that month. */
  month?: InputMaybe<Scalars['String']['input']>;
  /** … to (exclusive). */
  to?: InputMaybe<Scalars['String']['input']>;
};

/** The `UserError.code` values createApiKey, revokeApiKey, createWebhookEndpoint, updateWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret, redeliverWebhook and sendTestWebhook answer. */
export type IntegrationErrorCode =
  /** An input breaks a rule of its own (format, length, range, a reference that does not fit); `field` names it. */
  | 'INVALID_INPUT'
  /** The object is not in a state that allows this change (e.g. cancelling a shipped order, confirming a confirmed statement). */
  | 'INVALID_TRANSITION'
  /** An API key may hold only roles its creator holds (an ADMIN holds every role). */
  | 'ROLES_EXCEED_CREATOR'
  /** A webhook URL must be https and resolve to public addresses (WEBHOOK_ALLOW_PRIVATE allows http and private addresses outside production). */
  | 'URL_NOT_ALLOWED';

/** The `UserError.code` values createWarehouse and setStockLevels answer. */
export type InventoryErrorCode =
  /** An input breaks a rule of its own (format, length, range, a reference that does not fit); `field` names it. */
  | 'INVALID_INPUT'
  /** V6: a region outside the seller's territory (for orders, under the brand's BLOCK policy). */
  | 'OUTSIDE_TERRITORY';

export type InvoiceDecision =
  | 'ISSUE'
  | 'REJECT';

/** 开票: a request for a fapiao. */
export type InvoiceRequest = Node & {
  amount: Money;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  invoiceNumber?: Maybe<Scalars['String']['output']>;
  issuedOn?: Maybe<Scalars['String']['output']>;
  number: Scalars['String']['output'];
  rejectReason?: Maybe<Scalars['String']['output']>;
  status: InvoiceStatus;
  taxId: Scalars['String']['output'];
  title: Scalars['String']['output'];
  type: InvoiceType;
};

export type InvoiceRequestInput = {
  amount: Scalars['Decimal']['input'];
  orderIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  statementId?: InputMaybe<Scalars['ID']['input']>;
  taxId: Scalars['String']['input'];
  title: Scalars['String']['input'];
  type: InvoiceType;
};

export type InvoiceRequestPayload = {
  invoice?: Maybe<InvoiceRequest>;
  userErrors: Array<UserError>;
};

export type InvoiceStatus =
  | 'ISSUED'
  | 'REJECTED'
  | 'REQUESTED';

export type InvoiceType =
  | 'GENERAL_VAT'
  | 'SPECIAL_VAT';

/** One append-only entry of what a buyer owes its seller. Positive: owes more. */
export type LedgerEntry = {
  amount: Money;
  at: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: LedgerKind;
  method?: Maybe<Scalars['String']['output']>;
  orderId?: Maybe<Scalars['ID']['output']>;
  reason?: Maybe<Scalars['String']['output']>;
  reference?: Maybe<Scalars['String']['output']>;
};

export type LedgerEntryConnection = {
  edges: Array<LedgerEntryEdge>;
  nodes: Array<LedgerEntry>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type LedgerEntryEdge = {
  cursor: Scalars['String']['output'];
  node: LedgerEntry;
};

export type LedgerEntryPayload = {
  entry?: Maybe<LedgerEntry>;
  userErrors: Array<UserError>;
};

export type LedgerKind =
  | 'ADJUSTMENT'
  | 'CREDIT_NOTE'
  | 'ORDER_CHARGE'
  | 'PAYMENT'
  | 'REBATE';

export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type LoginPayload = {
  /** When the token stops being accepted. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Send as `Authorization: Bearer <token>`. */
  token?: Maybe<Scalars['String']['output']>;
  userErrors: Array<UserError>;
  viewer?: Maybe<Viewer>;
};

export type MarkNotificationsReadInput = {
  /** Marks every unread notification read. */
  all?: InputMaybe<Scalars['Boolean']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type MarkNotificationsReadPayload = {
  count: Scalars['Int']['output'];
  unreadCount: Scalars['Int']['output'];
};

/** Product images, spec sheets and marketing material for partners to download. */
export type Media = {
  kind: MediaKind;
  title?: Maybe<Scalars['String']['output']>;
  url: Scalars['String']['output'];
};

export type MediaInput = {
  kind: MediaKind;
  title?: InputMaybe<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};

export type MediaKind =
  | 'DOCUMENT'
  | 'IMAGE'
  | 'VIDEO';

export type Money = {
  amount: Scalars['Decimal']['output'];
  currencyCode: Scalars['String']['output'];
};

export type MonthlySales = {
  month: Scalars['Date']['output'];
  orders: Scalars['Int']['output'];
  revenue: Money;
};

/** Moves an account (and its subtree) under another seller of the same tier as its old one, inside the viewer's subtree. Past orders keep their seller; open orders must be finished or cancelled first. */
export type MoveAccountInput = {
  id: Scalars['ID']['input'];
  newParentId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type Mutation = {
  /** The service side approves a RETURN or EXCHANGE. */
  approveReturn: TicketPayload;
  cancelOrder: OrderPayload;
  /** The signed-in user's own password; signs it out of every other session (the answer's token is this one's). */
  changePassword: UserPayload;
  commentTicket: TicketPayload;
  /** The buyer confirms receipt of all shipped fulfillments. */
  confirmDelivery: OrderPayload;
  /** The seller (or an ancestor) confirms a submitted order. */
  confirmOrder: OrderPayload;
  createAccount: AccountPayload;
  createApiKey: CreateApiKeyPayload;
  createUser: UserPayload;
  createWarehouse: WarehousePayload;
  createWebhookEndpoint: CreateWebhookEndpointPayload;
  decideInvoice: InvoiceRequestPayload;
  /** The buyer's FINANCE confirms (final) or disputes a statement. */
  decideStatement: StatementPayload;
  /** Brand ADMIN only. */
  deleteFeatureFlag: FeatureFlagPayload;
  deleteWebhookEndpoint: WebhookEndpointPayload;
  /** Ends a promotion now (its validTo becomes the current time). */
  endPromotion: PromotionPayload;
  generateStatement: StatementPayload;
  /** Signs in. It must be the only field of its operation. */
  login: LoginPayload;
  markNotificationsRead: MarkNotificationsReadPayload;
  /** An ADMIN above the account moves it and its subtree under another seller of the same tier in its own subtree. */
  moveAccount: AccountPayload;
  openTicket: TicketPayload;
  placeOrder: OrderPayload;
  /** The requester rates a resolved ticket, 1 to 5, once. */
  rateTicket: TicketPayload;
  /** The returned goods arrive in a warehouse of the assignee. */
  receiveReturn: TicketPayload;
  /** The seller corrects a balance, with a reason. */
  recordAdjustment: LedgerEntryPayload;
  /** The seller's FINANCE records a payment; idempotent on reference. */
  recordPayment: LedgerEntryPayload;
  /** Queues one delivery again (a DEAD or FAILED one, or a past success). */
  redeliverWebhook: WebhookDeliveryPayload;
  requestInvoice: InvoiceRequestPayload;
  revokeApiKey: ApiKeyPayload;
  rotateWebhookSecret: CreateWebhookEndpointPayload;
  /** Brand ADMIN only. */
  saveFeatureFlag: FeatureFlagPayload;
  savePriceList: PriceListPayload;
  savePromotion: PromotionPayload;
  saveRebatePolicy: RebatePolicyPayload;
  saveSlaPolicy: SlaPolicyPayload;
  /** Sends a PING-style test event to the endpoint now. */
  sendTestWebhook: WebhookDeliveryPayload;
  /** An ADMIN of an account above it: SUSPENDED stops sign-ins and orders by, for and from it; CLOSED is final. */
  setAccountStatus: AccountPayload;
  setAssortment: AssortmentPayload;
  /** Brand only. */
  setPriceFloors: PriceFloorsPayload;
  /** Rejects any entry below the floor for the list's buyers (BELOW_PRICE_FLOOR). */
  setPriceListEntries: PriceListPayload;
  setStockLevels: StockLevelsPayload;
  setTicketStatus: TicketPayload;
  /** An ADMIN sets the password of a user of its own account or of a retailer it sells to; signs that user out everywhere. */
  setUserPassword: UserPayload;
  /** Closes a period for a buyer: final accrual, then REBATE entries (a running period is only accrued). */
  settleRebates: SettleRebatesPayload;
  shipFulfillment: OrderPayload;
  /** Own ADMIN: name, address, contact, service phone, portal; the seller's ADMIN: code, territory; the seller's ADMIN or FINANCE: credit limit (never one's own). */
  updateAccount: AccountPayload;
  /** Brand ADMIN only. */
  updateChannelSettings: ChannelSettingsPayload;
  /** Name, roles, active: an ADMIN of the user's account, or of the retailer's seller. */
  updateUser: UserPayload;
  updateWebhookEndpoint: WebhookEndpointPayload;
  upsertProducts: UpsertProductsPayload;
};


export type MutationApproveReturnArgs = {
  ticketId: Scalars['ID']['input'];
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationCommentTicketArgs = {
  input: CommentTicketInput;
};


export type MutationConfirmDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationConfirmOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateAccountArgs = {
  input: CreateAccountInput;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationCreateWarehouseArgs = {
  input: CreateWarehouseInput;
};


export type MutationCreateWebhookEndpointArgs = {
  input: CreateWebhookEndpointInput;
};


export type MutationDecideInvoiceArgs = {
  input: DecideInvoiceInput;
};


export type MutationDecideStatementArgs = {
  decision: StatementDecision;
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationDeleteFeatureFlagArgs = {
  key: Scalars['String']['input'];
};


export type MutationDeleteWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEndPromotionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationGenerateStatementArgs = {
  input: GenerateStatementInput;
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationMarkNotificationsReadArgs = {
  input: MarkNotificationsReadInput;
};


export type MutationMoveAccountArgs = {
  input: MoveAccountInput;
};


export type MutationOpenTicketArgs = {
  input: OpenTicketInput;
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


export type MutationRateTicketArgs = {
  input: RateTicketInput;
};


export type MutationReceiveReturnArgs = {
  input: ReceiveReturnInput;
};


export type MutationRecordAdjustmentArgs = {
  input: AdjustmentInput;
};


export type MutationRecordPaymentArgs = {
  input: RecordPaymentInput;
};


export type MutationRedeliverWebhookArgs = {
  deliveryId: Scalars['ID']['input'];
};


export type MutationRequestInvoiceArgs = {
  input: InvoiceRequestInput;
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSaveFeatureFlagArgs = {
  input: FeatureFlagInput;
};


export type MutationSavePriceListArgs = {
  input: PriceListInput;
};


export type MutationSavePromotionArgs = {
  input: PromotionInput;
};


export type MutationSaveRebatePolicyArgs = {
  input: RebatePolicyInput;
};


export type MutationSaveSlaPolicyArgs = {
  input: SlaPolicyInput;
};


export type MutationSendTestWebhookArgs = {
  endpointId: Scalars['ID']['input'];
};


export type MutationSetAccountStatusArgs = {
  input: SetAccountStatusInput;
};


export type MutationSetAssortmentArgs = {
  input: SetAssortmentInput;
};


export type MutationSetPriceFloorsArgs = {
  input: Array<PriceFloorInput>;
};


export type MutationSetPriceListEntriesArgs = {
  input: SetPriceListEntriesInput;
};


export type MutationSetStockLevelsArgs = {
  input: Array<StockLevelInput>;
};


export type MutationSetTicketStatusArgs = {
  id: Scalars['ID']['input'];
  status: TicketStatus;
};


export type MutationSetUserPasswordArgs = {
  input: SetUserPasswordInput;
};


export type MutationSettleRebatesArgs = {
  buyerId: Scalars['ID']['input'];
  periodDay: Scalars['String']['input'];
};


export type MutationShipFulfillmentArgs = {
  input: ShipFulfillmentInput;
};


export type MutationUpdateAccountArgs = {
  input: UpdateAccountInput;
};


export type MutationUpdateChannelSettingsArgs = {
  input: ChannelSettingsInput;
};


export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};


export type MutationUpdateWebhookEndpointArgs = {
  input: UpdateWebhookEndpointInput;
};


export type MutationUpsertProductsArgs = {
  input: Array<UpsertProductInput>;
};

/** An object with a global id, fetchable with `node(id:)`. */
export type Node = {
  /** Opaque global id. */
  id: Scalars['ID']['output'];
};

/** An item of the viewer's notification feed; only users of the account it was made for receive it. */
export type Notification = Node & {
  body?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** e.g. ORDER_SUBMITTED, ORDER_SHIPPED, TICKET_OPENED, TICKET_REPLY, SLA_WARNING, SLA_BREACHED. */
  kind: Scalars['String']['output'];
  /** The order it is about, if any. */
  orderId?: Maybe<Scalars['ID']['output']>;
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /** The ticket it is about, if any. */
  ticketId?: Maybe<Scalars['ID']['output']>;
  title: Scalars['String']['output'];
};

export type NotificationConnection = {
  edges: Array<NotificationEdge>;
  nodes: Array<Notification>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type NotificationEdge = {
  cursor: Scalars['String']['output'];
  node: Notification;
};

export type OpenTicketInput = {
  body: Scalars['String']['input'];
  kind: TicketKind;
  /** For RETURN and EXCHANGE: which lines of the order, how many. */
  lines?: InputMaybe<Array<TicketLineInput>>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
  priority?: InputMaybe<TicketPriority>;
  subject: Scalars['String']['input'];
};

/** An order. Visible to the buyer and its ancestors (V1); attributed to the buyer's seller. */
export type Order = Node & {
  buyer: Account;
  channel: OrderChannel;
  createdAt: Scalars['DateTime']['output'];
  discountTotal: Money;
  events: Array<OrderEvent>;
  /** The buyer's or the ERP's own reference; unique per buyer when given. */
  externalRef?: Maybe<Scalars['String']['output']>;
  flagReason?: Maybe<Scalars['String']['output']>;
  /** V6: accepted outside the seller's territory under the FLAG policy. */
  flagged: Scalars['Boolean']['output'];
  fulfillments: Array<Fulfillment>;
  id: Scalars['ID']['output'];
  /** SALE, or REPLACEMENT (an exchange shipped at no charge). */
  kind: OrderKind;
  lines: Array<OrderLine>;
  note?: Maybe<Scalars['String']['output']>;
  number: Scalars['String']['output'];
  /** The account the order is attributed to (the buyer's seller). */
  seller: SellerProfile;
  /** Who delivers, installs and handles after-sales. */
  serviceProvider: SellerProfile;
  shipTo: Address;
  status: OrderStatus;
  subtotal: Money;
  total: Money;
  /** The last change of the order, its fulfillments or its status (for incremental sync: OrderFilter.updatedSince). */
  updatedAt: Scalars['DateTime']['output'];
};

export type OrderChannel =
  | 'ERP'
  | 'OFFLINE'
  | 'ONLINE'
  | 'PHONE';

export type OrderConnection = {
  edges: Array<OrderEdge>;
  nodes: Array<Order>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** What SalesMetrics.orders counted. */
export type OrderCounting =
  /** Distinct orders. */
  | 'ORDERS'
  /** Order lines: the figure is grouped by product or category, or filtered by skus or categories, and an order with two matching skus counts twice (each line is an order of its sku). */
  | 'ORDER_LINES';

export type OrderEdge = {
  cursor: Scalars['String']['output'];
  node: Order;
};

/** The `UserError.code` values placeOrder, confirmOrder, cancelOrder, shipFulfillment and confirmDelivery answer. */
export type OrderErrorCode =
  /** The account is SUSPENDED or CLOSED (the buyer, or for an order also its seller): its users cannot sign in, and nothing is ordered by, for or from it. */
  | 'ACCOUNT_SUSPENDED'
  /** The buyer's seller changed (a moveAccount) while the order was being placed: place it again, at the new seller's prices. */
  | 'CHANNEL_CHANGED'
  /** The order total exceeds the buyer's available credit. */
  | 'CREDIT_LIMIT_EXCEEDED'
  /** Another order of this buyer already has that externalRef. */
  | 'EXTERNAL_REF_TAKEN'
  /** The idempotency key (or payment reference) was used before for a different request. */
  | 'IDEMPOTENCY_CONFLICT'
  /** An input breaks a rule of its own (format, length, range, a reference that does not fit); `field` names it. */
  | 'INVALID_INPUT'
  /** The object is not in a state that allows this change (e.g. cancelling a shipped order, confirming a confirmed statement). */
  | 'INVALID_TRANSITION'
  /** V2: the buyer is not offered that sku (answered alike for one that does not exist). */
  | 'NOT_IN_ASSORTMENT'
  /** V6: a region outside the seller's territory (for orders, under the brand's BLOCK policy). */
  | 'OUTSIDE_TERRITORY'
  /** No warehouse delivering to the ship-to region, nor any combination of them, has the quantity. */
  | 'OUT_OF_STOCK'
  /** The quantity is below the variant's minOrderQuantity or not a multiple of its orderIncrement. */
  | 'QUANTITY_RULE';

export type OrderEvent = {
  actor?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  kind: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  status?: Maybe<OrderStatus>;
};

export type OrderFilter = {
  buyerId?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<OrderChannel>;
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  externalRef?: InputMaybe<Scalars['String']['input']>;
  /** V6: only orders flagged for shipping outside the seller territory. */
  flagged?: InputMaybe<Scalars['Boolean']['input']>;
  number?: InputMaybe<Scalars['String']['input']>;
  /** Ship-to region; a code covers its subdivisions. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  /** Orders attributed to this seller. */
  sellerId?: InputMaybe<Scalars['ID']['input']>;
  /** Orders with a line of this sku. */
  sku?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<OrderStatus>;
  /** Orders changed at or after this instant (for incremental sync). */
  updatedSince?: InputMaybe<Scalars['DateTime']['input']>;
};

export type OrderKind =
  /** The no-charge replacement of an approved EXCHANGE ticket (ReturnAuthorization.replacementOrder): not a sale. */
  | 'REPLACEMENT'
  | 'SALE';

export type OrderLine = {
  lineTotal: Money;
  /** Unit price from the price list, before promotions. */
  listPrice: Money;
  /** How the unit price was reached when the order was placed. */
  priceSteps: Array<PriceStep>;
  quantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  unitPrice: Money;
  variant: Variant;
};

export type OrderLineInput = {
  quantity: Scalars['Int']['input'];
  sku: Scalars['String']['input'];
};

export type OrderPayload = {
  order?: Maybe<Order>;
  userErrors: Array<UserError>;
};

export type OrderStatus =
  | 'ALLOCATED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'CONFIRMED'
  | 'DELIVERED'
  | 'SHIPPED'
  | 'SUBMITTED';

export type PageInfo = {
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type PlaceOrderInput = {
  /** Defaults to the viewer's account; a seller may order on behalf of an account in its subtree. */
  buyerId?: InputMaybe<Scalars['ID']['input']>;
  channel?: InputMaybe<OrderChannel>;
  /** The buyer's or its ERP's own reference (1–100 characters); unique per buyer: another order with it is EXTERNAL_REF_TAKEN. */
  externalRef?: InputMaybe<Scalars['String']['input']>;
  /** Retrying with the same key returns the first result and never places twice. */
  idempotencyKey: Scalars['String']['input'];
  lines: Array<OrderLineInput>;
  note?: InputMaybe<Scalars['String']['input']>;
  /** Defaults to the buyer's address. */
  shipTo?: InputMaybe<AddressInput>;
};

/** Public branding of a seller's ordering portal. Readable without signing in. */
export type Portal = {
  displayName: Scalars['String']['output'];
  logoUrl?: Maybe<Scalars['String']['output']>;
  primaryColor?: Maybe<Scalars['String']['output']>;
  seller: SellerProfile;
  slug: Scalars['String']['output'];
  welcomeText?: Maybe<Scalars['String']['output']>;
};

export type PortalInput = {
  displayName: Scalars['String']['input'];
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  primaryColor?: InputMaybe<Scalars['String']['input']>;
  slug: Scalars['String']['input'];
  welcomeText?: InputMaybe<Scalars['String']['input']>;
};

/** A resolved unit price, with the steps that produced it. */
export type Price = {
  /** Unit price after promotions and the floor. */
  amount: Money;
  floorApplied: Scalars['Boolean']['output'];
  /** Unit price from the price list, before promotions. */
  listPrice: Money;
  quantity: Scalars['Int']['output'];
  steps: Array<PriceStep>;
};

export type PriceFloorInput = {
  amount: Scalars['Decimal']['input'];
  sku: Scalars['String']['input'];
  /** The tier of the buyers that this floor protects, e.g. RETAILER. */
  tier: ChannelTier;
};

export type PriceFloorsPayload = {
  count: Scalars['Int']['output'];
  userErrors: Array<UserError>;
};

export type PriceList = Node & {
  assignments: Array<PriceListAssignment>;
  currencyCode: Scalars['String']['output'];
  entries: Array<PriceListEntry>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  owner: SellerProfile;
  priority: Scalars['Int']['output'];
  validFrom?: Maybe<Scalars['DateTime']['output']>;
  validTo?: Maybe<Scalars['DateTime']['output']>;
};

export type PriceListAssignment = {
  account?: Maybe<Account>;
  regionCode?: Maybe<Scalars['String']['output']>;
  tier?: Maybe<ChannelTier>;
};

export type PriceListAssignmentInput = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  regionCode?: InputMaybe<Scalars['String']['input']>;
  tier?: InputMaybe<ChannelTier>;
};

export type PriceListEntry = {
  minQuantity: Scalars['Int']['output'];
  price: Money;
  priceList: PriceList;
  variant: Variant;
};

export type PriceListEntryInput = {
  minQuantity?: InputMaybe<Scalars['Int']['input']>;
  price: Scalars['Decimal']['input'];
  sku: Scalars['String']['input'];
};

export type PriceListInput = {
  assignments: Array<PriceListAssignmentInput>;
  currencyCode?: InputMaybe<Scalars['String']['input']>;
  /** Omit to create; give to update. */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  /** The selling account that owns the list; the viewer's account or its subtree. */
  ownerId: Scalars['ID']['input'];
  priority?: InputMaybe<Scalars['Int']['input']>;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  validTo?: InputMaybe<Scalars['DateTime']['input']>;
};

export type PriceListPayload = {
  priceList?: Maybe<PriceList>;
  userErrors: Array<UserError>;
};

/** One step of how a price was reached. */
export type PriceStep = {
  /** The signed change this step made; the steps add up to the price. */
  amount: Money;
  description: Scalars['String']['output'];
  kind: PriceStepKind;
};

export type PriceStepKind =
  | 'FLOOR'
  | 'LIST'
  | 'PROMOTION'
  | 'QUANTITY_BREAK';

/** The `UserError.code` values savePriceList, setPriceListEntries, setPriceFloors, savePromotion and endPromotion answer. */
export type PricingErrorCode =
  /** A price below the brand's floor for a tier the price list reaches. */
  | 'BELOW_PRICE_FLOOR'
  /** An input breaks a rule of its own (format, length, range, a reference that does not fit); `field` names it. */
  | 'INVALID_INPUT'
  /** The object is not in a state that allows this change (e.g. cancelling a shipped order, confirming a confirmed statement). */
  | 'INVALID_TRANSITION';

/** A product in the catalog. A buyer sees only products in its seller's assortment (V2). */
export type Product = Node & {
  attributes: Array<Attribute>;
  category?: Maybe<Category>;
  /** Stable external (ERP) code. */
  code: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  media: Array<Media>;
  name: Scalars['String']['output'];
  /** Only the variants the viewer's seller offers (V2). */
  variants: Array<Variant>;
};

export type ProductConnection = {
  edges: Array<ProductEdge>;
  nodes: Array<Product>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProductEdge = {
  cursor: Scalars['String']['output'];
  node: Product;
};

export type ProductFilter = {
  /** A category; its subcategories are included. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Matches product name or code, or a variant sku or name. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only what this seller offers (its assortment), e.g. for a portal's public catalog. */
  sellerId?: InputMaybe<Scalars['ID']['input']>;
  skus?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type ProductSales = {
  revenue: Money;
  units: Scalars['Int']['output'];
  variant: Variant;
};

/** A seller's discount for its buyers. Visible to the owner and its ancestors; buyers see its effect in Price.steps. */
export type Promotion = Node & {
  accounts: Array<Account>;
  /** Category ids it applies to (with their products). */
  categoryIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  kind: PromotionKind;
  name: Scalars['String']['output'];
  owner: SellerProfile;
  regionCodes: Array<Scalars['String']['output']>;
  skus: Array<Scalars['String']['output']>;
  stackable: Scalars['Boolean']['output'];
  tiers: Array<ChannelTier>;
  validFrom?: Maybe<Scalars['DateTime']['output']>;
  validTo?: Maybe<Scalars['DateTime']['output']>;
  /** PERCENT_OFF: percent, e.g. "10"; AMOUNT_OFF: money off the unit price. */
  value: Scalars['Decimal']['output'];
};

export type PromotionInput = {
  accountIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  categoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Omit to create; give to update. */
  id?: InputMaybe<Scalars['ID']['input']>;
  kind: PromotionKind;
  name: Scalars['String']['input'];
  /** The seller running it; the viewer's account or its subtree. */
  ownerId: Scalars['ID']['input'];
  regionCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  skus?: InputMaybe<Array<Scalars['String']['input']>>;
  stackable?: InputMaybe<Scalars['Boolean']['input']>;
  tiers?: InputMaybe<Array<ChannelTier>>;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  validTo?: InputMaybe<Scalars['DateTime']['input']>;
  /** PERCENT_OFF: percent (0 < v ≤ 100); AMOUNT_OFF: money off the unit price. */
  value: Scalars['Decimal']['input'];
};

export type PromotionKind =
  | 'AMOUNT_OFF'
  | 'PERCENT_OFF';

export type PromotionPayload = {
  promotion?: Maybe<Promotion>;
  userErrors: Array<UserError>;
};

export type Query = {
  /** Null when the account is outside the viewer's subtree (no error: existence is not revealed). */
  account?: Maybe<Account>;
  /** Accounts in the viewer's subtree, the viewer's own included (V1). */
  accounts: AccountConnection;
  /** ADMIN users: changes in the viewer's account and its subtree (V1), newest first. */
  auditLog: AuditEntryConnection;
  categories: Array<Category>;
  /** Alerts over the viewer's subtree, most severe and most recent first. */
  channelAlerts: Array<ChannelAlert>;
  /** Settings of the viewer's channel. */
  channelSettings: ChannelSettings;
  /** A sku's demand in the viewer's subtree, forecast with its backtest; null when the sku or the account is not visible. */
  demandForecast?: Maybe<DemandForecast>;
  /** Brand users: every flag. Others see their own in viewer.features. */
  featureFlags: Array<FeatureFlag>;
  /** Any object by its global id; null when malformed or outside the viewer's scope. */
  node?: Maybe<Node>;
  /** Null when the order is outside the viewer's scope. */
  order?: Maybe<Order>;
  /** Orders of buyers in the viewer's subtree (V1), newest first. */
  orders: OrderConnection;
  /** Public branding of a portal, by slug; no sign-in needed. */
  portal?: Maybe<Portal>;
  /** Price lists owned by the viewer's account or its subtree. */
  priceLists: Array<PriceList>;
  product?: Maybe<Product>;
  products: ProductConnection;
  /** Promotions run by the viewer's account or its subtree. */
  promotions: Array<Promotion>;
  /** Rebate policies of the viewer's account and its subtree. */
  rebatePolicies: Array<RebatePolicy>;
  /** For the viewer's account, or (sellers) for a buyer in the viewer's subtree. */
  recommendations: Array<Recommendation>;
  /** What to reorder for a warehouse of the viewer's account or its subtree, most urgent first; empty for any other. */
  replenishmentSuggestions: Array<ReplenishmentSuggestion>;
  /** Sales of the orders the viewer can see (V1), from the daily rollups: grouped, filtered, compared. ADMIN and ANALYST users. */
  salesReport: SalesReport;
  /** The SLA in force for the viewer's account, per kind and priority. */
  slaPolicies: Array<SlaPolicy>;
  ticket?: Maybe<Ticket>;
  /** Tickets the viewer's chain opened or handles (V1), newest first. */
  tickets: TicketConnection;
  /** Shipments that carried a batch code, for the sellers above them (窜货 tracing). */
  traceBatch: Array<BatchShipment>;
  variant?: Maybe<Variant>;
  /** The signed-in user; null when anonymous. */
  viewer?: Maybe<Viewer>;
  /** Warehouses of the viewer's account and its subtree (V1). */
  warehouses: Array<Warehouse>;
};


export type QueryAccountArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccountFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryChannelAlertsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<ChannelAlertKind>>;
};


export type QueryDemandForecastArgs = {
  input: DemandForecastInput;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPortalArgs = {
  slug: Scalars['String']['input'];
};


export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRecommendationsArgs = {
  accountId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReplenishmentSuggestionsArgs = {
  input: ReplenishmentInput;
};


export type QuerySalesReportArgs = {
  input: SalesReportInput;
};


export type QueryTicketArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTraceBatchArgs = {
  code: Scalars['String']['input'];
};


export type QueryVariantArgs = {
  sku: Scalars['String']['input'];
};

export type RateTicketInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  rating: Scalars['Int']['input'];
  ticketId: Scalars['ID']['input'];
};

/** What a buyer earned back in one period under one policy; PENDING until settled as a REBATE entry. */
export type RebateAccrual = {
  amount: Money;
  id: Scalars['ID']['output'];
  /** The orders it came from. */
  orderIds: Array<Scalars['ID']['output']>;
  percent: Scalars['Decimal']['output'];
  periodEnd: Scalars['String']['output'];
  periodStart: Scalars['String']['output'];
  policy: RebatePolicy;
  status: AccrualStatus;
  volume: Money;
};

export type RebatePeriod =
  | 'MONTH'
  | 'QUARTER';

/** 返利: a seller's rebate policy for its buyers. */
export type RebatePolicy = {
  active: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Only ONLINE orders count (to reward moving orders online). */
  onlineOnly: Scalars['Boolean']['output'];
  owner: SellerProfile;
  period: RebatePeriod;
  tiers: Array<RebateTierValue>;
};

export type RebatePolicyInput = {
  /** Only these buyers; all buyers when empty. */
  accountIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Omit to create; give to change (or end, with active: false). */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  onlineOnly?: InputMaybe<Scalars['Boolean']['input']>;
  ownerId: Scalars['ID']['input'];
  period: RebatePeriod;
  tiers: Array<RebateTierInput>;
};

export type RebatePolicyPayload = {
  policy?: Maybe<RebatePolicy>;
  userErrors: Array<UserError>;
};

export type RebateTierInput = {
  minVolume: Scalars['Decimal']['input'];
  /** e.g. "2" for 2% */
  percent: Scalars['Decimal']['input'];
};

export type RebateTierValue = {
  minVolume: Money;
  percent: Scalars['Decimal']['output'];
};

export type ReceiveReturnInput = {
  ticketId: Scalars['ID']['input'];
  /** A warehouse of the assignee. */
  warehouseId: Scalars['ID']['input'];
};

export type Recommendation = {
  kind: RecommendationKind;
  reason: Scalars['String']['output'];
  score: Scalars['Float']['output'];
  /** Always a variant the buyer may order (V2). */
  variant: Variant;
};

export type RecommendationKind =
  /** Often bought together with what this buyer buys. */
  | 'BOUGHT_TOGETHER'
  /** Newly offered to this buyer. */
  | 'NEW_IN_ASSORTMENT'
  /** Selling well to similar buyers nearby, not yet bought by this one. */
  | 'POPULAR_NEARBY'
  /** Bought regularly and due again, by this buyer's own rhythm. */
  | 'REORDER_DUE';

export type RecordPaymentInput = {
  amount: Scalars['Decimal']['input'];
  buyerId: Scalars['ID']['input'];
  currencyCode?: InputMaybe<Scalars['String']['input']>;
  /** e.g. BANK_TRANSFER, ALIPAY, WECHAT_PAY, CASH */
  method: Scalars['String']['input'];
  receivedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Bank or payment reference; payments are idempotent on it. */
  reference: Scalars['String']['input'];
};

/** An administrative region by its GB/T 2260 division code, e.g. 440300 (Shenzhen). */
export type Region = {
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type ReplenishmentInput = {
  /** Days of demand to cover after the lead time. */
  coverDays?: InputMaybe<Scalars['Int']['input']>;
  leadTimeDays?: InputMaybe<Scalars['Int']['input']>;
  /** Probability of not running out during the lead time, 0.5..0.999. */
  serviceLevel?: InputMaybe<Scalars['Float']['input']>;
  /** A warehouse the viewer's account owns (or one in its subtree). */
  warehouseId: Scalars['ID']['input'];
};

export type ReplenishmentSuggestion = {
  daysOfCover?: Maybe<Scalars['Float']['output']>;
  /** Forecast units over lead time plus cover. */
  expectedDemand: Scalars['Float']['output'];
  onHand: Scalars['Int']['output'];
  /** In words, e.g. "sells 12 a week, 9 days of cover left, 7 days lead time". */
  reason: Scalars['String']['output'];
  reorderPoint: Scalars['Int']['output'];
  reserved: Scalars['Int']['output'];
  safetyStock: Scalars['Int']['output'];
  /** Rounded up to the variant's minimum order quantity and increment; 0 when nothing is needed. */
  suggestedQuantity: Scalars['Int']['output'];
  variant: Variant;
};

/** An approved return or exchange: the goods come back into a warehouse of the assignee. */
export type ReturnAuthorization = {
  createdAt: Scalars['DateTime']['output'];
  /** For a RETURN: what the buyer is credited, once the goods are received. */
  creditAmount?: Maybe<Money>;
  id: Scalars['ID']['output'];
  number: Scalars['String']['output'];
  receivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** For an EXCHANGE: the replacement shipped at no charge (an order of kind REPLACEMENT), when the viewer sees it. */
  replacementOrder?: Maybe<Order>;
  status: ReturnStatus;
  warehouse?: Maybe<Warehouse>;
};

export type ReturnStatus =
  | 'AUTHORIZED'
  | 'RECEIVED';

/** What to group sales by. PARTNER is the viewer's direct buyer whose subtree placed the order (for the brand: its general agents; for an agent: its distributors). PILOT splits accounts in and out of the feature flag given as SalesReportInput.pilotFlag. */
export type SalesDimension =
  | 'BUYER'
  | 'BUYER_TIER'
  | 'CATEGORY'
  | 'CHANNEL'
  | 'CITY'
  | 'DAY'
  | 'MONTH'
  | 'PARTNER'
  | 'PILOT'
  | 'PRODUCT'
  | 'PROVINCE'
  | 'SELLER'
  | 'VARIANT'
  | 'WEEK';

export type SalesFilter = {
  /** Orders placed inside these accounts' subtrees. */
  accountIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Products of these categories or their subcategories. */
  categoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  channels?: InputMaybe<Array<OrderChannel>>;
  /** Ship-to regions; a code covers its subdivisions. */
  regionCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  skus?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type SalesKey = {
  dimension: SalesDimension;
  label: Scalars['String']['output'];
  /** The account, product, variant or category, when the key is one and it is visible. */
  node?: Maybe<Node>;
  /** A stable key: a date, a region code, a global id, an enum value. */
  value: Scalars['String']['output'];
};

export type SalesMetrics = {
  /** revenue ÷ orders. */
  averageOrderValue: Money;
  /** Distinct buying accounts. */
  buyers: Scalars['Int']['output'];
  /** Share of revenue from ONLINE orders, 0..1. */
  onlineShare: Scalars['Float']['output'];
  /** Distinct orders, or order lines when `ordersCountedAs` says so. */
  orders: Scalars['Int']['output'];
  ordersCountedAs: OrderCounting;
  revenue: Money;
  units: Scalars['Int']['output'];
};

export type SalesReport = {
  /** How fresh the figures are: orders committed before this instant are counted. */
  asOf: Scalars['DateTime']['output'];
  /** Whose purchases were counted; null when the viewer has no buyers (a retailer not asking for its own tier). */
  buyerTier?: Maybe<ChannelTier>;
  from: Scalars['Date']['output'];
  /** Groups in the period before `first` cut them. */
  groupCount: Scalars['Int']['output'];
  /** The compared period (compareTo). */
  previousFrom?: Maybe<Scalars['Date']['output']>;
  previousTo?: Maybe<Scalars['Date']['output']>;
  previousTotals?: Maybe<SalesMetrics>;
  rows: Array<SalesRow>;
  to: Scalars['Date']['output'];
  totals: SalesMetrics;
};

/** Sales of the orders the viewer can see (V1), at the prices they were placed at, cancelled orders excluded. `buyerTier` says whose purchases count: by default the viewer's direct buyers' tier (the viewer's own sales, sell-in); RETAILER counts retailers' purchases (sell-through to the end market). */
export type SalesReportInput = {
  buyerTier?: InputMaybe<ChannelTier>;
  compareTo?: InputMaybe<ComparePeriod>;
  filter?: InputMaybe<SalesFilter>;
  /** Rows are ordered by revenue, largest first; at most this many (1..1000, default 100). */
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['Date']['input'];
  groupBy?: InputMaybe<Array<SalesDimension>>;
  /** A feature flag key: with the PILOT dimension, splits buyers in and out of it; without it, counts only buyers in it. */
  pilotFlag?: InputMaybe<Scalars['String']['input']>;
  /** Inclusive. */
  to: Scalars['Date']['input'];
};

export type SalesRow = {
  /** (revenue − previous revenue) ÷ previous revenue; null without a previous revenue. */
  growth?: Maybe<Scalars['Float']['output']>;
  /** One key per groupBy dimension, in the same order. */
  keys: Array<SalesKey>;
  metrics: SalesMetrics;
  /** The same keys in the compared period (compareTo). */
  previous?: Maybe<SalesMetrics>;
};

/** What any buyer may know about the account it buys from (V3). */
export type SellerProfile = {
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  portal?: Maybe<Portal>;
  servicePhone?: Maybe<Scalars['String']['output']>;
  tier: ChannelTier;
};

export type SetAccountStatusInput = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  status: AccountStatus;
};

/** Replaces the seller's assortment. */
export type SetAssortmentInput = {
  /** True: the seller offers everything it can buy; false: only `skus`. */
  includeAll: Scalars['Boolean']['input'];
  sellerId: Scalars['ID']['input'];
  skus?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Upserts entries by (sku, minQuantity); entries not named are kept, unless `replace` is true. */
export type SetPriceListEntriesInput = {
  entries: Array<PriceListEntryInput>;
  priceListId: Scalars['ID']['input'];
  /** True: afterwards the list holds exactly these entries. */
  replace?: InputMaybe<Scalars['Boolean']['input']>;
};

export type SetUserPasswordInput = {
  /** A user of the viewer's own account, or of a retailer it sells to (DESIGN.md: who manages whose users). */
  id: Scalars['ID']['input'];
  password: Scalars['String']['input'];
};

export type SettleRebatesPayload = {
  accruals: Array<RebateAccrual>;
  userErrors: Array<UserError>;
};

export type ShipFulfillmentInput = {
  batchCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  fulfillmentId: Scalars['ID']['input'];
  trackingNumber?: InputMaybe<Scalars['String']['input']>;
};

export type SlaPolicy = {
  firstResponseMinutes: Scalars['Int']['output'];
  kind: TicketKind;
  /** Who set it; null for the built-in default. */
  owner?: Maybe<SellerProfile>;
  priority: TicketPriority;
  resolveMinutes: Scalars['Int']['output'];
};

export type SlaPolicyInput = {
  firstResponseMinutes: Scalars['Int']['input'];
  kind: TicketKind;
  ownerId: Scalars['ID']['input'];
  priority: TicketPriority;
  resolveMinutes: Scalars['Int']['input'];
};

export type SlaPolicyPayload = {
  policy?: Maybe<SlaPolicy>;
  userErrors: Array<UserError>;
};

/** 对账: a statement of one buyer for one period. */
export type Statement = Node & {
  closingBalance: Money;
  confirmedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The statement as CSV, for accountants. */
  csv: Scalars['String']['output'];
  disputeReason?: Maybe<Scalars['String']['output']>;
  entries: Array<LedgerEntry>;
  id: Scalars['ID']['output'];
  issuedAt: Scalars['DateTime']['output'];
  number: Scalars['String']['output'];
  openingBalance: Money;
  orderCount: Scalars['Int']['output'];
  paymentCount: Scalars['Int']['output'];
  /** The day after the last. */
  periodEnd: Scalars['String']['output'];
  /** First day (Asia/Shanghai). */
  periodStart: Scalars['String']['output'];
  status: StatementStatus;
  version: Scalars['Int']['output'];
};

export type StatementDecision =
  | 'CONFIRM'
  | 'DISPUTE';

export type StatementPayload = {
  statement?: Maybe<Statement>;
  userErrors: Array<UserError>;
};

export type StatementStatus =
  | 'CONFIRMED'
  | 'DISPUTED'
  | 'ISSUED'
  | 'SUPERSEDED';

export type StockLevel = {
  available: Scalars['Int']['output'];
  onHand: Scalars['Int']['output'];
  reserved: Scalars['Int']['output'];
  /** The variant counted here. */
  variant: Variant;
  warehouse: Warehouse;
};

export type StockLevelConnection = {
  edges: Array<StockLevelEdge>;
  nodes: Array<StockLevel>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type StockLevelEdge = {
  cursor: Scalars['String']['output'];
  node: StockLevel;
};

/** Sets on-hand quantity per (warehouse, sku); other rows are kept. Reserved stock is untouched. */
export type StockLevelInput = {
  onHand: Scalars['Int']['input'];
  sku: Scalars['String']['input'];
  warehouseId: Scalars['ID']['input'];
};

export type StockLevelsPayload = {
  count: Scalars['Int']['output'];
  userErrors: Array<UserError>;
};

/** V6: what happens to a ship-to outside the seller territory. */
export type TerritoryPolicy =
  | 'BLOCK'
  | 'FLAG';

/** An after-sales service ticket, handled by the order's service provider under an SLA. */
export type Ticket = Node & {
  assignee: SellerProfile;
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Internal notes only for the service side (V7). */
  comments: Array<TicketComment>;
  createdAt: Scalars['DateTime']['output'];
  events: Array<TicketEvent>;
  firstRespondedAt?: Maybe<Scalars['DateTime']['output']>;
  firstResponseDueAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: TicketKind;
  /** Order lines a RETURN or EXCHANGE is about. */
  lines: Array<TicketLine>;
  number: Scalars['String']['output'];
  order?: Maybe<Order>;
  priority: TicketPriority;
  rating?: Maybe<Scalars['Int']['output']>;
  ratingComment?: Maybe<Scalars['String']['output']>;
  requester: Account;
  resolveDueAt: Scalars['DateTime']['output'];
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  returnAuthorization?: Maybe<ReturnAuthorization>;
  slaBreached: Scalars['Boolean']['output'];
  status: TicketStatus;
  subject: Scalars['String']['output'];
};

export type TicketComment = {
  author: Scalars['String']['output'];
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Internal notes are visible to the service side only, never to the requester (V7). */
  internal: Scalars['Boolean']['output'];
};

export type TicketConnection = {
  edges: Array<TicketEdge>;
  nodes: Array<Ticket>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type TicketEdge = {
  cursor: Scalars['String']['output'];
  node: Ticket;
};

/** The `UserError.code` values the ticket, return and SLA mutations answer. */
export type TicketErrorCode =
  /** An input breaks a rule of its own (format, length, range, a reference that does not fit); `field` names it. */
  | 'INVALID_INPUT'
  /** The object is not in a state that allows this change (e.g. cancelling a shipped order, confirming a confirmed statement). */
  | 'INVALID_TRANSITION'
  /** No warehouse delivering to the ship-to region, nor any combination of them, has the quantity. */
  | 'OUT_OF_STOCK';

export type TicketEvent = {
  actor?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  kind: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  status?: Maybe<TicketStatus>;
};

export type TicketFilter = {
  /** Tickets assigned to this account. */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<TicketKind>;
  /** Tickets opened by this account. */
  requesterId?: InputMaybe<Scalars['ID']['input']>;
  slaBreached?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<TicketStatus>;
};

export type TicketKind =
  | 'COMPLAINT'
  | 'EXCHANGE'
  | 'INQUIRY'
  | 'INSTALLATION'
  | 'REPAIR'
  | 'RETURN';

export type TicketLine = {
  quantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
};

export type TicketLineInput = {
  quantity: Scalars['Int']['input'];
  sku: Scalars['String']['input'];
};

export type TicketPayload = {
  ticket?: Maybe<Ticket>;
  userErrors: Array<UserError>;
};

export type TicketPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

export type TicketStatus =
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'OPEN'
  | 'RESOLVED'
  | 'WAITING_CUSTOMER';

export type UpdateAccountInput = {
  /** The account's own ADMIN (V6: inside the seller's territory). */
  address?: InputMaybe<AddressInput>;
  clearCreditLimit?: InputMaybe<Scalars['Boolean']['input']>;
  /** The parent's ADMIN. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The account's own ADMIN. */
  contact?: InputMaybe<ContactInput>;
  /** The parent's ADMIN or FINANCE sets it (V5); null with clearCreditLimit removes the limit. */
  creditLimit?: InputMaybe<Scalars['Decimal']['input']>;
  id: Scalars['ID']['input'];
  /** The account's own ADMIN. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The account's own ADMIN (selling tiers). */
  portal?: InputMaybe<PortalInput>;
  /** The account's own ADMIN; an empty string clears it. */
  servicePhone?: InputMaybe<Scalars['String']['input']>;
  /** Selling tiers: inside the parent's territory, and still covering every child's. */
  territory?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateUserInput = {
  /** false signs the user out everywhere and refuses its sign-ins. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  roles?: InputMaybe<Array<UserRole>>;
};

export type UpdateWebhookEndpointInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** true clears a disabled reason (and the failure clock); false disables it. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  events?: InputMaybe<Array<WebhookEventType>>;
  id: Scalars['ID']['input'];
  url?: InputMaybe<Scalars['String']['input']>;
};

export type UpsertProductInput = {
  attributes?: InputMaybe<Array<AttributeInput>>;
  /** A category name, or a path such as "Water purifiers/RO"; created when missing. */
  categoryName?: InputMaybe<Scalars['String']['input']>;
  /** Stable external key (ERP code); upserts are idempotent on it. */
  code: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the media when given. */
  media?: InputMaybe<Array<MediaInput>>;
  name: Scalars['String']['input'];
  variants: Array<VariantInput>;
};

export type UpsertProductsPayload = {
  products: Array<Product>;
  userErrors: Array<UserError>;
};

export type User = Node & {
  account: Account;
  /** False: deactivated by an ADMIN (signed out everywhere, sign-ins refused). */
  active: Scalars['Boolean']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  roles: Array<UserRole>;
};

/** A business-rule failure of a mutation (not an authorization failure). */
export type UserError = {
  /** Machine-readable, e.g. CREDIT_LIMIT_EXCEEDED, OUT_OF_STOCK, BELOW_PRICE_FLOOR, OUTSIDE_TERRITORY, NOT_IN_ASSORTMENT, QUANTITY_RULE, INVALID_INPUT. The enums named *ErrorCode (OrderErrorCode, FinanceErrorCode, …) list and explain the codes of each domain. */
  code: Scalars['String']['output'];
  /** Path to the offending input field, e.g. ["lines", "2", "quantity"]. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  message: Scalars['String']['output'];
};

export type UserPayload = {
  /** changePassword only: a token for this session. Every earlier token of the user, the one this request came with included, is refused from now on. */
  token?: Maybe<Scalars['String']['output']>;
  user?: Maybe<User>;
  userErrors: Array<UserError>;
};

export type UserRole =
  | 'ADMIN'
  | 'ANALYST'
  | 'BUYER'
  | 'FINANCE'
  | 'SERVICE';

export type Variant = Node & {
  /** What the viewer's seller chain can deliver to its region. */
  availability: Availability;
  id: Scalars['ID']['output'];
  minOrderQuantity: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  orderIncrement: Scalars['Int']['output'];
  /** The price the viewer's own account pays its seller (V3). Denied to anonymous viewers and to the brand. */
  price?: Maybe<Price>;
  /** The lowest price the viewer may sell at (V3): brand and selling tiers only, denied to RETAILER. */
  priceFloor?: Maybe<Money>;
  /** The price a downstream account pays; only for accounts in the viewer's subtree (V1, V3). */
  priceFor?: Maybe<Price>;
  /** Entries of price lists owned by the viewer's account or its subtree (V3); denied to RETAILER. */
  priceListEntries?: Maybe<Array<PriceListEntry>>;
  product: Product;
  sku: Scalars['String']['output'];
  /** Per-warehouse stock: owners of the warehouses and their ancestors only (V1). */
  stockLevels: Array<StockLevel>;
  /** Suggested retail price: any signed-in viewer. */
  suggestedRetailPrice?: Maybe<Money>;
  unit: Scalars['String']['output'];
};


export type VariantPriceArgs = {
  quantity?: InputMaybe<Scalars['Int']['input']>;
};


export type VariantPriceFloorArgs = {
  tier?: InputMaybe<ChannelTier>;
};


export type VariantPriceForArgs = {
  accountId: Scalars['ID']['input'];
  quantity?: InputMaybe<Scalars['Int']['input']>;
};

export type VariantInput = {
  minOrderQuantity?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  orderIncrement?: InputMaybe<Scalars['Int']['input']>;
  sku: Scalars['String']['input'];
  suggestedRetailPrice?: InputMaybe<Scalars['Decimal']['input']>;
  unit?: InputMaybe<Scalars['String']['input']>;
};

export type Viewer = {
  account: Account;
  /** The API key this request was made with; null for a user's sign-in token. */
  apiKey?: Maybe<ApiKey>;
  /** Feature flags in force for this viewer (pilot roll-out by region or partner). */
  features: Array<Scalars['String']['output']>;
  /** The signed-in user's notifications, newest first. */
  notifications: NotificationConnection;
  roles: Array<UserRole>;
  /** Unread notifications of the signed-in user. */
  unreadNotificationCount: Scalars['Int']['output'];
  user: User;
};


export type ViewerNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type Warehouse = Node & {
  address: Address;
  /** Regions this warehouse delivers to. */
  coverage: Array<Region>;
  id: Scalars['ID']['output'];
  kind: WarehouseKind;
  name: Scalars['String']['output'];
  owner: SellerProfile;
  /** Stock levels of this warehouse, for its owner's chain (null for anyone else), by variant. */
  stockLevels?: Maybe<StockLevelConnection>;
};


export type WarehouseStockLevelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WarehouseKind =
  | 'CENTRAL'
  | 'PARTNER'
  | 'REGIONAL';

export type WarehousePayload = {
  userErrors: Array<UserError>;
  warehouse?: Maybe<Warehouse>;
};

export type WebhookDelivery = Node & {
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  endpoint: WebhookEndpoint;
  /** The event's id, also the webhook-id header; receivers de-duplicate on it. */
  eventId: Scalars['String']['output'];
  eventType: WebhookEventType;
  id: Scalars['ID']['output'];
  lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The JSON body that is sent. */
  payload: Scalars['String']['output'];
  /** HTTP status of the last attempt; null when it got no answer. */
  responseStatus?: Maybe<Scalars['Int']['output']>;
  status: WebhookDeliveryStatus;
};

export type WebhookDeliveryConnection = {
  edges: Array<WebhookDeliveryEdge>;
  nodes: Array<WebhookDelivery>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type WebhookDeliveryEdge = {
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

export type WebhookDeliveryFilter = {
  eventType?: InputMaybe<WebhookEventType>;
  status?: InputMaybe<WebhookDeliveryStatus>;
};

export type WebhookDeliveryPayload = {
  delivery?: Maybe<WebhookDelivery>;
  userErrors: Array<UserError>;
};

export type WebhookDeliveryStatus =
  /** Given up after the last retry; redeliverWebhook sends it again. */
  | 'DEAD'
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

/** Where an account's events are delivered: HTTPS POSTs signed as the Standard Webhooks specification says (headers webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256 of `id.timestamp.body` with the endpoint's secret), retried with backoff. An endpoint receives only events about objects in its account's subtree (V1), and their payloads never carry a field its account could not read through the graph (V3, V4, V5, V7). */
export type WebhookEndpoint = Node & {
  account: Account;
  createdAt: Scalars['DateTime']['output'];
  /** Newest first; for the ADMINs who manage the endpoint (empty further up: payloads are rendered as its account). */
  deliveries: WebhookDeliveryConnection;
  description?: Maybe<Scalars['String']['output']>;
  /** Why it is disabled: by a user, after a 410 answer, or after too many failed deliveries. */
  disabledReason?: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  events: Array<WebhookEventType>;
  id: Scalars['ID']['output'];
  url: Scalars['String']['output'];
};


/** Where an account's events are delivered: HTTPS POSTs signed as the Standard Webhooks specification says (headers webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256 of `id.timestamp.body` with the endpoint's secret), retried with backoff. An endpoint receives only events about objects in its account's subtree (V1), and their payloads never carry a field its account could not read through the graph (V3, V4, V5, V7). */
export type WebhookEndpointDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WebhookDeliveryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WebhookEndpointPayload = {
  endpoint?: Maybe<WebhookEndpoint>;
  userErrors: Array<UserError>;
};

export type WebhookEventType =
  | 'ACCOUNT_CREATED'
  | 'ACCOUNT_UPDATED'
  | 'ORDER_CANCELLED'
  | 'ORDER_COMPLETED'
  | 'ORDER_CONFIRMED'
  | 'ORDER_SHIPPED'
  | 'ORDER_SUBMITTED'
  | 'PAYMENT_RECORDED'
  /** Sent only by sendTestWebhook. */
  | 'PING'
  | 'STATEMENT_ISSUED'
  | 'STOCK_LOW'
  | 'TICKET_OPENED'
  | 'TICKET_SLA_BREACHED'
  | 'TICKET_UPDATED';

export type BuyerInsightsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BuyerInsightsQuery = { account?: { id: string, name: string, code?: string | null, tier: ChannelTier, insights?: { lastOrderAt?: string | null, averageDaysBetweenOrders?: number | null, openOrders: number, openTickets: number, slaBreachesLast90Days: number, creditUtilization?: number | null, monthly: Array<{ month: string, orders: number, revenue: { amount: string } }>, revenueYearToDate: { amount: string, currencyCode: string }, revenuePreviousYearToDate: { amount: string }, topVariants: Array<{ units: number, revenue: { amount: string }, variant: { sku: string, name: string, product: { name: string } } }> } | null } | null };

export type MyApiKeysQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type MyApiKeysQuery = { account?: { id: string, apiKeys: Array<{ id: string, name: string, prefix: string, roles: Array<UserRole>, createdAt: string, expiresAt?: string | null, lastUsedAt?: string | null, revokedAt?: string | null, createdBy?: { name: string } | null }> } | null };

export type CreateMyApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateMyApiKeyMutation = { createApiKey: { secret?: string | null, apiKey?: { id: string, name: string, prefix: string, roles: Array<UserRole>, createdAt: string, expiresAt?: string | null } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type RevokeMyApiKeyMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RevokeMyApiKeyMutation = { revokeApiKey: { apiKey?: { id: string, revokedAt?: string | null } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type AuditLogQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ id: string, at: string, action: string, changes: string, account: { id: string, name: string }, actor?: { id: string, name: string } | null, actorApiKey?: { id: string, name: string, prefix: string } | null }> } };

export type AuditAccountsQueryVariables = Exact<{
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditAccountsQuery = { accounts: { nodes: Array<{ id: string, name: string, code?: string | null }> } };

export type PortalPriceFragment = { quantity: number, floorApplied: boolean, amount: { amount: string, currencyCode: string }, listPrice: { amount: string }, steps: Array<{ kind: PriceStepKind, description: string, amount: { amount: string } }> };

export type CatalogCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogCategoriesQuery = { categories: Array<{ id: string, name: string, parent?: { id: string } | null }> };

export type CatalogProductsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  priced: Scalars['Boolean']['input'];
}>;


export type CatalogProductsQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ id: string, code: string, name: string, category?: { id: string, name: string } | null, media: Array<{ url: string, kind: MediaKind, title?: string | null }>, variants: Array<{ id: string, sku: string, name: string, unit: string, minOrderQuantity: number, orderIncrement: number, price?: { quantity: number, floorApplied: boolean, amount: { amount: string, currencyCode: string }, listPrice: { amount: string }, steps: Array<{ kind: PriceStepKind, description: string, amount: { amount: string } }> } | null, availability: { status: AvailabilityStatus, availableQuantity?: number | null } }> }> } };

export type ProductDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  priced: Scalars['Boolean']['input'];
}>;


export type ProductDetailQuery = { product?: { id: string, code: string, name: string, description?: string | null, category?: { id: string, name: string, parent?: { id: string, name: string } | null } | null, attributes: Array<{ name: string, value: string }>, media: Array<{ url: string, kind: MediaKind, title?: string | null }>, variants: Array<{ id: string, sku: string, name: string, unit: string, minOrderQuantity: number, orderIncrement: number, suggestedRetailPrice?: { amount: string } | null, price?: { quantity: number, floorApplied: boolean, amount: { amount: string, currencyCode: string }, listPrice: { amount: string }, steps: Array<{ kind: PriceStepKind, description: string, amount: { amount: string } }> } | null, availability: { status: AvailabilityStatus, availableQuantity?: number | null } }> } | null };

export type LineQuoteQueryVariables = Exact<{
  sku: Scalars['String']['input'];
  quantity: Scalars['Int']['input'];
}>;


export type LineQuoteQuery = { variant?: { id: string, sku: string, name: string, unit: string, minOrderQuantity: number, orderIncrement: number, product: { id: string, name: string }, price?: { quantity: number, floorApplied: boolean, amount: { amount: string, currencyCode: string }, listPrice: { amount: string }, steps: Array<{ kind: PriceStepKind, description: string, amount: { amount: string } }> } | null, availability: { status: AvailabilityStatus, availableQuantity?: number | null } } | null };

export type AlertsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<ChannelAlertKind> | ChannelAlertKind>;
}>;


export type AlertsQuery = { channelAlerts: Array<{ kind: ChannelAlertKind, severity: AlertSeverity, message: string, detectedAt: string, account: { id: string, name: string }, variant?: { sku: string, name: string } | null }> };

export type ForecastQueryVariables = Exact<{
  input: DemandForecastInput;
}>;


export type ForecastQuery = { demandForecast?: { granularity: ForecastGranularity, method: string, historyStatus: ForecastHistory, note?: string | null, variant: { sku: string, name: string, product: { name: string } }, history: Array<{ periodStart: string, units: number }>, points: Array<{ periodStart: string, units: number, lower: number, upper: number }>, backtest: { origins: number, horizon: number, mase?: number | null, smape?: number | null, scale?: string | null, baselineMethod: string, baselineMase?: number | null, baselineSmape?: number | null, candidates: Array<{ method: string, mase?: number | null, smape?: number | null }> } } | null };

export type FeatureFlagsQueryVariables = Exact<{ [key: string]: never; }>;


export type FeatureFlagsQuery = { featureFlags: Array<{ id: string, key: string, description?: string | null, everyone: boolean, tiers: Array<ChannelTier>, updatedAt: string, regions: Array<{ code: string, name: string }>, accounts: Array<{ id: string, name: string, tier: ChannelTier }> }> };

export type FlagTargetsQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type FlagTargetsQuery = { account?: { id: string, territory: Array<{ code: string, name: string }> } | null, agents: { nodes: Array<{ id: string, name: string, tier: ChannelTier }> }, distributors: { nodes: Array<{ id: string, name: string, tier: ChannelTier }> } };

export type SaveFeatureFlagMutationVariables = Exact<{
  input: FeatureFlagInput;
}>;


export type SaveFeatureFlagMutation = { saveFeatureFlag: { flag?: { id: string, key: string } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type DeleteFeatureFlagMutationVariables = Exact<{
  key: Scalars['String']['input'];
}>;


export type DeleteFeatureFlagMutation = { deleteFeatureFlag: { flag?: { id: string, key: string } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type MyMoneyQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type MyMoneyQuery = { account?: { id: string, credit?: { limit: { amount: string, currencyCode: string }, used: { amount: string }, available: { amount: string } } | null, balance?: { amount: string, currencyCode: string } | null, statements?: Array<{ id: string, number: string, status: StatementStatus, version: number, periodStart: string, periodEnd: string, issuedAt: string, confirmedAt?: string | null, disputeReason?: string | null, orderCount: number, paymentCount: number, openingBalance: { amount: string }, closingBalance: { amount: string, currencyCode: string } }> | null, invoiceRequests?: Array<{ id: string, number: string, status: InvoiceStatus, type: InvoiceType, title: string, taxId: string, invoiceNumber?: string | null, issuedOn?: string | null, rejectReason?: string | null, createdAt: string, amount: { amount: string, currencyCode: string } }> | null } | null };

export type StatementCsvQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StatementCsvQuery = { node?:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { number: string, csv: string, id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type DecideMyStatementMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  decision: StatementDecision;
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type DecideMyStatementMutation = { decideStatement: { statement?: { id: string, status: StatementStatus, confirmedAt?: string | null, disputeReason?: string | null } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type RequestMyInvoiceMutationVariables = Exact<{
  input: InvoiceRequestInput;
}>;


export type RequestMyInvoiceMutation = { requestInvoice: { invoice?: { id: string, number: string, status: InvoiceStatus } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type MyNotificationsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type MyNotificationsQuery = { viewer?: { unreadNotificationCount: number, notifications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ id: string, kind: string, title: string, body?: string | null, orderId?: string | null, ticketId?: string | null, readAt?: string | null, createdAt: string }> } } | null };

export type ReadNotificationsMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type ReadNotificationsMutation = { markNotificationsRead: { count: number, unreadCount: number } };

export type OrderRowFragment = { id: string, number: string, status: OrderStatus, channel: OrderChannel, createdAt: string, total: { amount: string, currencyCode: string }, buyer: { id: string, name: string }, lines: Array<{ sku: string, quantity: number }> };

export type OrderListQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
}>;


export type OrderListQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ id: string, number: string, status: OrderStatus, channel: OrderChannel, createdAt: string, total: { amount: string, currencyCode: string }, buyer: { id: string, name: string }, lines: Array<{ sku: string, quantity: number }> }> } };

export type OrderFullFragment = { id: string, number: string, status: OrderStatus, channel: OrderChannel, createdAt: string, note?: string | null, flagged: boolean, flagReason?: string | null, subtotal: { amount: string, currencyCode: string }, discountTotal: { amount: string }, total: { amount: string, currencyCode: string }, buyer: { id: string, name: string }, seller: { id: string, name: string, servicePhone?: string | null }, shipTo: { line1: string, city?: string | null, region?: { name: string } | null }, lines: Array<{ sku: string, quantity: number, listPrice: { amount: string }, unitPrice: { amount: string }, lineTotal: { amount: string }, priceSteps: Array<{ kind: PriceStepKind, description: string, amount: { amount: string } }>, variant: { id: string, name: string, product: { id: string, name: string } } }>, fulfillments: Array<{ id: string, status: FulfillmentStatus, trackingNumber?: string | null, batchCodes: Array<string>, shippedAt?: string | null, deliveredAt?: string | null, routingReason: string, warehouse: { id: string, name: string, owner: { id: string } }, lines: Array<{ sku: string, quantity: number }> }>, events: Array<{ kind: string, status?: OrderStatus | null, actor?: string | null, note?: string | null, at: string }> };

export type OrderDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrderDetailQuery = { order?: { id: string, number: string, status: OrderStatus, channel: OrderChannel, createdAt: string, note?: string | null, flagged: boolean, flagReason?: string | null, subtotal: { amount: string, currencyCode: string }, discountTotal: { amount: string }, total: { amount: string, currencyCode: string }, buyer: { id: string, name: string }, seller: { id: string, name: string, servicePhone?: string | null }, shipTo: { line1: string, city?: string | null, region?: { name: string } | null }, lines: Array<{ sku: string, quantity: number, listPrice: { amount: string }, unitPrice: { amount: string }, lineTotal: { amount: string }, priceSteps: Array<{ kind: PriceStepKind, description: string, amount: { amount: string } }>, variant: { id: string, name: string, product: { id: string, name: string } } }>, fulfillments: Array<{ id: string, status: FulfillmentStatus, trackingNumber?: string | null, batchCodes: Array<string>, shippedAt?: string | null, deliveredAt?: string | null, routingReason: string, warehouse: { id: string, name: string, owner: { id: string } }, lines: Array<{ sku: string, quantity: number }> }>, events: Array<{ kind: string, status?: OrderStatus | null, actor?: string | null, note?: string | null, at: string }> } | null };

export type PlaceCartOrderMutationVariables = Exact<{
  input: PlaceOrderInput;
}>;


export type PlaceCartOrderMutation = { placeOrder: { order?: { id: string, number: string, status: OrderStatus, total: { amount: string, currencyCode: string } } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type CancelMyOrderMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type CancelMyOrderMutation = { cancelOrder: { order?: { id: string, number: string, status: OrderStatus, channel: OrderChannel, createdAt: string, note?: string | null, flagged: boolean, flagReason?: string | null, subtotal: { amount: string, currencyCode: string }, discountTotal: { amount: string }, total: { amount: string, currencyCode: string }, buyer: { id: string, name: string }, seller: { id: string, name: string, servicePhone?: string | null }, shipTo: { line1: string, city?: string | null, region?: { name: string } | null }, lines: Array<{ sku: string, quantity: number, listPrice: { amount: string }, unitPrice: { amount: string }, lineTotal: { amount: string }, priceSteps: Array<{ kind: PriceStepKind, description: string, amount: { amount: string } }>, variant: { id: string, name: string, product: { id: string, name: string } } }>, fulfillments: Array<{ id: string, status: FulfillmentStatus, trackingNumber?: string | null, batchCodes: Array<string>, shippedAt?: string | null, deliveredAt?: string | null, routingReason: string, warehouse: { id: string, name: string, owner: { id: string } }, lines: Array<{ sku: string, quantity: number }> }>, events: Array<{ kind: string, status?: OrderStatus | null, actor?: string | null, note?: string | null, at: string }> } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type ConfirmMyDeliveryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConfirmMyDeliveryMutation = { confirmDelivery: { order?: { id: string, number: string, status: OrderStatus, channel: OrderChannel, createdAt: string, note?: string | null, flagged: boolean, flagReason?: string | null, subtotal: { amount: string, currencyCode: string }, discountTotal: { amount: string }, total: { amount: string, currencyCode: string }, buyer: { id: string, name: string }, seller: { id: string, name: string, servicePhone?: string | null }, shipTo: { line1: string, city?: string | null, region?: { name: string } | null }, lines: Array<{ sku: string, quantity: number, listPrice: { amount: string }, unitPrice: { amount: string }, lineTotal: { amount: string }, priceSteps: Array<{ kind: PriceStepKind, description: string, amount: { amount: string } }>, variant: { id: string, name: string, product: { id: string, name: string } } }>, fulfillments: Array<{ id: string, status: FulfillmentStatus, trackingNumber?: string | null, batchCodes: Array<string>, shippedAt?: string | null, deliveredAt?: string | null, routingReason: string, warehouse: { id: string, name: string, owner: { id: string } }, lines: Array<{ sku: string, quantity: number }> }>, events: Array<{ kind: string, status?: OrderStatus | null, actor?: string | null, note?: string | null, at: string }> } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type ConfirmIncomingOrderMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ConfirmIncomingOrderMutation = { confirmOrder: { order?: { id: string, number: string, status: OrderStatus, channel: OrderChannel, createdAt: string, note?: string | null, flagged: boolean, flagReason?: string | null, subtotal: { amount: string, currencyCode: string }, discountTotal: { amount: string }, total: { amount: string, currencyCode: string }, buyer: { id: string, name: string }, seller: { id: string, name: string, servicePhone?: string | null }, shipTo: { line1: string, city?: string | null, region?: { name: string } | null }, lines: Array<{ sku: string, quantity: number, listPrice: { amount: string }, unitPrice: { amount: string }, lineTotal: { amount: string }, priceSteps: Array<{ kind: PriceStepKind, description: string, amount: { amount: string } }>, variant: { id: string, name: string, product: { id: string, name: string } } }>, fulfillments: Array<{ id: string, status: FulfillmentStatus, trackingNumber?: string | null, batchCodes: Array<string>, shippedAt?: string | null, deliveredAt?: string | null, routingReason: string, warehouse: { id: string, name: string, owner: { id: string } }, lines: Array<{ sku: string, quantity: number }> }>, events: Array<{ kind: string, status?: OrderStatus | null, actor?: string | null, note?: string | null, at: string }> } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type ShipOrderFulfillmentMutationVariables = Exact<{
  input: ShipFulfillmentInput;
}>;


export type ShipOrderFulfillmentMutation = { shipFulfillment: { order?: { id: string, number: string, status: OrderStatus, channel: OrderChannel, createdAt: string, note?: string | null, flagged: boolean, flagReason?: string | null, subtotal: { amount: string, currencyCode: string }, discountTotal: { amount: string }, total: { amount: string, currencyCode: string }, buyer: { id: string, name: string }, seller: { id: string, name: string, servicePhone?: string | null }, shipTo: { line1: string, city?: string | null, region?: { name: string } | null }, lines: Array<{ sku: string, quantity: number, listPrice: { amount: string }, unitPrice: { amount: string }, lineTotal: { amount: string }, priceSteps: Array<{ kind: PriceStepKind, description: string, amount: { amount: string } }>, variant: { id: string, name: string, product: { id: string, name: string } } }>, fulfillments: Array<{ id: string, status: FulfillmentStatus, trackingNumber?: string | null, batchCodes: Array<string>, shippedAt?: string | null, deliveredAt?: string | null, routingReason: string, warehouse: { id: string, name: string, owner: { id: string } }, lines: Array<{ sku: string, quantity: number }> }>, events: Array<{ kind: string, status?: OrderStatus | null, actor?: string | null, note?: string | null, at: string }> } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type RecommendedQueryVariables = Exact<{
  accountId?: InputMaybe<Scalars['ID']['input']>;
  first: Scalars['Int']['input'];
}>;


export type RecommendedQuery = { recommendations: Array<{ kind: RecommendationKind, reason: string, score: number, variant: { id: string, sku: string, name: string, unit: string, minOrderQuantity: number, orderIncrement: number, product: { id: string, name: string } } }> };

export type MyWarehousesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyWarehousesQuery = { warehouses: Array<{ id: string, name: string, kind: WarehouseKind, owner: { id: string, name: string } }> };

export type ReplenishmentQueryVariables = Exact<{
  input: ReplenishmentInput;
}>;


export type ReplenishmentQuery = { replenishmentSuggestions: Array<{ onHand: number, reserved: number, expectedDemand: number, safetyStock: number, reorderPoint: number, suggestedQuantity: number, daysOfCover?: number | null, reason: string, variant: { sku: string, name: string, product: { name: string } } }> };

export type MyBuyersQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccountFilter>;
  withCredit: Scalars['Boolean']['input'];
}>;


export type MyBuyersQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ id: string, name: string, code?: string | null, tier: ChannelTier, seller?: { id: string } | null, address?: { city?: string | null, region?: { name: string } | null } | null, contact?: { name?: string | null, phone?: string | null } | null, credit?: { limit: { amount: string }, used: { amount: string }, available: { amount: string, currencyCode: string } } | null }> } };

export type DashboardMetricsFragment = { orders: number, ordersCountedAs: OrderCounting, units: number, buyers: number, onlineShare: number, revenue: { amount: string, currencyCode: string }, averageOrderValue: { amount: string } };

export type SalesDashboardQueryVariables = Exact<{
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
  buyerTier?: InputMaybe<ChannelTier>;
  compareTo?: InputMaybe<ComparePeriod>;
  breakdown: SalesDimension;
}>;


export type SalesDashboardQuery = { byMonth: { from: string, to: string, asOf: string, buyerTier?: ChannelTier | null, previousFrom?: string | null, previousTo?: string | null, totals: { orders: number, ordersCountedAs: OrderCounting, units: number, buyers: number, onlineShare: number, revenue: { amount: string, currencyCode: string }, averageOrderValue: { amount: string } }, previousTotals?: { orders: number, ordersCountedAs: OrderCounting, units: number, buyers: number, onlineShare: number, revenue: { amount: string, currencyCode: string }, averageOrderValue: { amount: string } } | null, rows: Array<{ growth?: number | null, keys: Array<{ value: string, label: string }>, metrics: { orders: number, onlineShare: number, revenue: { amount: string } }, previous?: { revenue: { amount: string } } | null }> }, byPartner: { groupCount: number, rows: Array<{ growth?: number | null, keys: Array<{ value: string, label: string }>, metrics: { orders: number, buyers: number, onlineShare: number, revenue: { amount: string } }, previous?: { revenue: { amount: string } } | null }> }, byBreakdown: { groupCount: number, rows: Array<{ growth?: number | null, keys: Array<{ value: string, label: string }>, metrics: { orders: number, ordersCountedAs: OrderCounting, onlineShare: number, revenue: { amount: string } } }> } };

export type TopSellersQueryVariables = Exact<{
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
  buyerTier?: InputMaybe<ChannelTier>;
  first: Scalars['Int']['input'];
}>;


export type TopSellersQuery = { salesReport: { rows: Array<{ keys: Array<{ value: string, label: string, node?:
          | { sku: string, name: string, product: { name: string } }
          | Record<PropertyKey, never>
         | null }>, metrics: { units: number } }> } };

export type PilotReportQueryVariables = Exact<{
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
  buyerTier?: InputMaybe<ChannelTier>;
  flag: Scalars['String']['input'];
  compareTo?: InputMaybe<ComparePeriod>;
}>;


export type PilotReportQuery = { split: { from: string, to: string, asOf: string, rows: Array<{ growth?: number | null, keys: Array<{ value: string, label: string }>, metrics: { orders: number, ordersCountedAs: OrderCounting, units: number, buyers: number, onlineShare: number, revenue: { amount: string, currencyCode: string }, averageOrderValue: { amount: string } }, previous?: { orders: number, buyers: number, revenue: { amount: string } } | null }> }, months: { rows: Array<{ keys: Array<{ value: string }>, metrics: { revenue: { amount: string } } }> } };

export type PortalBrandingQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type PortalBrandingQuery = { portal?: { slug: string, displayName: string, logoUrl?: string | null, primaryColor?: string | null, welcomeText?: string | null, seller: { id: string, name: string, tier: ChannelTier, servicePhone?: string | null } } | null };

export type SignInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type SignInMutation = { login: { token?: string | null, expiresAt?: string | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { viewer?: { roles: Array<UserRole>, features: Array<string>, unreadNotificationCount: number, user: { id: string, name: string, email: string }, account: { id: string, name: string, tier: ChannelTier, seller?: { id: string, name: string, servicePhone?: string | null, portal?: { slug: string, displayName: string } | null } | null, portal?: { slug: string, displayName: string } | null } } | null };

export type TicketRowFragment = { id: string, number: string, kind: TicketKind, status: TicketStatus, priority: TicketPriority, subject: string, slaBreached: boolean, firstResponseDueAt: string, firstRespondedAt?: string | null, resolveDueAt: string, resolvedAt?: string | null, createdAt: string, requester: { id: string, name: string }, order?: { id: string, number: string } | null };

export type TicketListQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
}>;


export type TicketListQuery = { tickets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ id: string, number: string, kind: TicketKind, status: TicketStatus, priority: TicketPriority, subject: string, slaBreached: boolean, firstResponseDueAt: string, firstRespondedAt?: string | null, resolveDueAt: string, resolvedAt?: string | null, createdAt: string, requester: { id: string, name: string }, order?: { id: string, number: string } | null }> } };

export type TicketFullFragment = { closedAt?: string | null, rating?: number | null, ratingComment?: string | null, id: string, number: string, kind: TicketKind, status: TicketStatus, priority: TicketPriority, subject: string, slaBreached: boolean, firstResponseDueAt: string, firstRespondedAt?: string | null, resolveDueAt: string, resolvedAt?: string | null, createdAt: string, assignee: { id: string, name: string, servicePhone?: string | null }, lines: Array<{ sku: string, quantity: number }>, comments: Array<{ id: string, author: string, body: string, internal: boolean, createdAt: string }>, events: Array<{ kind: string, status?: TicketStatus | null, actor?: string | null, note?: string | null, at: string }>, requester: { id: string, name: string }, order?: { id: string, number: string } | null };

export type TicketDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TicketDetailQuery = { ticket?: { closedAt?: string | null, rating?: number | null, ratingComment?: string | null, id: string, number: string, kind: TicketKind, status: TicketStatus, priority: TicketPriority, subject: string, slaBreached: boolean, firstResponseDueAt: string, firstRespondedAt?: string | null, resolveDueAt: string, resolvedAt?: string | null, createdAt: string, assignee: { id: string, name: string, servicePhone?: string | null }, lines: Array<{ sku: string, quantity: number }>, comments: Array<{ id: string, author: string, body: string, internal: boolean, createdAt: string }>, events: Array<{ kind: string, status?: TicketStatus | null, actor?: string | null, note?: string | null, at: string }>, requester: { id: string, name: string }, order?: { id: string, number: string } | null } | null };

export type OpenServiceTicketMutationVariables = Exact<{
  input: OpenTicketInput;
}>;


export type OpenServiceTicketMutation = { openTicket: { ticket?: { id: string, number: string } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type ReplyTicketMutationVariables = Exact<{
  input: CommentTicketInput;
}>;


export type ReplyTicketMutation = { commentTicket: { ticket?: { closedAt?: string | null, rating?: number | null, ratingComment?: string | null, id: string, number: string, kind: TicketKind, status: TicketStatus, priority: TicketPriority, subject: string, slaBreached: boolean, firstResponseDueAt: string, firstRespondedAt?: string | null, resolveDueAt: string, resolvedAt?: string | null, createdAt: string, assignee: { id: string, name: string, servicePhone?: string | null }, lines: Array<{ sku: string, quantity: number }>, comments: Array<{ id: string, author: string, body: string, internal: boolean, createdAt: string }>, events: Array<{ kind: string, status?: TicketStatus | null, actor?: string | null, note?: string | null, at: string }>, requester: { id: string, name: string }, order?: { id: string, number: string } | null } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type MoveTicketMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  status: TicketStatus;
}>;


export type MoveTicketMutation = { setTicketStatus: { ticket?: { closedAt?: string | null, rating?: number | null, ratingComment?: string | null, id: string, number: string, kind: TicketKind, status: TicketStatus, priority: TicketPriority, subject: string, slaBreached: boolean, firstResponseDueAt: string, firstRespondedAt?: string | null, resolveDueAt: string, resolvedAt?: string | null, createdAt: string, assignee: { id: string, name: string, servicePhone?: string | null }, lines: Array<{ sku: string, quantity: number }>, comments: Array<{ id: string, author: string, body: string, internal: boolean, createdAt: string }>, events: Array<{ kind: string, status?: TicketStatus | null, actor?: string | null, note?: string | null, at: string }>, requester: { id: string, name: string }, order?: { id: string, number: string } | null } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type RateServiceTicketMutationVariables = Exact<{
  input: RateTicketInput;
}>;


export type RateServiceTicketMutation = { rateTicket: { ticket?: { closedAt?: string | null, rating?: number | null, ratingComment?: string | null, id: string, number: string, kind: TicketKind, status: TicketStatus, priority: TicketPriority, subject: string, slaBreached: boolean, firstResponseDueAt: string, firstRespondedAt?: string | null, resolveDueAt: string, resolvedAt?: string | null, createdAt: string, assignee: { id: string, name: string, servicePhone?: string | null }, lines: Array<{ sku: string, quantity: number }>, comments: Array<{ id: string, author: string, body: string, internal: boolean, createdAt: string }>, events: Array<{ kind: string, status?: TicketStatus | null, actor?: string | null, note?: string | null, at: string }>, requester: { id: string, name: string }, order?: { id: string, number: string } | null } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type AccountUsersQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type AccountUsersQuery = { account?: { id: string, users: Array<{ id: string, name: string, email: string, roles: Array<UserRole>, active: boolean }> } | null };

export type UpdateAccountUserMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateAccountUserMutation = { updateUser: { user?: { id: string, name: string, roles: Array<UserRole>, active: boolean } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type ChangeMyPasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangeMyPasswordMutation = { changePassword: { token?: string | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type MyWebhooksQueryVariables = Exact<{
  accountId: Scalars['ID']['input'];
}>;


export type MyWebhooksQuery = { account?: { id: string, webhookEndpoints: Array<{ id: string, url: string, description?: string | null, events: Array<WebhookEventType>, enabled: boolean, disabledReason?: string | null, createdAt: string }> } | null };

export type WebhookDeliveriesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<WebhookDeliveryFilter>;
}>;


export type WebhookDeliveriesQuery = { node?:
    | { id: string, deliveries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ id: string, eventId: string, eventType: WebhookEventType, status: WebhookDeliveryStatus, attempts: number, responseStatus?: number | null, createdAt: string, lastAttemptAt?: string | null, nextAttemptAt?: string | null }> } }
    | Record<PropertyKey, never>
   | null };

export type CreateMyWebhookMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateMyWebhookMutation = { createWebhookEndpoint: { secret?: string | null, endpoint?: { id: string, url: string, events: Array<WebhookEventType>, enabled: boolean } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type UpdateMyWebhookMutationVariables = Exact<{
  input: UpdateWebhookEndpointInput;
}>;


export type UpdateMyWebhookMutation = { updateWebhookEndpoint: { endpoint?: { id: string, url: string, events: Array<WebhookEventType>, enabled: boolean, disabledReason?: string | null } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type DeleteMyWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteMyWebhookMutation = { deleteWebhookEndpoint: { endpoint?: { id: string } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type RotateMyWebhookSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RotateMyWebhookSecretMutation = { rotateWebhookSecret: { secret?: string | null, endpoint?: { id: string } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type TestMyWebhookMutationVariables = Exact<{
  endpointId: Scalars['ID']['input'];
}>;


export type TestMyWebhookMutation = { sendTestWebhook: { delivery?: { id: string, status: WebhookDeliveryStatus, responseStatus?: number | null } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export type RedeliverMyWebhookMutationVariables = Exact<{
  deliveryId: Scalars['ID']['input'];
}>;


export type RedeliverMyWebhookMutation = { redeliverWebhook: { delivery?: { id: string, status: WebhookDeliveryStatus } | null, userErrors: Array<{ code: string, message: string, field?: Array<string> | null }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PortalPriceFragmentDoc = new TypedDocumentString(`
    fragment PortalPrice on Price {
  amount {
    amount
    currencyCode
  }
  listPrice {
    amount
  }
  quantity
  floorApplied
  steps {
    kind
    description
    amount {
      amount
    }
  }
}
    `, {"fragmentName":"PortalPrice"}) as unknown as TypedDocumentString<PortalPriceFragment, unknown>;
export const OrderRowFragmentDoc = new TypedDocumentString(`
    fragment OrderRow on Order {
  id
  number
  status
  channel
  createdAt
  total {
    amount
    currencyCode
  }
  buyer {
    id
    name
  }
  lines {
    sku
    quantity
  }
}
    `, {"fragmentName":"OrderRow"}) as unknown as TypedDocumentString<OrderRowFragment, unknown>;
export const OrderFullFragmentDoc = new TypedDocumentString(`
    fragment OrderFull on Order {
  id
  number
  status
  channel
  createdAt
  note
  flagged
  flagReason
  subtotal {
    amount
    currencyCode
  }
  discountTotal {
    amount
  }
  total {
    amount
    currencyCode
  }
  buyer {
    id
    name
  }
  seller {
    id
    name
    servicePhone
  }
  shipTo {
    line1
    city
    region {
      name
    }
  }
  lines {
    sku
    quantity
    listPrice {
      amount
    }
    unitPrice {
      amount
    }
    lineTotal {
      amount
    }
    priceSteps {
      kind
      description
      amount {
        amount
      }
    }
    variant {
      id
      name
      product {
        id
        name
      }
    }
  }
  fulfillments {
    id
    status
    trackingNumber
    batchCodes
    shippedAt
    deliveredAt
    routingReason
    warehouse {
      id
      name
      owner {
        id
      }
    }
    lines {
      sku
      quantity
    }
  }
  events {
    kind
    status
    actor
    note
    at
  }
}
    `, {"fragmentName":"OrderFull"}) as unknown as TypedDocumentString<OrderFullFragment, unknown>;
export const DashboardMetricsFragmentDoc = new TypedDocumentString(`
    fragment DashboardMetrics on SalesMetrics {
  revenue {
    amount
    currencyCode
  }
  orders
  ordersCountedAs
  units
  buyers
  averageOrderValue {
    amount
  }
  onlineShare
}
    `, {"fragmentName":"DashboardMetrics"}) as unknown as TypedDocumentString<DashboardMetricsFragment, unknown>;
export const TicketRowFragmentDoc = new TypedDocumentString(`
    fragment TicketRow on Ticket {
  id
  number
  kind
  status
  priority
  subject
  slaBreached
  firstResponseDueAt
  firstRespondedAt
  resolveDueAt
  resolvedAt
  createdAt
  requester {
    id
    name
  }
  order {
    id
    number
  }
}
    `, {"fragmentName":"TicketRow"}) as unknown as TypedDocumentString<TicketRowFragment, unknown>;
export const TicketFullFragmentDoc = new TypedDocumentString(`
    fragment TicketFull on Ticket {
  ...TicketRow
  closedAt
  rating
  ratingComment
  assignee {
    id
    name
    servicePhone
  }
  lines {
    sku
    quantity
  }
  comments {
    id
    author
    body
    internal
    createdAt
  }
  events {
    kind
    status
    actor
    note
    at
  }
}
    fragment TicketRow on Ticket {
  id
  number
  kind
  status
  priority
  subject
  slaBreached
  firstResponseDueAt
  firstRespondedAt
  resolveDueAt
  resolvedAt
  createdAt
  requester {
    id
    name
  }
  order {
    id
    number
  }
}`, {"fragmentName":"TicketFull"}) as unknown as TypedDocumentString<TicketFullFragment, unknown>;
export const BuyerInsightsDocument = new TypedDocumentString(`
    query BuyerInsights($id: ID!) {
  account(id: $id) {
    id
    name
    code
    tier
    insights {
      monthly {
        month
        revenue {
          amount
        }
        orders
      }
      revenueYearToDate {
        amount
        currencyCode
      }
      revenuePreviousYearToDate {
        amount
      }
      lastOrderAt
      averageDaysBetweenOrders
      topVariants(first: 5) {
        units
        revenue {
          amount
        }
        variant {
          sku
          name
          product {
            name
          }
        }
      }
      openOrders
      openTickets
      slaBreachesLast90Days
      creditUtilization
    }
  }
}
    `, {"hash":"sha256:518acd906a254bf16e979bd3da36dc12712a56515be161763ca34e80826f59d5"}) as unknown as TypedDocumentString<BuyerInsightsQuery, BuyerInsightsQueryVariables>;
export const MyApiKeysDocument = new TypedDocumentString(`
    query MyApiKeys($accountId: ID!) {
  account(id: $accountId) {
    id
    apiKeys {
      id
      name
      prefix
      roles
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
      createdBy {
        name
      }
    }
  }
}
    `, {"hash":"sha256:aa69773912c08144542ed71c2b35075bbbb508b635b5964504a60e555a727736"}) as unknown as TypedDocumentString<MyApiKeysQuery, MyApiKeysQueryVariables>;
export const CreateMyApiKeyDocument = new TypedDocumentString(`
    mutation CreateMyApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    apiKey {
      id
      name
      prefix
      roles
      createdAt
      expiresAt
    }
    secret
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:80b45e12755dac88443ddf91444cd082873807cc14ae15b8121153dc12b8ab64"}) as unknown as TypedDocumentString<CreateMyApiKeyMutation, CreateMyApiKeyMutationVariables>;
export const RevokeMyApiKeyDocument = new TypedDocumentString(`
    mutation RevokeMyApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    apiKey {
      id
      revokedAt
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:a2adde98210ca1d9ff13214e8fc8f79735a5ae0932b5792c2036d305512b05fe"}) as unknown as TypedDocumentString<RevokeMyApiKeyMutation, RevokeMyApiKeyMutationVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($first: Int!, $after: String, $filter: AuditFilter) {
  auditLog(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      at
      action
      changes
      account {
        id
        name
      }
      actor {
        id
        name
      }
      actorApiKey {
        id
        name
        prefix
      }
    }
  }
}
    `, {"hash":"sha256:c604ac8e63ad13a02a596bee642aaf09ff8007bab6fb91fa3498d38702243a53"}) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const AuditAccountsDocument = new TypedDocumentString(`
    query AuditAccounts($search: String) {
  accounts(first: 20, filter: {search: $search}) {
    nodes {
      id
      name
      code
    }
  }
}
    `, {"hash":"sha256:561517c69ed694546df8fc7883dd0a33ab18ddd8fe755972426113789cc0c21b"}) as unknown as TypedDocumentString<AuditAccountsQuery, AuditAccountsQueryVariables>;
export const CatalogCategoriesDocument = new TypedDocumentString(`
    query CatalogCategories {
  categories {
    id
    name
    parent {
      id
    }
  }
}
    `, {"hash":"sha256:487d43c953ff67043647ac96c8252d105c1641411e3074a91a71ab1e7a3c827d"}) as unknown as TypedDocumentString<CatalogCategoriesQuery, CatalogCategoriesQueryVariables>;
export const CatalogProductsDocument = new TypedDocumentString(`
    query CatalogProducts($first: Int!, $after: String, $filter: ProductFilter, $priced: Boolean!) {
  products(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      code
      name
      category {
        id
        name
      }
      media {
        url
        kind
        title
      }
      variants {
        id
        sku
        name
        unit
        minOrderQuantity
        orderIncrement
        price @include(if: $priced) {
          ...PortalPrice
        }
        availability {
          status
          availableQuantity
        }
      }
    }
  }
}
    fragment PortalPrice on Price {
  amount {
    amount
    currencyCode
  }
  listPrice {
    amount
  }
  quantity
  floorApplied
  steps {
    kind
    description
    amount {
      amount
    }
  }
}`, {"hash":"sha256:f15681e62e271c084929ce31afc67dbbc949bc5b308404dd755af10fbfa935e4"}) as unknown as TypedDocumentString<CatalogProductsQuery, CatalogProductsQueryVariables>;
export const ProductDetailDocument = new TypedDocumentString(`
    query ProductDetail($id: ID!, $quantity: Int!, $priced: Boolean!) {
  product(id: $id) {
    id
    code
    name
    description
    category {
      id
      name
      parent {
        id
        name
      }
    }
    attributes {
      name
      value
    }
    media {
      url
      kind
      title
    }
    variants {
      id
      sku
      name
      unit
      minOrderQuantity
      orderIncrement
      suggestedRetailPrice @include(if: $priced) {
        amount
      }
      price(quantity: $quantity) @include(if: $priced) {
        ...PortalPrice
      }
      availability {
        status
        availableQuantity
      }
    }
  }
}
    fragment PortalPrice on Price {
  amount {
    amount
    currencyCode
  }
  listPrice {
    amount
  }
  quantity
  floorApplied
  steps {
    kind
    description
    amount {
      amount
    }
  }
}`, {"hash":"sha256:21e70cadf3626f61e1e6e08474b42ff7a08e3a7c2b9e82ad355a3bc8d8495cb5"}) as unknown as TypedDocumentString<ProductDetailQuery, ProductDetailQueryVariables>;
export const LineQuoteDocument = new TypedDocumentString(`
    query LineQuote($sku: String!, $quantity: Int!) {
  variant(sku: $sku) {
    id
    sku
    name
    unit
    minOrderQuantity
    orderIncrement
    product {
      id
      name
    }
    price(quantity: $quantity) {
      ...PortalPrice
    }
    availability {
      status
      availableQuantity
    }
  }
}
    fragment PortalPrice on Price {
  amount {
    amount
    currencyCode
  }
  listPrice {
    amount
  }
  quantity
  floorApplied
  steps {
    kind
    description
    amount {
      amount
    }
  }
}`, {"hash":"sha256:b9a89e072113a3b8aa982cefa67c784a5ee5818e91e8770645d1c34543e60a47"}) as unknown as TypedDocumentString<LineQuoteQuery, LineQuoteQueryVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query Alerts($first: Int, $kinds: [ChannelAlertKind!]) {
  channelAlerts(first: $first, kinds: $kinds) {
    kind
    severity
    message
    detectedAt
    account {
      id
      name
    }
    variant {
      sku
      name
    }
  }
}
    `, {"hash":"sha256:7b99a21f418024dd3e7f517d26606063ad5a3164dd91a767e70240debdbb192c"}) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const ForecastDocument = new TypedDocumentString(`
    query Forecast($input: DemandForecastInput!) {
  demandForecast(input: $input) {
    granularity
    method
    historyStatus
    note
    variant {
      sku
      name
      product {
        name
      }
    }
    history {
      periodStart
      units
    }
    points {
      periodStart
      units
      lower
      upper
    }
    backtest {
      origins
      horizon
      mase
      smape
      scale
      baselineMethod
      baselineMase
      baselineSmape
      candidates {
        method
        mase
        smape
      }
    }
  }
}
    `, {"hash":"sha256:efbeb4d486a1ac7636e84abd2476b21ab3f7a3772b3aab6029f587e54f4668fa"}) as unknown as TypedDocumentString<ForecastQuery, ForecastQueryVariables>;
export const FeatureFlagsDocument = new TypedDocumentString(`
    query FeatureFlags {
  featureFlags {
    id
    key
    description
    everyone
    tiers
    regions {
      code
      name
    }
    accounts {
      id
      name
      tier
    }
    updatedAt
  }
}
    `, {"hash":"sha256:8b98fd355e8ddce5c38f11d5543ceb2d3aae27184abf90ad872ab88702eaa063"}) as unknown as TypedDocumentString<FeatureFlagsQuery, FeatureFlagsQueryVariables>;
export const FlagTargetsDocument = new TypedDocumentString(`
    query FlagTargets($accountId: ID!) {
  account(id: $accountId) {
    id
    territory {
      code
      name
    }
  }
  agents: accounts(first: 100, filter: {tier: GENERAL_AGENT}) {
    nodes {
      id
      name
      tier
    }
  }
  distributors: accounts(first: 100, filter: {tier: DISTRIBUTOR}) {
    nodes {
      id
      name
      tier
    }
  }
}
    `, {"hash":"sha256:dd50039367790c19051bdd6fe1b5c50c581a8e994d70261bcf427bdce01322c3"}) as unknown as TypedDocumentString<FlagTargetsQuery, FlagTargetsQueryVariables>;
export const SaveFeatureFlagDocument = new TypedDocumentString(`
    mutation SaveFeatureFlag($input: FeatureFlagInput!) {
  saveFeatureFlag(input: $input) {
    flag {
      id
      key
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:bed464d7555dccc8621e88b9544be162b5fc51afdf173263dd4bc1a08a4c8622"}) as unknown as TypedDocumentString<SaveFeatureFlagMutation, SaveFeatureFlagMutationVariables>;
export const DeleteFeatureFlagDocument = new TypedDocumentString(`
    mutation DeleteFeatureFlag($key: String!) {
  deleteFeatureFlag(key: $key) {
    flag {
      id
      key
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:2447bf818d798353c9d29073f51da38d16b4a253584226eacc8f6c6251aa6b9e"}) as unknown as TypedDocumentString<DeleteFeatureFlagMutation, DeleteFeatureFlagMutationVariables>;
export const MyMoneyDocument = new TypedDocumentString(`
    query MyMoney($accountId: ID!) {
  account(id: $accountId) {
    id
    credit {
      limit {
        amount
        currencyCode
      }
      used {
        amount
      }
      available {
        amount
      }
    }
    balance {
      amount
      currencyCode
    }
    statements {
      id
      number
      status
      version
      periodStart
      periodEnd
      issuedAt
      confirmedAt
      disputeReason
      openingBalance {
        amount
      }
      closingBalance {
        amount
        currencyCode
      }
      orderCount
      paymentCount
    }
    invoiceRequests {
      id
      number
      status
      type
      title
      taxId
      amount {
        amount
        currencyCode
      }
      invoiceNumber
      issuedOn
      rejectReason
      createdAt
    }
  }
}
    `, {"hash":"sha256:b553b88bbe6554d2d61dfa3cd5cbbe89a1cd6b2b7b8f7ef5976f3906f489926e"}) as unknown as TypedDocumentString<MyMoneyQuery, MyMoneyQueryVariables>;
export const StatementCsvDocument = new TypedDocumentString(`
    query StatementCsv($id: ID!) {
  node(id: $id) {
    id
    ... on Statement {
      number
      csv
    }
  }
}
    `, {"hash":"sha256:c2d3e2f6d6f2efc80eee0454bf1b88209379a33bd6ff97555e0b4dc6a1d02047"}) as unknown as TypedDocumentString<StatementCsvQuery, StatementCsvQueryVariables>;
export const DecideMyStatementDocument = new TypedDocumentString(`
    mutation DecideMyStatement($id: ID!, $decision: StatementDecision!, $reason: String) {
  decideStatement(id: $id, decision: $decision, reason: $reason) {
    statement {
      id
      status
      confirmedAt
      disputeReason
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:1ad87d70e9be4427ab120fe574c85a10f70fcab1b92b52f3532c6ed2419aac63"}) as unknown as TypedDocumentString<DecideMyStatementMutation, DecideMyStatementMutationVariables>;
export const RequestMyInvoiceDocument = new TypedDocumentString(`
    mutation RequestMyInvoice($input: InvoiceRequestInput!) {
  requestInvoice(input: $input) {
    invoice {
      id
      number
      status
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:38cf070a2b81a34a88f9fe7d80f711c664fed24a7bbfa440ea31f9162293c37c"}) as unknown as TypedDocumentString<RequestMyInvoiceMutation, RequestMyInvoiceMutationVariables>;
export const MyNotificationsDocument = new TypedDocumentString(`
    query MyNotifications($first: Int!, $after: String, $unreadOnly: Boolean) {
  viewer {
    unreadNotificationCount
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        title
        body
        orderId
        ticketId
        readAt
        createdAt
      }
    }
  }
}
    `, {"hash":"sha256:121bb4b306181f2470957d4f6627607a21850c40ec47133d59279d0e30e16e57"}) as unknown as TypedDocumentString<MyNotificationsQuery, MyNotificationsQueryVariables>;
export const ReadNotificationsDocument = new TypedDocumentString(`
    mutation ReadNotifications($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    count
    unreadCount
  }
}
    `, {"hash":"sha256:6fb682ede0f46b1ab9f0da4b7369d7b2337b57002acafaa85bd761390c85ffce"}) as unknown as TypedDocumentString<ReadNotificationsMutation, ReadNotificationsMutationVariables>;
export const OrderListDocument = new TypedDocumentString(`
    query OrderList($first: Int!, $after: String, $filter: OrderFilter) {
  orders(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...OrderRow
    }
  }
}
    fragment OrderRow on Order {
  id
  number
  status
  channel
  createdAt
  total {
    amount
    currencyCode
  }
  buyer {
    id
    name
  }
  lines {
    sku
    quantity
  }
}`, {"hash":"sha256:b913e7e868cc471692938b0e97806fced9d552902e7edb700a345b8426ff8351"}) as unknown as TypedDocumentString<OrderListQuery, OrderListQueryVariables>;
export const OrderDetailDocument = new TypedDocumentString(`
    query OrderDetail($id: ID!) {
  order(id: $id) {
    ...OrderFull
  }
}
    fragment OrderFull on Order {
  id
  number
  status
  channel
  createdAt
  note
  flagged
  flagReason
  subtotal {
    amount
    currencyCode
  }
  discountTotal {
    amount
  }
  total {
    amount
    currencyCode
  }
  buyer {
    id
    name
  }
  seller {
    id
    name
    servicePhone
  }
  shipTo {
    line1
    city
    region {
      name
    }
  }
  lines {
    sku
    quantity
    listPrice {
      amount
    }
    unitPrice {
      amount
    }
    lineTotal {
      amount
    }
    priceSteps {
      kind
      description
      amount {
        amount
      }
    }
    variant {
      id
      name
      product {
        id
        name
      }
    }
  }
  fulfillments {
    id
    status
    trackingNumber
    batchCodes
    shippedAt
    deliveredAt
    routingReason
    warehouse {
      id
      name
      owner {
        id
      }
    }
    lines {
      sku
      quantity
    }
  }
  events {
    kind
    status
    actor
    note
    at
  }
}`, {"hash":"sha256:8fad694a28c749939f59385661f1647d11cd673e31506dd8a455bea9d6a4f3da"}) as unknown as TypedDocumentString<OrderDetailQuery, OrderDetailQueryVariables>;
export const PlaceCartOrderDocument = new TypedDocumentString(`
    mutation PlaceCartOrder($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    order {
      id
      number
      status
      total {
        amount
        currencyCode
      }
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:688ea06b81b07cc51cb84a76c5305b4d7dd41fd2562dab68a40c60125e2bdeef"}) as unknown as TypedDocumentString<PlaceCartOrderMutation, PlaceCartOrderMutationVariables>;
export const CancelMyOrderDocument = new TypedDocumentString(`
    mutation CancelMyOrder($id: ID!, $reason: String) {
  cancelOrder(id: $id, reason: $reason) {
    order {
      ...OrderFull
    }
    userErrors {
      code
      message
      field
    }
  }
}
    fragment OrderFull on Order {
  id
  number
  status
  channel
  createdAt
  note
  flagged
  flagReason
  subtotal {
    amount
    currencyCode
  }
  discountTotal {
    amount
  }
  total {
    amount
    currencyCode
  }
  buyer {
    id
    name
  }
  seller {
    id
    name
    servicePhone
  }
  shipTo {
    line1
    city
    region {
      name
    }
  }
  lines {
    sku
    quantity
    listPrice {
      amount
    }
    unitPrice {
      amount
    }
    lineTotal {
      amount
    }
    priceSteps {
      kind
      description
      amount {
        amount
      }
    }
    variant {
      id
      name
      product {
        id
        name
      }
    }
  }
  fulfillments {
    id
    status
    trackingNumber
    batchCodes
    shippedAt
    deliveredAt
    routingReason
    warehouse {
      id
      name
      owner {
        id
      }
    }
    lines {
      sku
      quantity
    }
  }
  events {
    kind
    status
    actor
    note
    at
  }
}`, {"hash":"sha256:6369a075b1103b61dacc45478c33eb2f550aadad1a1f7dca3d3c307a6b222815"}) as unknown as TypedDocumentString<CancelMyOrderMutation, CancelMyOrderMutationVariables>;
export const ConfirmMyDeliveryDocument = new TypedDocumentString(`
    mutation ConfirmMyDelivery($id: ID!) {
  confirmDelivery(id: $id) {
    order {
      ...OrderFull
    }
    userErrors {
      code
      message
      field
    }
  }
}
    fragment OrderFull on Order {
  id
  number
  status
  channel
  createdAt
  note
  flagged
  flagReason
  subtotal {
    amount
    currencyCode
  }
  discountTotal {
    amount
  }
  total {
    amount
    currencyCode
  }
  buyer {
    id
    name
  }
  seller {
    id
    name
    servicePhone
  }
  shipTo {
    line1
    city
    region {
      name
    }
  }
  lines {
    sku
    quantity
    listPrice {
      amount
    }
    unitPrice {
      amount
    }
    lineTotal {
      amount
    }
    priceSteps {
      kind
      description
      amount {
        amount
      }
    }
    variant {
      id
      name
      product {
        id
        name
      }
    }
  }
  fulfillments {
    id
    status
    trackingNumber
    batchCodes
    shippedAt
    deliveredAt
    routingReason
    warehouse {
      id
      name
      owner {
        id
      }
    }
    lines {
      sku
      quantity
    }
  }
  events {
    kind
    status
    actor
    note
    at
  }
}`, {"hash":"sha256:9cf9e2d5f3aad291814787791ca076fd4a84db91590a36a8491a7037fdfe8a6f"}) as unknown as TypedDocumentString<ConfirmMyDeliveryMutation, ConfirmMyDeliveryMutationVariables>;
export const ConfirmIncomingOrderDocument = new TypedDocumentString(`
    mutation ConfirmIncomingOrder($id: ID!) {
  confirmOrder(id: $id) {
    order {
      ...OrderFull
    }
    userErrors {
      code
      message
      field
    }
  }
}
    fragment OrderFull on Order {
  id
  number
  status
  channel
  createdAt
  note
  flagged
  flagReason
  subtotal {
    amount
    currencyCode
  }
  discountTotal {
    amount
  }
  total {
    amount
    currencyCode
  }
  buyer {
    id
    name
  }
  seller {
    id
    name
    servicePhone
  }
  shipTo {
    line1
    city
    region {
      name
    }
  }
  lines {
    sku
    quantity
    listPrice {
      amount
    }
    unitPrice {
      amount
    }
    lineTotal {
      amount
    }
    priceSteps {
      kind
      description
      amount {
        amount
      }
    }
    variant {
      id
      name
      product {
        id
        name
      }
    }
  }
  fulfillments {
    id
    status
    trackingNumber
    batchCodes
    shippedAt
    deliveredAt
    routingReason
    warehouse {
      id
      name
      owner {
        id
      }
    }
    lines {
      sku
      quantity
    }
  }
  events {
    kind
    status
    actor
    note
    at
  }
}`, {"hash":"sha256:aee76249658746caf0993b135c05a4f5fb35fe506aeb9e68b30b2bd121362659"}) as unknown as TypedDocumentString<ConfirmIncomingOrderMutation, ConfirmIncomingOrderMutationVariables>;
export const ShipOrderFulfillmentDocument = new TypedDocumentString(`
    mutation ShipOrderFulfillment($input: ShipFulfillmentInput!) {
  shipFulfillment(input: $input) {
    order {
      ...OrderFull
    }
    userErrors {
      code
      message
      field
    }
  }
}
    fragment OrderFull on Order {
  id
  number
  status
  channel
  createdAt
  note
  flagged
  flagReason
  subtotal {
    amount
    currencyCode
  }
  discountTotal {
    amount
  }
  total {
    amount
    currencyCode
  }
  buyer {
    id
    name
  }
  seller {
    id
    name
    servicePhone
  }
  shipTo {
    line1
    city
    region {
      name
    }
  }
  lines {
    sku
    quantity
    listPrice {
      amount
    }
    unitPrice {
      amount
    }
    lineTotal {
      amount
    }
    priceSteps {
      kind
      description
      amount {
        amount
      }
    }
    variant {
      id
      name
      product {
        id
        name
      }
    }
  }
  fulfillments {
    id
    status
    trackingNumber
    batchCodes
    shippedAt
    deliveredAt
    routingReason
    warehouse {
      id
      name
      owner {
        id
      }
    }
    lines {
      sku
      quantity
    }
  }
  events {
    kind
    status
    actor
    note
    at
  }
}`, {"hash":"sha256:b90df71035e94b7a2c81c4d5d87dfea3d5fb4c931af0505039406939857011f1"}) as unknown as TypedDocumentString<ShipOrderFulfillmentMutation, ShipOrderFulfillmentMutationVariables>;
export const RecommendedDocument = new TypedDocumentString(`
    query Recommended($accountId: ID, $first: Int!) {
  recommendations(accountId: $accountId, first: $first) {
    kind
    reason
    score
    variant {
      id
      sku
      name
      unit
      minOrderQuantity
      orderIncrement
      product {
        id
        name
      }
    }
  }
}
    `, {"hash":"sha256:bda7e4293ddd96ac2426665010e78299fff516f710bfc27e9126f298f9b639f6"}) as unknown as TypedDocumentString<RecommendedQuery, RecommendedQueryVariables>;
export const MyWarehousesDocument = new TypedDocumentString(`
    query MyWarehouses {
  warehouses {
    id
    name
    kind
    owner {
      id
      name
    }
  }
}
    `, {"hash":"sha256:71981eea624b2c13a7a8fc08f70736001fe9722d95a023db1097e17dc1063c83"}) as unknown as TypedDocumentString<MyWarehousesQuery, MyWarehousesQueryVariables>;
export const ReplenishmentDocument = new TypedDocumentString(`
    query Replenishment($input: ReplenishmentInput!) {
  replenishmentSuggestions(input: $input) {
    variant {
      sku
      name
      product {
        name
      }
    }
    onHand
    reserved
    expectedDemand
    safetyStock
    reorderPoint
    suggestedQuantity
    daysOfCover
    reason
  }
}
    `, {"hash":"sha256:88ff4bfe364ea86c56dacbff016da0c233a11915c4b9103ad9733f548327502b"}) as unknown as TypedDocumentString<ReplenishmentQuery, ReplenishmentQueryVariables>;
export const MyBuyersDocument = new TypedDocumentString(`
    query MyBuyers($first: Int!, $after: String, $filter: AccountFilter, $withCredit: Boolean!) {
  accounts(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      code
      tier
      seller {
        id
      }
      address {
        city
        region {
          name
        }
      }
      contact {
        name
        phone
      }
      credit @include(if: $withCredit) {
        limit {
          amount
        }
        used {
          amount
        }
        available {
          amount
          currencyCode
        }
      }
    }
  }
}
    `, {"hash":"sha256:fba64e4f377489fd5f0793cd76f928b0544f14c81563cf536fc6e8993073d48c"}) as unknown as TypedDocumentString<MyBuyersQuery, MyBuyersQueryVariables>;
export const SalesDashboardDocument = new TypedDocumentString(`
    query SalesDashboard($from: Date!, $to: Date!, $buyerTier: ChannelTier, $compareTo: ComparePeriod, $breakdown: SalesDimension!) {
  byMonth: salesReport(
    input: {from: $from, to: $to, buyerTier: $buyerTier, groupBy: [MONTH], compareTo: $compareTo, first: 60}
  ) {
    from
    to
    asOf
    buyerTier
    previousFrom
    previousTo
    totals {
      ...DashboardMetrics
    }
    previousTotals {
      ...DashboardMetrics
    }
    rows {
      keys {
        value
        label
      }
      metrics {
        revenue {
          amount
        }
        orders
        onlineShare
      }
      previous {
        revenue {
          amount
        }
      }
      growth
    }
  }
  byPartner: salesReport(
    input: {from: $from, to: $to, buyerTier: $buyerTier, groupBy: [PARTNER], compareTo: $compareTo, first: 10}
  ) {
    groupCount
    rows {
      keys {
        value
        label
      }
      metrics {
        revenue {
          amount
        }
        orders
        buyers
        onlineShare
      }
      previous {
        revenue {
          amount
        }
      }
      growth
    }
  }
  byBreakdown: salesReport(
    input: {from: $from, to: $to, buyerTier: $buyerTier, groupBy: [$breakdown], compareTo: $compareTo, first: 10}
  ) {
    groupCount
    rows {
      keys {
        value
        label
      }
      metrics {
        revenue {
          amount
        }
        orders
        ordersCountedAs
        onlineShare
      }
      growth
    }
  }
}
    fragment DashboardMetrics on SalesMetrics {
  revenue {
    amount
    currencyCode
  }
  orders
  ordersCountedAs
  units
  buyers
  averageOrderValue {
    amount
  }
  onlineShare
}`, {"hash":"sha256:069f6685f7fc6b98eaea7d113dbc4439eb78fe96fdcc60bfe19b703c59a0659f"}) as unknown as TypedDocumentString<SalesDashboardQuery, SalesDashboardQueryVariables>;
export const TopSellersDocument = new TypedDocumentString(`
    query TopSellers($from: Date!, $to: Date!, $buyerTier: ChannelTier, $first: Int!) {
  salesReport(
    input: {from: $from, to: $to, buyerTier: $buyerTier, groupBy: [VARIANT], first: $first}
  ) {
    rows {
      keys {
        value
        label
        node {
          ... on Variant {
            sku
            name
            product {
              name
            }
          }
        }
      }
      metrics {
        units
      }
    }
  }
}
    `, {"hash":"sha256:ad5429d7a651569c290ba69cf5a640a75a6e9d914ba9bc12412a1d162200d6f2"}) as unknown as TypedDocumentString<TopSellersQuery, TopSellersQueryVariables>;
export const PilotReportDocument = new TypedDocumentString(`
    query PilotReport($from: Date!, $to: Date!, $buyerTier: ChannelTier, $flag: String!, $compareTo: ComparePeriod) {
  split: salesReport(
    input: {from: $from, to: $to, buyerTier: $buyerTier, groupBy: [PILOT], pilotFlag: $flag, compareTo: $compareTo}
  ) {
    from
    to
    asOf
    rows {
      keys {
        value
        label
      }
      metrics {
        ...DashboardMetrics
      }
      previous {
        revenue {
          amount
        }
        orders
        buyers
      }
      growth
    }
  }
  months: salesReport(
    input: {from: $from, to: $to, buyerTier: $buyerTier, groupBy: [MONTH, PILOT], pilotFlag: $flag, first: 200}
  ) {
    rows {
      keys {
        value
      }
      metrics {
        revenue {
          amount
        }
      }
    }
  }
}
    fragment DashboardMetrics on SalesMetrics {
  revenue {
    amount
    currencyCode
  }
  orders
  ordersCountedAs
  units
  buyers
  averageOrderValue {
    amount
  }
  onlineShare
}`, {"hash":"sha256:d8c0de4d32ee45f926841f744ffae645a4c0b03655a576d89036799a74f3ae36"}) as unknown as TypedDocumentString<PilotReportQuery, PilotReportQueryVariables>;
export const PortalBrandingDocument = new TypedDocumentString(`
    query PortalBranding($slug: String!) {
  portal(slug: $slug) {
    slug
    displayName
    logoUrl
    primaryColor
    welcomeText
    seller {
      id
      name
      tier
      servicePhone
    }
  }
}
    `, {"hash":"sha256:4858f206df1f5c1c575481b2049a4f3f537ba9527f5948fd15e1684a9af20975"}) as unknown as TypedDocumentString<PortalBrandingQuery, PortalBrandingQueryVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: LoginInput!) {
  login(input: $input) {
    token
    expiresAt
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:93ab6865a0183fb53a8061df992920dcada3baabe304f873f628f570d8a961f3"}) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  viewer {
    roles
    features
    unreadNotificationCount
    user {
      id
      name
      email
    }
    account {
      id
      name
      tier
      seller {
        id
        name
        servicePhone
        portal {
          slug
          displayName
        }
      }
      portal {
        slug
        displayName
      }
    }
  }
}
    `, {"hash":"sha256:0b8630ca0eb5432864c6faf9f25ec34e2badf06c3b8aecaae0f64859d20ad941"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const TicketListDocument = new TypedDocumentString(`
    query TicketList($first: Int!, $after: String, $filter: TicketFilter) {
  tickets(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...TicketRow
    }
  }
}
    fragment TicketRow on Ticket {
  id
  number
  kind
  status
  priority
  subject
  slaBreached
  firstResponseDueAt
  firstRespondedAt
  resolveDueAt
  resolvedAt
  createdAt
  requester {
    id
    name
  }
  order {
    id
    number
  }
}`, {"hash":"sha256:35ffa7802e582deeea902c78f9af0d72c3dc64cfb4eb49bedb2ed00c2cb86be4"}) as unknown as TypedDocumentString<TicketListQuery, TicketListQueryVariables>;
export const TicketDetailDocument = new TypedDocumentString(`
    query TicketDetail($id: ID!) {
  ticket(id: $id) {
    ...TicketFull
  }
}
    fragment TicketRow on Ticket {
  id
  number
  kind
  status
  priority
  subject
  slaBreached
  firstResponseDueAt
  firstRespondedAt
  resolveDueAt
  resolvedAt
  createdAt
  requester {
    id
    name
  }
  order {
    id
    number
  }
}
fragment TicketFull on Ticket {
  ...TicketRow
  closedAt
  rating
  ratingComment
  assignee {
    id
    name
    servicePhone
  }
  lines {
    sku
    quantity
  }
  comments {
    id
    author
    body
    internal
    createdAt
  }
  events {
    kind
    status
    actor
    note
    at
  }
}`, {"hash":"sha256:4d5e24bbaab1ea546e1007cd18eab0965af9754f53b5e8366aa2183f9b7793bf"}) as unknown as TypedDocumentString<TicketDetailQuery, TicketDetailQueryVariables>;
export const OpenServiceTicketDocument = new TypedDocumentString(`
    mutation OpenServiceTicket($input: OpenTicketInput!) {
  openTicket(input: $input) {
    ticket {
      id
      number
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:b50973e21088a082f529ca32995b2e5af0bcdcd1bcc321e4468c6fc7ef865390"}) as unknown as TypedDocumentString<OpenServiceTicketMutation, OpenServiceTicketMutationVariables>;
export const ReplyTicketDocument = new TypedDocumentString(`
    mutation ReplyTicket($input: CommentTicketInput!) {
  commentTicket(input: $input) {
    ticket {
      ...TicketFull
    }
    userErrors {
      code
      message
      field
    }
  }
}
    fragment TicketRow on Ticket {
  id
  number
  kind
  status
  priority
  subject
  slaBreached
  firstResponseDueAt
  firstRespondedAt
  resolveDueAt
  resolvedAt
  createdAt
  requester {
    id
    name
  }
  order {
    id
    number
  }
}
fragment TicketFull on Ticket {
  ...TicketRow
  closedAt
  rating
  ratingComment
  assignee {
    id
    name
    servicePhone
  }
  lines {
    sku
    quantity
  }
  comments {
    id
    author
    body
    internal
    createdAt
  }
  events {
    kind
    status
    actor
    note
    at
  }
}`, {"hash":"sha256:4a717004d2ea4ce86a2af15db69212f9e5937439268283c040d1e58bddaa4090"}) as unknown as TypedDocumentString<ReplyTicketMutation, ReplyTicketMutationVariables>;
export const MoveTicketDocument = new TypedDocumentString(`
    mutation MoveTicket($id: ID!, $status: TicketStatus!) {
  setTicketStatus(id: $id, status: $status) {
    ticket {
      ...TicketFull
    }
    userErrors {
      code
      message
      field
    }
  }
}
    fragment TicketRow on Ticket {
  id
  number
  kind
  status
  priority
  subject
  slaBreached
  firstResponseDueAt
  firstRespondedAt
  resolveDueAt
  resolvedAt
  createdAt
  requester {
    id
    name
  }
  order {
    id
    number
  }
}
fragment TicketFull on Ticket {
  ...TicketRow
  closedAt
  rating
  ratingComment
  assignee {
    id
    name
    servicePhone
  }
  lines {
    sku
    quantity
  }
  comments {
    id
    author
    body
    internal
    createdAt
  }
  events {
    kind
    status
    actor
    note
    at
  }
}`, {"hash":"sha256:abb2e65380115a26e2dfd032d54cb2bba1d178454b9d77842a20ff1a84716559"}) as unknown as TypedDocumentString<MoveTicketMutation, MoveTicketMutationVariables>;
export const RateServiceTicketDocument = new TypedDocumentString(`
    mutation RateServiceTicket($input: RateTicketInput!) {
  rateTicket(input: $input) {
    ticket {
      ...TicketFull
    }
    userErrors {
      code
      message
      field
    }
  }
}
    fragment TicketRow on Ticket {
  id
  number
  kind
  status
  priority
  subject
  slaBreached
  firstResponseDueAt
  firstRespondedAt
  resolveDueAt
  resolvedAt
  createdAt
  requester {
    id
    name
  }
  order {
    id
    number
  }
}
fragment TicketFull on Ticket {
  ...TicketRow
  closedAt
  rating
  ratingComment
  assignee {
    id
    name
    servicePhone
  }
  lines {
    sku
    quantity
  }
  comments {
    id
    author
    body
    internal
    createdAt
  }
  events {
    kind
    status
    actor
    note
    at
  }
}`, {"hash":"sha256:6b9ef532e835d28eb9bf077ec2faac0635d51bd0f398be641d126a6a0db90ebe"}) as unknown as TypedDocumentString<RateServiceTicketMutation, RateServiceTicketMutationVariables>;
export const AccountUsersDocument = new TypedDocumentString(`
    query AccountUsers($accountId: ID!) {
  account(id: $accountId) {
    id
    users {
      id
      name
      email
      roles
      active
    }
  }
}
    `, {"hash":"sha256:be81b018e19fe71d774f7e00eeac82cb28d9aeaf8c19e809be74fa4da874b3b6"}) as unknown as TypedDocumentString<AccountUsersQuery, AccountUsersQueryVariables>;
export const UpdateAccountUserDocument = new TypedDocumentString(`
    mutation UpdateAccountUser($input: UpdateUserInput!) {
  updateUser(input: $input) {
    user {
      id
      name
      roles
      active
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:cc461154636c11e6e0e1198fbd46cf4b92800acb5a2df740df276a2d59c53ff7"}) as unknown as TypedDocumentString<UpdateAccountUserMutation, UpdateAccountUserMutationVariables>;
export const ChangeMyPasswordDocument = new TypedDocumentString(`
    mutation ChangeMyPassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    token
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:364f98d04e673e25ec1971b5e79dec708c190b140e3bc6bbfb70ebe7a6d17c33"}) as unknown as TypedDocumentString<ChangeMyPasswordMutation, ChangeMyPasswordMutationVariables>;
export const MyWebhooksDocument = new TypedDocumentString(`
    query MyWebhooks($accountId: ID!) {
  account(id: $accountId) {
    id
    webhookEndpoints {
      id
      url
      description
      events
      enabled
      disabledReason
      createdAt
    }
  }
}
    `, {"hash":"sha256:528baf2242af3eafdb7f7424cf538bef254988f876f1aaed15dec33397dcc9d1"}) as unknown as TypedDocumentString<MyWebhooksQuery, MyWebhooksQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($id: ID!, $first: Int!, $after: String, $filter: WebhookDeliveryFilter) {
  node(id: $id) {
    ... on WebhookEndpoint {
      id
      deliveries(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          eventId
          eventType
          status
          attempts
          responseStatus
          createdAt
          lastAttemptAt
          nextAttemptAt
        }
      }
    }
  }
}
    `, {"hash":"sha256:7a6a975a7833aa6b3bdd20d3421d78f7ca70b4b94172c61066a38c219a815ac6"}) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const CreateMyWebhookDocument = new TypedDocumentString(`
    mutation CreateMyWebhook($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    endpoint {
      id
      url
      events
      enabled
    }
    secret
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:a4fabb3fb9c53ba51bca0bd43425d44cc53ef268d1ea11cacc05987d5539e2f3"}) as unknown as TypedDocumentString<CreateMyWebhookMutation, CreateMyWebhookMutationVariables>;
export const UpdateMyWebhookDocument = new TypedDocumentString(`
    mutation UpdateMyWebhook($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) {
    endpoint {
      id
      url
      events
      enabled
      disabledReason
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:1c6d44f49430dc4b115bf11f5ea3a99c7fea557efee67245da94a9c3567513ef"}) as unknown as TypedDocumentString<UpdateMyWebhookMutation, UpdateMyWebhookMutationVariables>;
export const DeleteMyWebhookDocument = new TypedDocumentString(`
    mutation DeleteMyWebhook($id: ID!) {
  deleteWebhookEndpoint(id: $id) {
    endpoint {
      id
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:d197d06d7e5c427c6632fb8baa8d5885f0d6f58b8a583ff3ddbe4e0bd96f904f"}) as unknown as TypedDocumentString<DeleteMyWebhookMutation, DeleteMyWebhookMutationVariables>;
export const RotateMyWebhookSecretDocument = new TypedDocumentString(`
    mutation RotateMyWebhookSecret($id: ID!) {
  rotateWebhookSecret(id: $id) {
    endpoint {
      id
    }
    secret
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:57f679011adff7b967959dc847d1934f0ce5e7029a45e1fa1bc72fed1e08035f"}) as unknown as TypedDocumentString<RotateMyWebhookSecretMutation, RotateMyWebhookSecretMutationVariables>;
export const TestMyWebhookDocument = new TypedDocumentString(`
    mutation TestMyWebhook($endpointId: ID!) {
  sendTestWebhook(endpointId: $endpointId) {
    delivery {
      id
      status
      responseStatus
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:981b419a3b2bbd3019f532a08a9dce936bddd038596d41464356fbcd6e9601df"}) as unknown as TypedDocumentString<TestMyWebhookMutation, TestMyWebhookMutationVariables>;
export const RedeliverMyWebhookDocument = new TypedDocumentString(`
    mutation RedeliverMyWebhook($deliveryId: ID!) {
  redeliverWebhook(deliveryId: $deliveryId) {
    delivery {
      id
      status
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:df45637b40a2966d4c72132333f500d0692d86ee7e26101e1beb1afa9a6fecb3"}) as unknown as TypedDocumentString<RedeliverMyWebhookMutation, RedeliverMyWebhookMutationVariables>;