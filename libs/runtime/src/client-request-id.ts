import { AsyncLocalStorage } from 'node:async_hooks';

// A caller's own X-Request-Id is never an event's correlation or causation id (the server makes
// those), but it is kept beside them as `clientRequestId`, so a caller can find its own calls. The
// HTTP layer runs each request inside this scope; whoever records events reads it from there
// instead of having it handed through every command.

const scope = new AsyncLocalStorage<{ clientRequestId?: string }>();

/** Runs `next` (the rest of the request) with the caller's X-Request-Id, if it sent a sane one. */
export function runWithClientRequestId(clientRequestId: string | undefined, next: () => void): void {
  scope.run(clientRequestId !== undefined ? { clientRequestId } : {}, next);
}

/** The caller's own X-Request-Id of the request being served; undefined outside a request or when it sent none. */
export function currentClientRequestId(): string | undefined {
  return scope.getStore()?.clientRequestId;
}

/** `{clientRequestId}` for an event's metadata while serving a request whose caller sent one; else nothing. */
export function clientRequestIdMetadata(): { clientRequestId?: string } {
  const clientRequestId = currentClientRequestId();
  return clientRequestId !== undefined ? { clientRequestId } : {};
}
