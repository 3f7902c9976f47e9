import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { DirectoryService } from '../../../../libs/directory/src/directory.service';

export interface PortalConfig {
  authMode: 'dev' | 'oidc';
  /** OIDC only: where the portal signs people in (Authorization Code + PKCE, public client). */
  oidc: { issuer: string; clientId: string; scope: string } | null;
  /** Dev only: the demo directory's users by organisation, for the demonstration sign-in page. */
  demoOrganisations: { id: string; name: string; kind: string; users: { id: string; name: string; role: string }[] }[] | null;
}

@ApiTags('portal')
@Controller('api/portal')
export class PortalConfigController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryService,
  ) {}

  @Public()
  @Get('config')
  @ApiOperation({ summary: "The portal's sign-in settings (and, in AUTH_MODE=dev, the demo users to pick from)" })
  @ApiOkResponse({ description: 'authMode, oidc {issuer, clientId}, demoOrganisations' })
  portalConfig(): PortalConfig {
    const { authMode, oidcIssuer, oidcClientId, oidcPortalScope } = this.config;
    if (authMode === 'oidc') {
      return { authMode, oidc: oidcIssuer && oidcClientId ? { issuer: oidcIssuer, clientId: oidcClientId, scope: oidcPortalScope } : null, demoOrganisations: null };
    }
    const users = this.directory.users();
    const demoOrganisations = this.directory
      .organisations()
      .map((org) => ({
        id: org.id,
        name: org.name,
        kind: org.kind,
        users: users.filter((u) => u.organisationId === org.id).map((u) => ({ id: u.id, name: u.name, role: u.role })),
      }))
      .filter((org) => org.users.length > 0);
    return { authMode, oidc: null, demoOrganisations };
  }
}
