import {
  getArgumentValues,
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isScalarType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The longest value every String input takes, by input field
 * (`Input.field`) or argument (`Type.field(arg)`); a list of strings bounds
 * each element. test/input-bounds.test.ts fails when a String input of the
 * schema is missing here. Services may refuse shorter values with their own
 * userErrors; these are the hard bounds checked before anything runs.
 */
export const STRING_BOUNDS: Record<string, number> = {
  // Cursors are short opaque strings.
  'Query.accounts(after)': 100,
  'Query.products(after)': 100,
  'Query.orders(after)': 100,
  'Query.tickets(after)': 100,
  'Account.children(after)': 100,
  'Account.orders(after)': 100,
  'Account.tickets(after)': 100,
  'Account.ledger(after)': 100,
  'Viewer.notifications(after)': 100,
  'Warehouse.stockLevels(after)': 100,
  'Query.portal(slug)': 40,
  'Query.variant(sku)': 64,
  'Query.traceBatch(code)': 64,
  'AccountFilter.regionCode': 12,
  'AccountFilter.search': 200,
  'ProductFilter.search': 200,
  'ProductFilter.skus': 64,
  'Mutation.cancelOrder(reason)': 2000,
  'Mutation.decideStatement(reason)': 2000,
  'Mutation.settleRebates(periodDay)': 20,
  'CreateAccountInput.name': 200,
  'CreateAccountInput.code': 64,
  'CreateAccountInput.territory': 12,
  'CreateAccountInput.servicePhone': 50,
  'AddressInput.line1': 300,
  'AddressInput.city': 100,
  'AddressInput.regionCode': 12,
  'AddressInput.postalCode': 20,
  'ContactInput.name': 100,
  'ContactInput.phone': 50,
  'ContactInput.email': 200,
  'PortalInput.slug': 40,
  'PortalInput.displayName': 100,
  'PortalInput.logoUrl': 500,
  'PortalInput.primaryColor': 20,
  'PortalInput.welcomeText': 2000,
  'CreateUserInput.email': 200,
  'CreateUserInput.name': 200,
  'CreateUserInput.password': 1000,
  'LoginInput.email': 200,
  'LoginInput.password': 1000,
  'CreateApiKeyInput.name': 100,
  'CreateWebhookEndpointInput.url': 2000,
  'CreateWebhookEndpointInput.description': 500,
  'UpdateWebhookEndpointInput.url': 2000,
  'UpdateWebhookEndpointInput.description': 500,
  'WebhookEndpoint.deliveries(after)': 100,
  'UpsertProductInput.code': 64,
  'UpsertProductInput.name': 300,
  'UpsertProductInput.description': 10_000,
  'UpsertProductInput.categoryName': 300,
  'AttributeInput.name': 200,
  'AttributeInput.value': 2000,
  'MediaInput.url': 2000,
  'MediaInput.title': 300,
  'VariantInput.sku': 64,
  'VariantInput.name': 300,
  'VariantInput.unit': 20,
  'SetAssortmentInput.skus': 64,
  'PriceListInput.name': 200,
  'PriceListInput.currencyCode': 10,
  'PriceListAssignmentInput.regionCode': 12,
  'PriceListEntryInput.sku': 64,
  'PriceFloorInput.sku': 64,
  'PromotionInput.name': 200,
  'PromotionInput.regionCodes': 12,
  'PromotionInput.skus': 64,
  'PlaceOrderInput.idempotencyKey': 100,
  'PlaceOrderInput.note': 2000,
  'PlaceOrderInput.externalRef': 100,
  'OrderFilter.number': 40,
  'OrderFilter.externalRef': 100,
  'OrderFilter.sku': 64,
  'OrderFilter.regionCode': 12,
  'OrderLineInput.sku': 64,
  'ShipFulfillmentInput.trackingNumber': 100,
  'ShipFulfillmentInput.batchCodes': 64,
  'OpenTicketInput.subject': 200,
  'OpenTicketInput.body': 10_000,
  'TicketLineInput.sku': 64,
  'CommentTicketInput.body': 10_000,
  'RateTicketInput.comment': 2000,
  'RecordPaymentInput.currencyCode': 10,
  'RecordPaymentInput.method': 50,
  'RecordPaymentInput.reference': 100,
  'AdjustmentInput.reason': 1000,
  'AdjustmentInput.effectiveOn': 20,
  'GenerateStatementInput.month': 20,
  'GenerateStatementInput.from': 20,
  'GenerateStatementInput.to': 20,
  'InvoiceRequestInput.title': 200,
  'InvoiceRequestInput.taxId': 50,
  'DecideInvoiceInput.invoiceNumber': 50,
  'DecideInvoiceInput.issuedOn': 20,
  'DecideInvoiceInput.reason': 1000,
  'RebatePolicyInput.name': 200,
  'CreateWarehouseInput.name': 200,
  'CreateWarehouseInput.coverage': 12,
  'StockLevelInput.sku': 64,
  'SalesReportInput.pilotFlag': 100,
  'SalesFilter.regionCodes': 12,
  'SalesFilter.skus': 64,
  'DemandForecastInput.sku': 64,
  'DemandForecastInput.regionCode': 12,
  'UpdateAccountInput.name': 200,
  'UpdateAccountInput.code': 64,
  'UpdateAccountInput.territory': 12,
  'UpdateAccountInput.servicePhone': 50,
  'SetAccountStatusInput.reason': 1000,
  'MoveAccountInput.reason': 1000,
  'UpdateUserInput.name': 200,
  'ChangePasswordInput.currentPassword': 1000,
  'ChangePasswordInput.newPassword': 1000,
  'SetUserPasswordInput.password': 1000,
  'FeatureFlagInput.key': 63,
  'FeatureFlagInput.description': 500,
  'FeatureFlagInput.regionCodes': 12,
  'Mutation.deleteFeatureFlag(key)': 63,
  'Query.auditLog(after)': 100,
  'AuditFilter.action': 100,
};

/** Ids are opaque and short; a malformed one resolves to nothing, a huge one is refused. */
export const ID_BOUND = 1000;
/** Other scalars that arrive as strings (Decimal, DateTime) have their own formats; this only caps them. */
export const OTHER_SCALAR_BOUND = 100;
/** A String input missing from the table (test/input-bounds.test.ts makes sure none is). */
const FALLBACK_BOUND = 1000;

function refuse(where: string, message: string): never {
  throw new GraphQLError(`${where}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

function checkString(value: string, bound: number, where: string): void {
  if (value.length > bound) refuse(where, `at most ${bound} characters`);
  // A NUL byte can never be stored (PostgreSQL text refuses it) and means nothing in a name.
  if (value.includes('\u0000')) refuse(where, 'contains a NUL character');
}

function checkValue(value: unknown, type: GraphQLInputType, key: string, where: string): void {
  if (value === null || value === undefined) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (Array.isArray(value)) value.forEach((v, i) => checkValue(v, t.ofType, key, `${where}[${i}]`));
    return;
  }
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[name];
      if (f) checkValue(v, f.type, `${t.name}.${name}`, `${where}.${name}`);
    }
    return;
  }
  if (typeof value !== 'string' || !isScalarType(t)) return;
  const bound =
    t.name === 'String' ? (STRING_BOUNDS[key] ?? FALLBACK_BOUND) : t.name === 'ID' ? ID_BOUND : OTHER_SCALAR_BOUND;
  checkString(value, bound, where);
}

/**
 * Refuses, before anything runs, any argument of the operation (literal or
 * variable, at any depth of an input object) holding a string longer than
 * its bound or a NUL character, as BAD_USER_INPUT. Values that do not coerce
 * are left to the executor, which reports them in its own words.
 */
export function checkInputs(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): void {
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const def = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!def || !parent || !node.arguments?.length) return;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(def, node, variables);
        } catch {
          return;
        }
        for (const a of def.args) {
          if (a.name in args)
            checkValue(args[a.name], a.type, `${parent.name}.${def.name}(${a.name})`, `${def.name}(${a.name})`);
        }
      },
    }),
  );
}
