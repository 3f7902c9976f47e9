import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DisputeCommandExecutor } from './dispute-command-executor';
import { FileDisputeCommand, type CommandResult } from './dispute-commands';

@CommandHandler(FileDisputeCommand)
export class FileDisputeHandler implements ICommandHandler<FileDisputeCommand> {
  constructor(private readonly executor: DisputeCommandExecutor) {}

  execute({ input, actor, options }: FileDisputeCommand): Promise<CommandResult> {
    const disputeId = randomUUID();
    return this.executor.execute(disputeId, { type: 'file-dispute', disputeId, ...input }, actor, options);
  }
}
