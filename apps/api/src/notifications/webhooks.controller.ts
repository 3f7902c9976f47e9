import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DirectoryService } from '../../../../libs/directory/src/directory.service';
import type { Actor } from '../../../../libs/domain/src';
import { PARTY_ROLE_OF_KIND, WebhookEndpoints } from '../../../../libs/notifications/src';
import type { OpenedReadModels } from '../../../../libs/read-models/src';
import type { Clock } from '../../../../libs/runtime/src/clock';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { APP_CONFIG, CLOCK } from '../../../../libs/runtime/src/tokens';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblemResponses, ProblemSchema } from '../http/openapi';
import { ProblemException, problemType, RequestValidationException } from '../http/problem';
import { READ_MODEL_HANDLE } from '../infrastructure/infrastructure.tokens';
import { RegisteredWebhookSchema, RegisterWebhookDto, WebhookDeliverySchema, WebhookEndpointSchema } from './webhook.dto';

/**
 * Webhooks for organisations' own systems, kept by the secretariat: one HTTPS endpoint per
 * organisation receives, signed per Standard Webhooks, the events that organisation may see.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@ApiProblemResponses()
@ApiForbiddenResponse({ type: ProblemSchema, description: 'Only the secretariat manages webhooks' })
@Controller('api/webhooks')
export class WebhooksController {
  private readonly endpoints: WebhookEndpoints;

  constructor(
    @Inject(READ_MODEL_HANDLE) readModels: OpenedReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryService,
  ) {
    this.endpoints = new WebhookEndpoints(readModels.queryDataSource);
  }

  @Post()
  @ApiOperation({ summary: 'Register an endpoint for an organisation (secretariat); answers the signing secret once' })
  @ApiCreatedResponse({ type: RegisteredWebhookSchema })
  async register(@CurrentActor() actor: Actor, @Body() body: RegisterWebhookDto): Promise<RegisteredWebhookSchema> {
    requireSecretariat(actor);
    const organisation = this.directory.organisation(body.organisationId);
    const errors = [];
    if (!organisation) errors.push({ field: 'organisationId', message: `${body.organisationId} is not an organisation of the directory` });
    else if (!PARTY_ROLE_OF_KIND[organisation.kind])
      errors.push({
        field: 'organisationId',
        message: `${organisation.name} is not a party organisation (provider, insurer, care office or association)`,
      });
    const urlProblem = this.urlProblem(body.url);
    if (urlProblem) errors.push({ field: 'url', message: urlProblem });
    if (errors.length > 0) throw new RequestValidationException(errors);
    return this.endpoints.register(body.organisationId, body.url, actor.userId, this.clock.now());
  }

  @Get()
  @ApiOperation({ summary: 'Every endpoint (secretariat; without secrets)' })
  @ApiOkResponse({ type: [WebhookEndpointSchema] })
  list(@CurrentActor() actor: Actor): Promise<WebhookEndpointSchema[]> {
    requireSecretariat(actor);
    return this.endpoints.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Switch an endpoint off (secretariat): nothing more is sent to it' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    requireSecretariat(actor);
    if (!(await this.endpoints.deactivate(id))) throw notFound(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "The endpoint's delivery log, newest first (secretariat)" })
  @ApiOkResponse({ type: [WebhookDeliverySchema] })
  async deliveries(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<WebhookDeliverySchema[]> {
    requireSecretariat(actor);
    if (!(await this.endpoints.get(id))) throw notFound(id);
    return this.endpoints.deliveries(id, 200);
  }

  /** HTTPS only; plain http to 127.0.0.1 only when the test setting allows it. */
  private urlProblem(url: string): string | undefined {
    if (!URL.canParse(url)) return 'url must be a full address such as https://systeem.example.nl/hooks';
    const parsed = new URL(url);
    if (parsed.protocol === 'https:')
      return parsed.username || parsed.password ? 'url must not contain a user name or password' : undefined;
    if (parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1' && this.config.notifications.webhookAllowLoopbackHttp)
      return undefined;
    return 'url must start with https://';
  }
}

function requireSecretariat(actor: Actor): void {
  if (actor.role !== 'secretariat') {
    throw new ProblemException({
      status: 403,
      type: problemType('forbidden'),
      title: 'Not allowed',
      detail: 'Only the secretariat manages webhooks.',
      code: 'forbidden',
    });
  }
}

const notFound = (id: string): ProblemException =>
  new ProblemException({
    status: 404,
    type: problemType('not-found'),
    title: 'Not found',
    detail: `There is no webhook endpoint ${id.slice(0, 60)}.`,
    code: 'webhook_not_found',
  });
