/**
 * The fixed, named operation each subject is rendered with (DESIGN.md
 * "Webhooks"): `data` of a payload is what this operation answers when it runs
 * as the endpoint's account, so scope (V1), assortment (V2), prices (V3),
 * contacts (V4) and credit (V5) follow the same rules as every other read.
 * They select no ticket comments at all: internal notes never leave (V7).
 * Fields the account may not read come back null (their FORBIDDEN errors are
 * dropped from the payload), as a client of the graph would see them.
 */
const MONEY = 'amount currencyCode';
const ADDRESS = 'line1 city regionCode postalCode latitude longitude';

export const OPERATIONS = {
  Order: `query WebhookOrder($id: ID!) {
  order(id: $id) {
    id number status channel externalRef note flagged flagReason createdAt updatedAt
    buyer { id name code tier contact { name phone email } address { ${ADDRESS} } }
    seller { id name tier }
    serviceProvider { id name servicePhone }
    subtotal { ${MONEY} } discountTotal { ${MONEY} } total { ${MONEY} }
    shipTo { ${ADDRESS} }
    lines { sku quantity listPrice { ${MONEY} } unitPrice { ${MONEY} } lineTotal { ${MONEY} } }
    fulfillments { id status trackingNumber batchCodes shippedAt deliveredAt warehouse { id name } lines { sku quantity } }
  }
}`,
  Ticket: `query WebhookTicket($id: ID!) {
  ticket(id: $id) {
    id number kind status priority subject slaBreached createdAt firstResponseDueAt resolveDueAt firstRespondedAt resolvedAt closedAt rating
    requester { id name code contact { name phone email } }
    assignee { id name servicePhone }
    order { id number externalRef }
    lines { sku quantity }
  }
}`,
  Statement: `query WebhookStatement($id: ID!, $buyerId: ID!) {
  statement: node(id: $id) {
    ... on Statement { id number version status periodStart periodEnd issuedAt openingBalance { ${MONEY} } closingBalance { ${MONEY} } orderCount paymentCount }
  }
  buyer: account(id: $buyerId) { id name code }
}`,
  Payment: `query WebhookPayment($buyerId: ID!) {
  buyer: account(id: $buyerId) {
    id name code
    balance { ${MONEY} }
    ledger(first: 50) { nodes { id kind amount { ${MONEY} } reference method at } }
  }
}`,
  Account: `query WebhookAccount($id: ID!) {
  account(id: $id) {
    id name code tier
    seller { id name }
    territory { code name }
    address { ${ADDRESS} }
    contact { name phone email }
  }
}`,
  Stock: `query WebhookStock($warehouseId: ID!, $variantId: ID!) {
  warehouse: node(id: $warehouseId) { ... on Warehouse { id name owner { id name } } }
  variant: node(id: $variantId) { ... on Variant { id sku name stockLevels { warehouse { id } onHand reserved available } } }
}`,
} as const;

export type Subject = keyof typeof OPERATIONS;
