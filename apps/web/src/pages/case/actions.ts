import { formatEuros, parseEuros } from '../../lib/format';
import { ROUTE_LABELS, STATEMENT_KIND_LABELS, VISIBILITY_LABELS } from '../../lib/labels';
import { choiceField, optionalText, reasonField, text, type ActionContext, type ActionSpec } from './action-spec';
import { neutralActionSpecs } from './neutral-actions';

// Every action of the API as a short Dutch form. The case page shows a form only when the case's
// allowedActions names it. `body` turns the form's values into the API's body.

export type { ActionContext, ActionSpec, FieldSpec } from './action-spec';

const routeOptions = (routes: string[]) => routes.map((value) => ({ value, label: ROUTE_LABELS[value] ?? value }));

// respondentOrganisationId is left out: the API needs it only from a caller who could answer for
// more than one respondent, and a portal user belongs to one organisation.

export function actionSpecs(ctx: ActionContext): Record<string, ActionSpec> {
  const { c } = ctx;
  const neutralOptions = c.neutrals
    .filter((n) => n.status === 'nominated' || n.status === 'appointed')
    .map((n) => ({ value: n.userId, label: `${n.name} (${n.status === 'appointed' ? 'benoemd' : 'voorgesteld'})` }));
  const parties = [...c.claimants, ...c.respondents, ...(c.filedOnBehalfBy ? [c.filedOnBehalfBy] : [])].map((o) => ({
    value: o.id,
    label: o.name,
  }));
  const proposed = c.pendingRouteProposal?.route ?? c.route ?? c.initialRoute;
  const otherRoutes = ['mediation', 'binding_advice', 'arbitration'].filter((r) => r !== proposed);
  const specs: ActionSpec[] = [
    {
      action: 'accept-submission',
      title: `Meedoen met ${(ROUTE_LABELS[proposed] ?? proposed).toLowerCase()}`,
      intro: 'U doet mee aan de procedure met de voorgestelde route. Daarna zoekt het secretariaat een mediator of adviseur.',
      submit: 'Meedoen',
      fields: [],
      body: () => ({ route: proposed }),
      done: `U doet mee met ${(ROUTE_LABELS[proposed] ?? proposed).toLowerCase()}.`,
    },
    {
      action: 'propose-route',
      title: 'Een andere route voorstellen',
      submit: 'Route voorstellen',
      fields: [choiceField('route', 'Welke route stelt u voor?', routeOptions(otherRoutes)), reasonField('Waarom?', { optional: true })],
      body: (v) => ({ route: v.route, ...optionalText('reason', v.reason) }),
      done: 'Uw voorstel is verstuurd. De andere partij moet nu antwoorden.',
    },
    {
      action: 'decline-submission',
      title: 'Niet meedoen',
      intro: 'De procedure is vrijwillig. Als u niet meedoet, stopt de zaak tegen uw organisatie.',
      submit: 'Niet meedoen',
      fields: [reasonField('Waarom doet u niet mee?')],
      body: (v) => ({ reason: text(v.reason) }),
      done: 'U doet niet mee. De zaak stopt tegen uw organisatie.',
    },
    {
      action: 'continue-with-respondents',
      title: 'Doorgaan met de partijen die meedoen',
      intro: 'Niet iedereen doet mee. U kunt doorgaan met de partijen die wel meedoen, of de zaak intrekken.',
      submit: 'Doorgaan',
      fields: [],
      body: () => ({}),
      done: 'De zaak gaat verder met de partijen die meedoen.',
    },
    {
      action: 'provide-information',
      title: 'De gevraagde informatie geven',
      submit: 'Informatie versturen',
      fields: [{ name: 'answers', label: 'Uw antwoord', kind: 'textarea', hint: 'Documenten kunt u hieronder bij Documenten toevoegen.' }],
      body: (v) => ({ answers: text(v.answers) }),
      done: 'Uw informatie is verstuurd naar het secretariaat.',
    },
    {
      action: 'waive-challenge',
      title: 'Geen bezwaar tegen de voorgestelde neutrale',
      intro: 'U ziet af van uw recht om bezwaar te maken (wraken). De benoeming kan dan sneller.',
      submit: 'Geen bezwaar',
      fields: [],
      body: () => ({}),
      done: 'U heeft laten weten dat u geen bezwaar heeft.',
    },
    {
      action: 'challenge-neutral',
      title: 'Bezwaar maken tegen een mediator of adviseur (wraken)',
      intro: 'Twijfelt u of de mediator of adviseur onpartijdig is? Dan kunt u bezwaar maken. Het secretariaat beslist.',
      submit: 'Bezwaar indienen',
      fields: [
        choiceField('neutralUserId', 'Tegen wie?', neutralOptions),
        { name: 'grounds', label: 'Waarom twijfelt u aan de onpartijdigheid?', kind: 'textarea' },
        ...(c.neutrals.some((n) => n.status === 'appointed')
          ? [
              { name: 'newFacts', label: 'Het gaat om feiten die ik pas na de benoeming ontdekte', kind: 'checkbox' as const },
              { name: 'factsKnownSince', label: 'Sinds wanneer kent u die feiten?', kind: 'date' as const, optional: true },
            ]
          : []),
      ],
      body: (v) => ({
        neutralUserId: v.neutralUserId,
        grounds: text(v.grounds),
        ...(v.newFacts === 'true' ? { newFacts: true } : {}),
        ...optionalText('factsKnownSince', v.factsKnownSince),
      }),
      done: 'Uw bezwaar is ingediend. Het secretariaat beslist erover.',
    },
    {
      action: 'request-escalation',
      title: 'Verder met bindend advies of arbitrage',
      submit: 'Vervolg aanvragen',
      fields: [choiceField('route', 'Welke route?', routeOptions(['binding_advice', 'arbitration']))],
      body: (v) => ({ route: v.route }),
      done: 'Uw verzoek om een vervolg is verstuurd. De andere partij moet nu antwoorden.',
    },
    {
      action: 'accept-escalation',
      title: `Akkoord met ${(ROUTE_LABELS[c.pendingEscalation?.route ?? ''] ?? 'het vervolg').toLowerCase()}`,
      submit: 'Akkoord',
      fields: [],
      body: () => ({}),
      done: 'U gaat akkoord met het vervolg.',
    },
    {
      action: 'decline-escalation',
      title: 'Niet akkoord met het vervolg',
      intro: 'Als u niet akkoord gaat, wordt de zaak gesloten zonder oplossing.',
      submit: 'Niet akkoord',
      fields: [reasonField('Waarom niet?', { optional: true })],
      body: (v) => optionalText('reason', v.reason),
      done: 'U gaat niet akkoord met het vervolg. De zaak wordt gesloten.',
    },
    {
      action: 'submit-statement',
      title: 'Een processtuk indienen',
      submit: 'Indienen',
      fields: [
        {
          name: 'kind',
          label: 'Wat voor stuk?',
          kind: 'radio',
          options: Object.entries(STATEMENT_KIND_LABELS).map(([value, label]) => ({ value, label })),
        },
        { name: 'text', label: 'Tekst', kind: 'textarea', optional: true, hint: 'U kunt ook een document toevoegen en het hier noemen.' },
      ],
      body: (v) => ({ kind: v.kind, ...optionalText('text', v.text) }),
      done: 'Uw stuk is ingediend.',
    },
    {
      action: 'waive-hearing',
      title: 'Geen zitting nodig',
      intro:
        'U vindt dat de adviseur of arbiter kan beslissen op basis van de stukken, zonder zitting. Dit gebeurt alleen als alle partijen dat vinden.',
      submit: 'Geen zitting nodig',
      fields: [],
      body: () => ({}),
      done: 'U heeft laten weten dat een zitting voor u niet nodig is.',
    },
    {
      action: 'withdraw',
      title: 'De zaak intrekken',
      intro: 'Als u de zaak intrekt, stopt de procedure. Dit kunt u niet ongedaan maken.',
      submit: 'Zaak intrekken',
      fields: [reasonField('Waarom trekt u de zaak in?', { optional: true })],
      body: (v) => optionalText('reason', v.reason),
      done: 'De zaak is ingetrokken.',
    },
    {
      action: 'withdraw-participation',
      title: 'Stoppen met meedoen',
      intro: 'Uw organisatie stopt met meedoen aan dit collectieve geschil. De zaak gaat door voor de andere leden.',
      submit: 'Stoppen met meedoen',
      fields: [reasonField('Waarom stopt u?', { optional: true })],
      body: (v) => optionalText('reason', v.reason),
      done: 'Uw organisatie doet niet meer mee.',
    },
    // The disputes body's own actions (secretariat, neutrals): part 2 gives them fuller screens.
    {
      action: 'register',
      title: 'Zaak inschrijven',
      submit: 'Inschrijven',
      fields: [],
      body: () => ({}),
      done: 'De zaak is ingeschreven. De wederpartij is uitgenodigd.',
    },
    {
      action: 'request-information',
      title: 'Om informatie vragen',
      submit: 'Vraag versturen',
      fields: [
        { name: 'questions', label: 'Wat wilt u weten?', kind: 'textarea' },
        { name: 'dueDate', label: 'Uiterlijk op', kind: 'date', optional: true },
      ],
      body: (v) => ({ questions: text(v.questions), ...optionalText('dueDate', v.dueDate) }),
      done: 'De vraag is verstuurd.',
    },
    {
      action: 'declare-inadmissible',
      title: 'Niet-ontvankelijk verklaren',
      submit: 'Niet-ontvankelijk verklaren',
      fields: [
        {
          name: 'reason',
          label: 'Reden',
          kind: 'radio',
          options: [
            { value: 'outside_jurisdiction', label: 'Wij zijn niet bevoegd' },
            { value: 'not_a_contracting_dispute', label: 'Geen geschil over een zorgcontract' },
            { value: 'incomplete', label: 'Onvolledig' },
            { value: 'duplicate', label: 'Dubbele aanvraag' },
            { value: 'other', label: 'Anders' },
          ],
        },
        { name: 'explanation', label: 'Uitleg voor de indiener', kind: 'textarea' },
      ],
      body: (v) => ({ reason: v.reason, explanation: text(v.explanation) }),
      done: 'De zaak is niet-ontvankelijk verklaard.',
    },
    {
      action: 'nominate-neutrals',
      title: 'Neutrale(n) voordragen',
      submit: 'Voordragen',
      fields: [
        { name: 'neutralUserIds', label: 'Gebruikersnamen, gescheiden door komma’s', kind: 'text' },
        { name: 'chairUserId', label: 'Voorzitter (bij drie)', kind: 'text', optional: true },
      ],
      // The chair is named (chairUserId, required for a panel of three) and listed first as well.
      body: (v) => {
        const ids = text(v.neutralUserIds)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const chair = text(v.chairUserId);
        return {
          neutralUserIds: chair && ids.includes(chair) ? [chair, ...ids.filter((id) => id !== chair)] : ids,
          ...optionalText('chairUserId', chair),
        };
      },
      done: 'De voordracht is verstuurd.',
    },
    {
      action: 'decide-challenge',
      title: 'Beslissen over een bezwaar',
      submit: 'Beslissen',
      fields: [
        choiceField('neutralUserId', 'Bezwaar tegen', neutralOptions),
        {
          name: 'upheld',
          label: 'Beslissing',
          kind: 'radio',
          options: [
            { value: 'true', label: 'Bezwaar toegewezen' },
            { value: 'false', label: 'Bezwaar afgewezen' },
          ],
        },
        { name: 'reasoning', label: 'Motivering', kind: 'textarea', optional: true },
      ],
      body: (v) => ({ neutralUserId: v.neutralUserId, upheld: v.upheld === 'true', ...optionalText('reasoning', v.reasoning) }),
      done: 'Over het bezwaar is beslist.',
    },
    {
      action: 'appoint-neutrals',
      title: 'Neutrale(n) benoemen',
      submit: 'Benoemen',
      fields: [],
      body: () => ({}),
      done: 'De benoeming is vastgelegd.',
    },
    ...neutralActionSpecs(c),
    {
      action: 'record-settlement',
      title: 'Schikking vastleggen',
      submit: 'Vastleggen',
      fields: [{ name: 'terms', label: 'Afspraken', kind: 'textarea', optional: true }],
      body: (v) => optionalText('terms', v.terms),
      done: 'De schikking is vastgelegd.',
    },
    {
      action: 'invoice-fee',
      title: 'Een rekening sturen',
      submit: 'Rekening sturen',
      fields: [
        choiceField('organisationId', 'Aan wie?', parties),
        {
          name: 'kind',
          label: 'Soort kosten',
          kind: 'radio',
          options: [
            { value: 'administration', label: 'Inschrijfkosten' },
            { value: 'neutral_fee', label: 'Kosten van de neutrale' },
          ],
        },
        { name: 'amount', label: 'Bedrag in euro’s', kind: 'euros', apiField: 'amountCents' },
      ],
      body: (v) => ({ organisationId: v.organisationId, kind: v.kind, amountCents: parseEuros(v.amount ?? '') ?? v.amount }),
      done: 'De rekening is verstuurd.',
    },
    {
      action: 'record-payment',
      title: 'Betaling vastleggen',
      submit: 'Vastleggen',
      fields: [
        {
          name: 'invoiceId',
          label: 'Welke rekening?',
          kind: 'radio',
          // Who, what and how much: an invoice id says nothing to a person.
          options: c.invoices
            .filter((i) => !i.paid)
            .map((i) => ({
              value: i.invoiceId,
              label: `${parties.find((p) => p.value === i.organisationId)?.label ?? i.organisationId}: ${
                i.kind === 'administration' ? 'inschrijfkosten' : 'kosten van de neutrale'
              }, ${formatEuros(i.amountCents)}`,
            })),
        },
      ],
      body: (v) => ({ invoiceId: v.invoiceId }),
      done: 'De betaling is vastgelegd.',
    },
  ];
  return Object.fromEntries(specs.map((s) => [s.action, s]));
}

export const UPLOAD_VISIBILITIES = Object.entries(VISIBILITY_LABELS).map(([value, v]) => ({ value, label: v.label, hint: v.hint }));
