import type { FileDispute } from '../commands';
import type { DecisionContext, OrganisationInfo } from '../context';
import { conflict, forbidden, invalid } from '../errors';
import type { DisputeEvent } from '../events';
import type { DisputeState } from '../state';
import {
  LEGAL_FRAMEWORKS,
  OUT_OF_JURISDICTION_FRAMEWORKS,
  PARTY_ROLES,
  PHASES,
  ROUTES,
  SECTORS,
  SUBJECTS,
} from '../vocabulary';
import { requireRole } from './guards';
import type { ActionRule, GuardContext } from './rule';
import { isNonNegativeInteger, requireOneOf, requireText } from './validate';

const FIRST_CONTRACT_YEAR = 2016; // the disputes body was founded on 2 June 2016

const guardFiling = (state: DisputeState, g: GuardContext): void => {
  requireRole(g, PARTY_ROLES, 'a care provider, an insurer or an association');
  if (!g.actor.organisationId) {
    throw forbidden('no_organisation', 'You belong to no organisation; only members of a party organisation can file.');
  }
  if (state.exists) {
    throw conflict('already_exists', 'A dispute with this id already exists; file a new dispute with a new id.');
  }
};

const checkJurisdiction = (legalFramework: string): void => {
  if ((OUT_OF_JURISDICTION_FRAMEWORKS as readonly string[]).includes(legalFramework)) {
    throw invalid(
      'legalFramework',
      'outside_jurisdiction',
      `Disputes under the ${legalFramework === 'wmo' ? 'Wmo' : 'Jeugdwet'} are municipal and outside the jurisdiction ` +
        "of this disputes body. Use the municipality's own complaints or disputes procedure, or go to the civil court.",
    );
  }
  requireOneOf(legalFramework, LEGAL_FRAMEWORKS, 'legalFramework');
};

const checkUnique = (ids: string[], field: string): void => {
  if (new Set(ids).size !== ids.length) throw invalid(field, 'duplicate', `${field} lists an organisation twice.`);
};

/** Looks every id up; claimants and respondents must be care providers or insurers. */
const partyOrganisations = (ids: unknown, field: string, ctx: DecisionContext): OrganisationInfo[] => {
  if (!Array.isArray(ids) || ids.length === 0) {
    throw invalid(field, 'required', `${field} must name at least one organisation.`);
  }
  checkUnique(ids as string[], field);
  return (ids as string[]).map((id) => {
    const org = ctx.directory.organisation(id);
    if (!org) throw invalid(field, 'unknown_organisation', `Organisation ${id} is not in the directory; check the id.`);
    if (org.kind !== 'provider' && org.kind !== 'insurer' && org.kind !== 'care_office') {
      throw invalid(
        field,
        'not_a_party_organisation',
        `${org.name} is a ${org.kind}; only care providers and insurers can be claimants or respondents.`,
      );
    }
    return org;
  });
};

const checkPayload = (c: FileDispute, ctx: DecisionContext): void => {
  requireText(c.disputeId, 'disputeId', 'The dispute id');
  requireOneOf(c.phase, PHASES, 'phase');
  checkJurisdiction(c.legalFramework);
  requireOneOf(c.sector, SECTORS, 'sector');
  if (!Array.isArray(c.subjects) || c.subjects.length === 0) {
    throw invalid('subjects', 'required', 'Name at least one subject of the dispute (for example tariff).');
  }
  c.subjects.forEach((s) => requireOneOf(s, SUBJECTS, 'subjects'));
  const maxYear = new Date(ctx.now).getUTCFullYear() + 2;
  if (!Number.isInteger(c.contractYear) || c.contractYear < FIRST_CONTRACT_YEAR || c.contractYear > maxYear) {
    throw invalid('contractYear', 'out_of_range', `contractYear must be a year from ${FIRST_CONTRACT_YEAR} to ${maxYear}.`);
  }
  requireText(c.summary, 'summary', 'A summary of the dispute');
  if (!Array.isArray(c.claims) || c.claims.length === 0) {
    throw invalid('claims', 'required', 'State at least one claim: what you ask the neutral to decide or the other side to do.');
  }
  c.claims.forEach((claim) => {
    requireText(claim?.description, 'claims', 'Each claim needs a description; it');
    if (claim.amountCents !== undefined && !isNonNegativeInteger(claim.amountCents)) {
      throw invalid('claims', 'not_an_amount', 'A claim amount must be a whole, non-negative number of euro cents.');
    }
  });
  if (!isNonNegativeInteger(c.amountInDisputeCents)) {
    throw invalid('amountInDisputeCents', 'not_an_amount', 'amountInDisputeCents must be a whole, non-negative number of euro cents.');
  }
  requireOneOf(c.proposedRoute, ROUTES, 'proposedRoute');
  if (c.urgent && (typeof c.urgencyReason !== 'string' || c.urgencyReason.trim() === '')) {
    throw invalid('urgencyReason', 'required', 'An urgent dispute needs a reason, for example a threatened client stop.');
  }
};

