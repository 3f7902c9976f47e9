import { DEFAULT_CLAIMANT_COST_SHARE as DOMAIN_COST_SHARE } from '../../../../../libs/domain/src/decisions/cost-share';
import type { DecisionOutcome, MediationResult } from '../../../../../libs/domain/src/vocabulary';
import type { CaseView } from '../../api/types';
import { formatDateTime, formatDeadline } from '../../lib/format';
import { DEADLINE_LABELS } from '../../lib/labels';
import { choiceField, optionalText, reasonField, text, type ActionSpec, type FieldSpec, type FormValues } from './action-spec';

// The forms of a mediator, adviser or arbitrator: sessions and hearings, the end of a mediation,
// the decision, and (with the secretariat) extending a deadline.

/** Rule 18: the claimant's share of the costs that follows each outcome, as the form's text (the domain's table). */
export const DEFAULT_CLAIMANT_COST_SHARE: Record<string, string> = Object.fromEntries(
  Object.entries(DOMAIN_COST_SHARE).map(([outcome, pct]) => [outcome, String(pct)]),
);

export const DECISION_OUTCOME_LABELS: Record<string, string> = {
  claim_granted: 'Toegewezen: de indiener krijgt gelijk',
  claim_partially_granted: 'Deels toegewezen: de indiener krijgt deels gelijk',
  claim_rejected: 'Afgewezen: de indiener krijgt geen gelijk',
} satisfies Record<DecisionOutcome, string>;

export const MEDIATION_RESULT_LABELS: Record<string, string> = {
  full_agreement: 'Volledig eens: de partijen hebben alles samen opgelost',
  partial_agreement: 'Deels eens: een deel is opgelost',
  no_agreement: 'Niet eens: de partijen hebben geen oplossing gevonden',
} satisfies Record<MediationResult, string>;

const MEETING_WORDS = {
  session: { the: 'Het gesprek', title: 'Een gesprek plannen', record: 'Een gesprek vastleggen als gehouden', which: 'Welk gesprek?' },
  hearing: { the: 'De zitting', title: 'Een zitting plannen', record: 'Een zitting vastleggen als gehouden', which: 'Welke zitting?' },
};

const meetingLabel = (m: { startsAt: string; location?: string }) => `${formatDateTime(m.startsAt)}${m.location ? `, ${m.location}` : ''}`;

/** schedule-session / schedule-hearing and record-session / record-hearing: one shape for both kinds. */
function meetingSpecs(kind: 'session' | 'hearing', c: CaseView): ActionSpec[] {
  const words = MEETING_WORDS[kind];
  const idField = kind === 'session' ? 'sessionId' : 'hearingId';
  const meetings =
    kind === 'session' ? c.sessions.map((s) => ({ ...s, id: s.sessionId })) : c.hearings.map((h) => ({ ...h, id: h.hearingId }));
  const notes: FieldSpec[] =
    kind === 'session'
      ? [
          reasonField('Aantekeningen (alleen zichtbaar voor de mediator)', {
            name: 'notes',
            optional: true,
            hint: 'Alleen u ziet deze aantekeningen. De partijen, het secretariaat en latere adviseurs of arbiters zien ze niet.',
          }),
        ]
      : [];
  return [
    {
      action: `schedule-${kind}`,
      title: words.title,
      submit: 'Plannen',
      fields: [
        { name: 'startsAt', label: 'Datum en tijd (Nederlandse tijd)', kind: 'datetime' },
        {
          name: 'location',
          label: 'Plaats of videolink',
          kind: 'text',
          optional: true,
          hint: 'Een adres, of de link naar het videogesprek (https://…).',
        },
      ],
      // A date-time without an offset is read as Amsterdam time by the API (rule 21).
      body: (v) => ({ startsAt: v.startsAt, ...optionalText('location', v.location) }),
      done: `${words.the} is gepland. De partijen krijgen een uitnodiging.`,
    },
    {
      action: `record-${kind}`,
      title: words.record,
      submit: 'Vastleggen',
      fields: [
        choiceField(
          idField,
          words.which,
          meetings.filter((m) => !m.held).map((m) => ({ value: m.id, label: meetingLabel(m) })),
        ),
        ...notes,
      ],
      body: (v) => ({ [idField]: v[idField], ...optionalText('notes', v.notes) }),
      done: `${words.the} is vastgelegd als gehouden.`,
    },
  ];
}

