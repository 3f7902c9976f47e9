// Writes the dossier ZIP as a stream: the PDF and events.jsonl, then each document read from
// storage and hashed on the way (the manifest states what was actually written), then the signed
// manifest last, when every hash is known. fflate: small, maintained, and the same library reads
// the ZIP in the verifiers (Node and browser).
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { EVENTS_PATH, MANIFEST_PATH, PDF_PATH, type DossierManifest, type ManifestFile } from '../../../../libs/dossier-verify/src/format';

export interface DossierParts {
  pdf: Buffer;
  eventsJsonl: Buffer;
  documents: { path: string; open: () => Promise<Readable> }[];
  /** Called with every file's hash once all are written; answers the signed manifest. */
  manifest: (files: ManifestFile[]) => DossierManifest;
  modifiedAt: Date;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export function streamDossierZip(parts: DossierParts): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const zip = new Zip((error, chunk, final) => {
    if (error) return void out.destroy(error);
    out.write(chunk);
    if (final) out.end();
  });
  const drained = async (): Promise<void> => {
    if (out.writableNeedDrain) await once(out, 'drain');
  };
  const addWhole = (path: string, bytes: Buffer, deflate: boolean): ManifestFile => {
    const entry = deflate ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    entry.mtime = parts.modifiedAt;
    zip.add(entry);
    entry.push(bytes, true);
    return { path, sha256: sha256(bytes), size: bytes.length };
  };
  const write = async (): Promise<void> => {
    // Already compressed (PDF streams, most documents): stored as they are, which keeps a large dossier fast.
    const files: ManifestFile[] = [addWhole(PDF_PATH, parts.pdf, false), addWhole(EVENTS_PATH, parts.eventsJsonl, true)];
    await drained();
    for (const document of parts.documents) {
      const entry = new ZipPassThrough(document.path);
      entry.mtime = parts.modifiedAt;
      zip.add(entry);
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of (await document.open()) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        entry.push(chunk);
        await drained();
      }
      entry.push(new Uint8Array(0), true);
      files.push({ path: document.path, sha256: hash.digest('hex'), size });
    }
    addWhole(MANIFEST_PATH, Buffer.from(JSON.stringify(parts.manifest(files), null, 2), 'utf8'), true);
    zip.end();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
