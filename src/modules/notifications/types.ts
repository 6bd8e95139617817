import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node.js';
import { connectionTypes } from '../../graphql/connection.js';

@ObjectType({
  implements: Node,
  description: "An item of the viewer's notification feed; only users of the account it was made for receive it.",
})
export class Notification extends Node {
  @Field(() => String, {
    description: 'e.g. ORDER_SUBMITTED, ORDER_SHIPPED, TICKET_OPENED, TICKET_REPLY, SLA_WARNING, SLA_BREACHED.',
  })
  kind!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) body!: string | null;
  @Field(() => ID, { nullable: true, description: 'The order it is about, if any.' }) orderId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The ticket it is about, if any.' }) ticketId!: string | null;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

export const { Edge: NotificationEdge, Connection: NotificationConnection } = connectionTypes(
  Notification,
  'Notification',
);

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true }) ids?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Marks every unread notification read.' }) all?: boolean | null;
}

@ObjectType()
export class MarkNotificationsReadPayload {
  @Field(() => Int) count!: number;
  @Field(() => Int) unreadCount!: number;
}
