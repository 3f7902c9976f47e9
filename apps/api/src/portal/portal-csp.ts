/**
 * The portal's Content-Security-Policy: scripts and styles only from our own origin (no inline
 * script, no eval), and the OpenID provider reachable for discovery, tokens and silent renewal.
 */
export function portalContentSecurityPolicy(oidcIssuer?: string): string {
  const issuerOrigin = oidcIssuer ? new URL(oidcIssuer).origin : undefined;
  const withIssuer = (...sources: string[]) => [...sources, ...(issuerOrigin ? [issuerOrigin] : [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${withIssuer("'self'")}`,
    `frame-src ${withIssuer("'self'")}`,
    `form-action ${withIssuer("'self'")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}
