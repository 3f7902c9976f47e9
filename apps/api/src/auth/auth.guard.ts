import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiRequest } from '../http/request-context';
import { unauthorized } from './dev-token.service';
import { IS_PUBLIC } from './public.decorator';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier';

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)[ ]*$/i;

/**
 * Global guard: every route not marked @Public() needs a valid `Authorization: Bearer` token. A
 * public route still learns who calls when a valid token comes along (/health shows the secretariat more).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<ApiRequest>();
    if (isPublic) {
      await this.identify(request).catch(() => undefined);
      return true;
    }
    const header = request.headers.authorization;
    if (typeof header !== 'string' || header.trim() === '') {
      throw unauthorized('Sign in: send Authorization: Bearer <token>.');
    }
    if (!BEARER.test(header)) throw unauthorized('The Authorization header must be "Bearer <token>".');
    await this.identify(request);
    return true;
  }

  private async identify(request: ApiRequest): Promise<void> {
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) return;
    const { actor, user } = await this.tokens.verify(match[1]!);
    request.actor = actor;
    request.directoryUser = user;
  }
}
