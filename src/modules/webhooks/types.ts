import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';
import { connectionTypes } from '../../graphql/connection.js';
import { UserError } from '../../graphql/errors.js';
import { Account } from '../accounts/types.js';
import { webhookDeliveryStatus, webhookEventType } from './tables.js';

export const WebhookEventType = graphqlEnum(webhookEventType.enumValues, 'WebhookEventType', {
  valuesConfig: { PING: { description: 'Sent only by sendTestWebhook.' } },
});
export type WebhookEventType = (typeof webhookEventType.enumValues)[number];

export const WebhookDeliveryStatus = graphqlEnum(webhookDeliveryStatus.enumValues, 'WebhookDeliveryStatus', {
  valuesConfig: { DEAD: { description: 'Given up after the last retry; redeliverWebhook sends it again.' } },
});
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatus.enumValues)[number];

@InputType()
export class WebhookDeliveryFilter {
  @Field(() => WebhookDeliveryStatus, { nullable: true }) status?: WebhookDeliveryStatus | null;
  @Field(() => WebhookEventType, { nullable: true }) eventType?: WebhookEventType | null;
}

@ObjectType({
  implements: Node,
  description:
    "Where an account's events are delivered: HTTPS POSTs signed as the Standard Webhooks specification says (headers webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256 of `id.timestamp.body` with the endpoint's secret), retried with backoff. An endpoint receives only events about objects in its account's subtree (V1), and their payloads never carry a field its account could not read through the graph (V3, V4, V5, V7).",
})
export class WebhookEndpoint extends Node {
  @Field(() => Account) account!: unknown;
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [WebhookEventType]) events!: WebhookEventType[];
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Why it is disabled: by a user, after a 410 answer, or after too many failed deliveries.',
  })
  disabledReason!: string | null;
  @Field(() => Date) createdAt!: Date;
  // deliveries(first, after, filter) is a field resolver (./resolver.ts).
}

@ObjectType({ implements: Node })
export class WebhookDelivery extends Node {
  @Field(() => WebhookEndpoint) endpoint!: unknown;
  @Field(() => String, { description: "The event's id, also the webhook-id header; receivers de-duplicate on it." })
  eventId!: string;
  @Field(() => WebhookEventType) eventType!: WebhookEventType;
  @Field(() => WebhookDeliveryStatus) status!: WebhookDeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => Date, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) nextAttemptAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt; null when it got no answer.' })
  responseStatus!: number | null;
  @Field(() => String, { description: 'The JSON body that is sent.' }) payload!: string;
  @Field(() => Date) createdAt!: Date;
}

export const { Edge: WebhookDeliveryEdge, Connection: WebhookDeliveryConnection } = connectionTypes(
  WebhookDelivery,
  'WebhookDelivery',
);

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => ID, {
    description: "The viewer's own account, or a retailer it sells to (DESIGN.md: who manages whose users).",
  })
  accountId!: string;
  @Field(() => String) url!: string;
  @Field(() => [WebhookEventType]) events!: WebhookEventType[];
  @Field(() => String, { nullable: true }) description?: string | null;
}

@ObjectType()
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true }) endpoint!: unknown;
  @Field(() => String, { nullable: true, description: 'The signing secret (`whsec_…`), shown only in this answer.' })
  secret!: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => [WebhookEventType], { nullable: true }) events?: WebhookEventType[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true clears a disabled reason (and the failure clock); false disables it.',
  })
  enabled?: boolean | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@ObjectType()
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true }) endpoint!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { nullable: true }) delivery!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
