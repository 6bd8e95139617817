import type { TypedDocumentString } from '../gql/graphql';

/** A GraphQL error as the server sends it; `code` is extensions.code (FORBIDDEN, UNAUTHENTICATED, ...). */
export interface GraphQLErrorLike {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

/** A request that produced no usable data: the code says what the user can do about it. */
export class ApiError extends Error {
  constructor(
    public code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NETWORK' | 'SERVER' | string,
    message: string,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  endpoint: string;
  token: () => string | null;
  /** Called when a sent token is refused (expired, signed out elsewhere): the shell asks to sign in again. */
  onUnauthenticated: () => void;
}

let options: ClientOptions = { endpoint: '/graphql', token: () => null, onUnauthenticated: () => {} };

export function configureClient(next: Partial<ClientOptions>): void {
  options = { ...options, ...next };
}

/**
 * Sends one generated operation by its persisted-document id alone
 * (`documentId`, the sha256 of its manifest entry): the server runs the
 * trusted document it knows (TRUSTED_DOCUMENTS). A server that does not know
 * the id (PERSISTED_QUERY_NOT_FOUND) is asked again with the text beside it.
 * Returns data even when some fields were denied (their errors come with it).
 */
export function request<R, V>(
  doc: TypedDocumentString<R, V>,
  variables: V,
): Promise<{ data: R; errors: GraphQLErrorLike[] }> {
  const key = requestKey(doc, variables);
  const early = prefetched.get(key);
  if (early && early.token === options.token() && Date.now() - early.at < PREFETCH_MS) {
    prefetched.delete(key);
    return early.answer as Promise<{ data: R; errors: GraphQLErrorLike[] }>;
  }
  return send(doc, variables);
}

const PREFETCH_MS = 10_000;
const prefetched = new Map<string, { answer: Promise<unknown>; token: string | null; at: number }>();

/** The same operation and variables, whatever the order of their keys. */
function requestKey(doc: { __meta__?: Record<string, unknown> }, variables: unknown): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : Array.isArray(v)
        ? v.map(sorted)
        : v;
  return `${String(doc.__meta__?.hash)} ${JSON.stringify(sorted(variables))}`;
}

/**
 * Sends a request now that a page will make in a moment (the catalog's, while
 * the shell is still asking who is signed in): the page's own request, with
 * the same variables within 10 s, gets this answer instead of a second one.
 */
export function prefetch<R, V>(doc: TypedDocumentString<R, V>, variables: V): void {
  const answer = send(doc, variables);
  answer.catch(() => {}); // whoever takes it handles its failure; unclaimed, it is dropped quietly
  prefetched.set(requestKey(doc, variables), { answer, token: options.token(), at: Date.now() });
}

async function send<R, V>(
  doc: TypedDocumentString<R, V>,
  variables: V,
): Promise<{ data: R; errors: GraphQLErrorLike[] }> {
  const token = options.token();
  const id = doc.__meta__?.hash as string | undefined;
  const send = (withText: boolean) =>
    fetch(options.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(
        withText || !id ? { query: doc.toString(), variables, documentId: id } : { documentId: id, variables },
      ),
    });
  let res: Response;
  try {
    res = await send(false);
    if (res.status === 400 && id) {
      const first = (await res
        .clone()
        .json()
        .catch(() => null)) as { errors?: GraphQLErrorLike[] } | null;
      if (first?.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') res = await send(true);
    }
  } catch {
    throw new ApiError('NETWORK', 'The server could not be reached.');
  }
  let body: { data?: R | null; errors?: GraphQLErrorLike[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError('SERVER', `The server answered ${res.status}.`);
  }
  const errors = body.errors ?? [];
  const unauthenticated = errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (unauthenticated) {
    if (token) options.onUnauthenticated();
    throw new ApiError('UNAUTHENTICATED', unauthenticated.message);
  }
  if (body.data == null) {
    const first = errors[0];
    throw new ApiError(first?.extensions?.code ?? 'SERVER', first?.message ?? `The server answered ${res.status}.`);
  }
  return { data: body.data, errors };
}

/** True when an error list says a field was refused to this viewer. */
export function forbidden(errors: GraphQLErrorLike[]): boolean {
  return errors.some((e) => e.extensions?.code === 'FORBIDDEN');
}
