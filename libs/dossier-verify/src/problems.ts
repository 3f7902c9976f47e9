// What a verifier can find wrong with a dossier, each with a message in Dutch (first) and English.

export type DossierProblem =
  | { kind: 'not_a_zip' }
  | { kind: 'manifest_missing' }
  | { kind: 'manifest_invalid'; detail: string }
  | { kind: 'signature_invalid' }
  | { kind: 'signature_other_key' }
  | { kind: 'file_missing'; path: string }
  | { kind: 'file_changed'; path: string }
  | { kind: 'file_unexpected'; path: string }
  | { kind: 'event_unreadable'; line: number; revision?: number }
  | { kind: 'event_changed'; revision: number; withheld: boolean }
  | { kind: 'event_removed'; revision: number }
  | { kind: 'event_reordered'; revision: number; after: number }
  | { kind: 'event_duplicated'; revision: number }
  | { kind: 'event_unexpected'; revision: number }
  | { kind: 'chain_head_mismatch'; revision: number }
  | { kind: 'document_mismatch'; documentId: string; path: string }
  | { kind: 'earlier_unreadable' }
  | { kind: 'earlier_other_case' }
  | { kind: 'history_rewritten'; revision: number }
  | { kind: 'history_shortened'; revision: number };

export interface ProblemMessage {
  nl: string;
  en: string;
}

export function describeProblem(problem: DossierProblem): ProblemMessage {
  switch (problem.kind) {
    case 'not_a_zip':
      return { nl: 'Het bestand is geen leesbaar ZIP-bestand.', en: 'The file is not a readable ZIP file.' };
    case 'manifest_missing':
      return { nl: 'Het manifest (manifest.json) ontbreekt.', en: 'The manifest (manifest.json) is missing.' };
    case 'manifest_invalid':
      return {
        nl: `Het manifest is onleesbaar of onvolledig: ${problem.detail}.`,
        en: `The manifest is unreadable or incomplete: ${problem.detail}.`,
      };
    case 'signature_invalid':
      return {
        nl: 'De handtekening van het manifest klopt niet: het manifest is gewijzigd.',
        en: 'The manifest signature does not verify: the manifest was changed.',
      };
    case 'signature_other_key':
      return {
        nl: 'Het manifest is ondertekend met een andere sleutel dan de gepubliceerde sleutel.',
        en: 'The manifest was signed with a key other than the published key.',
      };
    case 'file_missing':
      return { nl: `Bestand ontbreekt: ${problem.path}.`, en: `File missing: ${problem.path}.` };
    case 'file_changed':
      return { nl: `Bestand gewijzigd: ${problem.path}.`, en: `File changed: ${problem.path}.` };
    case 'file_unexpected':
      return {
        nl: `Bestand toegevoegd dat niet in het manifest staat: ${problem.path}.`,
        en: `File added that is not in the manifest: ${problem.path}.`,
      };
    case 'event_unreadable': {
      const which = problem.revision === undefined ? '' : ` (gebeurtenis ${problem.revision})`;
      const whichEn = problem.revision === undefined ? '' : ` (event ${problem.revision})`;
      return {
        nl: `Regel ${problem.line} van events.jsonl is onleesbaar${which}.`,
        en: `Line ${problem.line} of events.jsonl is unreadable${whichEn}.`,
      };
    }
    case 'event_changed':
      return problem.withheld
        ? {
            nl: `De gegevens van niet-getoonde gebeurtenis ${problem.revision} zijn gewijzigd.`,
            en: `The record of withheld event ${problem.revision} was changed.`,
          }
        : { nl: `Gebeurtenis ${problem.revision} is gewijzigd.`, en: `Event ${problem.revision} was changed.` };
    case 'event_removed':
      return { nl: `Gebeurtenis ${problem.revision} is verwijderd.`, en: `Event ${problem.revision} was removed.` };
    case 'event_reordered':
      return {
        nl: `De volgorde is gewijzigd: gebeurtenis ${problem.revision} staat na gebeurtenis ${problem.after}.`,
        en: `The order was changed: event ${problem.revision} comes after event ${problem.after}.`,
      };
    case 'event_duplicated':
      return { nl: `Gebeurtenis ${problem.revision} komt meer dan eens voor.`, en: `Event ${problem.revision} occurs more than once.` };
    case 'event_unexpected':
      return {
        nl: `Gebeurtenis ${problem.revision} is toegevoegd na het einde van de keten.`,
        en: `Event ${problem.revision} was added after the end of the chain.`,
      };
    case 'chain_head_mismatch':
      return {
        nl: `De keten eindigt niet bij de laatste gebeurtenis uit het manifest (gebeurtenis ${problem.revision}).`,
        en: `The chain does not end at the manifest's last event (event ${problem.revision}).`,
      };
    case 'document_mismatch':
      return {
        nl: `Document ${problem.path} is niet het document dat is ingediend (vingerafdruk wijkt af).`,
        en: `Document ${problem.path} is not the document that was submitted (fingerprint differs).`,
      };
    case 'earlier_unreadable':
      return { nl: 'Het eerdere dossier is onleesbaar.', en: 'The earlier dossier is unreadable.' };
    case 'earlier_other_case':
      return { nl: 'Het eerdere dossier hoort bij een andere zaak.', en: 'The earlier dossier belongs to another case.' };
    case 'history_rewritten':
      return {
        nl: `De geschiedenis is herschreven: gebeurtenis ${problem.revision} verschilt van het eerdere dossier.`,
        en: `The history was rewritten: event ${problem.revision} differs from the earlier dossier.`,
      };
    case 'history_shortened':
      return {
        nl: `De geschiedenis is ingekort: het eerdere dossier liep tot gebeurtenis ${problem.revision}.`,
        en: `The history was shortened: the earlier dossier went up to event ${problem.revision}.`,
      };
  }
}
