import type { DeadlineKind } from '../../domain/src';
import { dayWord, daysLeft, dutchDate, dutchDateTime, euros } from './dutch-format';
import type { Notice } from './notice';
import {
  CLOSED_AS_NL,
  DEADLINE_MISSED_NL,
  DEADLINE_TASK_NL,
  INADMISSIBLE_NL,
  MEDIATION_RESULT_NL,
  NEUTRAL_ROLE_NL,
  OUTCOME_NL,
  ROUTE_NL,
  ROUTE_SHORT_NL,
  STATEMENT_NL,
} from './wording';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** The case page the message links to. */
  link: string;
}

export interface RenderOptions {
  /** The portal's public address, e.g. https://geschillen.example.nl (no trailing slash needed). */
  publicUrl: string;
}

export const caseLink = (publicUrl: string, disputeId: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/zaken/${encodeURIComponent(disputeId)}`;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const deadlineLine = (dueAt: string, now: string): string =>
  `uiterlijk ${dutchDate(dueAt)} om 23:59 (nog ${dayWord(daysLeft(now, dueAt))})`;

/** Subject and paragraphs in plain Dutch (B1) for one notice. */
function compose(notice: Notice): { subject: string; paragraphs: string[] } {
  const f = notice.facts;
  const zaak = f.caseNumber ? `zaak ${str(f.caseNumber)}` : 'uw aanvraag';
  const Zaak = f.caseNumber ? `Zaak ${str(f.caseNumber)}` : 'Uw aanvraag';
  const due = (): string => deadlineLine(str(f.dueAt), notice.at);
  switch (notice.kind) {
    case 'dispute_filed':
      return f.side === 'claimant'
        ? {
            subject: 'We hebben uw aanvraag ontvangen',
            paragraphs: [
              'We hebben uw aanvraag ontvangen. Het secretariaat kijkt of alles compleet is. U hoort van ons wat de volgende stap is.',
            ],
          }
        : {
            subject: 'Nieuwe aanvraag ingediend',
            paragraphs: ['Er is een nieuwe aanvraag ingediend. Kijk of de aanvraag compleet is en of wij het geschil mogen behandelen.'],
          };
    case 'information_requested':
      return {
        subject: `${Zaak}: wij hebben meer informatie nodig`,
        paragraphs: [
          'Het secretariaat heeft vragen over uw aanvraag. U leest de vragen op de pagina van de zaak.',
          `Stuur uw antwoord ${due()}.`,
          DEADLINE_MISSED_NL.information,
        ],
      };
    case 'information_provided':
      return {
        subject: `${Zaak}: informatie ontvangen`,
        paragraphs: ['De indiener heeft de gevraagde informatie gestuurd. Kijk of de aanvraag nu compleet is.'],
      };
    case 'declared_inadmissible':
      return {
        subject: `${Zaak}: niet in behandeling genomen`,
        paragraphs: ['Het secretariaat neemt deze aanvraag niet in behandeling.', INADMISSIBLE_NL[str(f.reason)] ?? INADMISSIBLE_NL.other],
      };
    case 'case_registered':
      return {
        subject: `Uw aanvraag is ingeschreven als ${zaak}`,
        paragraphs: [
          `Uw aanvraag is ingeschreven. Het zaaknummer is ${str(f.caseNumber)}.`,
          'We vragen de andere partij nu of zij het geschil aan ons wil voorleggen. U hoort het antwoord van ons.',
        ],
      };
    case 'respondent_invited':
      return {
        subject: `${Zaak}: u wordt gevraagd te antwoorden`,
        paragraphs: [
          'Een zorgaanbieder of andere partij wil een geschil over een zorgcontract met u aan ons voorleggen.',
          `De indiener stelt ${ROUTE_NL[str(f.route)] ?? str(f.route)} voor. Op de pagina van de zaak leest u waar het over gaat.`,
          `Laat ons ${due()} weten of u meedoet. U kunt ja zeggen, nee zeggen of een andere route voorstellen.`,
          'Let op: als u niet op tijd antwoordt, telt dat als nee. De zaak gaat dan niet verder tegen uw organisatie.',
        ],
      };
    case 'answer_given': {
      const what =
        f.answer === 'accepted'
          ? `De andere partij wil het geschil voorleggen via ${ROUTE_SHORT_NL[str(f.route)] ?? str(f.route)}.`
          : f.answer === 'declined'
            ? 'Een partij wil dit geschil niet aan ons voorleggen.'
            : `Er is een andere route voorgesteld: ${ROUTE_NL[str(f.route)] ?? str(f.route)}. De andere partij kan dit voorstel aannemen of weigeren.`;
      const next = f.closed ? 'De zaak is daarmee gesloten.' : 'Op de pagina van de zaak ziet u wat de volgende stap is.';
      return { subject: `${Zaak}: er is geantwoord`, paragraphs: [what, next] };
    }
    case 'neutrals_nominated':
      return {
        subject: `${Zaak}: voorstel voor ${NEUTRAL_ROLE_NL[str(f.role)] ?? 'neutrale persoon'}`,
        paragraphs: [
          `Het secretariaat stelt voor: ${str(f.neutralNames)} (${NEUTRAL_ROLE_NL[str(f.role)] ?? str(f.role)}).`,
          `Hebt u een goede reden om te twijfelen aan de onafhankelijkheid? Dan kunt u bezwaar maken (wraking), ${due()}.`,
          'Hebt u geen bezwaar, dan hoeft u niets te doen. Na deze termijn benoemt het secretariaat de neutrale persoon.',
        ],
      };
    case 'nomination_received':
      return {
        subject: `${Zaak}: u bent voorgesteld als ${NEUTRAL_ROLE_NL[str(f.role)] ?? 'neutrale persoon'}`,
        paragraphs: [
          'Het secretariaat stelt u voor in deze zaak. Kijk op de pagina van de zaak wie de partijen zijn, en of u onafhankelijk bent.',
          `De partijen kunnen bezwaar maken ${due()}. Daarna volgt de benoeming.`,
        ],
      };
    case 'neutral_challenged':
      return {
        subject: `${Zaak}: bezwaar tegen ${str(f.neutralName)}`,
        paragraphs: [`Een partij maakt bezwaar tegen ${str(f.neutralName)}. Beslis over dit bezwaar.`],
      };
    case 'challenge_decided':
      return {
        subject: `${Zaak}: beslissing over het bezwaar`,
        paragraphs: [
          f.upheld
            ? `Het bezwaar tegen ${str(f.neutralName)} is toegewezen. Het secretariaat stelt iemand anders voor.`
            : `Het bezwaar tegen ${str(f.neutralName)} is afgewezen. ${str(f.neutralName)} blijft voorgesteld.`,
        ],
      };
    case 'neutrals_appointed':
      return {
        subject: `${Zaak}: ${NEUTRAL_ROLE_NL[str(f.role)] ?? 'neutrale persoon'} benoemd`,
        paragraphs: [
          `${str(f.neutralNames)} is benoemd als ${NEUTRAL_ROLE_NL[str(f.role)] ?? str(f.role)}.`,
          `De ${ROUTE_SHORT_NL[str(f.route)] ?? str(f.route)} begint nu. U hoort wanneer het eerste gesprek of de zitting is.`,
        ],
      };
    case 'session_scheduled':
    case 'hearing_scheduled': {
      const what = notice.kind === 'session_scheduled' ? 'een mediationgesprek' : 'een zitting';
      return {
        subject: `${Zaak}: uitnodiging voor ${what} op ${dutchDate(str(f.startsAt))}`,
        paragraphs: [
          `U bent uitgenodigd voor ${what} op ${dutchDateTime(str(f.startsAt))} (Nederlandse tijd).`,
          f.location ? `Plaats: ${str(f.location)}.` : 'De plaats staat op de pagina van de zaak.',
          'In de bijlage staat een agenda-uitnodiging. Zet die in uw agenda.',
        ],
      };
    }
    case 'meeting_cancelled': {
      const what = f.meeting === 'session' ? 'Het mediationgesprek' : 'De zitting';
      return {
        subject: `${Zaak}: ${what.toLowerCase()} van ${dutchDate(str(f.startsAt))} gaat niet door`,
        paragraphs: [`${what} op ${dutchDateTime(str(f.startsAt))} gaat niet door. De bijlage haalt de afspraak uit uw agenda.`],
      };
    }
    case 'mediation_concluded':
      return {
        subject: `${Zaak}: de mediation is afgerond`,
        paragraphs: [
          MEDIATION_RESULT_NL[str(f.result)] ?? 'De mediation is afgerond.',
          ...(f.dueAt
            ? [
                `Wilt u verder met bindend advies of arbitrage? Vraag dat ${due()}.`,
                DEADLINE_MISSED_NL.escalation.replace('Er is niet op tijd gekozen voor een vervolg. ', 'Doet niemand dat, dan '),
              ]
            : []),
        ],
      };
    case 'escalation_requested':
      return {
        subject: `${Zaak}: verzoek om verder te gaan met ${ROUTE_SHORT_NL[str(f.route)] ?? str(f.route)}`,
        paragraphs: f.mustAnswer
          ? [
              `De andere partij wil verder met ${ROUTE_NL[str(f.route)] ?? str(f.route)}.`,
              'Laat op de pagina van de zaak weten of u dat ook wilt. Geen antwoord telt als nee: dan wordt de zaak gesloten zonder oplossing.',
            ]
          : [`Een partij vraagt om verder te gaan met ${ROUTE_SHORT_NL[str(f.route)] ?? str(f.route)}.`],
      };
    case 'escalation_answered':
      return {
        subject: `${Zaak}: antwoord op het verzoek om verder te gaan`,
        paragraphs: [
          f.accepted
            ? `Beide partijen willen verder met ${ROUTE_SHORT_NL[str(f.route)] ?? str(f.route)}. Het secretariaat stelt nu een neutrale persoon voor.`
            : 'De andere partij wil niet verder. De zaak wordt gesloten zonder oplossing.',
        ],
      };
    case 'statement_submitted':
      return {
        subject: `${Zaak}: er is een nieuw processtuk`,
        paragraphs: [
          `Er is ${STATEMENT_NL[str(f.statementKind)] ?? 'een nieuw processtuk'} ingediend. U leest het op de pagina van de zaak.`,
        ],
      };
    case 'respondents_continued':
      return {
        subject: `${Zaak} gaat verder`,
        paragraphs: [
          `De zaak gaat verder met ${ROUTE_NL[str(f.route)] ?? str(f.route)}.`,
          Number(f.released) > 0
            ? 'Een of meer verzekeraars of zorgkantoren doen niet mee. De zaak gaat verder zonder hen.'
            : 'Alle partijen die ja hebben gezegd, doen mee.',
          'Het secretariaat zoekt nu een neutrale persoon voor de zaak.',
        ],
      };
    case 'participation_withdrawn':
      return {
        subject: `${Zaak}: een zorgaanbieder doet niet meer mee`,
        paragraphs: ['Een van de zorgaanbieders heeft zich teruggetrokken uit de zaak. De zaak gaat verder met de andere partijen.'],
      };
    case 'hearing_waived':
      return {
        subject: `${Zaak}: een partij ziet af van een zitting`,
        paragraphs: [
          `${f.fromSide === 'claimant' ? 'De indiener' : 'De verwerende partij'} wil geen zitting. Die partij vindt een beslissing op basis van de stukken genoeg.`,
          'Als alle partijen afzien van een zitting, kan er zonder zitting worden beslist. U kunt dit aangeven op de pagina van de zaak.',
        ],
      };
    case 'challenge_period_ended':
      return {
        subject: `${Zaak}: niemand heeft bezwaar gemaakt tegen de benoeming`,
        paragraphs: [
          `De termijn om bezwaar te maken tegen de voorgestelde neutrale persoon is voorbij (${dutchDate(str(f.dueAt))}). Niemand heeft bezwaar gemaakt.`,
          'U kunt de neutrale persoon nu benoemen.',
        ],
      };
    case 'document_submitted':
      return {
        subject: `${Zaak}: er is een nieuw document`,
        paragraphs: ['Er is een nieuw document. U ziet het op de pagina van de zaak.'],
      };
    case 'decision_rendered':
      return {
        subject: `${Zaak}: er is een beslissing`,
        paragraphs: [
          OUTCOME_NL[str(f.outcome)] ?? 'Er is een beslissing.',
          'U leest de beslissing en de verdeling van de kosten op de pagina van de zaak.',
        ],
      };
    case 'case_closed':
      return { subject: `${Zaak} is gesloten`, paragraphs: [CLOSED_AS_NL[str(f.closedAs)] ?? 'De zaak is gesloten.'] };
    case 'fee_invoiced':
      return {
        subject: `${Zaak}: factuur van ${euros(Number(f.amountCents))}`,
        paragraphs: [
          `U krijgt een factuur van ${euros(Number(f.amountCents))} voor ${f.feeKind === 'administration' ? 'de administratiekosten' : 'de kosten van de neutrale persoon'}.`,
          `Betaal ${deadlineLine(str(f.dueAt), notice.at)}.`,
        ],
      };
    case 'deadline_extended':
      return {
        subject: `${Zaak}: de termijn is verlengd`,
        paragraphs: [
          `De termijn om ${DEADLINE_TASK_NL[str(f.deadlineKind) as DeadlineKind] ?? 'te reageren'} is verlengd tot ${dutchDate(str(f.dueAt))} om 23:59.`,
        ],
      };
    case 'deadline_reminder':
      return {
        subject: `Herinnering ${zaak}: nog ${dayWord(daysLeft(notice.at, str(f.dueAt)))}`,
        paragraphs: [
          `Vergeet niet: ${DEADLINE_TASK_NL[str(f.deadlineKind) as DeadlineKind] ?? 'reageren'}, ${due()}.`,
          `Wat gebeurt er als dat niet lukt? ${DEADLINE_MISSED_NL[str(f.deadlineKind) as DeadlineKind] ?? ''}`.trim(),
        ],
      };
    case 'case_stalled':
      return {
        subject: `${Zaak}: de zaak staat stil`,
        paragraphs: [
          'De gevraagde informatie is niet op tijd gekomen. Daarom staat de zaak stil.',
          `Stuur de informatie alsnog, ${due()}. Anders wordt de zaak gesloten omdat de aanvraag niet compleet is.`,
        ],
      };
    case 'fee_overdue':
      return {
        subject: `${Zaak}: factuur van ${euros(Number(f.amountCents))} is niet betaald`,
        paragraphs: [
          `Een factuur van ${euros(Number(f.amountCents))} is 30 dagen na de factuurdatum nog niet betaald.`,
          'Op de pagina van de zaak ziet u de kosten en wie wat betaalt.',
        ],
      };
    case 'deadline_missed':
      return {
        subject: `${Zaak}: een termijn is verlopen`,
        paragraphs: [
          `De termijn om ${DEADLINE_TASK_NL[str(f.deadlineKind) as DeadlineKind] ?? 'te reageren'} is verlopen op ${dutchDate(str(f.dueAt))}.`,
          DEADLINE_MISSED_NL[str(f.deadlineKind) as DeadlineKind] ?? '',
        ],
      };
  }
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The whole message for one recipient: subject, plain text and HTML, each with the link to the case page. */
export function renderNotice(notice: Notice, recipientName: string, options: RenderOptions): RenderedMessage {
  const { subject, paragraphs } = compose(notice);
  const link = caseLink(options.publicUrl, notice.disputeId);
  const body = paragraphs.filter((p) => p !== '');
  const footer = 'Met vriendelijke groet,\nGeschilleninstantie Zorgcontractering';
  const text = [`Beste ${recipientName},`, ...body, `Bekijk de zaak: ${link}`, footer].join('\n\n') + '\n';
  const html = [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head><body>',
    `<p>Beste ${escapeHtml(recipientName)},</p>`,
    ...body.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(link)}">Bekijk de zaak</a></p>`,
    `<p>Met vriendelijke groet,<br>Geschilleninstantie Zorgcontractering</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html, link };
}
