import { applyDecorators, Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor } from '../../../../../libs/domain/src';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { IdempotencyInterceptor } from '../../http/idempotency.interceptor';
import { shapeIdempotentAnswer } from '../../http/idempotent-outcome';
import { IfMatch } from '../../http/if-match';
import { ApiCaseProblemResponses, ProblemSchema } from '../../http/openapi';
import { RequestId } from '../../http/request-id';
import { ACTION_TABLE, JSON_ACTIONS, newId, type JsonAction, type JsonServedAction } from '../action-table';
import { RunDisputeCommand, type CommandResult } from '../application/dispute-commands';
import { DisputeIdPipe } from './dispute-id.pipe';
import { CommandResultResponse } from './dto/responses.dto';

/**
 * `POST /api/disputes/{id}/{action}` for every JSON row of the action table: 200, idempotent with
 * Idempotency-Key, conditional with If-Match. The route methods are generated from the table below
 * the class, so the routes, their validation and their OpenAPI entries cannot drift from it.
 */
@ApiTags('dispute actions')
@ApiBearerAuth()
@Controller('api/disputes')
export class DisputeActionsController {
  constructor(private readonly commandBus: CommandBus) {}

  async run(
    action: JsonServedAction,
    disputeId: string,
    body: object,
    actor: Actor,
    expectedVersion: number | undefined,
    correlationId: string,
  ): Promise<CommandResult & Record<string, string | number>> {
    const spec = ACTION_TABLE[action] as JsonAction<JsonServedAction, object>;
    const command = spec.command(body, newId);
    // The answer recorded with the events under an Idempotency-Key: the same as returned below.
    shapeIdempotentAnswer((result) => ({ ...(result as CommandResult), ...spec.answer?.(command) }));
    const result = await this.commandBus.execute(
      new RunDisputeCommand(disputeId, command, actor, {
        ...(expectedVersion !== undefined ? { expectedVersion } : {}),
        correlationId,
      }),
    );
    return { ...result, ...spec.answer?.(command) };
  }
}

/** `request-information` → `requestInformation`: the handler's name, as Nest and the OpenAPI tools see it. */
const methodName = (action: string): string => action.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function routeDecorators(action: JsonServedAction, spec: JsonAction<JsonServedAction, object>): MethodDecorator {
  return applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    UseInterceptors(IdempotencyInterceptor),
    ApiOperation({ summary: spec.summary, operationId: action }),
    ApiParam({ name: 'id', format: 'uuid', description: 'The dispute' }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The case version (ETag) you last saw: 3, "3" or W/"3". 409 if the case moved on.',
    }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer' }),
    ApiOkResponse({ type: spec.response ?? CommandResultResponse }),
    ApiCaseProblemResponses(),
    ApiUnprocessableEntityResponse({ type: ProblemSchema, description: 'Idempotency-Key reused for another request' }),
  );
}

// One route method per JSON action, decorated as a hand-written one would be. The parameter types
// (design:paramtypes) are what the validation pipe and the OpenAPI scanner read the body's DTO from.
for (const action of JSON_ACTIONS) {
  const spec = ACTION_TABLE[action] as JsonAction<JsonServedAction, object>;
  const prototype = DisputeActionsController.prototype;
  const name = methodName(action);
  const route = function (
    this: DisputeActionsController,
    id: string,
    body: object,
    actor: Actor,
    expectedVersion: number | undefined,
    requestId: string,
  ): Promise<CommandResult> {
    return this.run(action, id, body, actor, expectedVersion, requestId);
  };
  // Nest's OpenAPI scanner looks the metadata up by the function's own name.
  Object.defineProperty(route, 'name', { value: name });
  Object.defineProperty(prototype, name, { value: route, writable: true, configurable: true });
  Reflect.defineMetadata('design:paramtypes', [String, spec.body, Object, Object, String], prototype, name);
  Reflect.defineMetadata('design:returntype', Promise, prototype, name);
  Param('id', DisputeIdPipe)(prototype, name, 0);
  Body()(prototype, name, 1);
  CurrentActor()(prototype, name, 2);
  IfMatch()(prototype, name, 3);
  RequestId()(prototype, name, 4);
  routeDecorators(action, spec)(prototype, name, Object.getOwnPropertyDescriptor(prototype, name)!);
}
