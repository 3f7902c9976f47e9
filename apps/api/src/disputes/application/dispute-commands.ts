import { Command } from '@nestjs/cqrs';
import type { Actor, DisputeCommand, FileDispute } from '../../../../../libs/domain/src';

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

/** Files a new dispute; the handler generates its id. */
export class FileDisputeCommand extends Command<CommandResult> {
  constructor(
    readonly input: Omit<FileDispute, 'type' | 'disputeId'>,
    readonly actor: Actor,
    readonly options: CommandOptions,
  ) {
    super();
  }
}

/** Runs one lifecycle action on an existing dispute. */
export class RunDisputeActionCommand extends Command<CommandResult> {
  constructor(
    readonly disputeId: string,
    readonly command: Exclude<DisputeCommand, FileDispute>,
    readonly actor: Actor,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
