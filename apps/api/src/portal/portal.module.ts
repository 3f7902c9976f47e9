import { Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { PortalConfigController } from './portal-config.controller';
import { portalContentSecurityPolicy } from './portal-csp';
import { portalBuilt, servePortal } from './serve-portal';

/**
 * The web portal at /: its static files and the client-side route fallback. Registered in
 * onModuleInit, which Nest runs after the API's routes and before its 404 handler, so /api, /docs
 * and /health keep their own answers.
 */
@Module({ controllers: [PortalConfigController] })
export class PortalModule implements OnModuleInit {
  private readonly logger = new Logger('Portal');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!portalBuilt(this.config.webRoot)) {
      this.logger.warn(`No portal at ${this.config.webRoot} (run npm run build); serving the API only.`);
      return;
    }
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    app.use(servePortal(this.config.webRoot, portalContentSecurityPolicy(this.config.oidcIssuer)));
  }
}
