import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/enums.js';
import { returnStatus, ticketKind, ticketPriority, ticketStatus } from './tables.js';
import { Node } from '../../graphql/node.js';
import { connectionTypes } from '../../graphql/connection.js';
import { UserError } from '../../graphql/errors.js';
import { Account, Money, SellerProfile } from '../accounts/types.js';
import { Order } from '../orders/types.js';
import { Warehouse } from '../inventory/types.js';

export const TicketKind = graphqlEnum(ticketKind.enumValues, 'TicketKind');
export type TicketKind = (typeof ticketKind.enumValues)[number];

export const TicketStatus = graphqlEnum(ticketStatus.enumValues, 'TicketStatus');
export type TicketStatus = (typeof ticketStatus.enumValues)[number];

export const TicketPriority = graphqlEnum(ticketPriority.enumValues, 'TicketPriority');
export type TicketPriority = (typeof ticketPriority.enumValues)[number];

export const ReturnStatus = graphqlEnum(returnStatus.enumValues, 'ReturnStatus');
export type ReturnStatus = (typeof returnStatus.enumValues)[number];

@ObjectType()
export class TicketComment {
  @Field(() => ID) id!: string;
  @Field(() => String) author!: string;
  @Field(() => String) body!: string;
  @Field(() => Boolean, {
    description: 'Internal notes are visible to the service side only, never to the requester (V7).',
  })
  internal!: boolean;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType()
export class TicketEvent {
  @Field(() => Date) at!: Date;
  @Field(() => String) kind!: string;
  @Field(() => TicketStatus, { nullable: true }) status!: TicketStatus | null;
  @Field(() => String, { nullable: true }) actor!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType()
export class TicketLine {
  @Field(() => String) sku!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType({ description: 'An approved return or exchange: the goods come back into a warehouse of the assignee.' })
export class ReturnAuthorization {
  @Field(() => ID) id!: string;
  @Field(() => String) number!: string;
  @Field(() => ReturnStatus) status!: ReturnStatus;
  @Field(() => Warehouse, { nullable: true }) warehouse!: unknown;
  @Field(() => Money, {
    nullable: true,
    description: 'For a RETURN: what the buyer is credited, once the goods are received.',
  })
  creditAmount!: unknown;
  @Field(() => Order, {
    nullable: true,
    description:
      'For an EXCHANGE: the replacement shipped at no charge (an order of kind REPLACEMENT), when the viewer sees it.',
  })
  replacementOrder!: unknown;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) receivedAt!: Date | null;
}

@ObjectType({
  implements: Node,
  description: "An after-sales service ticket, handled by the order's service provider under an SLA.",
})
export class Ticket extends Node {
  @Field(() => String) number!: string;
  @Field(() => TicketKind) kind!: TicketKind;
  @Field(() => TicketStatus) status!: TicketStatus;
  @Field(() => TicketPriority) priority!: TicketPriority;
  @Field(() => String) subject!: string;
  @Field(() => Order, { nullable: true }) order!: unknown;
  @Field(() => Account) requester!: unknown;
  @Field(() => SellerProfile) assignee!: unknown;
  @Field(() => Date) firstResponseDueAt!: Date;
  @Field(() => Date) resolveDueAt!: Date;
  @Field(() => Date, { nullable: true }) firstRespondedAt!: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => Boolean) slaBreached!: boolean;
  @Field(() => [TicketComment], { description: 'Internal notes only for the service side (V7).' }) comments!: unknown;
  @Field(() => [TicketLine], { description: 'Order lines a RETURN or EXCHANGE is about.' }) lines!: unknown;
  @Field(() => [TicketEvent]) events!: unknown;
  @Field(() => Int, { nullable: true }) rating!: number | null;
  @Field(() => String, { nullable: true }) ratingComment!: string | null;
  @Field(() => ReturnAuthorization, { nullable: true }) returnAuthorization!: unknown;
  @Field(() => Date) createdAt!: Date;
}

export const { Edge: TicketEdge, Connection: TicketConnection } = connectionTypes(Ticket, 'Ticket');

@InputType()
export class TicketFilter {
  @Field(() => TicketStatus, { nullable: true }) status?: TicketStatus | null;
  @Field(() => TicketKind, { nullable: true }) kind?: TicketKind | null;
  @Field(() => Boolean, { nullable: true }) slaBreached?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Tickets assigned to this account.' }) assigneeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Tickets opened by this account.' }) requesterId?: string | null;
}

@InputType()
export class TicketLineInput {
  @Field(() => String) sku!: string;
  @Field(() => Int) quantity!: number;
}

@InputType()
export class OpenTicketInput {
  @Field(() => TicketKind) kind!: TicketKind;
  @Field(() => String) subject!: string;
  @Field(() => String) body!: string;
  @Field(() => TicketPriority, { nullable: true, defaultValue: 'NORMAL' }) priority?: TicketPriority | null;
  @Field(() => ID, { nullable: true }) orderId?: string | null;
  @Field(() => [TicketLineInput], {
    nullable: true,
    description: 'For RETURN and EXCHANGE: which lines of the order, how many.',
  })
  lines?: TicketLineInput[] | null;
}

@ObjectType()
export class TicketPayload {
  @Field(() => Ticket, { nullable: true }) ticket!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class CommentTicketInput {
  @Field(() => ID) ticketId!: string;
  @Field(() => String) body!: string;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) internal?: boolean | null;
}

@InputType()
export class RateTicketInput {
  @Field(() => ID) ticketId!: string;
  @Field(() => Int) rating!: number;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType()
export class ReceiveReturnInput {
  @Field(() => ID) ticketId!: string;
  @Field(() => ID, { description: 'A warehouse of the assignee.' }) warehouseId!: string;
}

@ObjectType()
export class SlaPolicy {
  @Field(() => TicketKind) kind!: TicketKind;
  @Field(() => TicketPriority) priority!: TicketPriority;
  @Field(() => Int) firstResponseMinutes!: number;
  @Field(() => Int) resolveMinutes!: number;
  @Field(() => SellerProfile, { nullable: true, description: 'Who set it; null for the built-in default.' })
  owner!: unknown;
}

@InputType()
export class SlaPolicyInput {
  @Field(() => ID) ownerId!: string;
  @Field(() => TicketKind) kind!: TicketKind;
  @Field(() => TicketPriority) priority!: TicketPriority;
  @Field(() => Int) firstResponseMinutes!: number;
  @Field(() => Int) resolveMinutes!: number;
}

@ObjectType()
export class SlaPolicyPayload {
  @Field(() => SlaPolicy, { nullable: true }) policy!: unknown;
  @Field(() => [UserError]) userErrors!: UserError[];
}
