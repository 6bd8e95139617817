import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context, SignedInContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/ids.js';
import { Node, registerNode } from '../../graphql/node.js';
import { ApiKey } from '../apikeys/types.js';
import { Account } from '../accounts/types.js';
import { User } from '../users/types.js';
import * as audit from './service.js';
import type { AuditEntryRow } from './tables.js';
import { AuditEntry, AuditEntryConnection, AuditFilter } from './types.js';

registerNode('AuditEntry', audit.findVisible);

@Resolver(() => AuditEntry)
export class AuditEntryResolver {
  @Query(() => AuditEntryConnection, {
    description: "ADMIN users: changes in the viewer's account and its subtree (V1), newest first.",
  })
  auditLog(
    @Ctx() ctx: SignedInContext,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
  ) {
    return audit.list(ctx, first, after, filter);
  }

  @FieldResolver(() => ID)
  id(@Root() e: AuditEntryRow) {
    return toGlobalId('AuditEntry', e.id);
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Ctx() ctx: Context, @Root() e: AuditEntryRow) {
    return audit.actor(ctx, e);
  }

  @FieldResolver(() => ApiKey, { nullable: true })
  actorApiKey(@Ctx() ctx: Context, @Root() e: AuditEntryRow) {
    return audit.actorApiKey(ctx, e);
  }

  @FieldResolver(() => Account)
  account(@Ctx() ctx: Context, @Root() e: AuditEntryRow) {
    return audit.account(ctx, e);
  }

  @FieldResolver(() => Node, { nullable: true })
  subject(@Ctx() ctx: Context, @Root() e: AuditEntryRow) {
    return audit.subject(ctx, e);
  }

  @FieldResolver(() => String)
  changes(@Ctx() ctx: Context, @Root() e: AuditEntryRow) {
    return audit.changes(ctx, e);
  }
}
