export { compareHistories } from './compare-histories';
export * from './format';
export { contentHash, jcs, linkHash, sha256Hex, utf8 } from './hashing';
export { describeProblem } from './problems';
export type { DossierProblem, ProblemMessage } from './problems';
export { checkManifestSignature, jwkThumbprint, manifestSigningInput, verifyEd25519 } from './signature';
export type { PublicJwk, SignatureStatus } from './signature';
export { verifyDossier } from './verify-dossier';
export type { DossierReport } from './verify-dossier';
