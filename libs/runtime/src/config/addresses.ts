// Which addresses only this machine can reach: the API's HOST, and an OIDC issuer that may be
// spoken to over plain http (a local test issuer) because nothing travels over a network.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True for an address only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** https, or plain http to loopback; anything else could be read or altered on the way. */
export function isSecureOrLoopbackUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** The loud setting without which demonstration login stays on this machine, and its one accepted value. */
export const UNSAFE_DEV_LOGIN_ON_NETWORK = 'UNSAFE_DEV_LOGIN_ON_NETWORK';
export const UNSAFE_DEV_LOGIN_CONSENT = 'anyone-can-sign-in-as-anyone';
