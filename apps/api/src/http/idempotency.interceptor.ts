import {
  BadRequestException,
  HttpStatus,
  Inject,
  Injectable,
  RequestMethod,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { IdempotencyStore, ReadModels } from '../../../../libs/read-models/src/contracts';
import { IdempotencyKeyReusedError } from '../common/errors';
import { READ_MODELS } from '../common/tokens';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key`: a retried request returns the first answer without recording twice.
 * The first successful answer is stored per caller and key with a hash of the request; a
 * concurrent duplicate in this process waits for the first instead of racing it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly store: IdempotencyStore;

  constructor(
    @Inject(READ_MODELS) readModels: ReadModels,
    private readonly reflector: Reflector,
  ) {
    this.store = readModels.idempotency;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: { userId: string } }>();
    const key = request.header('idempotency-key');
    if (key === undefined) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw new BadRequestException({
        message: 'Invalid Idempotency-Key',
        errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }],
      });
    }
    const scopeKey = `${request.actor?.userId ?? 'anonymous'}:${key}`;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl ?? request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const response = context.switchToHttp().getResponse<Response>();
    const statusCode = this.successStatus(context, request.method);
    return from(this.once(scopeKey, requestHash, statusCode, response, () => lastValueFrom(next.handle())));
  }

  private async once(
    scopeKey: string,
    requestHash: string,
    statusCode: number,
    response: Response,
    run: () => Promise<unknown>,
  ): Promise<unknown> {
    while (this.inFlight.has(scopeKey)) {
      await this.inFlight.get(scopeKey)!.catch(() => undefined);
    }
    const stored = await this.store.get(scopeKey);
    if (stored) {
      if (stored.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
      response.status(stored.statusCode);
      response.setHeader('Idempotent-Replayed', 'true');
      return stored.body;
    }
    const running = run().then(async (body) => {
      await this.store.put({ scopeKey, requestHash, statusCode, body, createdAt: new Date().toISOString() });
      return body;
    });
    this.inFlight.set(scopeKey, running);
    try {
      return await running;
    } finally {
      this.inFlight.delete(scopeKey);
    }
  }

  private successStatus(context: ExecutionContext, method: string): number {
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    if (declared !== undefined) return declared;
    return method === RequestMethod[RequestMethod.POST] ? HttpStatus.CREATED : HttpStatus.OK;
  }
}
