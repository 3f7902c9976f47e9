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
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { EventStore } from '../../../../libs/event-store/src/port';
import type { IdempotencyStore, ReadModels } from '../../../../libs/read-models/src/contracts';
import { IdempotencyKeyReusedError, IdempotentRequestInProgressError } from '../common/errors';
import { EVENT_STORE, READ_MODELS } from '../../../../libs/runtime/src/tokens';
import { crashBeforeIdempotentAnswerIfAsked } from './crash-hook';
import { findRecordedOutcome, runInIdempotencyScope, scopedKey, type RecordedOutcome } from './idempotent-outcome';
import type { HashedBodyRequest } from './json-body';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** How long a duplicate waits for the first request's answer before giving up with 409. */
const WAIT_FOR_FIRST_MS = 30_000;
/**
 * A claim this old without an answer is presumed abandoned (its process died) and a retry may
 * take it over. Exactly-once does not rest on the claim but on the marker appended with the
 * events: should the first run still be alive, only one of the two appends succeeds, and the
 * other answers with the recorded outcome. So this can be short, and a client retrying after a
 * process died waits seconds, not a minute.
 */
const ABANDONED_AFTER_MS = 5_000;
const POLL_MS = 20;
/** While waiting on another claim, how often to look for an answer recorded with the events. */
const MARKER_CHECK_MS = 250;

type KeyedRequest = HashedBodyRequest & { actor?: { userId: string } };

/**
 * `Idempotency-Key`: a retried request returns the first answer without recording twice.
 *
 * Two records work together. The answer travels with the command's events, in the same atomic
 * append (idempotent-outcome.ts): that is what makes a retry exactly-once even when the process
 * dies between the append and the answer. The idempotency store (read-model database) keeps a
 * claim per key, so a duplicate sent meanwhile to this process or another one waits for the first
 * answer instead of racing it, and keeps a copy of the answer for fast replays. A retry that finds
 * a claim without an answer looks for the answer recorded with the events. Only successful
 * answers are kept: a failed request releases its claim, and its retry runs again. Keys are stored
 * as a hash of [user, key]. The body is fingerprinted by a hash of its exact bytes, never by
 * walking the parsed body.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly store: IdempotencyStore;

  constructor(
    @Inject(READ_MODELS) readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly reflector: Reflector,
  ) {
    this.store = readModels.idempotency;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const fingerprint = jsonRequestFingerprint(request.method, request.originalUrl ?? request.url, request.bodySha256);
    const statusCode = this.successStatus(context, request.method);
    return from(this.runOnce(request, response, fingerprint, statusCode, () => lastValueFrom(next.handle())));
  }

  /**
   * Runs `run` once per Idempotency-Key (none: just runs it). `fingerprint` describes the request:
   * the same key with another fingerprint is refused. Routes that read their body themselves (the
   * document upload) call this directly with a fingerprint of what they received.
   */
  runOnce<T>(request: KeyedRequest, response: Response, fingerprint: string, statusCode: number, run: () => Promise<T>): Promise<T> {
    const key = request.header('idempotency-key');
    if (key === undefined) return run();
    if (!KEY_PATTERN.test(key)) {
      throw new BadRequestException({
        message: 'Invalid Idempotency-Key',
        errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }],
      });
    }
    const scopeKey = scopedKey(request.actor?.userId ?? 'anonymous', key);
    const requestHash = requestHashOf(fingerprint);
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
    let nextMarkerCheck = 0;
    for (;;) {
      while (this.inFlight.has(scopeKey)) await this.inFlight.get(scopeKey)!.catch(() => undefined);
      const stored = await this.store.get(scopeKey);
      if (stored && stored.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
      if (stored && stored.statusCode !== 0) return replay(response, stored);
      const now = new Date();
      const staleBefore = new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString();
      if (!this.inFlight.has(scopeKey) && (await this.store.claim(scopeKey, requestHash, now.toISOString(), staleBefore))) {
        return this.runClaimed(scopeKey, requestHash, statusCode, response, run);
      }
      // Claimed elsewhere: still running there, or its process died after recording the events.
      if (Date.now() >= nextMarkerCheck) {
        const recorded = await this.recordedAnswer(scopeKey, requestHash);
        if (recorded) return replay(response, recorded);
        nextMarkerCheck = Date.now() + MARKER_CHECK_MS;
      }
      if (Date.now() > giveUpAt) throw new IdempotentRequestInProgressError();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async runClaimed(
    scopeKey: string,
    requestHash: string,
    statusCode: number,
    response: Response,
    run: () => Promise<unknown>,
  ): Promise<unknown> {
    const running = (async () => {
      let body: unknown;
      try {
        // A claim taken over, or lost with its database: the command may have been recorded
        // already, and running it again on the new state would give another answer (or a refusal).
        const earlier = await this.recordedAnswer(scopeKey, requestHash);
        if (earlier) return replay(response, earlier);
        body = await runInIdempotencyScope({ key: scopeKey, requestHash, statusCode }, run);
      } catch (error) {
        if (error instanceof IdempotencyKeyReusedError) {
          await this.store.release(scopeKey).catch(() => undefined);
          throw error;
        }
        // An earlier run still going when this one started may have recorded the key meanwhile:
        // this run then failed on the marker (or on the state that run left) and answers with it.
        let recorded: RecordedOutcome | undefined;
        let failure = error;
        try {
          recorded = await this.recordedAnswer(scopeKey, requestHash);
        } catch (lookupError) {
          if (lookupError instanceof IdempotencyKeyReusedError) failure = lookupError;
        }
        if (recorded) return replay(response, recorded);
        await this.store.release(scopeKey).catch(() => undefined);
        throw failure;
      }
      crashBeforeIdempotentAnswerIfAsked();
      await this.store.put({ scopeKey, requestHash, statusCode, body, createdAt: new Date().toISOString() });
      return body;
    })();
    this.inFlight.set(scopeKey, running);
    try {
      return await running;
    } finally {
      this.inFlight.delete(scopeKey);
    }
  }

  /** The answer recorded with the events of an earlier run, copied into the idempotency store. */
  private async recordedAnswer(scopeKey: string, requestHash: string): Promise<RecordedOutcome | undefined> {
    const recorded = await findRecordedOutcome(this.events, scopeKey);
    if (!recorded) return undefined;
    if (recorded.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    await this.store
      .put({ scopeKey, requestHash, statusCode: recorded.statusCode, body: recorded.body, createdAt: new Date().toISOString() })
      .catch(() => undefined); // the copy only speeds up later replays
    return recorded;
  }

  private successStatus(context: ExecutionContext, method: string): number {
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    if (declared !== undefined) return declared;
    return method === RequestMethod[RequestMethod.POST] ? HttpStatus.CREATED : HttpStatus.OK;
  }
}

/** What identifies a JSON request for its Idempotency-Key: method, URL and the hash of the body's exact bytes. */
export function jsonRequestFingerprint(method: string, url: string, bodySha256: string | undefined): string {
  return `${method} ${url}\n${bodySha256 ?? 'no body'}`;
}

/** The stored form of a fingerprint. */
export function requestHashOf(fingerprint: string): string {
  return createHash('sha256').update(fingerprint).digest('hex');
}

function replay(response: Response, answer: { statusCode: number; body: unknown }): unknown {
  response.status(answer.statusCode);
  response.setHeader('Idempotent-Replayed', 'true');
  return answer.body;
}
