import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG } from '../common/tokens';
import type { AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { DevTokenService } from './dev-token.service';

export const OIDC_NOT_AVAILABLE =
  'AUTH_MODE=oidc is not available yet: token verification against an OIDC issuer comes in a later issue. ' +
  'Start with AUTH_MODE=dev (the default) for now.';

/** Fails startup for an auth mode this version cannot serve, rather than pretending to. */
export function assertAuthModeSupported(config: Pick<AppConfig, 'authMode'>): void {
  if (config.authMode === 'oidc') throw new Error(OIDC_NOT_AVAILABLE);
}

/** Bearer authentication for every /api route (global guard) and the dev-token endpoint. */
@Module({
  controllers: [AuthController],
  providers: [
    {
      provide: DevTokenService,
      useFactory: (config: AppConfig, directory: DirectoryService) => {
        assertAuthModeSupported(config);
        return new DevTokenService(config, directory);
      },
      inject: [APP_CONFIG, DirectoryService],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [DevTokenService],
})
export class AuthModule {}
