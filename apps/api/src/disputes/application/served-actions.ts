import { ACTIONS, type Action } from '../../../../../libs/domain/src';

export type ServedAction = Exclude<Action, 'submit-document'>;

/**
 * The actions served over HTTP, one route each: every action of the lifecycle but documents, whose
 * upload route arrives in a later release. allowedActions offers only these.
 */
export const HTTP_ACTIONS: readonly ServedAction[] = ACTIONS.filter(
  (action): action is ServedAction => action !== 'submit-document',
);
