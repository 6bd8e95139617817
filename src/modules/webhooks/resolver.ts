import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { Account } from '../accounts/types.js';
import type { AccountRow } from '../accounts/tables.js';
import * as webhooks from './service.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './tables.js';
import {
  CreateWebhookEndpointInput,
  CreateWebhookEndpointPayload,
  UpdateWebhookEndpointInput,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryFilter,
  WebhookDeliveryPayload,
  WebhookEndpoint,
  WebhookEndpointPayload,
} from './types.js';

registerNode('WebhookEndpoint', webhooks.findVisible);
registerNode('WebhookDelivery', webhooks.findManagedDelivery);

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Mutation(() => CreateWebhookEndpointPayload)
  createWebhookEndpoint(
    @Ctx() ctx: SignedInContext,
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
  ) {
    return webhooks.createEndpoint(ctx, input);
  }

  @Mutation(() => WebhookEndpointPayload)
  updateWebhookEndpoint(
    @Ctx() ctx: SignedInContext,
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
  ) {
    return webhooks.updateEndpoint(ctx, input);
  }

  @Mutation(() => WebhookEndpointPayload)
  deleteWebhookEndpoint(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string) {
    return webhooks.deleteEndpoint(ctx, id);
  }

  @Mutation(() => CreateWebhookEndpointPayload)
  rotateWebhookSecret(@Ctx() ctx: SignedInContext, @Arg('id', () => ID) id: string) {
    return webhooks.rotateSecret(ctx, id);
  }

  @Mutation(() => WebhookDeliveryPayload, {
    description: 'Queues one delivery again (a DEAD or FAILED one, or a past success).',
  })
  redeliverWebhook(@Ctx() ctx: SignedInContext, @Arg('deliveryId', () => ID) deliveryId: string) {
    return webhooks.redeliver(ctx, deliveryId);
  }

  @Mutation(() => WebhookDeliveryPayload, { description: 'Sends a PING-style test event to the endpoint now.' })
  sendTestWebhook(@Ctx() ctx: SignedInContext, @Arg('endpointId', () => ID) endpointId: string) {
    return webhooks.sendTest(ctx, endpointId);
  }

  @FieldResolver(() => ID)
  id(@Root() e: WebhookEndpointRow) {
    return toGlobalId('WebhookEndpoint', e.id);
  }

  @FieldResolver(() => Account)
  account(@Ctx() ctx: Context, @Root() e: WebhookEndpointRow) {
    return webhooks.accountOf(ctx, e);
  }

  @FieldResolver(() => WebhookDeliveryConnection, {
    description:
      'Newest first; for the ADMINs who manage the endpoint (empty further up: payloads are rendered as its account).',
  })
  deliveries(
    @Ctx() ctx: Context,
    @Root() e: WebhookEndpointRow,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => WebhookDeliveryFilter, { nullable: true }) filter: WebhookDeliveryFilter | null,
  ) {
    return webhooks.deliveries(ctx, e, first, after, filter);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => ID)
  id(@Root() d: WebhookDeliveryRow) {
    return toGlobalId('WebhookDelivery', d.id);
  }

  @FieldResolver(() => WebhookEndpoint)
  endpoint(@Ctx() ctx: Context, @Root() d: WebhookDeliveryRow) {
    return webhooks.deliveryEndpoint(ctx, d);
  }
}

@Resolver(() => Account)
export class AccountWebhooksResolver {
  @FieldResolver(() => [WebhookEndpoint], {
    description: "For its ADMIN users and its ancestors' ADMINs (empty for other roles).",
  })
  webhookEndpoints(@Ctx() ctx: Context, @Root() a: AccountRow) {
    return webhooks.ofAccount(ctx, a);
  }
}