export const fileDispute: ActionRule<FileDispute> = {
  guard: guardFiling,
  decide(c, _state, ctx) {
    checkPayload(c, ctx);
    const actorOrg = ctx.actor.organisationId as string;
    const claimants = partyOrganisations(c.claimantOrganisationIds, 'claimantOrganisationIds', ctx);
    const respondents = partyOrganisations(c.respondentOrganisationIds, 'respondentOrganisationIds', ctx);

    let filedOnBehalfBy: string | undefined;
    if (ctx.actor.role === 'association') {
      // An association files a collective dispute on behalf of its member providers.
      const association = ctx.directory.organisation(actorOrg);
      const members = association?.members ?? [];
      const outsiders = claimants.filter((o) => !members.includes(o.id) || o.kind !== 'provider');
      if (outsiders.length > 0) {
        // Acting for organisations one does not represent is a matter of authority, not of input.
        throw forbidden(
          'not_a_member',
          `${outsiders.map((o) => o.name).join(', ')} ${outsiders.length > 1 ? 'are' : 'is'} not a member provider of your association; ` +
            'an association can only file on behalf of its own member providers.',
        );
      }
      filedOnBehalfBy = actorOrg;
    } else if (c.claimantOrganisationIds.length !== 1 || c.claimantOrganisationIds[0] !== actorOrg) {
      // A provider or insurer files for its own organisation alone: naming another organisation as
      // claimant would make it a party without its consent. Collective disputes go through an association.
      throw forbidden(
        'not_your_organisation',
        `You can only file on behalf of your own organisation (${actorOrg}) as the only claimant; ` +
          'to file together with other providers, ask your association to file a collective dispute.',
      );
    }

    // One claimant, or an association's member providers: the claimants are always on one side.
    // A care office (Wlz) is on the insurers' side.
    const claimantKind = claimants[0].kind === 'provider' ? 'provider' : 'insurer';
    const expectedRespondentKind = claimantKind === 'provider' ? 'insurer' : 'provider';
    const overlap = respondents.filter((o) => c.claimantOrganisationIds.includes(o.id));
    if (overlap.length > 0) {
      throw invalid('respondentOrganisationIds', 'overlap', `${overlap[0].name} cannot be both claimant and respondent.`);
    }
    const wrongSide = respondents.find((o) => (o.kind === 'provider' ? 'provider' : 'insurer') !== expectedRespondentKind);
    if (wrongSide) {
      throw invalid(
        'respondentOrganisationIds',
        'same_side',
        `${wrongSide.name} is a ${wrongSide.kind}; a dispute by a ${claimantKind} is against ${
          expectedRespondentKind === 'insurer' ? 'an insurer or care office' : 'a care provider'
        }.`,
      );
    }

    const event: DisputeEvent = {
      type: 'DisputeFiled',
      data: {
        disputeId: c.disputeId,
        phase: c.phase,
        legalFramework: c.legalFramework,
        sector: c.sector,
        subjects: [...c.subjects],
        contractYear: c.contractYear,
        claimantOrganisationIds: [...c.claimantOrganisationIds],
        respondentOrganisationIds: [...c.respondentOrganisationIds],
        ...(filedOnBehalfBy ? { filedOnBehalfBy } : {}),
        claimantKind: filedOnBehalfBy ? 'association' : claimantKind,
        smallProviderClaimant: claimants.some((o) => o.kind === 'provider' && o.smallProvider === true),
        summary: c.summary,
        claims: c.claims.map((x) => ({ ...x })),
        amountInDisputeCents: c.amountInDisputeCents,
        proposedRoute: c.proposedRoute,
        urgent: c.urgent === true,
        ...(c.urgent && c.urgencyReason ? { urgencyReason: c.urgencyReason } : {}),
        filedByUserId: ctx.actor.userId,
        occurredAt: ctx.now,
      },
    };
    return [event];
  },
};
