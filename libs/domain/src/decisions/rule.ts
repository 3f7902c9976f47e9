import type { DisputeCommand } from '../commands';
import type { DecisionContext } from '../context';
import type { DisputeEvent } from '../events';
import type { DisputeState } from '../state';

/** What a guard may know: who asks, when, and the directory. Never the command's payload. */
export type GuardContext = Pick<DecisionContext, 'actor' | 'now' | 'directory'>;

/**
 * One action of the lifecycle. The guard says whether this caller may take the action on this case
 * now, without looking at a payload; allowedActions() runs the same guards, so the buttons a user
 * sees and the commands the domain accepts never disagree.
 */
export interface ActionRule<C extends DisputeCommand> {
  guard(state: DisputeState, g: GuardContext): void;
  /** Payload rules and the events; called only after the guard passed. */
  decide(command: C, state: DisputeState, ctx: DecisionContext): DisputeEvent[];
}

export type CommandOf<T extends DisputeCommand['type']> = Extract<DisputeCommand, { type: T }>;