const deviatesFromDefault = (v: FormValues) =>
  text(v.claimantCostSharePct) !== '' && v.outcome !== undefined && text(v.claimantCostSharePct) !== DEFAULT_CLAIMANT_COST_SHARE[v.outcome];

export function neutralActionSpecs(c: CaseView): ActionSpec[] {
  const withAgreement = (v: FormValues) => v.result === 'full_agreement' || v.result === 'partial_agreement';
  return [
    ...meetingSpecs('session', c),
    {
      action: 'conclude-mediation',
      title: 'De mediation afronden',
      intro:
        'Bij volledige overeenstemming is de zaak daarmee opgelost. Anders kunnen de partijen kiezen voor bindend advies of arbitrage.',
      submit: 'Mediation afronden',
      fields: [
        choiceField(
          'result',
          'Wat is de uitkomst?',
          Object.entries(MEDIATION_RESULT_LABELS).map(([value, label]) => ({ value, label })),
        ),
        {
          name: 'settlementDocumentId',
          label: 'Vaststellingsovereenkomst',
          kind: 'select',
          optional: (v) => v.result !== 'full_agreement',
          shownWhen: withAgreement,
          hint: 'De getekende afspraken. Staat het document er niet bij? Voeg het eerst toe bij ‘Een document toevoegen’.',
          options: c.documents.map((d) => ({ value: d.documentId, label: d.name })),
        },
      ],
      body: (v) => ({ result: v.result, ...(withAgreement(v) ? optionalText('settlementDocumentId', v.settlementDocumentId) : {}) }),
      done: 'De mediation is afgerond.',
    },
    ...meetingSpecs('hearing', c),
    {
      action: 'render-decision',
      title: 'De beslissing nemen',
      intro: 'U neemt de beslissing als voorzitter. Na het vastleggen is de zaak beslist; de partijen zien de beslissing meteen.',
      submit: 'Beslissing vastleggen',
      fields: [
        choiceField(
          'outcome',
          'Wat is de beslissing?',
          Object.entries(DECISION_OUTCOME_LABELS).map(([value, label]) => ({ value, label })),
        ),
        reasonField('De beslissing en de motivering', { name: 'summary' }),
        {
          name: 'claimantCostSharePct',
          label: 'Deel van de kosten voor de indiener, in procent',
          kind: 'percent',
          hint: 'Wie verliest, betaalt: bij toewijzen 0%, bij deels toewijzen 50%, bij afwijzen 100%. De wederpartij betaalt de rest.',
          defaultFrom: { field: 'outcome', values: DEFAULT_CLAIMANT_COST_SHARE },
        },
        { ...reasonField('Waarom wijkt de kostenverdeling af?', { name: 'costAllocationReason' }), shownWhen: deviatesFromDefault },
      ],
      body: (v) => ({
        outcome: v.outcome,
        summary: text(v.summary),
        claimantCostSharePct: Number(text(v.claimantCostSharePct)),
        ...(deviatesFromDefault(v) ? optionalText('costAllocationReason', v.costAllocationReason) : {}),
      }),
      done: 'De beslissing is vastgelegd.',
    },
    {
      action: 'extend-deadline',
      title: 'Een termijn verlengen',
      submit: 'Termijn verlengen',
      fields: [
        choiceField(
          'deadlineId',
          'Welke termijn?',
          c.deadlines
            .filter((d) => d.status === 'open')
            .map((d) => ({ value: d.deadlineId, label: `${DEADLINE_LABELS[d.kind] ?? d.kind} (nu uiterlijk ${formatDeadline(d.dueAt)})` })),
        ),
        { name: 'dueDate', label: 'Nieuwe laatste dag', kind: 'date', hint: 'De termijn loopt tot 23:59 uur Nederlandse tijd op die dag.' },
        reasonField('Waarom verlengt u de termijn?', { hint: 'De partijen zien deze reden.' }),
      ],
      body: (v) => ({ deadlineId: v.deadlineId, dueDate: v.dueDate, reason: text(v.reason) }),
      done: 'De termijn is verlengd.',
    },
  ];
}
