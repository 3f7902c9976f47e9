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
import { IdempotencyKeyReusedError, IdempotentRequestInProgressError } from '../common/errors';
import { READ_MODELS } from '../../../../libs/runtime/src/tokens';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** How long a duplicate waits for the first request's answer before giving up with 409. */
const WAIT_FOR_FIRST_MS = 30_000;
/** A claim this old without an answer belongs to a process that died: a retry may take it over. */
const ABANDONED_AFTER_MS = 60_000;
const POLL_MS = 20;

/**
 * `Idempotency-Key`: a retried request returns the first answer without recording twice.
 * Before running, a request claims its key (per caller) in the shared store, so a duplicate sent
 * meanwhile to this process or to another one on the same store waits for the first answer
 * instead of racing it. Only successful answers are kept: a failed request releases its claim
 * and its retry runs again. In this process duplicates also wait on the first promise directly.
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
    const response = context.switchToHttp().getResponse<Response>();
    const fingerprint = `${request.method} ${request.originalUrl ?? request.url}\n${JSON.stringify(request.body ?? null)}`;
    const statusCode = this.successStatus(context, request.method);
    return from(this.runOnce(request, response, fingerprint, statusCode, () => lastValueFrom(next.handle())));
  }

  /**
   * Runs `run` once per Idempotency-Key (none: just runs it). `fingerprint` describes the request:
   * the same key with another fingerprint is refused. Routes that read their body themselves (the
   * document upload) call this directly with a fingerprint of what they received.
   */
  runOnce<T>(
    request: Request & { actor?: { userId: string } },
    response: Response,
    fingerprint: string,
    statusCode: number,
    run: () => Promise<T>,
  ): Promise<T> {
    const key = request.header('idempotency-key');
    if (key === undefined) return run();
    if (!KEY_PATTERN.test(key)) {
      throw new BadRequestException({
        message: 'Invalid Idempotency-Key',
        errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }],
      });
    }
    const scopeKey = `${request.actor?.userId ?? 'anonymous'}:${key}`;
    const requestHash = createHash('sha256').update(fingerprint).digest('hex');
    return this.once(scopeKey, requestHash, statusCode, response, run) as Promise<T>;
  }

  private async once(
    scopeKey: string,
    requestHash: string,
    statusCode: number,
    response: Response,
    run: () => Promise<unknown>,
  ): Promise<unknown> {
    const giveUpAt = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      while (this.inFlight.has(scopeKey)) await this.inFlight.get(scopeKey)!.catch(() => undefined);
      const stored = await this.store.get(scopeKey);
      if (stored && stored.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
      if (stored && stored.statusCode !== 0) {
        response.status(stored.statusCode);
        response.setHeader('Idempotent-Replayed', 'true');
        return stored.body;
      }
      const now = new Date();
      const staleBefore = new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString();
      if (!this.inFlight.has(scopeKey) && (await this.store.claim(scopeKey, requestHash, now.toISOString(), staleBefore))) {
        return this.runClaimed(scopeKey, requestHash, statusCode, run);
      }
      // Another process holds the claim: wait for its answer.
      if (Date.now() > giveUpAt) throw new IdempotentRequestInProgressError();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async runClaimed(scopeKey: string, requestHash: string, statusCode: number, run: () => Promise<unknown>): Promise<unknown> {
    const running = (async () => {
      try {
        const body = await run();
        await this.store.put({ scopeKey, requestHash, statusCode, body, createdAt: new Date().toISOString() });
        return body;
      } catch (error) {
        await this.store.release(scopeKey).catch(() => undefined);
        throw error;
      }
    })();
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
