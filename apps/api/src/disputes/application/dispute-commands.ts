import { Command } from '@nestjs/cqrs';
import type { Actor, DisputeCommand } from '../../../../../libs/domain/src';

export interface CommandOptions {
  /** From If-Match: the version the caller last saw; the command fails with 409 if the case moved on. */
  expectedVersion?: number;
  /** The request id, carried as correlation id in the events' metadata. */
  correlationId: string;
  /** The message that caused this command (an event for system commands); defaults to the correlation id. */
  causationId?: string;
}

export interface CommandResult {
  id: string;
  status: string;
  version: number;
  caseNumber?: string;
}

/**
 * Any domain command on one dispute, from whoever sends it: the HTTP actions and filing, the
 * document upload, the deadline scheduler. `command` is a plain object (never a DTO instance): it
 * ends up in the events.
 */
export class RunDisputeCommand extends Command<CommandResult> {
  constructor(
    readonly disputeId: string,
    readonly command: DisputeCommand,
    readonly actor: Actor,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
