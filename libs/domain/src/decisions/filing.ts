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
    throw forbidden('no_organisation', {
      en: 'You belong to no organisation; only members of a party organisation can file.',
      nl: 'U hoort bij geen organisatie. Alleen medewerkers van een zorgaanbieder, zorgverzekeraar, zorgkantoor of brancheorganisatie kunnen een zaak indienen.',
    });
  }
  if (state.exists) {
    throw conflict('already_exists', {
      en: 'A dispute with this id already exists; file a new dispute with a new id.',
      nl: 'Er bestaat al een zaak met dit nummer. Dien de nieuwe zaak in met een nieuw nummer.',
    });
  }
};

const checkJurisdiction = (legalFramework: string): void => {
  if ((OUT_OF_JURISDICTION_FRAMEWORKS as readonly string[]).includes(legalFramework)) {
    const law = legalFramework === 'wmo' ? 'Wmo' : 'Jeugdwet';
    throw invalid('legalFramework', 'outside_jurisdiction', {
      en:
        `Disputes under the ${law} are municipal and outside the jurisdiction ` +
        "of this disputes body. Use the municipality's own complaints or disputes procedure, or go to the civil court.",
      nl:
        `Geschillen over de ${law} gaan over zorg die de gemeente inkoopt. Daarover beslist deze geschilleninstantie niet. ` +
        'Gebruik de klachten- of geschillenregeling van de gemeente, of ga naar de burgerlijke rechter.',
    });
  }
  requireOneOf(legalFramework, LEGAL_FRAMEWORKS, 'legalFramework');
};

const checkUnique = (ids: string[], field: string): void => {
  if (new Set(ids).size !== ids.length) {
    throw invalid(field, 'duplicate', { en: `${field} lists an organisation twice.`, nl: 'U noemt een organisatie twee keer. Noem elke organisatie één keer.' });
  }
};

