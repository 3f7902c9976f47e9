// The manifest: the chain head, every file's SHA-256, what is withheld from this reader, signed
// with the checkpoint key (Ed25519 over the UTF-8 bytes of JCS of the manifest without `signature`).
import { sign } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  DOSSIER_FORMAT,
  DOSSIER_FORMAT_VERSION,
  type DossierManifest,
  type ManifestFile,
  type UnsignedManifest,
} from '../../../../libs/dossier-verify/src/format';
import type { Actor } from '../../../../libs/domain/src';
import type { CheckpointSigningKey } from '../checkpoints/checkpoint.tokens';
import type { DossierContents } from './dossier-contents';

export function buildManifest(contents: DossierContents, actor: Actor, generatedAt: string, files: ManifestFile[]): UnsignedManifest {
  return {
    format: DOSSIER_FORMAT,
    version: DOSSIER_FORMAT_VERSION,
    disputeId: contents.disputeId,
    caseNumber: contents.state.caseNumber ?? null,
    streamId: contents.streamId,
    generatedAt,
    reader: { userId: actor.userId, role: actor.role, access: contents.access },
    chainHead: contents.chainHead,
    files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    documents: contents.documents.map((d) => ({ documentId: d.document.documentId, path: d.path, revision: d.revision })),
    withheld: { events: contents.withheldEvents, documents: contents.withheldDocuments },
  };
}

export function signManifest(manifest: UnsignedManifest, key: CheckpointSigningKey): DossierManifest {
  const input = Buffer.from(canonicalize(manifest) as string, 'utf8');
  const { kty, crv, x } = key.publicJwk;
  return {
    ...manifest,
    signature: {
      alg: 'EdDSA',
      keyId: key.keyId,
      publicKey: { kty: kty as 'OKP', crv: crv as 'Ed25519', x: x as string },
      value: sign(null, input, key.privateKey).toString('base64url'),
    },
  };
}
