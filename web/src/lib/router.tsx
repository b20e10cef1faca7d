import { type AnchorHTMLAttributes, type MouseEvent, type ReactNode, useEffect, useState } from 'react';

/** The current location and the state pushed with it (search terms live here, never in the URL). */
export interface Location {
  path: string;
  state: Record<string, unknown> | null;
}

const EVENT = 'vigil:navigate';

function current(): Location {
  return { path: window.location.pathname, state: (window.history.state as Record<string, unknown>) ?? null };
}

/** Goes to a client route. Routes carry record ids only; personal data goes in `state`. */
export function navigate(path: string, options: { replace?: boolean; state?: Record<string, unknown> } = {}) {
  if (options.replace) window.history.replaceState(options.state ?? null, '', path);
  else window.history.pushState(options.state ?? null, '', path);
  window.dispatchEvent(new Event(EVENT));
}

/** Replaces the state of the current entry, so that Back returns to it as it was. */
export function rememberState(state: Record<string, unknown>) {
  window.history.replaceState(state, '', window.location.pathname);
}

/** The current location, updated on every navigation and on Back/Forward. */
export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return location;
}

/** A path segment decoded, or null when its escapes are malformed ('%E0%A4%A', '%zz'). */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Matches "/cases/:id" against a path; returns the parameters or null. Never throws: an address
 * it cannot read matches no route, so the application shows "not found" instead of nothing.
 */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.replace(/\/+$/, '').split('/');
  if (path === '/' && pattern === '/') return {};
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      const value = decodeSegment(s[i]);
      if (value === null) return null;
      params[p[i].slice(1)] = value;
    } else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** A link to a client route: a real <a> (keyboard, middle click), handled without a reload. */
export function Link({
  to,
  state,
  children,
  ...rest
}: { to: string; state?: Record<string, unknown>; children: ReactNode } & Omit<
  AnchorHTMLAttributes<HTMLAnchorElement>,
  'href'
>) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(to, { state });
  };
  return (
    <a {...rest} href={to} onClick={onClick}>
      {children}
    </a>
  );
}
