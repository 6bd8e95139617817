import {
  all,
  canSeeCredit,
  hasRole,
  listScopedTo,
  hasSeller,
  isBrand,
  isPublic,
  isSelfOrParent,
  isSellingAccount,
  isSignedIn,
  noRefusedToken,
  type DocumentedRule,
} from './rules.js';

const brandAdmin = all(isBrand, hasRole('ADMIN'));
/** Analytics reads: ADMIN and ANALYST users (ANALYST reads analytics, and nothing it could not read already). */
const analyst = hasRole('ANALYST');

/**
 * The permission map: the single source of truth for who may read or call
 * what. Every field of every object type must be covered, by name or by the
 * type's '*'. Lists and connections are scoped in SQL by the services, never
 * denied here; only fields that would reveal a value are guarded per field.
 */
export const permissionMap: Record<string, Record<string, DocumentedRule>> = {
  Query: {
    node: isPublic, // scoped inside: null outside the viewer's subtree, and for anonymous viewers
    viewer: noRefusedToken,
    portal: isPublic,
    accounts: isSignedIn,
    account: isSignedIn,
    // The catalog is scoped inside (V2): anonymous viewers see it only when the brand made it public.
    products: isPublic,
    product: isPublic,
    variant: isPublic,
    categories: isPublic,
    priceLists: isSignedIn,
    channelSettings: isSignedIn,
    promotions: isSignedIn,
    warehouses: isSignedIn,
    orders: isSignedIn,
    order: isSignedIn,
    traceBatch: isSellingAccount,
    tickets: isSignedIn,
    ticket: isSignedIn,
    slaPolicies: isSignedIn,
    rebatePolicies: listScopedTo(hasRole('FINANCE')), // V5: finance/service.ts visibleRebatePolicies (inFinanceScope)
    // Analytics (DESIGN.md "Analytics"): scoped inside to the viewer's subtree (V1), catalog (V2) and credit (V5).
    salesReport: analyst,
    demandForecast: analyst,
    replenishmentSuggestions: analyst,
    channelAlerts: analyst,
    // The viewer's own account: BUYER or ADMIN; a buyer below it: ADMIN or ANALYST (checked in the service).
    recommendations: hasRole('BUYER', 'ANALYST'),
    featureFlags: isSignedIn, // scoped inside: every flag for the brand's users, none for others (they read viewer.features)
    auditLog: hasRole('ADMIN'), // scoped inside: V1 on the changed account's path
  },
  Mutation: {
    login: isPublic,
    createAccount: hasRole('ADMIN'),
    createUser: hasRole('ADMIN'),
    // Channel administration: who may change which part, and "who manages whose users", are in the services.
    updateAccount: hasRole('FINANCE'),
    setAccountStatus: hasRole('ADMIN'),
    moveAccount: hasRole('ADMIN'),
    updateUser: hasRole('ADMIN'),
    changePassword: isSignedIn,
    setUserPassword: hasRole('ADMIN'),
    saveFeatureFlag: brandAdmin,
    deleteFeatureFlag: brandAdmin,
    upsertProducts: brandAdmin,
    updateChannelSettings: brandAdmin,
    setAssortment: hasRole('ADMIN'),
    savePriceList: hasRole('ADMIN'),
    setPriceListEntries: hasRole('ADMIN'),
    setPriceFloors: brandAdmin,
    savePromotion: hasRole('ADMIN'),
    endPromotion: hasRole('ADMIN'),
    createWarehouse: hasRole('ADMIN'),
    setStockLevels: hasRole('ADMIN'),
    // The party checks (buyer side, seller side, warehouse owner) are in the order services.
    placeOrder: hasRole('BUYER'),
    confirmOrder: hasRole('ADMIN'),
    cancelOrder: isSignedIn,
    shipFulfillment: hasRole('SERVICE'),
    confirmDelivery: hasRole('BUYER'),
    // Tickets: the requester and service-side checks (and V7) are in the service module.
    openTicket: hasRole('BUYER', 'SERVICE'),
    commentTicket: isSignedIn,
    setTicketStatus: isSignedIn,
    rateTicket: isSignedIn,
    approveReturn: hasRole('SERVICE'),
    receiveReturn: hasRole('SERVICE'),
    saveSlaPolicy: hasRole('ADMIN'),
    markNotificationsRead: isSignedIn,
    // Finance: the seller-side and buyer-side checks (FINANCE or ADMIN) are in the finance services.
    recordPayment: hasRole('FINANCE'),
    recordAdjustment: hasRole('FINANCE'),
    generateStatement: hasRole('FINANCE'),
    decideStatement: hasRole('FINANCE'),
    requestInvoice: hasRole('FINANCE'),
    decideInvoice: hasRole('FINANCE'),
    saveRebatePolicy: hasRole('FINANCE'),
    settleRebates: hasRole('FINANCE'),
    // Integration (issue 13): "who manages whose users" and the key-makes-no-key rule are in the services.
    createApiKey: hasRole('ADMIN'),
    revokeApiKey: hasRole('ADMIN'),
    createWebhookEndpoint: hasRole('ADMIN'),
    updateWebhookEndpoint: hasRole('ADMIN'),
    deleteWebhookEndpoint: hasRole('ADMIN'),
    rotateWebhookSecret: hasRole('ADMIN'),
    redeliverWebhook: hasRole('ADMIN'),
    sendTestWebhook: hasRole('ADMIN'),
  },
  Product: { '*': isPublic },
  Variant: {
    '*': isPublic,
    suggestedRetailPrice: isSignedIn,
    price: hasSeller,
    priceFor: isSignedIn, // scoped inside: null unless the account is in the viewer's subtree
    priceFloor: isSellingAccount,
    priceListEntries: isSellingAccount,
    stockLevels: isPublic, // scoped inside (V1): only warehouses of the viewer's subtree; none for anonymous viewers
  },
  Category: { '*': isPublic },
  Media: { '*': isPublic },
  Attribute: { '*': isPublic },
  Price: { '*': isPublic }, // guarded where it hangs (Variant.price, Variant.priceFor)
  PriceStep: { '*': isPublic },
  PriceList: { '*': isSignedIn },
  PriceListAssignment: { '*': isSignedIn },
  PriceListEntry: { '*': isSignedIn },
  Promotion: { '*': isSignedIn },
  Warehouse: { '*': isSignedIn },
  StockLevel: { '*': isSignedIn },
  Availability: { '*': isPublic },
  Order: { '*': isSignedIn },
  OrderLine: { '*': isSignedIn },
  OrderEvent: { '*': isSignedIn },
  Fulfillment: { '*': isSignedIn },
  FulfillmentLine: { '*': isSignedIn },
  BatchShipment: { '*': isSignedIn },
  Ticket: { '*': isSignedIn },
  TicketComment: { '*': isSignedIn }, // internal notes are filtered out for the requester side (V7)
  TicketEvent: { '*': isSignedIn },
  TicketLine: { '*': isSignedIn },
  ReturnAuthorization: { '*': isSignedIn, creditAmount: hasRole('FINANCE') }, // the credit is finance data (V5)
  SlaPolicy: { '*': isSignedIn },
  Notification: { '*': isSignedIn },
  LedgerEntry: { '*': isSignedIn }, // reached only through V5-guarded fields and scoped lookups
  Statement: { '*': isSignedIn },
  InvoiceRequest: { '*': isSignedIn },
  RebatePolicy: { '*': isSignedIn },
  RebateTierValue: { '*': isSignedIn },
  RebateAccrual: { '*': isSignedIn },
  Viewer: { '*': isSignedIn },
  Account: {
    '*': isSignedIn,
    address: isSelfOrParent,
    contact: isSelfOrParent,
    credit: canSeeCredit,
    balance: canSeeCredit,
    ledger: canSeeCredit,
    statements: canSeeCredit,
    invoiceRequests: canSeeCredit,
    rebateAccruals: canSeeCredit,
    insights: analyst, // creditUtilization inside follows V5 (analytics/access.ts)
    apiKeys: isSignedIn, // scoped inside: the account's and its ancestors' ADMINs; an empty list for other roles
    webhookEndpoints: isSignedIn, // scoped inside, as apiKeys
  },
  // V1 lists users (emails included: the contract makes User.email non-null) for the account and its ancestors.
  User: { '*': isSignedIn },
  SellerProfile: { '*': isPublic },
  Portal: { '*': isPublic },
  Region: { '*': isPublic },
  Address: { '*': isPublic }, // guarded where it hangs (Account.address)
  Contact: { '*': isPublic }, // guarded where it hangs (Account.contact)
  Credit: { '*': isPublic }, // guarded where it hangs (Account.credit)
  Money: { '*': isPublic },
  PageInfo: { '*': isPublic },
  AccountConnection: { '*': isPublic },
  AccountEdge: { '*': isPublic },
  ProductConnection: { '*': isPublic },
  ProductEdge: { '*': isPublic },
  AccountPayload: { '*': isPublic },
  UpsertProductsPayload: { '*': isPublic },
  AssortmentPayload: { '*': isPublic },
  PriceListPayload: { '*': isPublic },
  PriceFloorsPayload: { '*': isPublic },
  PromotionPayload: { '*': isPublic },
  WarehousePayload: { '*': isPublic },
  OrderPayload: { '*': isPublic },
  OrderConnection: { '*': isPublic },
  StockLevelConnection: { '*': isPublic },
  StockLevelEdge: { '*': isPublic },
  OrderEdge: { '*': isPublic },
  TicketConnection: { '*': isPublic },
  TicketEdge: { '*': isPublic },
  TicketPayload: { '*': isPublic },
  SlaPolicyPayload: { '*': isPublic },
  NotificationConnection: { '*': isPublic },
  NotificationEdge: { '*': isPublic },
  MarkNotificationsReadPayload: { '*': isPublic },
  LedgerEntryConnection: { '*': isPublic },
  LedgerEntryEdge: { '*': isPublic },
  LedgerEntryPayload: { '*': isPublic },
  StatementPayload: { '*': isPublic },
  InvoiceRequestPayload: { '*': isPublic },
  RebatePolicyPayload: { '*': isPublic },
  SettleRebatesPayload: { '*': isPublic },
  StockLevelsPayload: { '*': isPublic },
  UserPayload: { '*': isPublic },
  LoginPayload: { '*': isPublic },
  UserError: { '*': isPublic },
  ChannelSettings: { '*': isPublic },
  ChannelSettingsPayload: { '*': isPublic },
  FeatureFlag: { '*': isSignedIn }, // reached only through brand-scoped reads
  FeatureFlagPayload: { '*': isPublic },
  AuditEntry: { '*': isSignedIn }, // reached only through auditLog and node (ADMIN, V1); actor and changes follow V4 inside
  AuditEntryConnection: { '*': isPublic },
  AuditEntryEdge: { '*': isPublic },
  // Reached only through the analyst entry points above, which scope what is in them.
  SalesReport: { '*': isSignedIn },
  SalesRow: { '*': isSignedIn },
  SalesKey: { '*': isSignedIn },
  SalesMetrics: { '*': isSignedIn },
  AccountInsights: { '*': isSignedIn },
  MonthlySales: { '*': isSignedIn },
  ProductSales: { '*': isSignedIn },
  DemandForecast: { '*': isSignedIn },
  DemandPoint: { '*': isSignedIn },
  ForecastPoint: { '*': isSignedIn },
  ForecastBacktest: { '*': isSignedIn },
  ForecastCandidate: { '*': isSignedIn },
  ReplenishmentSuggestion: { '*': isSignedIn },
  Recommendation: { '*': isSignedIn },
  ChannelAlert: { '*': isSignedIn },
  ApiKey: { '*': isSignedIn }, // reached only through ADMIN-scoped reads and the request's own key
  CreateApiKeyPayload: { '*': isPublic },
  ApiKeyPayload: { '*': isPublic },
  WebhookEndpoint: { '*': isSignedIn }, // reached only through ADMIN-scoped reads; deliveries only for those who manage it
  WebhookDelivery: { '*': isSignedIn },
  WebhookDeliveryConnection: { '*': isPublic },
  WebhookDeliveryEdge: { '*': isPublic },
  CreateWebhookEndpointPayload: { '*': isPublic },
  WebhookEndpointPayload: { '*': isPublic },
  WebhookDeliveryPayload: { '*': isPublic },
};
