import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import {
  currentSchemaVersion,
  decide,
  disputeStreamId,
  evolve,
  foldEvents,
  isCaseVisibleTo,
  toDisputeEvent,
  type Actor,
  type DirectoryView,
  type DisputeCommand,
  type DisputeEvent,
  type DisputeState,
  type Policies,
} from '../../../../../libs/domain/src';
import {
  WrongExpectedVersionError,
  type EventStore,
  type NewEvent,
  type StreamAppend,
} from '../../../../../libs/event-store/src/port';
import type { ProjectionRunner } from '../../../../../libs/read-models/src/contracts';
import type { Clock } from '../../../../../libs/runtime/src/clock';
import { CaseNotFoundError, VersionConflictError } from '../../common/errors';
import { CLOCK, DIRECTORY, EVENT_STORE, POLICIES } from '../../../../../libs/runtime/src/tokens';
import { PROJECTION_RUNNER } from '../../infrastructure/infrastructure.tokens';
import { CaseNumberAllocator } from './case-number-allocator';
import { RunDisputeCommand, type CommandOptions, type CommandResult } from './dispute-commands';
import { causationFor } from './causation';
import { idempotencyMarker, isRecordedBefore } from '../../http/idempotent-outcome';
import { clientRequestIdMetadata } from '../../../../../libs/runtime/src/client-request-id';

/** Enough for every racer of a burst to win once; each round at least one append succeeds. */
const MAX_ATTEMPTS = 40;

/**
 * The one write path: load the stream, fold it, ask the domain to decide, append with the
 * expected version, wait until the projections have the new events (read-your-writes).
 * Without If-Match a lost race is retried on fresh state; with If-Match it is the caller's 409.
 */
@CommandHandler(RunDisputeCommand)
export class RunDisputeCommandHandler implements ICommandHandler<RunDisputeCommand> {
  private readonly logger = new Logger(RunDisputeCommandHandler.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(POLICIES) private readonly policies: Policies,
    @Inject(DIRECTORY) private readonly directory: DirectoryView,
    private readonly caseNumbers: CaseNumberAllocator,
  ) {}

  async execute({ disputeId, command, actor, options }: RunDisputeCommand): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.store.readStream(disputeStreamId(disputeId));
      const state = foldEvents(stored.map(toDisputeEvent), disputeId);
      if (command.type !== 'file-dispute' && (!state.exists || !isCaseVisibleTo(state, actor))) {
        throw new CaseNotFoundError(disputeId);
      }
      if (options.expectedVersion !== undefined && options.expectedVersion !== state.version) {
        throw new VersionConflictError(options.expectedVersion, state.version);
      }
      const causationId = causationFor(command, stored, options.causationId ?? options.correlationId);
      try {
        return await this.decideAndAppend(disputeId, command, state, actor, { ...options, causationId });
      } catch (error) {
        // The key's answer was recorded by an earlier run: the idempotency layer answers with it.
        if (!(error instanceof WrongExpectedVersionError) || isRecordedBefore(error)) throw error;
        const caseMoved = error.streamId === disputeStreamId(disputeId);
        if (caseMoved && options.expectedVersion !== undefined) {
          throw new VersionConflictError(options.expectedVersion, (error.actual ?? -1) + 1);
        }
        if (attempt >= MAX_ATTEMPTS) throw new VersionConflictError(undefined, (error.actual ?? -1) + 1);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * attempt));
      }
    }
  }

  private async decideAndAppend(
    disputeId: string,
    command: DisputeCommand,
    state: DisputeState,
    actor: Actor,
    options: CommandOptions,
  ): Promise<CommandResult> {
    const now = this.clock.now().toISOString();
    const context = { actor, now, policies: this.policies, directory: this.directory };
    const appends: StreamAppend[] = [];
    let decided: DisputeEvent[];
    // A reservation that is not committed leaves the allocator's cursor ahead of the registry.
    let reservedYear: number | undefined;
    const forgetReservation = (error: unknown): never => {
      if (reservedYear !== undefined) this.caseNumbers.forget(reservedYear);
      throw error;
    };

    if (command.type === 'register') {
      // The case number and the registration are appended atomically: no number is lost or shared.
      const reservation = await this.caseNumbers.reserve(disputeId, now);
      reservedYear = reservation.year;
      try {
        decided = decide({ ...command, caseNumber: reservation.event.data.caseNumber }, state, context);
      } catch (error) {
        return forgetReservation(error);
      }
      appends.push({
        streamId: reservation.streamId,
        expectedVersion: reservation.expectedRevision,
        events: [this.toNewEvent(reservation.event, actor, options)],
      });
    } else {
      decided = decide(command, state, context);
    }

    appends.push({
      streamId: disputeStreamId(disputeId),
      expectedVersion: state.version === 0 ? 'no_stream' : state.version - 1,
      events: decided.map((e) => this.toNewEvent(e, actor, options)),
    });
    const after = decided.reduce(evolve, state);
    const result: CommandResult = {
      id: disputeId,
      status: after.status,
      version: after.version,
      ...(after.caseNumber ? { caseNumber: after.caseNumber } : {}),
    };
    // With an Idempotency-Key: the answer is recorded in the same atomic append as the events.
    const marker = idempotencyMarker(result, actor);
    if (marker) appends.push(marker);
    const results = await this.store.appendToStreams(appends).catch(forgetReservation);
    const lastPosition = Math.max(...results.map((r) => r.position));
    await this.awaitProjections(lastPosition);
    return result;
  }

  private toNewEvent(event: { type: string; data: object }, actor: Actor, options: CommandOptions): NewEvent {
    return {
      id: randomUUID(),
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata: {
        schemaVersion: currentSchemaVersion(event.type),
        actor: { userId: actor.userId, role: actor.role, ...(actor.organisationId ? { organisationId: actor.organisationId } : {}) },
        correlationId: options.correlationId,
        causationId: options.causationId ?? options.correlationId,
        ...clientRequestIdMetadata(),
      },
    };
  }

  /** The command is durable once appended; a slow projection must not turn it into an error. */
  private async awaitProjections(position: number): Promise<void> {
    try {
      await this.projections.waitForPosition(position, 10_000);
    } catch (error) {
      this.logger.warn(`Projections did not reach position ${position} in time: ${String(error)}`);
    }
  }
}

