import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken } from '../api/client';
import type { SessionInfo } from '../api/types';

export interface Session {
  /** undefined while the first check runs; null when nobody is signed in. */
  info: SessionInfo | null | undefined;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** May the user attempt this action? (The API checks each record on top.) */
  can: (action: string) => boolean;
}

const SessionContext = createContext<Session | null>(null);
const HINT = 'vigil.signedIn';

/** Whether this browser signed in and has not signed out (the session cookie itself is HttpOnly). */
function remembered(): boolean {
  try {
    return localStorage.getItem(HINT) === '1';
  } catch {
    return true;
  }
}

function remember(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch {
    // without storage every page load asks the server
  }
}

/** Who is signed in, from the session cookie; the CSRF token is kept for writes. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<SessionInfo | null | undefined>(undefined);
  const accept = useCallback((next: SessionInfo | null) => {
    setCsrfToken(next?.csrfToken ?? '');
    remember(next !== null);
    setInfo(next);
  }, []);
  useEffect(() => {
    // Only a browser that signed in asks who it is: anyone else would get a 401 for nothing
    // (and the public form needs no session at all).
    if (!remembered() || window.location.pathname === '/report') {
      accept(null);
      return;
    }
    api<SessionInfo>('GET', '/api/session').then(accept, () => accept(null));
  }, [accept]);
  const value = useMemo<Session>(
    () => ({
      info,
      signIn: async (username, password) =>
        accept(await api<SessionInfo>('POST', '/api/session', { body: { username, password } })),
      signOut: async () => {
        try {
          await api('DELETE', '/api/session');
        } finally {
          accept(null);
        }
      },
      can: (action) => info?.permittedActions.includes(action) ?? false,
    }),
    [info, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session of the signed-in user. */
export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
