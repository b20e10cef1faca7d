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

/** Who is signed in, from the session cookie; the CSRF token is kept for writes. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<SessionInfo | null | undefined>(undefined);
  const accept = useCallback((next: SessionInfo | null) => {
    setCsrfToken(next?.csrfToken ?? '');
    setInfo(next);
  }, []);
  useEffect(() => {
    // 401 (or no server): nobody is signed in; the sign-in page says what fails next.
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
