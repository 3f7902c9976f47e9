import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { DirectoryService } from '../../../../libs/directory/src/directory.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { DevTokenService } from './dev-token.service';
import { OidcTokenVerifier } from './oidc-token-verifier';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier';

/**
 * Bearer authentication for every /api route (global guard). AUTH_MODE=dev: HS256 dev tokens from
 * POST /api/auth/dev-token. AUTH_MODE=oidc: an OpenID Connect issuer's tokens, and no dev tokens
 * at all (the dev-token route answers 404 and no dev-token secret is created).
 */
@Module({
  controllers: [AuthController],
  providers: [
    {
      provide: DevTokenService,
      useFactory: (config: AppConfig, directory: DirectoryService): DevTokenService | null =>
        config.authMode === 'dev' ? new DevTokenService(config, directory) : null,
      inject: [APP_CONFIG, DirectoryService],
    },
    {
      provide: TOKEN_VERIFIER,
      useFactory: (config: AppConfig, directory: DirectoryService, devTokens: DevTokenService | null): TokenVerifier =>
        config.authMode === 'oidc' ? new OidcTokenVerifier(config, directory) : devTokens!,
      inject: [APP_CONFIG, DirectoryService, DevTokenService],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [DevTokenService, TOKEN_VERIFIER],
})
export class AuthModule {}
