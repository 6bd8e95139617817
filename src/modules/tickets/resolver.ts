import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { registerNode } from '../../graphql/node.js';
import { money } from '../../lib/money.js';
import { Account, Money, SellerProfile } from '../accounts/types.js';
import type { AccountRow } from '../accounts/tables.js';
import { Order } from '../orders/types.js';
import { Warehouse } from '../inventory/types.js';
import * as service from './service.js';
import { commentTicket, openTicket, rateTicket, setTicketStatus } from './lifecycle.js';
import { approveReturn, receiveReturn } from './returns.js';
import { listPolicies, savePolicy, type PolicyValue } from './policies.js';
import type { ReturnRow, TicketCommentRow, TicketRow } from './tables.js';
import {
  CommentTicketInput,
  OpenTicketInput,
  RateTicketInput,
  ReceiveReturnInput,
  ReturnAuthorization,
  SlaPolicy,
  SlaPolicyInput,
  SlaPolicyPayload,
  Ticket,
  TicketComment,
  TicketConnection,
  TicketEvent,
  TicketFilter,
  TicketLine,
  TicketPayload,
  TicketStatus,
} from './types.js';

registerNode('Ticket', service.findVisible);

@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => TicketConnection, { description: "Tickets the viewer's chain opened or handles (V1), newest first." })
  tickets(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter: TicketFilter | null,
  ) {
    return service.list(ctx, first, after, filter);
  }

  @Query(() => Ticket, { nullable: true })
  ticket(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return service.byGlobalId(ctx, id);
  }

  @Query(() => [SlaPolicy], { description: "The SLA in force for the viewer's account, per kind and priority." })
  slaPolicies(@Ctx() ctx: SignedInContext) {
    return listPolicies(ctx);
  }

  @Mutation(() => TicketPayload)
  openTicket(@Ctx() ctx: SignedInContext, @Arg('input', () => OpenTicketInput) input: OpenTicketInput) {
    return openTicket(ctx, input);
  }

  @Mutation(() => TicketPayload)
  commentTicket(@Ctx() ctx: SignedInContext, @Arg('input', () => CommentTicketInput) input: CommentTicketInput) {
    return commentTicket(ctx, input);
  }

  @Mutation(() => TicketPayload)
  setTicketStatus(
    @Ctx() ctx: SignedInContext,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => TicketStatus) status: TicketStatus,
  ) {
    return setTicketStatus(ctx, id, status);
  }

  @Mutation(() => TicketPayload, { description: 'The requester rates a resolved ticket, 1 to 5, once.' })
  rateTicket(@Ctx() ctx: SignedInContext, @Arg('input', () => RateTicketInput) input: RateTicketInput) {
    return rateTicket(ctx, input);
  }

  @Mutation(() => TicketPayload, { description: 'The service side approves a RETURN or EXCHANGE.' })
  approveReturn(@Ctx() ctx: SignedInContext, @Arg('ticketId', () => ID) ticketId: string) {
    return approveReturn(ctx, ticketId);
  }

  @Mutation(() => TicketPayload, { description: 'The returned goods arrive in a warehouse of the assignee.' })
  receiveReturn(@Ctx() ctx: SignedInContext, @Arg('input', () => ReceiveReturnInput) input: ReceiveReturnInput) {
    return receiveReturn(ctx, input.ticketId, input.warehouseId);
  }

  @Mutation(() => SlaPolicyPayload)
  saveSlaPolicy(@Ctx() ctx: SignedInContext, @Arg('input', () => SlaPolicyInput) input: SlaPolicyInput) {
    return savePolicy(ctx, input);
  }

  @FieldResolver(() => ID)
  id(@Root() t: TicketRow) {
    return toGlobalId('Ticket', t.id);
  }

  @FieldResolver(() => Order, { nullable: true })
  order(@Ctx() ctx: Context, @Root() t: TicketRow) {
    return service.ticketOrder(ctx, t);
  }

  @FieldResolver(() => Account)
  requester(@Ctx() ctx: Context, @Root() t: TicketRow) {
    return ctx.loaders.accounts.byId.load(t.requesterId);
  }

  @FieldResolver(() => SellerProfile)
  assignee(@Ctx() ctx: Context, @Root() t: TicketRow) {
    return ctx.loaders.accounts.byId.load(t.assigneeId);
  }

  @FieldResolver(() => [TicketComment])
  comments(@Ctx() ctx: Context, @Root() t: TicketRow) {
    return service.comments(ctx, t);
  }

  @FieldResolver(() => [TicketLine])
  lines(@Ctx() ctx: Context, @Root() t: TicketRow) {
    return ctx.loaders.tickets.linesByTicket.load(t.id);
  }

  @FieldResolver(() => [TicketEvent])
  events(@Ctx() ctx: Context, @Root() t: TicketRow) {
    return ctx.loaders.tickets.eventsByTicket.load(t.id);
  }

  @FieldResolver(() => ReturnAuthorization, { nullable: true })
  returnAuthorization(@Ctx() ctx: Context, @Root() t: TicketRow) {
    return ctx.loaders.tickets.returnByTicket.load(t.id);
  }
}

@Resolver(() => TicketComment)
export class TicketCommentResolver {
  @FieldResolver(() => ID)
  id(@Root() c: TicketCommentRow) {
    return toGlobalId('TicketComment', c.id);
  }

  @FieldResolver(() => String)
  author(@Ctx() ctx: Context, @Root() c: TicketCommentRow) {
    return service.commentAuthor(ctx, c);
  }
}

@Resolver(() => ReturnAuthorization)
export class ReturnAuthorizationResolver {
  @FieldResolver(() => ID)
  id(@Root() r: ReturnRow) {
    return toGlobalId('ReturnAuthorization', r.id);
  }

  @FieldResolver(() => Warehouse, { nullable: true })
  warehouse(@Ctx() ctx: Context, @Root() r: ReturnRow) {
    return r.warehouseId === null ? null : ctx.loaders.inventory.warehouseById.load(r.warehouseId);
  }

  @FieldResolver(() => Money, { nullable: true })
  creditAmount(@Root() r: ReturnRow) {
    return r.creditAmount === null ? null : money(r.creditAmount);
  }

  @FieldResolver(() => Order, { nullable: true })
  replacementOrder(@Ctx() ctx: Context, @Root() r: ReturnRow) {
    return r.replacementOrderId === null ? null : ctx.loaders.orders.visibleById.load(r.replacementOrderId);
  }
}

@Resolver(() => SlaPolicy)
export class SlaPolicyResolver {
  @FieldResolver(() => SellerProfile, { nullable: true })
  owner(@Ctx() ctx: Context, @Root() p: PolicyValue) {
    return p.ownerId === null ? null : ctx.loaders.accounts.byId.load(p.ownerId);
  }
}

@Resolver(() => Account)
export class AccountTicketsResolver {
  @FieldResolver(() => TicketConnection, { description: 'Tickets this account opened or handles (V1).' })
  tickets(
    @Ctx() ctx: Context,
    @Root() a: AccountRow,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter: TicketFilter | null,
  ) {
    return service.ofAccount(ctx, a, first, after, filter);
  }
}
