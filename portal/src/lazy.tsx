import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorNotice, Loading } from './components/ui';
import { ApiError } from './lib/client';

/** A page in its own chunk, fetched the first time it is opened. */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyPage(props: P) {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      pending ??= load().then((m) => (loaded = m.default));
      pending.then(
        () => setReady(1),
        () => {
          pending = null;
          setFailed(true);
        },
      );
    }, [failed]);
    if (failed) return <ErrorNotice error={new ApiError('NETWORK', 'chunk')} onRetry={() => setFailed(false)} />;
    if (!loaded) return <Loading />;
    const C = loaded;
    return <C {...props} />;
  };
}
