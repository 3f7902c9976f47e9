// gzc-verify: checks a dossier ZIP on the command line (Node 20), with the same verifier as the
// portal's /controleren page. Dutch first, English after. Exit code 0 intact, 1 not intact, 2 the
// check could not be done (usage, unreadable file or key).
import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { compareHistories } from '../compare-histories';
import { describeProblem } from '../problems';
import type { PublicJwk } from '../signature';
import { verifyDossier, type DossierReport } from '../verify-dossier';

const USAGE =
  'Gebruik: gzc-verify <dossier.zip> [--key <bestand of URL met de publieke sleutel>] [--earlier <eerder dossier.zip>]\n' +
  'Usage:   gzc-verify <dossier.zip> [--key <file or URL of the public key>] [--earlier <earlier dossier.zip>]\n' +
  'Met --earlier: de geschiedenis moet het eerdere dossier voortzetten / With --earlier: the history must extend the earlier one.\n' +
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

/** `<file> [--key K] [--earlier E]` in any order; undefined when the words are off. */
function parseArgs(args: string[]): { file: string; key?: string; earlier?: string } | undefined {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--key' || args[i] === '--earlier') {
      const value = args[++i];
      if (value === undefined || options[args[i - 1]] !== undefined) return undefined;
      options[args[i - 1]] = value;
    } else if (args[i].startsWith('-')) return undefined;
    else positional.push(args[i]);
  }
  if (positional.length !== 1) return undefined;
  return { file: positional[0], key: options['--key'], earlier: options['--earlier'] };
}

export async function runCli(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    io.err(USAGE);
    return 2;
  }
  let zip: Uint8Array;
  let earlier: Uint8Array | undefined;
  try {
    zip = new Uint8Array(await readFile(parsed.file));
    if (parsed.earlier) earlier = new Uint8Array(await readFile(parsed.earlier));
  } catch (error) {
    io.err(`Kan het dossier niet lezen / Cannot read the dossier: ${(error as Error).message}`);
    return 2;
  }
  let trustedKey: PublicJwk | undefined;
  if (parsed.key) {
    try {
      trustedKey = await loadKey(parsed.key);
    } catch (error) {
      io.err(`Kan de sleutel niet lezen / Cannot read the key: ${(error as Error).message}`);
      return 2;
    }
  }
  const report = await verifyDossier(zip, { trustedKey });
  if (earlier) {
    const found = compareHistories(earlier, zip).map((p) => ({ ...p, message: describeProblem(p) }));
    if (found.length > 0) Object.assign(report, { intact: false, problems: [...report.problems, ...found] });
  }
  for (const line of formatReport(report)) (report.intact ? io.out : io.err)(line);
  return report.intact ? 0 : 1;
}
