import type { InvoiceFee, RecordPayment, SubmitDocument } from '../commands';
import { conflict, forbidden, invalid } from '../errors';
import { procedureStageOf } from '../evolve';
import { isCaseVisibleTo } from '../visibility';
import { appointedNeutrals, partyOrganisationIds, sideOf } from '../sides';
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
      throw forbidden('not_on_case', 'Only the parties, the neutrals on this case and the secretariat can submit documents.');
    }
  },
  decide(c, state, ctx) {
    const documentId = requireFreshId(c.documentId, state.documents.map((d) => d.documentId), 'documentId', 'Document');
    const name = requireText(c.name, 'name', 'The document name');
    const mediaType = requireText(c.mediaType, 'mediaType', 'The media type');
    if (typeof c.sizeBytes !== 'number' || !Number.isInteger(c.sizeBytes) || c.sizeBytes <= 0) {
      throw invalid('sizeBytes', 'empty_document', 'The document is empty; upload a file with content.');
    }
    if (typeof c.sha256 !== 'string' || !SHA256.test(c.sha256)) {
      throw invalid('sha256', 'bad_checksum', 'sha256 must be the 64 hexadecimal digits of the file\'s SHA-256 hash.');
    }
    const visibility = requireOneOf(c.visibility, DOCUMENT_VISIBILITIES, 'visibility');
    // Parties may address a document to the neutrals alone (e.g. confidential to the mediator);
    // only the secretariat files documents for the secretariat's eyes.
    if (visibility === 'secretariat' && ctx.actor.role !== 'secretariat') {
      throw invalid('visibility', 'secretariat_only', 'Only the secretariat can file secretariat-only documents; choose parties or neutral_only.');
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
    const invoiceId = requireFreshId(c.invoiceId, state.invoices.map((i) => i.invoiceId), 'invoiceId', 'Invoice');
    const kind = requireOneOf(c.kind, FEE_KINDS, 'kind');
    if (!partyOrganisationIds(state).includes(c.organisationId)) {
      throw invalid('organisationId', 'not_a_party', `${c.organisationId} is not a party to this case; invoice a party organisation.`);
    }
    if (kind === 'administration') {
      const share = state.administrationFee?.shares.find((s) => s.organisationId === c.organisationId);
      if (!share) {
        throw invalid('organisationId', 'no_fee_share', `${c.organisationId} bears no share of the administration fee.`);
      }
      if (c.amountCents !== share.amountCents) {
        throw invalid('amountCents', 'amount_mismatch', `The administration fee share of ${c.organisationId} is ${share.amountCents} cents, not ${c.amountCents}.`);
      }
      if (state.invoices.some((i) => i.kind === 'administration' && i.organisationId === c.organisationId)) {
        throw conflict('already_invoiced', `The administration fee of ${c.organisationId} was already invoiced.`);
      }
    } else if (typeof c.amountCents !== 'number' || !Number.isInteger(c.amountCents) || c.amountCents <= 0) {
      throw invalid('amountCents', 'not_an_amount', 'A neutral fee must be a positive whole number of euro cents.');
    }
    return [{ type: 'FeeInvoiced', data: { invoiceId, organisationId: c.organisationId, kind, amountCents: c.amountCents, occurredAt: ctx.now } }];
  },
};

export const recordPayment: ActionRule<RecordPayment> = {
  guard(state, g) {
    requireExists(state);
    requireSecretariat(g);
    requireRegistered(state, 'payments can only be recorded');
    if (!state.invoices.some((i) => !i.paid)) {
      throw conflict('no_unpaid_invoice', 'No invoice on this case is waiting for payment.');
    }
  },
  decide(c, state, ctx) {
    const invoice = state.invoices.find((i) => i.invoiceId === c.invoiceId);
    if (!invoice) throw invalid('invoiceId', 'unknown_invoice', `Invoice ${c.invoiceId} does not exist on this case.`);
    if (invoice.paid) throw conflict('already_paid', `Invoice ${c.invoiceId} was already paid on ${invoice.paidAt}.`);
    return [{ type: 'FeePaid', data: { invoiceId: invoice.invoiceId, amountCents: invoice.amountCents, occurredAt: ctx.now } }];
  },
};
