import { useEffect, useState } from 'preact/hooks';

/** Everything after /p/<slug>/ is the portal's own path; the slug picks the portal. */
export function portalSlug(pathname = location.pathname): string {
  return decodeURIComponent(pathname.split('/')[2] ?? '');
}

export function basePath(): string {
  return `/p/${encodeURIComponent(portalSlug())}/`;
}

export interface Route {
  /** Path segments after the slug, e.g. ['orders', '<id>']. */
  parts: string[];
  query: URLSearchParams;
}

export function current(): Route {
  const rest = location.pathname.slice(basePath().length);
  return {
    parts: rest.split('/').filter(Boolean).map(decodeURIComponent),
    query: new URLSearchParams(location.search),
  };
}

const listeners = new Set<() => void>();

/** Goes to a portal path such as `orders/123?x=1` (relative to the portal's base). */
export function navigate(to: string, replace = false): void {
  const url = basePath() + to.replace(/^\//, '');
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const l of listeners) l();
  scrollTo(0, 0);
}

export function href(to: string): string {
  return basePath() + to.replace(/^\//, '');
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** A click on an in-portal link, without modifier keys, stays in the page. */
export function onLinkClick(e: MouseEvent, to: string): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(to);
}
