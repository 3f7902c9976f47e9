import { UnauthorizedException } from '@nestjs/common';

/** 401: the problem filter adds `WWW-Authenticate: Bearer`. */
export function unauthorized(detail: string): UnauthorizedException {
  return new UnauthorizedException(detail);
}
