import { all, canSeeCredit, hasRole, hasSeller, isBrand, isPublic, isSelfOrParent, isSellingAccount, isSignedIn, noRefusedToken, type DocumentedRule } from './rules.js';

const brandAdmin = all(isBrand, hasRole('ADMIN'));

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
  },
  Mutation: {
    login: isPublic,
    createAccount: hasRole('ADMIN'),
    createUser: hasRole('ADMIN'),
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
  ReturnAuthorization: { '*': isSignedIn },
  SlaPolicy: { '*': isSignedIn },
  Notification: { '*': isSignedIn },
  Viewer: { '*': isSignedIn },
  Account: {
    '*': isSignedIn,
    address: isSelfOrParent,
    contact: isSelfOrParent,
    credit: canSeeCredit,
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
  OrderEdge: { '*': isPublic },
  TicketConnection: { '*': isPublic },
  TicketEdge: { '*': isPublic },
  TicketPayload: { '*': isPublic },
  SlaPolicyPayload: { '*': isPublic },
  NotificationConnection: { '*': isPublic },
  NotificationEdge: { '*': isPublic },
  MarkNotificationsReadPayload: { '*': isPublic },
  StockLevelsPayload: { '*': isPublic },
  UserPayload: { '*': isPublic },
  LoginPayload: { '*': isPublic },
  UserError: { '*': isPublic },
  ChannelSettings: { '*': isPublic },
  ChannelSettingsPayload: { '*': isPublic },
};
