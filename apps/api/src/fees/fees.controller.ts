import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ROUTES, type Policies, type Route } from '../../../../libs/domain/src';
import { Public } from '../auth/public.decorator';
import { TOKEN_VERIFIER, type TokenVerifier } from '../auth/token-verifier';
import { unauthorized } from '../auth/dev-token.service';
import { APP_CONFIG, POLICIES } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { DirectoryService } from '../../../../libs/directory/src/directory.service';
import { RequestValidationException, type FieldError } from '../http/problem';
import type { ApiRequest } from '../http/request-context';
import { estimateFees, type FeeEstimate } from './fee-estimate';

type QueryValue = string | string[] | undefined;
const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)[ ]*$/i;

/** Repeated parameters and comma-separated lists both give a list of ids. */
const idList = (value: QueryValue): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');

@ApiTags('fees')
@Controller('api/fees')
export class FeesController {
  constructor(
    @Inject(POLICIES) private readonly policies: Policies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
    private readonly directory: DirectoryService,
  ) {}

  @Public()
  @Get('estimate')
  @ApiOperation({
    summary: 'What each route costs each side under the current fee settings, small-provider relief included (cents)',
    description:
      'Without a token (the keuzehulp) pass smallProvider=true|false. With a token, claimantOrganisationIds and respondentOrganisationIds (comma-separated) take the parties from the directory.',
  })
  @ApiQuery({ name: 'route', required: false, enum: [...ROUTES] })
  @ApiQuery({ name: 'smallProvider', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'claimantOrganisationIds', required: false, type: String })
  @ApiQuery({ name: 'respondentOrganisationIds', required: false, type: String })
  @ApiOkResponse({ description: 'routes[] with administrationFee, neutralFee, claimantMinCents, claimantMaxCents, reliefCents' })
  async estimate(@Query() query: Record<string, QueryValue>, @Req() request: ApiRequest): Promise<FeeEstimate> {
    const errors: FieldError[] = [];
    const known = new Set(['route', 'smallProvider', 'claimantOrganisationIds', 'respondentOrganisationIds']);
    for (const key of Object.keys(query)) {
      if (!known.has(key)) errors.push({ field: key, message: `${key} is not a parameter of this route` });
    }
    let routes: Route[] = [...ROUTES];
    if (query.route !== undefined) {
      if (typeof query.route !== 'string' || !(ROUTES as readonly string[]).includes(query.route)) {
        errors.push({ field: 'route', message: `route must be one of ${ROUTES.join(', ')}` });
      } else routes = [query.route as Route];
    }
    const claimantIds = idList(query.claimantOrganisationIds);
    const respondentIds = idList(query.respondentOrganisationIds);
    let smallProviderClaimant = false;
    let respondentCount = 1;
    if (claimantIds.length > 0 || respondentIds.length > 0) {
      await this.requireToken(request);
      if (claimantIds.length === 0) errors.push({ field: 'claimantOrganisationIds', message: 'claimantOrganisationIds must name at least one organisation' });
      for (const [field, ids] of [['claimantOrganisationIds', claimantIds], ['respondentOrganisationIds', respondentIds]] as const) {
        for (const id of ids) if (!this.directory.organisation(id)) errors.push({ field, message: `${id} is not an organisation of the directory` });
      }
      smallProviderClaimant = claimantIds.some((id) => {
        const org = this.directory.organisation(id);
        return org?.kind === 'provider' && org.smallProvider === true;
      });
      respondentCount = Math.max(1, respondentIds.length);
    } else if (query.smallProvider !== undefined) {
      if (query.smallProvider !== 'true' && query.smallProvider !== 'false') {
        errors.push({ field: 'smallProvider', message: 'smallProvider must be true or false' });
      } else smallProviderClaimant = query.smallProvider === 'true';
    } else {
      errors.push({ field: 'smallProvider', message: 'Pass smallProvider=true|false, or the claimant and respondent organisation ids' });
    }
    if (errors.length > 0) throw new RequestValidationException(errors);
    return estimateFees({ smallProviderClaimant, respondentCount, routes }, this.policies, this.config.neutralFeeIndications);
  }

  /** Organisation ids reveal directory facts (small-provider status): only for a signed-in caller. */
  private async requireToken(request: ApiRequest): Promise<void> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) throw unauthorized('Sign in to estimate fees for named organisations, or pass smallProvider=true|false instead.');
    await this.tokens.verify(match[1]!);
  }
}
