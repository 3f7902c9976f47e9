import type { Request } from 'express';
import type { Actor, UserInfo } from '../../../../libs/domain/src';

/** What the middleware and the auth guard attach to a request. */
export interface ApiRequest extends Request {
  /** Made by the server: the correlation id of the events this request records. */
  requestId?: string;
  /** The caller's own X-Request-Id, when sane: never an event's correlation or causation id. */
  clientRequestId?: string;
  actor?: Actor;
  directoryUser?: UserInfo;
}
