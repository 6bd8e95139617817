import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TypedDocumentString } from '../gql/graphql';
import type { ApiError } from './client';
import { request } from './client';
import { toApiError } from './hooks';

export interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: T[];
}

/** A connection read page by page ("load more"), restarting when the variables change. */
export function usePaged<R, V extends { after?: string | null }, T>(
  doc: TypedDocumentString<R, V>,
  variables: V,
  select: (data: R) => Page<T>,
  options: { skip?: boolean } = {},
) {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [loading, setLoading] = useState(!options.skip);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const key = JSON.stringify(variables);

  const load = useCallback(
    async (after: string | null, append: boolean) => {
      const mine = ++seq.current;
      setLoading(true);
      setError(null);
      try {
        const { data } = await request(doc, { ...variables, after });
        if (mine !== seq.current) return;
        const page = select(data);
        setItems((prev) => (append ? [...prev, ...page.nodes] : page.nodes));
        setTotal(page.totalCount);
        setCursor(page.pageInfo.endCursor ?? null);
        setHasNext(page.pageInfo.hasNextPage);
      } catch (e) {
        if (mine === seq.current) setError(toApiError(e));
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    // The dependencies are deliberate: the key stands for the variables (an object rebuilt each render).
    [doc, key],
  );

  useEffect(() => {
    if (!options.skip) void load(null, false);
  }, [load, tick, options.skip]);

  return {
    items,
    total,
    hasNext,
    loading,
    error,
    more: () => cursor && load(cursor, true),
    reload: () => setTick((t) => t + 1),
  };
}
