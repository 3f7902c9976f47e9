import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, configureApiClient } from '../api/client';
import { CONFIG_PATH, ME_PATH } from '../api/paths';
import { readStoredToken, TOKEN_KEY } from './token-storage';
import type { Me, PortalConfig } from '../api/types';
import { oidcManager } from './oidc';

export interface Session {
  config: PortalConfig | undefined;
  token: string | null;
  me: Me | undefined;
  /** True while the token is known but /api/me has not answered yet. */
  loading: boolean;
  /** The sign-in ended (token expired, renewal failed): the person must sign in again. */
  expired: boolean;
  signInDev(userId: string): Promise<void>;
  signInOidc(returnTo: string): Promise<void>;
  /** Called by the OIDC callback page with the new access token. */
  acceptToken(token: string): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

const readToken = readStoredToken;

/** The token kept for this tab, for the requests made before the session provider mounts. */
export const storedToken = readToken;

const configQuery = {
  queryKey: ['portal-config'],
  queryFn: () => api<PortalConfig>(CONFIG_PATH, { anonymous: true }),
  staleTime: Infinity,
};

const meQuery = (token: string | null) => ({
  queryKey: ['me', token],
  queryFn: () => api<Me>(ME_PATH),
  enabled: token !== null,
  staleTime: 60_000,
});

/** The sign-in check, asked for at start-up (main.tsx) before React renders, under the same keys. */
export function prefetchSession(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(configQuery);
  const token = readToken();
  if (token) void queryClient.prefetchQuery(meQuery(token));
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(readToken);
  const [expired, setExpired] = useState(false);
  const config = useQuery(configQuery);

  const store = useCallback((value: string | null) => {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
    setToken(value);
  }, []);

  useEffect(() => {
    configureApiClient({
      token: () => sessionStorage.getItem(TOKEN_KEY),
      onUnauthorized: () => {
        store(null);
        setExpired(true);
      },
    });
  }, [store]);

  // OIDC: keep the access token fresh (silent renewal); when that fails, ask to sign in again.
  useEffect(() => {
    const oidc = config.data?.oidc;
    if (config.data?.authMode !== 'oidc' || !oidc || !token) return;
    let cleanup = () => {};
    void oidcManager(oidc).then((manager) => {
      const loaded = (user: { access_token: string }) => store(user.access_token);
      const failed = () => setExpired(true);
      manager.events.addUserLoaded(loaded);
      manager.events.addSilentRenewError(failed);
      manager.events.addAccessTokenExpired(failed);
      manager.startSilentRenew();
      cleanup = () => {
        manager.events.removeUserLoaded(loaded);
        manager.events.removeSilentRenewError(failed);
        manager.events.removeAccessTokenExpired(failed);
      };
    });
    return () => cleanup();
  }, [config.data, token, store]);

  const me = useQuery(meQuery(token));

  const session = useMemo<Session>(
    () => ({
      config: config.data,
      token,
      me: token ? me.data : undefined,
      loading: token !== null && me.isPending,
      expired,
      async signInDev(userId) {
        const issued = await api<{ accessToken: string }>('/api/auth/dev-token', { body: { userId }, anonymous: true });
        queryClient.clear();
        setExpired(false);
        store(issued.accessToken);
      },
      async signInOidc(returnTo) {
        const oidc = config.data?.oidc;
        if (!oidc) return;
        const manager = await oidcManager(oidc);
        await manager.signinRedirect({ state: { returnTo } });
      },
      acceptToken(value) {
        queryClient.clear();
        setExpired(false);
        store(value);
      },
      async signOut() {
        store(null);
        queryClient.clear();
        const oidc = config.data?.oidc;
        if (config.data?.authMode === 'oidc' && oidc) {
          const manager = await oidcManager(oidc);
          await manager.signoutRedirect({ post_logout_redirect_uri: `${location.origin}/uitgelogd` });
        }
      },
    }),
    [config.data, token, me.data, me.isPending, expired, queryClient, store],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
