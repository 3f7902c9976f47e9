import type { Choice } from '../../components/fields';
import { SUBJECT_LABELS } from '../../lib/labels';

export interface KeuzehulpAnswers {
  party?: string;
  law?: string;
  phase?: string;
  subjects?: string[];
  amount?: string;
  small?: string;
  urgent?: string;
}

export interface Question {
  step: string;
  field: keyof KeuzehulpAnswers;
  title: string;
  description?: string;
  type: 'radio' | 'checkbox';
  choices: Choice[];
  /** Where an answer leads instead of the next question (out of jurisdiction, the secretariat). */
  exit?: (value: string) => string | null;
}

export const QUESTIONS: Question[] = [
  {
    step: 'wederpartij',
    field: 'party',
    title: 'Met wie heeft u een geschil?',
    type: 'radio',
    choices: [
      { value: 'insurer', label: 'Met een zorgverzekeraar', hint: 'Bijvoorbeeld over uw contract voor de basisverzekering of de aanvullende verzekering.' },
      { value: 'care_office', label: 'Met een zorgkantoor', hint: 'Over langdurige zorg uit de Wet langdurige zorg (Wlz).' },
      { value: 'municipality', label: 'Met een gemeente', hint: 'Bijvoorbeeld over zorg uit de Wmo of de Jeugdwet.' },
      { value: 'other', label: 'Met iemand anders', hint: 'Bijvoorbeeld een patiënt, een collega of een andere zorgaanbieder.' },
      { value: 'unknown', label: 'Mijn situatie staat er niet bij' },
    ],
    exit: (v) => (v === 'municipality' ? 'buiten-bereik?reden=gemeente' : v === 'other' ? 'buiten-bereik?reden=geen-zorgcontract' : v === 'unknown' ? 'secretariaat' : null),
  },
  {
    step: 'wet',
    field: 'law',
    title: 'Onder welke wet valt de zorg?',
    description: 'Weet u het niet zeker? Kijk in uw contract. Daar staat meestal welke wet het is.',
    type: 'radio',
    choices: [
      { value: 'zvw', label: 'Zorgverzekeringswet (Zvw)', hint: 'De basisverzekering.' },
      { value: 'zvw_supplementary', label: 'Aanvullende verzekering', hint: 'Zorg die de verzekeraar samen met basiszorg inkoopt.' },
      { value: 'wlz', label: 'Wet langdurige zorg (Wlz)', hint: 'Met een zorgkantoor.' },
      { value: 'wmo', label: 'Wet maatschappelijke ondersteuning (Wmo)' },
      { value: 'jeugdwet', label: 'Jeugdwet' },
    ],
    exit: (v) => (v === 'wmo' || v === 'jeugdwet' ? `buiten-bereik?reden=${v}` : null),
  },
  {
    step: 'contract',
    field: 'phase',
    title: 'Heeft u al een contract?',
    type: 'radio',
    choices: [
      { value: 'precontractual', label: 'Nee, nog niet', hint: 'Precontractueel: voordat er een contract is. Bijvoorbeeld over het tarief of omdat u geen contract krijgt.' },
      { value: 'contractual', label: 'Ja, het geschil gaat over een lopend contract', hint: 'Contractueel: bijvoorbeeld een omzetplafond dat halverwege het jaar bereikt is.' },
    ],
  },
  {
    step: 'onderwerp',
    field: 'subjects',
    title: 'Waar gaat het geschil over?',
    description: 'U mag meer dan één antwoord kiezen.',
    type: 'checkbox',
    choices: Object.entries(SUBJECT_LABELS).map(([value, s]) => ({ value, label: s.label, hint: s.hint })),
  },
  {
    step: 'praktijk',
    field: 'small',
    title: 'Is uw praktijk of organisatie klein?',
    description: 'Klein betekent: minder dan € 325.000 omzet per jaar, of 10 zorgverleners of minder. Dan betaalt de verzekeraar een deel van uw kosten.',
    type: 'radio',
    choices: [
      { value: 'true', label: 'Ja, mijn praktijk is klein' },
      { value: 'false', label: 'Nee' },
    ],
  },
  {
    step: 'spoed',
    field: 'urgent',
    title: 'Is het dringend?',
    type: 'radio',
    choices: [
      { value: 'true', label: 'Ja', hint: 'Bijvoorbeeld: u moet binnenkort stoppen met nieuwe cliënten (een cliëntenstop). Dan gelden kortere termijnen.' },
      { value: 'false', label: 'Nee' },
    ],
  },
];

export const OUT_OF_SCOPE: Record<string, { title: string; text: string[] }> = {
  gemeente: {
    title: 'Hiervoor kunt u niet bij ons terecht',
    text: [
      'Wij behandelen alleen geschillen met zorgverzekeraars en zorgkantoren. Zorg uit de Wmo en de Jeugdwet kopen gemeenten in.',
      'Kijk in uw contract met de gemeente welke geschillenregeling geldt. Staat daar niets, dan kunt u naar de rechter. Uw branchevereniging kan u helpen.',
    ],
  },
  wmo: {
    title: 'Geschillen over de Wmo behandelen wij niet',
    text: [
      'De Wmo (Wet maatschappelijke ondersteuning) is een taak van de gemeente. Wij zijn daarvoor niet bevoegd.',
      'Kijk in uw contract met de gemeente welke geschillenregeling geldt. Staat daar niets, dan kunt u naar de rechter. Uw branchevereniging kan u helpen.',
    ],
  },
  jeugdwet: {
    title: 'Geschillen over de Jeugdwet behandelen wij niet',
    text: [
      'Jeugdzorg kopen gemeenten in. Wij zijn daarvoor niet bevoegd.',
      'Kijk in uw contract met de gemeente of de jeugdregio welke geschillenregeling geldt. Staat daar niets, dan kunt u naar de rechter. Uw branchevereniging kan u helpen.',
    ],
  },
  'geen-zorgcontract': {
    title: 'Hiervoor kunt u niet bij ons terecht',
    text: [
      'Wij behandelen alleen geschillen over contracten tussen zorgaanbieders en zorgverzekeraars of zorgkantoren.',
      'Heeft een patiënt een klacht? Dan geldt de klachtenregeling van uw praktijk, en daarna de Geschillencommissie Zorg. Gaat het om een collega of een andere zorgaanbieder? Vraag uw beroeps- of brancheorganisatie om advies.',
    ],
  },
};
