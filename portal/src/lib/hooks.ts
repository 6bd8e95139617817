import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, request, type GraphQLErrorLike } from './client';

export interface QueryState<R> {
  data: R | null;
  /** Field-level errors that came with data (e.g. a denied field). */
  errors: GraphQLErrorLike[];
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Runs a query when its variables change; the newest answer wins. */
export function useQuery<R, V>(
  doc: TypedDocumentString<R, V>,
  variables: V,
  options: { skip?: boolean } = {},
): QueryState<R> {
  const [state, setState] = useState<Omit<QueryState<R>, 'reload'>>({
    data: null,
    errors: [],
    error: null,
    loading: !options.skip,
  });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (options.skip) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    request(doc, variables).then(
      ({ data, errors }) => mine === seq.current && setState({ data, errors, error: null, loading: false }),
      (e) => mine === seq.current && setState({ data: null, errors: [], error: toApiError(e), loading: false }),
    );
    // The dependencies are deliberate: the key stands for the variables (an object rebuilt each render).
  }, [doc, key, tick, options.skip]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('SERVER', e instanceof Error ? e.message : String(e));
}

export interface UserErrorLike {
  code: string;
  message: string;
  field?: readonly string[] | null;
}

/** What a mutation call came to: its payload, or the failure (`error: null` when it was not sent because one was in flight). */
export type MutationResult<R> = { ok: true; data: R } | { ok: false; error: ApiError | null };

/** A mutation that cannot run twice at once: a double click sends one request. */
export function useMutation<R, V>(doc: TypedDocumentString<R, V>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef(false);
  const run = useCallback(
    async (variables: V): Promise<MutationResult<R>> => {
      if (inFlight.current) return { ok: false, error: null };
      inFlight.current = true;
      setBusy(true);
      setError(null);
      try {
        const { data } = await request(doc, variables);
        return { ok: true, data };
      } catch (e) {
        const err = toApiError(e);
        setError(err);
        return { ok: false, error: err };
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [doc],
  );
  return { run, busy, error, clearError: () => setError(null) };
}
