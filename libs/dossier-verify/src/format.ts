// The dossier's format, version 1 (docs/dossier.md defines it for outside verifiers). Shared by the
// API that writes a dossier and the verifiers that check it, so both read one definition.

export const DOSSIER_FORMAT = 'gzc-dossier';
export const DOSSIER_FORMAT_VERSION = 1;

/** Fixed paths inside the ZIP. Documents live under DOCUMENTS_DIR as `<documentId>/<file name>`. */
export const MANIFEST_PATH = 'manifest.json';
export const EVENTS_PATH = 'events.jsonl';
export const PDF_PATH = 'dossier.pdf';
export const DOCUMENTS_DIR = 'documents/';

/** One line of events.jsonl: an event the reader may see, with its place in the chain. */
export interface DossierEventLine {
  revision: number;
  id: string;
  type: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  /** SHA-256 of JCS({id, type, data, metadata}) of the event as stored (before any redaction). */
  contentHash: string;
  previousHash: string | null;
  hash: string;
  /** Present (true) when part of `data` was withheld from this reader: the content hash cannot be recomputed. */
  redacted?: true;
}

/** An event withheld from this reader: its place and hashes, never its content. */
export interface WithheldEvent {
  revision: number;
  id: string;
  recordedAt: string;
  contentHash: string;
  hash: string;
}

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

/** A document included in the dossier, and the event that recorded it. */
export interface ManifestDocument {
  documentId: string;
  path: string;
  /** Revision of its DocumentSubmitted event, whose `data.sha256` the file must match. */
  revision: number;
}

export interface ManifestSignature {
  alg: 'EdDSA';
  /** RFC 7638 thumbprint of the public key (base64url), as published at /.well-known/gzc-signing-key. */
  keyId: string;
  /** The public key (OKP/Ed25519 JWK) that made it; trust comes from comparing it with the published key. */
  publicKey: { kty: 'OKP'; crv: 'Ed25519'; x: string };
  /** base64url Ed25519 signature over the UTF-8 bytes of JCS(manifest without `signature`). */
  value: string;
}

export interface DossierManifest {
  format: typeof DOSSIER_FORMAT;
  version: typeof DOSSIER_FORMAT_VERSION;
  disputeId: string;
  caseNumber: string | null;
  streamId: string;
  generatedAt: string;
  /** Who the dossier was made for: it holds what this reader may see. */
  reader: { userId: string; role: string; access: 'full' | 'term_record' };
  /** The last event of the stream (withheld or not; for a former neutral, of their term): the chain must end here. */
  chainHead: { revision: number; hash: string };
  /** Every file of the ZIP except manifest.json, sorted by path. */
  files: ManifestFile[];
  documents: ManifestDocument[];
  withheld: {
    events: WithheldEvent[];
    /** Documents on the case this reader may not see: id and the revision that recorded them only. */
    documents: { documentId: string; revision: number }[];
  };
  signature: ManifestSignature;
}

export type UnsignedManifest = Omit<DossierManifest, 'signature'>;
