import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import type { Viewer as ViewerValue } from '../../auth/viewer.js';
import { Viewer } from '../users/types.js';
import * as notices from './service.js';
import type { NotificationRow } from './tables.js';
import {
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  Notification,
  NotificationConnection,
} from './types.js';

registerNode('Notification', notices.findVisible);

@Resolver(() => Notification)
export class NotificationResolver {
  @Mutation(() => MarkNotificationsReadPayload)
  markNotificationsRead(
    @Ctx() ctx: SignedInContext,
    @Arg('input', () => MarkNotificationsReadInput) input: MarkNotificationsReadInput,
  ) {
    return notices.markRead(ctx, input.ids, input.all);
  }

  @FieldResolver(() => ID)
  id(@Root() n: NotificationRow) {
    return toGlobalId('Notification', n.id);
  }

  @FieldResolver(() => ID, { nullable: true })
  orderId(@Root() n: NotificationRow) {
    return n.orderId === null ? null : toGlobalId('Order', n.orderId);
  }

  @FieldResolver(() => ID, { nullable: true })
  ticketId(@Root() n: NotificationRow) {
    return n.ticketId === null ? null : toGlobalId('Ticket', n.ticketId);
  }
}

@Resolver(() => Viewer)
export class ViewerNotificationsResolver {
  @FieldResolver(() => NotificationConnection, { description: "The signed-in user's notifications, newest first." })
  notifications(
    @Ctx() ctx: Context,
    @Root() v: ViewerValue,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly: boolean | null,
  ) {
    return notices.feed(ctx, v, first, after, unreadOnly);
  }

  @FieldResolver(() => Int)
  unreadNotificationCount(@Ctx() ctx: Context, @Root() v: ViewerValue) {
    return notices.unreadCount(ctx, v);
  }
}
