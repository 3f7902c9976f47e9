// Verifies a dossier ZIP without trusting the server that made it: the manifest's signature, every
// file's SHA-256, the events' hash chain, and that each document is the one its event recorded.
// Pure and WebCrypto-only: the CLI (Node 20) and the portal's /controleren page (browser) share it.
import { unzipSync } from 'fflate';
import { DOSSIER_FORMAT, DOSSIER_FORMAT_VERSION, EVENTS_PATH, MANIFEST_PATH, type DossierManifest } from './format';
import { sha256Hex } from './hashing';
import { describeProblem, type DossierProblem, type ProblemMessage } from './problems';
import { checkManifestSignature, type PublicJwk, type SignatureStatus } from './signature';
import { verifyEvents } from './verify-events';

export interface DossierReport {
  /** True when nothing was changed, removed or reordered and the signature verifies (with the trusted key when given). */
  intact: boolean;
  signature: SignatureStatus | 'not_checked';
  problems: (DossierProblem & { message: ProblemMessage })[];
  manifest?: Pick<DossierManifest, 'disputeId' | 'caseNumber' | 'generatedAt' | 'reader' | 'chainHead'> & {
    files: number;
    documents: number;
    withheldEvents: number;
    withheldDocuments: number;
  };
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function report(problems: DossierProblem[], signature: DossierReport['signature'], manifest?: DossierManifest): DossierReport {
  return {
    intact: problems.length === 0 && (signature === 'valid' || signature === 'valid_unverified_key'),
    signature,
    problems: problems.map((p) => ({ ...p, message: describeProblem(p) })),
    manifest: manifest && {
      disputeId: manifest.disputeId,
      caseNumber: manifest.caseNumber,
      generatedAt: manifest.generatedAt,
      reader: manifest.reader,
      chainHead: manifest.chainHead,
      files: manifest.files.length,
      documents: manifest.documents.length,
      withheldEvents: manifest.withheld.events.length,
      withheldDocuments: manifest.withheld.documents.length,
    },
  };
}

function parseManifest(bytes: Uint8Array): DossierManifest | string {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    return 'not JSON';
  }
  const m = value as Partial<DossierManifest>;
  if (m === null || typeof m !== 'object' || m.format !== DOSSIER_FORMAT) return 'not a gzc-dossier manifest';
  if (m.version !== DOSSIER_FORMAT_VERSION) return `unknown version ${String(m.version)}`;
  if (!m.chainHead || !Number.isInteger(m.chainHead.revision) || typeof m.streamId !== 'string') return 'no chain head';
  if (!Array.isArray(m.files) || !Array.isArray(m.documents) || !m.withheld || !Array.isArray(m.withheld.events)) return 'no file list';
  return m as DossierManifest;
}

/** `trustedKey`: the body's published key (GET /.well-known/gzc-signing-key); without it the signer is not identified. */
export async function verifyDossier(zip: Uint8Array, options: { trustedKey?: PublicJwk } = {}): Promise<DossierReport> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch {
    return report([{ kind: 'not_a_zip' }], 'not_checked');
  }
  const manifestBytes = files[MANIFEST_PATH];
  if (!manifestBytes) return report([{ kind: 'manifest_missing' }], 'not_checked');
  const manifest = parseManifest(manifestBytes);
  if (typeof manifest === 'string') return report([{ kind: 'manifest_invalid', detail: manifest }], 'not_checked');

  const problems: DossierProblem[] = [];
  const signature = await checkManifestSignature(manifest, options.trustedKey);
  if (signature === 'invalid') problems.push({ kind: 'signature_invalid' });
  if (signature === 'other_key') problems.push({ kind: 'signature_other_key' });

  const actual = new Map<string, string>();
  for (const file of manifest.files) {
    const bytes = files[file.path];
    if (!bytes) {
      problems.push({ kind: 'file_missing', path: file.path });
      continue;
    }
    const hash = await sha256Hex(bytes);
    actual.set(file.path, hash);
    if (hash !== file.sha256 || bytes.length !== file.size) problems.push({ kind: 'file_changed', path: file.path });
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const path of Object.keys(files).sort()) {
    if (path !== MANIFEST_PATH && !path.endsWith('/') && !listed.has(path)) problems.push({ kind: 'file_unexpected', path });
  }

  const eventsBytes = files[EVENTS_PATH];
  const visible = await verifyEvents(manifest, eventsBytes && decoder.decode(eventsBytes), problems);

  // Each document must be the file its DocumentSubmitted event recorded (SHA-256 in the chain).
  for (const doc of manifest.documents) {
    const event = visible.get(doc.revision);
    const recorded = event?.type === 'DocumentSubmitted' && event.data.documentId === doc.documentId ? event.data.sha256 : undefined;
    const hash = actual.get(doc.path);
    if (hash !== undefined && hash !== recorded) problems.push({ kind: 'document_mismatch', documentId: doc.documentId, path: doc.path });
  }
  return report(problems, signature, manifest);
}
