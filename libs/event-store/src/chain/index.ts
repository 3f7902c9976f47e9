export { contentHash, contentHashOfTexts, contentText, linkHash, sha256Hex } from './event-hash';
export { canonicalJson } from './canonical-json';
export type { ChainContent, ChainLink } from './event-hash';
export { HistoryTamperedError } from './history-tampered-error';
export { verifyChain } from './verify-chain';
export type { ChainColumns } from './verify-chain';
export { CHECKPOINT_EVENT_TYPE, CHECKPOINT_STREAM, signCheckpoint, verifyCheckpoint } from './checkpoint';
export type { ChainHead, SignedCheckpoint, UnsignedCheckpoint } from './checkpoint';
