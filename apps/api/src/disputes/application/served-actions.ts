import { ACTIONS, type Action } from '../../../../../libs/domain/src';

/** Actions with a JSON route of their own, `POST /api/disputes/{id}/{action}`. */
export type ServedAction = Exclude<Action, 'submit-document'>;

export const HTTP_ACTIONS: readonly ServedAction[] = ACTIONS.filter(
  (action): action is ServedAction => action !== 'submit-document',
);

/**
 * Every action of the lifecycle is served, so allowedActions may offer each: submit-document by
 * the multipart upload route below, the others by their action routes.
 */
export const OFFERED_ACTIONS: readonly Action[] = ACTIONS;

/** Where submit-document is served (multipart/form-data: file, visibility). */
export const documentUploadPath = (disputeId: string): string => `/api/disputes/${disputeId}/documents`;
