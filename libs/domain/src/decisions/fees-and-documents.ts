import type { InvoiceFee, RecordPayment, SubmitDocument } from '../commands';
import { conflict, forbidden, invalid } from '../errors';
import { addDays } from '../deadlines';
import { paymentDeadlineId, procedureStageOf } from '../evolve';
import { isCaseVisibleTo } from '../visibility';
import { appointedNeutrals, partyOrganisationIds, sideOf } from '../sides';
import type { DisputeState } from '../state';
import type { Policies } from '../context';
import { dutchDate, orgName } from './describe';
import { DOCUMENT_VISIBILITIES, FEE_KINDS } from '../vocabulary';
import { requireExists, requireOpenCase, requireRegistered, requireSecretariat } from './guards';
import type { ActionRule } from './rule';
import { requireFreshId, requireOneOf, requireText } from './validate';

const SHA256 = /^[0-9a-f]{64}$/i;

export const submitDocument: ActionRule<SubmitDocument> = {
  guard(state, g) {
    requireOpenCase(state);
    const onCase =
      g.actor.role === 'secretariat' ||
      // A respondent only from registration on (rule 1).
      (sideOf(state, g.actor) !== undefined && isCaseVisibleTo(state, g.actor)) ||
      // A nominee only sees what a conflict check needs (rule 2); appointed neutrals work on the case.
      appointedNeutrals(state).some((n) => n.userId === g.actor.userId && n.role === g.actor.role);
    if (!onCase) {
      throw forbidden('not_on_case', {
        en: 'Only the parties, the neutrals on this case and the secretariat can submit documents.',
        nl: 'Alleen de partijen, de mediator, adviseurs of arbiters in deze zaak en het secretariaat kunnen documenten toevoegen.',
      });
    }
  },
  decide(c, state, ctx) {
    const documentId = requireFreshId(
      c.documentId,
      state.documents.map((d) => d.documentId),
      'documentId',
      'Document',
    );
    const name = requireText(c.name, 'name', 'The document name');
    const mediaType = requireText(c.mediaType, 'mediaType', 'The media type');
    if (typeof c.sizeBytes !== 'number' || !Number.isInteger(c.sizeBytes) || c.sizeBytes <= 0) {
      throw invalid('sizeBytes', 'empty_document', {
        en: 'The document is empty; upload a file with content.',
        nl: 'Het document is leeg. Kies een bestand met inhoud.',
      });
    }
    if (typeof c.sha256 !== 'string' || !SHA256.test(c.sha256)) {
      throw invalid('sha256', 'bad_checksum', {
        en: "sha256 must be the 64 hexadecimal digits of the file's SHA-256 hash.",
        nl: 'sha256 moet de controlecode (SHA-256) van het bestand zijn: 64 tekens 0-9 en a-f.',
      });
    }
    const visibility = requireOneOf(c.visibility, DOCUMENT_VISIBILITIES, 'visibility');
    // Parties may address a document to the neutrals alone (e.g. confidential to the mediator);
    // only the secretariat files documents for the secretariat's eyes.
    if (visibility === 'secretariat' && ctx.actor.role !== 'secretariat') {
      throw invalid('visibility', 'secretariat_only', {
        en: 'Only the secretariat can file secretariat-only documents; choose parties or neutral_only.',
        nl: 'Alleen het secretariaat kan documenten alleen voor het secretariaat toevoegen. Kies "partijen" of "alleen de mediator, adviseur of arbiter".',
      });
    }
    return [
      {
        type: 'DocumentSubmitted',
        data: {
          documentId,
          name,
          mediaType,
          sizeBytes: c.sizeBytes,
          sha256: c.sha256.toLowerCase(),
          visibility,
          submittedByUserId: ctx.actor.userId,
          // Rule 4: the procedure it belongs to, for whose neutrals a neutral_only document is.
          procedureStage: procedureStageOf(state),
          occurredAt: ctx.now,
        },
      },
    ];
  },
};

// Fees may be invoiced and paid after the case closed: invoicing follows the case, not its status.

