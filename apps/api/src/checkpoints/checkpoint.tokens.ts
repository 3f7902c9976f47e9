export type { CheckpointSigningKey } from './checkpoint-signing-key';

export const CHECKPOINT_SIGNING_KEY = Symbol('CHECKPOINT_SIGNING_KEY');
