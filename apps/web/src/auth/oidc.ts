import type { UserManager } from 'oidc-client-ts';

let manager: Promise<UserManager> | undefined;

/**
 * The OpenID Connect client (Authorization Code + PKCE, public client), loaded only when the
 * portal runs with AUTH_MODE=oidc so dev and anonymous visitors do not download it.
 */
export function oidcManager(settings: { issuer: string; clientId: string; scope: string }): Promise<UserManager> {
  manager ??= import('oidc-client-ts').then(
    ({ UserManager, WebStorageStateStore }) =>
      new UserManager({
        authority: settings.issuer,
        client_id: settings.clientId,
        redirect_uri: `${location.origin}/auth/callback`,
        silent_redirect_uri: `${location.origin}/auth/silent`,
        post_logout_redirect_uri: `${location.origin}/uitgelogd`,
        response_type: 'code',
        scope: settings.scope,
        automaticSilentRenew: false,
        userStore: new WebStorageStateStore({ store: sessionStorage }),
      }),
  );
  return manager;
}
