import type { Request } from 'express';
import type { Actor, UserInfo } from '../../../../libs/domain/src';

/** What the middleware and the auth guard attach to a request. */
export interface ApiRequest extends Request {
  requestId?: string;
  actor?: Actor;
  directoryUser?: UserInfo;
}
