import { currentClientRequestId } from './request-id';

/** `{clientRequestId}` for an event recorded while serving a request whose caller sent an X-Request-Id; else nothing. */
export function clientRequestIdMetadata(): { clientRequestId?: string } {
  const clientRequestId = currentClientRequestId();
  return clientRequestId !== undefined ? { clientRequestId } : {};
}
