// gzc-verify: checks a dossier ZIP on the command line (Node 20), with the same verifier as the
// portal's /controleren page. Dutch first, English after. Exit code 0 intact, 1 not intact, 2 the
// check could not be done (usage, unreadable file or key).
import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { PublicJwk } from '../signature';
import { verifyDossier, type DossierReport } from '../verify-dossier';

const USAGE =
  'Gebruik: gzc-verify <dossier.zip> [--key <bestand of URL met de publieke sleutel>]\n' +
  'Usage:   gzc-verify <dossier.zip> [--key <file or URL of the public key>]\n' +
  'De sleutel staat op https://<portaal>/.well-known/gzc-signing-key (JWK) / The key is published there (JWK).';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A JWK (as published at /.well-known/gzc-signing-key) or an Ed25519 public key in PEM. */
export function parsePublicKey(text: string): PublicJwk {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return JSON.parse(trimmed) as PublicJwk;
  return createPublicKey(trimmed).export({ format: 'jwk' }) as PublicJwk;
}

async function loadKey(source: string): Promise<PublicJwk> {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return parsePublicKey(await res.text());
  }
  return parsePublicKey(await readFile(source, 'utf8'));
}

const SIGNATURE_TEXT: Record<DossierReport['signature'], [string, string]> = {
  valid: ['Handtekening klopt en is van de gepubliceerde sleutel.', 'Signature valid, made with the published key.'],
  valid_unverified_key: [
    'Handtekening klopt, maar de sleutel is niet vergeleken met de gepubliceerde sleutel (gebruik --key).',
    'Signature valid, but the key was not compared with the published key (use --key).',
  ],
  other_key: ['Handtekening is van een andere sleutel dan de gepubliceerde.', 'Signed with a key other than the published one.'],
  invalid: ['Handtekening klopt niet.', 'Signature invalid.'],
  not_checked: ['Handtekening niet gecontroleerd.', 'Signature not checked.'],
};

export function formatReport(report: DossierReport): string[] {
  const lines: string[] = [];
  const m = report.manifest;
  if (m) lines.push(`Dossier ${m.caseNumber ?? m.disputeId}, gemaakt op ${m.generatedAt} voor ${m.reader.role} (${m.reader.userId}).`);
  if (report.intact) {
    lines.push('IN ORDE: het dossier is compleet en ongewijzigd.', 'INTACT: the dossier is complete and unaltered.');
  } else {
    lines.push('NIET IN ORDE: het dossier is gewijzigd of onvolledig.', 'NOT INTACT: the dossier was changed or is incomplete.');
  }
  const [nl, en] = SIGNATURE_TEXT[report.signature];
  lines.push(`${nl} / ${en}`);
  if (m && (m.withheldEvents > 0 || m.withheldDocuments > 0)) {
    lines.push(
      `Niet voor deze lezer: ${m.withheldEvents} gebeurtenis(sen), ${m.withheldDocuments} document(en) (alleen plaats en vingerafdruk).`,
      `Withheld from this reader: ${m.withheldEvents} event(s), ${m.withheldDocuments} document(s) (place and hash only).`,
    );
  }
  for (const problem of report.problems) lines.push(`- ${problem.message.nl} / ${problem.message.en}`);
  return lines;
}

export async function runCli(args: string[], io: CliIo): Promise<number> {
  const keyAt = args.indexOf('--key');
  const keySource = keyAt >= 0 ? args[keyAt + 1] : undefined;
  const positional = keyAt < 0 ? args : args.filter((_, i) => i !== keyAt && i !== keyAt + 1);
  if (positional.length !== 1 || (keyAt >= 0 && !keySource) || positional[0].startsWith('-')) {
    io.err(USAGE);
    return 2;
  }
  let zip: Uint8Array;
  try {
    zip = new Uint8Array(await readFile(positional[0]));
  } catch (error) {
    io.err(`Kan het dossier niet lezen / Cannot read the dossier: ${(error as Error).message}`);
    return 2;
  }
  let trustedKey: PublicJwk | undefined;
  if (keySource) {
    try {
      trustedKey = await loadKey(keySource);
    } catch (error) {
      io.err(`Kan de sleutel niet lezen / Cannot read the key: ${(error as Error).message}`);
      return 2;
    }
  }
  const report = await verifyDossier(zip, { trustedKey });
  for (const line of formatReport(report)) (report.intact ? io.out : io.err)(line);
  return report.intact ? 0 : 1;
}
