import type { SummaryError } from '../../components/ErrorSummary';
import type { FilingDraft } from '../../lib/draft';
import { parseEuros } from '../../lib/format';

export const STEPS = [
  { step: 'wie', title: 'Wie dient de aanvraag in?' },
  { step: 'geschil', title: 'Over welk geschil gaat het?' },
  { step: 'wederpartij', title: 'Met wie heeft u het geschil?' },
  { step: 'verzoek', title: 'Wat vraagt u?' },
  { step: 'spoed', title: 'Is het dringend?' },
  { step: 'documenten', title: 'Documenten toevoegen' },
  { step: 'controleren', title: 'Controleer uw aanvraag' },
] as const;
export type StepName = (typeof STEPS)[number]['step'];

const FIRST_YEAR = 2016;

/** The problems on one step, in Dutch, each naming the id of its field. */
export function validateStep(step: StepName, draft: FilingDraft, context: { isAssociation: boolean; now: Date }): SummaryError[] {
  const errors: SummaryError[] = [];
  const add = (fieldId: string, message: string) => errors.push({ fieldId, message });
  switch (step) {
    case 'wie':
      if (context.isAssociation && draft.claimantOrganisationIds.length === 0) add('leden', 'Kies voor welke leden u de aanvraag indient.');
      break;
    case 'geschil': {
      if (!draft.phase) add('phase', 'Kies of er al een contract is.');
      if (!draft.legalFramework) add('legalFramework', 'Kies onder welke wet de zorg valt.');
      if (!draft.sector) add('sector', 'Kies de soort zorg.');
      if (draft.subjects.length === 0) add('subjects', 'Kies ten minste één onderwerp.');
      const year = Number(draft.contractYear);
      const maxYear = context.now.getFullYear() + 1;
      if (draft.contractYear.trim() === '') add('contractYear', 'Vul het contractjaar in, bijvoorbeeld 2026.');
      else if (!/^\d{4}$/.test(draft.contractYear.trim()) || year < FIRST_YEAR || year > maxYear)
        add('contractYear', `Vul een contractjaar in van ${FIRST_YEAR} tot en met ${maxYear}.`);
      else if (draft.legalFramework === 'wlz' && year < 2017) add('contractYear', 'Geschillen over de Wlz behandelen wij vanaf contractjaar 2017.');
      break;
    }
    case 'wederpartij':
      if (draft.respondentOrganisationIds.length === 0) add('wederpartij', 'Kies de zorgverzekeraar of het zorgkantoor waarmee u het geschil heeft.');
      break;
    case 'verzoek':
      if (draft.summary.trim() === '') add('summary', 'Beschrijf in een paar zinnen waar het geschil over gaat.');
      draft.claims.forEach((claim, i) => {
        if (claim.description.trim() === '') add(`claims-${i}-description`, `Vul bij verzoek ${i + 1} in wat u vraagt.`);
        if (claim.amount.trim() !== '' && parseEuros(claim.amount) === null)
          add(`claims-${i}-amount`, `Vul bij verzoek ${i + 1} een bedrag in euro’s in, bijvoorbeeld 12.500 of 12.500,50.`);
      });
      if (draft.amountInDispute.trim() === '') add('amountInDispute', 'Vul in om hoeveel geld het in totaal gaat. Gaat het niet om geld, vul dan 0 in.');
      else if (parseEuros(draft.amountInDispute) === null) add('amountInDispute', 'Vul het totale bedrag in euro’s in, bijvoorbeeld 12.500.');
      if (!draft.proposedRoute) add('proposedRoute', 'Kies een route.');
      break;
    case 'spoed':
      if (!draft.urgent) add('urgent', 'Kies of het dringend is.');
      else if (draft.urgent === 'true' && draft.urgencyReason.trim() === '') add('urgencyReason', 'Leg uit waarom het dringend is, bijvoorbeeld een dreigende cliëntenstop.');
      break;
    default:
      break;
  }
  return errors;
}

/** Where a field named by the API lives in the filing: its step and the id of its input. */
export function locateApiField(field: string): { step: StepName; fieldId: string } {
  const claim = /^claims\[(\d+)\]\.(description|amountCents)$/.exec(field);
  if (claim) return { step: 'verzoek', fieldId: `claims-${claim[1]}-${claim[2] === 'description' ? 'description' : 'amount'}` };
  const map: Record<string, [StepName, string]> = {
    claimantOrganisationIds: ['wie', 'leden'],
    phase: ['geschil', 'phase'],
    legalFramework: ['geschil', 'legalFramework'],
    sector: ['geschil', 'sector'],
    subjects: ['geschil', 'subjects'],
    contractYear: ['geschil', 'contractYear'],
    respondentOrganisationIds: ['wederpartij', 'wederpartij'],
    summary: ['verzoek', 'summary'],
    claims: ['verzoek', 'claims-0-description'],
    amountInDisputeCents: ['verzoek', 'amountInDispute'],
    proposedRoute: ['verzoek', 'proposedRoute'],
    urgent: ['spoed', 'urgent'],
    urgencyReason: ['spoed', 'urgencyReason'],
  };
  const [step, fieldId] = map[field] ?? ['controleren', 'versturen'];
  return { step, fieldId };
}
