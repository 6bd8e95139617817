import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Counted only when a client asks for it (a lazy thenable: the query starts when awaited). */
  totalCount: PromiseLike<number>;
}

/** Builds `XEdge` and `XConnection` object types for a node type. */
export function connectionTypes<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node]) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return { Edge, Connection: ConnectionType };
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  /** Rows to fetch: the page size plus one to learn whether there is a next page. */
  limit: number;
  size: number;
  /** Keyset position: rows strictly after this key. */
  afterKey: number | null;
}

/** Cursors are opaque: base64url of a versioned keyset position. */
export function encodeCursor(key: number): string {
  return Buffer.from(`c1:${key}`).toString('base64url');
}

export function decodeCursor(cursor: string): number | null {
  const m = /^c1:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const key = m ? Number(m[1]) : NaN;
  // Keys are int4 ids: anything beyond is not a cursor this API issued.
  return key >= 0 && key <= 2 ** 31 - 1 ? key : null;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  let afterKey: number | null = null;
  if (after != null) {
    afterKey = decodeCursor(after);
    if (afterKey === null) throw badInput('after is not a cursor from this API');
  }
  return { limit: size + 1, size, afterKey };
}

/** Turns `limit` rows (ordered by key) into a connection. */
export function toConnection<T>(
  rows: T[],
  page: PageRequest,
  keyOf: (row: T) => number,
  totalCount: () => Promise<number>,
): Connection<T> {
  const hasNextPage = rows.length > page.size;
  const nodes = hasNextPage ? rows.slice(0, page.size) : rows;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: lazy(totalCount),
  };
}

/** A promise-like that runs `fn` only when something awaits it. */
export function lazy<T>(fn: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | null = null;
  return {
    then: (onFulfilled, onRejected) => (started ??= fn()).then(onFulfilled, onRejected),
  };
}
