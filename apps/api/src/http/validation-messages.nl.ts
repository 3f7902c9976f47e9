// Dutch (B1) messages for class-validator's checks, one per constraint name, with a stable code.
// A DTO rule with no entry here fails the test in validation-messages.spec.ts, so no check can
// ship in English only.

/** How a field is named in a Dutch sentence; other fields go by their API name. */
const LABELS: Record<string, string> = {
  contractYear: 'het contractjaar',
  amountCents: 'het bedrag',
  amountInDisputeCents: 'het bedrag in geschil',
  summary: 'de samenvatting',
  phase: 'de fase',
  legalFramework: 'het wettelijk kader',
  sector: 'de sector',
  subjects: 'de onderwerpen',
  claims: 'de eisen',
  description: 'de omschrijving',
  proposedRoute: 'de voorgestelde route',
  route: 'de route',
  urgent: 'spoed',
  urgencyReason: 'de reden voor spoed',
  claimantOrganisationIds: 'de indienende organisaties',
  respondentOrganisationIds: 'de organisaties die antwoorden',
  questions: 'de vragen',
  answers: 'de antwoorden',
  reason: 'de reden',
  explanation: 'de toelichting',
  dueDate: 'de uiterste datum',
  startsAt: 'het begintijdstip',
  asOf: 'de datum',
  deadlineId: 'de termijn',
  neutralUserIds: 'de neutralen',
  chairUserId: 'de voorzitter',
  neutralUserId: 'de neutraal',
  grounds: 'de gronden',
  outcome: 'de uitkomst',
  kind: 'de soort',
  organisationId: 'de organisatie',
  invoiceId: 'de factuur',
  userId: 'de gebruiker',
};

const lastSegment = (field: string): string =>
  field
    .replace(/\[\d+\]/g, '')
    .split('.')
    .pop() ?? field;
export const dutchLabel = (field: string): string => LABELS[lastSegment(field)] ?? `het veld ${field}`;
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** The first number in the English message: the limit class-validator put there. */
const limitIn = (english: string): string => /(\d+)/.exec(english)?.[1] ?? '';

type Rule = { code: string; nl: (label: string, english: string, field: string) => string };

export const DUTCH_VALIDATION_MESSAGES: Record<string, Rule> = {
  whitelistValidation: { code: 'unknown_field', nl: (_l, _e, f) => `${f} hoort niet bij dit verzoek. Laat het weg.` },
  isDefined: { code: 'required', nl: (l) => `Vul ${l} in.` },
  isNotEmpty: { code: 'required', nl: (l) => `Vul ${l} in.` },
  isString: { code: 'not_text', nl: (l) => `${capital(l)} moet tekst zijn.` },
  maxLength: { code: 'too_long', nl: (l, e) => `${capital(l)} is te lang: ten hoogste ${limitIn(e)} tekens.` },
  minLength: { code: 'too_short', nl: (l, e) => `${capital(l)} is te kort: ten minste ${limitIn(e)} tekens.` },
  isInt: {
    code: 'not_whole_number',
    nl: (l, _e, f) =>
      /Cents$/.test(lastSegment(f)) ? `${capital(l)} moet een heel aantal centen zijn.` : `${capital(l)} moet een heel getal zijn.`,
  },
  min: { code: 'too_small', nl: (l, e) => `${capital(l)} moet ten minste ${limitIn(e)} zijn.` },
  max: { code: 'too_large', nl: (l, e) => `${capital(l)} mag ten hoogste ${limitIn(e)} zijn.` },
  isIn: { code: 'not_allowed_value', nl: (l) => `${capital(l)} heeft een waarde die we niet kennen. Kies een van de mogelijkheden.` },
  isEnum: { code: 'not_allowed_value', nl: (l) => `${capital(l)} heeft een waarde die we niet kennen. Kies een van de mogelijkheden.` },
  isBoolean: { code: 'not_boolean', nl: (l) => `${capital(l)} moet true of false zijn.` },
  isArray: { code: 'not_a_list', nl: (l) => `${capital(l)} moet een lijst zijn.` },
  arrayNotEmpty: { code: 'empty_list', nl: (l) => `Noem ten minste één: ${l} mag niet leeg zijn.` },
  arrayMinSize: { code: 'too_few', nl: (l, e) => `${capital(l)} moet ten minste ${limitIn(e)} onderdelen hebben.` },
  arrayMaxSize: { code: 'too_many', nl: (l, e) => `${capital(l)} mag ten hoogste ${limitIn(e)} onderdelen hebben.` },
  arrayUnique: { code: 'duplicate', nl: (l) => `${capital(l)} noemt iets twee keer. Noem alles één keer.` },
  isIso8601: {
    code: 'not_a_date',
    nl: (l) => `${capital(l)} moet een datum zijn, zoals 2026-03-01, of een datum met tijd, zoals 2026-03-01T10:00.`,
  },
  isUuid: { code: 'not_an_id', nl: (l) => `${capital(l)} is geen geldige code (uuid).` },
  isObject: { code: 'not_an_object', nl: (l) => `${capital(l)} moet een object zijn.` },
  nestedValidation: { code: 'invalid', nl: (l) => `${capital(l)} is niet goed ingevuld.` },
  isLegalFramework: {
    code: 'not_allowed_value',
    nl: (l, e) =>
      /Wmo|Jeugdwet/i.test(e)
        ? 'Geschillen onder de Wmo of de Jeugdwet horen niet bij deze geschilleninstantie. Ga naar de klachten- of geschillenregeling van uw gemeente, of naar de rechter.'
        : `${capital(l)} heeft een waarde die we niet kennen. Kies zvw, zvw_supplementary of wlz.`,
  },
  matches: { code: 'wrong_format', nl: (l) => `${capital(l)} is niet in de juiste vorm geschreven.` },
};

/** The code and Dutch message for one failed constraint; a constraint with no entry keeps English. */
export function dutchMessage(constraint: string, field: string, english: string): { code: string; nl: string } {
  const rule = DUTCH_VALIDATION_MESSAGES[constraint];
  if (!rule) return { code: constraint.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), nl: english };
  return { code: rule.code, nl: rule.nl(dutchLabel(field), english, field) };
}
