import { applyDecorators, type INestApplication } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';

export class FieldErrorSchema {
  @ApiProperty({ example: 'claims[0].description' }) field!: string;
  @ApiProperty() message!: string;
}

/** RFC 9457 problem details (application/problem+json). */
export class ProblemSchema {
  @ApiProperty({ example: 'urn:gzc:problem:validation' }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: number;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ description: 'The request path' }) instance?: string;
  @ApiPropertyOptional({ description: "The domain's reason code, e.g. wrong_status" }) code?: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema] }) errors?: FieldErrorSchema[];
  @ApiPropertyOptional() requestId?: string;
}

/** The error answers every authenticated route may give. */
export const ApiProblemResponses = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBadRequestResponse({ type: ProblemSchema, description: 'Invalid input, naming each field' }),
    ApiUnauthorizedResponse({ type: ProblemSchema, description: 'No or bad bearer token' }),
    ApiServiceUnavailableResponse({ type: ProblemSchema, description: 'The store is down (Retry-After)' }),
  );

/** The error answers of a route on one case. */
export const ApiCaseProblemResponses = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiProblemResponses(),
    ApiForbiddenResponse({ type: ProblemSchema, description: 'A visible case, but not an action this caller may take' }),
    ApiNotFoundResponse({ type: ProblemSchema, description: 'Unknown case, or one the caller may not see' }),
    ApiConflictResponse({ type: ProblemSchema, description: "The case's status does not allow it, or If-Match no longer matches" }),
  );

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Geschilleninstantie Zorgcontractering: disputes API')
    .setDescription(
      'Disputes about healthcare contracting between care providers and health insurers. ' +
        'Errors are application/problem+json (RFC 9457).',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Swagger UI at /docs, the document at /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