/** Looks every id up; claimants and respondents must be care providers or insurers. */
const partyOrganisations = (ids: unknown, field: string, ctx: DecisionContext): OrganisationInfo[] => {
  if (!Array.isArray(ids) || ids.length === 0) {
    throw invalid(field, 'required', { en: `${field} must name at least one organisation.`, nl: 'Noem minstens één organisatie.' });
  }
  checkUnique(ids as string[], field);
  return (ids as string[]).map((id) => {
    const org = ctx.directory.organisation(id);
    if (!org) {
      throw invalid(field, 'unknown_organisation', {
        en: `Organisation ${id} is not in the directory; check the id.`,
        nl: `Organisatie ${id} staat niet in ons register. Controleer de gegevens of vraag het secretariaat de organisatie toe te voegen.`,
      });
    }
    if (org.kind !== 'provider' && org.kind !== 'insurer' && org.kind !== 'care_office') {
      throw invalid(field, 'not_a_party_organisation', {
        en: `${org.name} is a ${org.kind}; only care providers, insurers and care offices can be claimants or respondents.`,
        nl: `${org.name} kan geen partij zijn. Alleen zorgaanbieders, zorgverzekeraars en zorgkantoren kunnen een zaak indienen of verweerder zijn.`,
      });
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
    throw invalid('subjects', 'required', {
      en: 'Name at least one subject of the dispute (for example tariff).',
      nl: 'Noem minstens één onderwerp van het geschil, bijvoorbeeld het tarief.',
    });
  }
  c.subjects.forEach((s) => requireOneOf(s, SUBJECTS, 'subjects'));
  const maxYear = new Date(ctx.now).getUTCFullYear() + 2;
  if (Number.isInteger(c.contractYear) && c.contractYear < FIRST_CONTRACT_YEAR) {
    // Rule 20: the body did not exist yet; say where to go instead.
    throw invalid('contractYear', 'before_the_body_existed', {
      en:
        `The disputes body was founded in 2016; it does not handle contracts from ${c.contractYear}. ` +
        'For older contracts, go to the civil court, or ask the NZa (Dutch Healthcare Authority) for advice.',
      nl:
        `De geschilleninstantie bestaat sinds 2016. Zij behandelt geen contracten uit ${c.contractYear}. ` +
        'Voor oudere contracten kunt u naar de burgerlijke rechter, of de NZa (Nederlandse Zorgautoriteit) om advies vragen.',
    });
  }
  if (!Number.isInteger(c.contractYear) || c.contractYear > maxYear) {
    throw invalid('contractYear', 'out_of_range', {
      en: `contractYear must be a year from ${FIRST_CONTRACT_YEAR} to ${maxYear}.`,
      nl: `Het contractjaar moet een jaar zijn van ${FIRST_CONTRACT_YEAR} tot en met ${maxYear}.`,
    });
  }
  requireText(c.summary, 'summary', 'A summary of the dispute');
  if (!Array.isArray(c.claims) || c.claims.length === 0) {
    throw invalid('claims', 'required', {
      en: 'State at least one claim: what you ask the neutral to decide or the other side to do.',
      nl: 'Schrijf minstens één eis op: wat moet de mediator, adviseur of arbiter beslissen, of wat moet de andere partij doen?',
    });
  }
  c.claims.forEach((claim) => {
    requireText(claim?.description, 'claims', 'Each claim needs a description; it');
    if (claim.amountCents !== undefined && !isNonNegativeInteger(claim.amountCents)) {
      throw invalid('claims', 'not_an_amount', {
        en: 'A claim amount must be a whole, non-negative number of euro cents.',
        nl: 'Een bedrag bij een eis moet een heel aantal eurocenten zijn, 0 of meer.',
      });
    }
  });
  if (!isNonNegativeInteger(c.amountInDisputeCents)) {
    throw invalid('amountInDisputeCents', 'not_an_amount', {
      en: 'amountInDisputeCents must be a whole, non-negative number of euro cents.',
      nl: 'Het bedrag waarover het geschil gaat moet een heel aantal eurocenten zijn, 0 of meer.',
    });
  }
  requireOneOf(c.proposedRoute, ROUTES, 'proposedRoute');
  if (c.urgent && (typeof c.urgencyReason !== 'string' || c.urgencyReason.trim() === '')) {
    throw invalid('urgencyReason', 'required', {
      en: 'An urgent dispute needs a reason, for example a threatened client stop.',
      nl: 'Geef aan waarom de zaak spoed heeft, bijvoorbeeld omdat een cliëntenstop dreigt.',
    });
  }
};

// --- Rule 20: which law goes with which insurer side, sector and year ---

const WLZ_FIRST_CONTRACT_YEAR = 2017; // Wlz disputes are in scope from 1 April 2017
const isWlzSector = (sector: string): boolean => sector.startsWith('wlz_');

const checkJurisdictionOfParties = (c: FileDispute, insurerSide: OrganisationInfo[]): void => {
  const field = insurerSide.length > 0 && c.respondentOrganisationIds.includes(insurerSide[0].id) ? 'respondentOrganisationIds' : 'claimantOrganisationIds';
  if (c.legalFramework === 'wlz') {
    const notCareOffice = insurerSide.find((o) => o.kind !== 'care_office');
    if (notCareOffice) {
      throw invalid(field, 'wlz_needs_care_office', {
        en:
          `${notCareOffice.name} is a health insurer; long-term care (Wlz) is contracted by a care office (zorgkantoor). ` +
          'Name the care office of the region, or choose zvw if the dispute is about care the insurer contracts.',
        nl:
          `${notCareOffice.name} is een zorgverzekeraar. Langdurige zorg (Wlz) koopt een zorgkantoor in. ` +
          'Kies het zorgkantoor van uw regio, of kies Zvw als het geschil gaat over zorg die de zorgverzekeraar inkoopt.',
      });
    }
    if (!isWlzSector(c.sector) && c.sector !== 'other') {
      throw invalid('sector', 'sector_not_wlz', {
        en: 'A Wlz dispute is about long-term care: choose wlz_nursing_care, wlz_disability_care, wlz_mental_health or other.',
        nl: 'Een Wlz-geschil gaat over langdurige zorg. Kies verpleging en verzorging, gehandicaptenzorg, langdurige ggz (Wlz) of overig.',
      });
    }
    if (c.contractYear < WLZ_FIRST_CONTRACT_YEAR) {
      throw invalid('contractYear', 'wlz_before_2017', {
        en: `Wlz disputes are handled from 1 April 2017, for contract year 2017 and later; for ${c.contractYear} go to the civil court.`,
        nl: `De geschilleninstantie behandelt Wlz-geschillen vanaf 1 april 2017, voor contractjaar 2017 en later. Voor ${c.contractYear} kunt u naar de burgerlijke rechter.`,
      });
    }
    return;
  }
  const careOffice = insurerSide.find((o) => o.kind !== 'insurer');
  if (careOffice) {
    throw invalid(field, 'zvw_needs_insurer', {
      en: `${careOffice.name} is a care office, which contracts long-term care (Wlz); for a dispute with it choose wlz. Under the Zvw the other side is a health insurer.`,
      nl: `${careOffice.name} is een zorgkantoor en koopt langdurige zorg (Wlz) in. Kies Wlz voor een geschil met het zorgkantoor. Bij de Zvw is de andere partij een zorgverzekeraar.`,
    });
  }
  if (isWlzSector(c.sector)) {
    throw invalid('sector', 'sector_is_wlz', {
      en: `${c.sector} is long-term care (Wlz); choose legal framework wlz and the care office, or a Zvw sector.`,
      nl: 'Deze zorgsoort valt onder de Wlz (langdurige zorg). Kies dan Wlz en het zorgkantoor, of kies een zorgsoort uit de Zvw.',
    });
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
        const names = outsiders.map((o) => o.name).join(', ');
        throw forbidden('not_a_member', {
          en:
            `${names} ${outsiders.length > 1 ? 'are' : 'is'} not a member provider of your association; ` +
            'an association can only file on behalf of its own member providers.',
          nl: `${names} ${outsiders.length > 1 ? 'zijn' : 'is'} geen lid van uw brancheorganisatie. U kunt alleen een zaak indienen namens uw eigen leden.`,
        });
      }
      filedOnBehalfBy = actorOrg;
    } else if (c.claimantOrganisationIds.length !== 1 || c.claimantOrganisationIds[0] !== actorOrg) {
      // A provider or insurer files for its own organisation alone: naming another organisation as
      // claimant would make it a party without its consent. Collective disputes go through an association.
      throw forbidden('not_your_organisation', {
        en:
          `You can only file on behalf of your own organisation (${actorOrg}) as the only claimant; ` +
          'to file together with other providers, ask your association to file a collective dispute.',
        nl:
          'U kunt alleen een zaak indienen namens uw eigen organisatie, als enige indiener. ' +
          'Wilt u samen met andere zorgaanbieders een zaak indienen? Vraag dan uw brancheorganisatie om een collectieve zaak.',
      });
    }

    // One claimant, or an association's member providers: the claimants are always on one side.
    // A care office (Wlz) is on the insurers' side.
    const claimantKind = claimants[0].kind === 'provider' ? 'provider' : 'insurer';
    const expectedRespondentKind = claimantKind === 'provider' ? 'insurer' : 'provider';
    const overlap = respondents.filter((o) => c.claimantOrganisationIds.includes(o.id));
    if (overlap.length > 0) {
      throw invalid('respondentOrganisationIds', 'overlap', {
        en: `${overlap[0].name} cannot be both claimant and respondent.`,
        nl: `${overlap[0].name} kan niet tegelijk indiener en verweerder zijn.`,
      });
    }
    const wrongSide = respondents.find((o) => (o.kind === 'provider' ? 'provider' : 'insurer') !== expectedRespondentKind);
    if (wrongSide) {
      throw invalid('respondentOrganisationIds', 'same_side', {
        en: `${wrongSide.name} is a ${wrongSide.kind}; a dispute by a ${claimantKind} is against ${
          expectedRespondentKind === 'insurer' ? 'an insurer or care office' : 'a care provider'
        }.`,
        nl: `${wrongSide.name} staat aan dezelfde kant als u. Een zaak van een ${
          claimantKind === 'provider' ? 'zorgaanbieder gaat tegen een zorgverzekeraar of zorgkantoor' : 'zorgverzekeraar of zorgkantoor gaat tegen een zorgaanbieder'
        }.`,
      });
    }
    const insurerSide = claimantKind === 'provider' ? respondents : claimants;
    checkJurisdictionOfParties(c, insurerSide);

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