export const invoiceFee: ActionRule<InvoiceFee> = {
  guard(state, g) {
    requireExists(state);
    requireSecretariat(g);
    requireRegistered(state, 'fees can only be invoiced');
  },
  decide(c, state, ctx) {
    const invoiceId = requireFreshId(
      c.invoiceId,
      state.invoices.map((i) => i.invoiceId),
      'invoiceId',
      'Invoice',
    );
    const kind = requireOneOf(c.kind, FEE_KINDS, 'kind');
    if (!partyOrganisationIds(state).includes(c.organisationId)) {
      throw invalid('organisationId', 'not_a_party', {
        en: `${c.organisationId} is not a party to this case; invoice a party organisation.`,
        nl: `${orgName(ctx, c.organisationId)} is geen partij in deze zaak. Stuur de rekening aan een partij.`,
      });
    }
    if (kind === 'administration') {
      const share = state.administrationFee?.shares.find((s) => s.organisationId === c.organisationId);
      if (!share) {
        throw invalid('organisationId', 'no_fee_share', {
          en: `${c.organisationId} bears no share of the administration fee.`,
          nl: `${orgName(ctx, c.organisationId)} betaalt niets van de administratiekosten.`,
        });
      }
      if (c.amountCents !== share.amountCents) {
        throw invalid('amountCents', 'amount_mismatch', {
          en: `The administration fee share of ${c.organisationId} is ${share.amountCents} cents, not ${c.amountCents}.`,
          nl: `Het deel van de administratiekosten voor ${orgName(ctx, c.organisationId)} is ${share.amountCents} eurocent, niet ${c.amountCents}.`,
        });
      }
      if (state.invoices.some((i) => i.kind === 'administration' && i.organisationId === c.organisationId)) {
        throw conflict('already_invoiced', {
          en: `The administration fee of ${c.organisationId} was already invoiced.`,
          nl: `De administratiekosten van ${orgName(ctx, c.organisationId)} zijn al in rekening gebracht.`,
        });
      }
    } else if (typeof c.amountCents !== 'number' || !Number.isInteger(c.amountCents) || c.amountCents <= 0) {
      throw invalid('amountCents', 'not_an_amount', {
        en: 'A neutral fee must be a positive whole number of euro cents.',
        nl: 'Het honorarium moet een heel aantal eurocenten zijn, groter dan 0.',
      });
    }
    if (kind === 'neutral_fee') {
      const share = neutralFeeSharePct(state, c.organisationId, ctx.policies);
      if (share === 0) {
        const name = orgName(ctx, c.organisationId);
        throw invalid('organisationId', 'no_fee_share', {
          en: `${name} bears no share of the neutrals' fees under the cost allocation of this case; invoice the organisations that do.`,
          nl: `${name} betaalt volgens de kostenverdeling van deze zaak niets van de kosten van de mediator, adviseur of arbiter. Stuur de rekening aan de partij die wel betaalt.`,
        });
      }
    }
    // Rule 17: every invoice is due within the payment term; unpaid after it, the fee is overdue.
    const paymentDeadline = {
      deadlineId: paymentDeadlineId(invoiceId),
      kind: 'fee_payment' as const,
      dueAt: addDays(ctx.now, ctx.policies.deadlineDays.fee_payment),
    };
    return [
      {
        type: 'FeeInvoiced',
        data: { invoiceId, organisationId: c.organisationId, kind, amountCents: c.amountCents, paymentDeadline, occurredAt: ctx.now },
      },
    ];
  },
};

export const recordPayment: ActionRule<RecordPayment> = {
  guard(state, g) {
    requireExists(state);
    requireSecretariat(g);
    requireRegistered(state, 'payments can only be recorded');
    if (!state.invoices.some((i) => !i.paid)) {
      throw conflict('no_unpaid_invoice', {
        en: 'No invoice on this case is waiting for payment.',
        nl: 'Er staat in deze zaak geen rekening open.',
      });
    }
  },
  decide(c, state, ctx) {
    const invoice = state.invoices.find((i) => i.invoiceId === c.invoiceId);
    if (!invoice)
      throw invalid('invoiceId', 'unknown_invoice', {
        en: `Invoice ${c.invoiceId} does not exist on this case.`,
        nl: `Rekening ${c.invoiceId} bestaat niet in deze zaak.`,
      });
    if (invoice.paid)
      throw conflict('already_paid', {
        en: `Invoice ${c.invoiceId} was already paid on ${invoice.paidAt}.`,
        nl: `Rekening ${c.invoiceId} is al betaald op ${dutchDate(invoice.paidAt ?? '')}.`,
      });
    return [{ type: 'FeePaid', data: { invoiceId: invoice.invoiceId, amountCents: invoice.amountCents, occurredAt: ctx.now } }];
  },
};

// --- Rules 18 and 19: who bears the costs ---

/** One organisation's share of a fee, in percent (may have decimals with small-provider relief). */
export interface CostShare {
  organisationId: string;
  pct: number;
}

/** Why the neutrals' fees are split as they are. */
export type NeutralFeeBasis = 'decision' | 'mediation_split';

/**
 * How the neutrals' fees are split now: per the decision's allocation once there is one (rule 18),
 * else 50/50 between the sides with the small-provider relief on the claimant's half (rule 19).
 * The claimant side pays through the association that filed a collective case (rule 9); the
 * respondents' part is split evenly between them.
 */
export const neutralFeeShares = (state: DisputeState, policies: Policies): { basis: NeutralFeeBasis; shares: CostShare[] } => {
  const claimantPayer = state.filedOnBehalfBy ?? state.claimantOrganisationIds[0];
  const decision = state.outcome?.decision;
  const claimantPct = decision
    ? decision.claimantCostSharePct
    : state.smallProviderClaimant
      ? 50 - (50 * policies.smallProviderRespondentSharePct) / 100
      : 50;
  const respondents = state.respondentOrganisationIds;
  const each = respondents.length > 0 ? (100 - claimantPct) / respondents.length : 0;
  const shares: CostShare[] = [
    ...(claimantPayer ? [{ organisationId: claimantPayer, pct: respondents.length > 0 ? claimantPct : 100 }] : []),
    ...respondents.map((organisationId) => ({ organisationId, pct: each })),
  ];
  return { basis: decision ? 'decision' : 'mediation_split', shares };
};

/** The share (in percent) of the neutrals' fees an organisation bears, or undefined when it pays none of them as a party. */
export const neutralFeeSharePct = (state: DisputeState, organisationId: string, policies: Policies): number | undefined => {
  const share = neutralFeeShares(state, policies).shares.find((s) => s.organisationId === organisationId);
  if (share) return share.pct;
  return state.claimantOrganisationIds.includes(organisationId) ? 0 : undefined;
};
