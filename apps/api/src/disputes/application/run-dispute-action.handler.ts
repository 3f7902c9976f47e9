import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DisputeCommandExecutor } from './dispute-command-executor';
import { RunDisputeActionCommand, type CommandResult } from './dispute-commands';

@CommandHandler(RunDisputeActionCommand)
export class RunDisputeActionHandler implements ICommandHandler<RunDisputeActionCommand> {
  constructor(private readonly executor: DisputeCommandExecutor) {}

  execute({ disputeId, command, actor, options }: RunDisputeActionCommand): Promise<CommandResult> {
    return this.executor.execute(disputeId, command, actor, options);
  }
}
