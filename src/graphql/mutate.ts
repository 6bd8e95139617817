import type { Tx } from '../db/client.js';
import type { Context } from './context.js';
import { UserErrorsException, type UserError } from './errors.js';

/** A mutation's payload: the object it names (null when refused, unless told otherwise) and its userErrors. */
export type Payload<K extends string, T> = { [P in K]: T | null } & { userErrors: UserError[] };

/** Aborts the work of `mutate`: the transaction rolls back and `errors` become the payload's userErrors. */
export function refuse(...errors: UserError[]): never {
  throw new UserErrorsException(errors);
}

/**
 * The one way a mutation writes (after Saleor's BaseMutation.mutate and
 * handle_errors): runs `work` in one transaction and answers
 * `{ [field]: result, userErrors: [] }`. A refusal thrown anywhere inside
 * (`refuse(...)`, a UserErrorsException) rolls everything back, so nothing is
 * half written, and becomes `{ [field]: refused, userErrors }`: null, or the
 * value given (a function is called after the rollback, e.g. to read the
 * object as it is). Anything else (a bug, a timeout) propagates to the error
 * formatter.
 */
export function mutate<K extends string, T>(
  ctx: Pick<Context, 'db'>,
  field: K,
  work: (tx: Tx) => Promise<T>,
): Promise<Payload<K, T>>;
export function mutate<K extends string, T, R>(
  ctx: Pick<Context, 'db'>,
  field: K,
  work: (tx: Tx) => Promise<T>,
  refused: R | (() => Promise<R>),
): Promise<{ [P in K]: T | R } & { userErrors: UserError[] }>;
export async function mutate(
  ctx: Pick<Context, 'db'>,
  field: string,
  work: (tx: Tx) => Promise<unknown>,
  refused: unknown = null,
) {
  try {
    return { [field]: await ctx.db.transaction(work), userErrors: [] };
  } catch (e) {
    if (!(e instanceof UserErrorsException)) throw e;
    return { [field]: typeof refused === 'function' ? await refused() : refused, userErrors: e.errors };
  }
}
