import { Arg, Ctx, Field, ID, InterfaceType, Query, Resolver } from 'type-graphql';
import type { Context } from './context.js';
import { fromGlobalId } from './ids.js';

@InterfaceType({
  description: 'An object with a global id, fetchable with `node(id:)`.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id.' })
  id!: string;
}

/** Loads one object of a type by key, scoped to the viewer: null when out of scope. */
export type NodeFetcher = (ctx: Context, key: number) => Promise<object | null>;

const fetchers = new Map<string, NodeFetcher>();

/** Each module registers the types `node(id:)` can return, with its scoped lookup. */
export function registerNode(typeName: string, fetch: NodeFetcher): void {
  fetchers.set(typeName, fetch);
}

export async function fetchNode(ctx: Context, id: string): Promise<object | null> {
  const decoded = fromGlobalId(id);
  const fetch = decoded && fetchers.get(decoded.type);
  if (!decoded || !fetch) return null;
  const found = await fetch(ctx, decoded.key);
  return found && { ...found, __typename: decoded.type };
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: "Any object by its global id; null when malformed or outside the viewer's scope.",
  })
  node(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<object | null> {
    return fetchNode(ctx, id);
  }
}
