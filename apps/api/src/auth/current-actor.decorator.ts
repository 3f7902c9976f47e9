import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { Actor } from '../../../../libs/domain/src';
import type { ApiRequest } from '../http/request-context';

/** The domain Actor {userId, role, organisationId} of the authenticated caller (set by the AuthGuard). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<ApiRequest>().actor;
  if (!actor) throw new UnauthorizedException('Sign in: send Authorization: Bearer <token>.');
  return actor;
});
