import { given, fileCommand, DISPUTE_ID, T0 } from './support/given';
import { filed } from './support/scenarios';

describe('file-dispute', () => {
  it('a provider files against an insurer: DisputeFiled, status filed', () => {
    const events = given([]).when(fileCommand(), 'prov-anna', T0).events();
    expect(events).toEqual([
      {
        type: 'DisputeFiled',
        data: expect.objectContaining({
          disputeId: DISPUTE_ID,
          claimantKind: 'provider',
          smallProviderClaimant: true,
          proposedRoute: 'mediation',
          filedByUserId: 'prov-anna',
          urgent: false,
          occurredAt: T0,
        }),
      },
    ]);
    const state = given([]).when(fileCommand(), 'prov-anna', T0).thenState();
    expect(state).toMatchObject({ exists: true, status: 'filed', filedAt: T0, initialRoute: 'mediation', version: 1 });
    expect(state.filedOnBehalfBy).toBeUndefined();
  });

  it('a provider that is not small: smallProviderClaimant false', () => {
    const [e] = given([]).when(fileCommand({ claimantOrganisationIds: ['org-wijkzorg-amstelland'] }), 'prov-bram').events();
    expect(e.type === 'DisputeFiled' && e.data.smallProviderClaimant).toBe(false);
  });

  it('an insurer files against providers: claimantKind insurer', () => {
    const [e] = given([])
      .when(
        fileCommand({ claimantOrganisationIds: ['org-zv-noord'], respondentOrganisationIds: ['org-wijkzorg-amstelland', 'org-fysio-delinde'] }),
        'ins-carla',
      )
      .events();
    expect(e.data).toMatchObject({ claimantKind: 'insurer', smallProviderClaimant: false });
  });

  it('an association files a collective dispute for member providers', () => {
    const [e] = given([])
      .when(fileCommand({ claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'] }), 'assoc-eva')
      .events();
    expect(e.data).toMatchObject({
      claimantKind: 'association',
      filedOnBehalfBy: 'org-branche-eerstelijn',
      claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'],
      smallProviderClaimant: true,
    });
  });

  it('an urgent dispute keeps its reason', () => {
    const [e] = given([]).when(fileCommand({ urgent: true, urgencyReason: 'client stop on 1 April' }), 'prov-anna').events();
    expect(e.data).toMatchObject({ urgent: true, urgencyReason: 'client stop on 1 April' });
  });

  describe('refusals', () => {
    it.each(['mediator', 'adviser', 'arbitrator', 'secretariat', 'observer'])('role %s may not file: forbidden', (role) => {
      const who = { mediator: 'med-femke', adviser: 'adv-hanna', arbitrator: 'arb-ivo', secretariat: 'sec-jan', observer: 'obs-karin' }[role]!;
      given([]).when(fileCommand(), who).thenRefuses('forbidden', 'wrong_role');
    });
    it('the system may not file', () => {
      given([]).when(fileCommand(), { userId: 'system', role: 'system' }).thenRefuses('forbidden', 'wrong_role');
    });
    it('a dispute that already exists: conflict', () => {
      given(filed()).when(fileCommand(), 'prov-anna').thenRefuses('conflict', 'already_exists');
    });
    it.each(['wmo', 'jeugdwet'])('%s is outside jurisdiction, with where to go instead', (framework) => {
      given([])
        .when(fileCommand({ legalFramework: framework as never }), 'prov-anna')
        .thenRefuses('invalid', /outside the jurisdiction.*municipality's own complaints or disputes procedure.*civil court/, 'legalFramework');
    });
    it('an unknown legal framework', () => {
      given([]).when(fileCommand({ legalFramework: 'abc' as never }), 'prov-anna').thenRefuses('invalid', 'unknown_value', 'legalFramework');
    });
    it('urgent without a reason', () => {
      given([]).when(fileCommand({ urgent: true }), 'prov-anna').thenRefuses('invalid', 'required', 'urgencyReason');
      given([]).when(fileCommand({ urgent: true, urgencyReason: '  ' }), 'prov-anna').thenRefuses('invalid', 'required', 'urgencyReason');
    });
    it('no subject', () => {
      given([]).when(fileCommand({ subjects: [] }), 'prov-anna').thenRefuses('invalid', 'required', 'subjects');
    });
    it('an unknown subject, sector, phase or route', () => {
      given([]).when(fileCommand({ subjects: ['weather' as never] }), 'prov-anna').thenRefuses('invalid', 'unknown_value', 'subjects');
      given([]).when(fileCommand({ sector: 'x' as never }), 'prov-anna').thenRefuses('invalid', 'unknown_value', 'sector');
      given([]).when(fileCommand({ phase: 'x' as never }), 'prov-anna').thenRefuses('invalid', 'unknown_value', 'phase');
      given([]).when(fileCommand({ proposedRoute: 'x' as never }), 'prov-anna').thenRefuses('invalid', 'unknown_value', 'proposedRoute');
    });
    it('no claim, or a claim without description', () => {
      given([]).when(fileCommand({ claims: [] }), 'prov-anna').thenRefuses('invalid', 'required', 'claims');
      given([]).when(fileCommand({ claims: [{ description: '' }] }), 'prov-anna').thenRefuses('invalid', 'required', 'claims');
    });
    it('negative or fractional amounts', () => {
      given([]).when(fileCommand({ claims: [{ description: 'x', amountCents: -1 }] }), 'prov-anna').thenRefuses('invalid', 'not_an_amount', 'claims');
      given([]).when(fileCommand({ amountInDisputeCents: -5 }), 'prov-anna').thenRefuses('invalid', 'not_an_amount', 'amountInDisputeCents');
      given([]).when(fileCommand({ amountInDisputeCents: 1.5 }), 'prov-anna').thenRefuses('invalid', 'not_an_amount', 'amountInDisputeCents');
    });
    it('contract year outside 2016..now+2', () => {
      given([]).when(fileCommand({ contractYear: 2015 }), 'prov-anna').thenRefuses('invalid', 'before_the_body_existed', 'contractYear');
      given([]).when(fileCommand({ contractYear: 2028 }), 'prov-anna', T0).thenRefuses('invalid', 'out_of_range', 'contractYear');
      expect(given([]).when(fileCommand({ contractYear: 2027 }), 'prov-anna', T0).events()).toHaveLength(1);
      expect(given([]).when(fileCommand({ contractYear: 2016 }), 'prov-anna', T0).events()).toHaveLength(1);
    });
    it('an empty summary', () => {
      given([]).when(fileCommand({ summary: '' }), 'prov-anna').thenRefuses('invalid', 'required', 'summary');
    });
    it('an unknown organisation', () => {
      given([]).when(fileCommand({ respondentOrganisationIds: ['org-nope'] }), 'prov-anna').thenRefuses('invalid', 'unknown_organisation', 'respondentOrganisationIds');
      given([]).when(fileCommand({ claimantOrganisationIds: ['org-fysio-delinde', 'org-nope'] }), 'prov-anna').thenRefuses('invalid', 'unknown_organisation', 'claimantOrganisationIds');
    });
    it('no claimants or no respondents', () => {
      given([]).when(fileCommand({ respondentOrganisationIds: [] }), 'prov-anna').thenRefuses('invalid', 'required', 'respondentOrganisationIds');
      given([]).when(fileCommand({ claimantOrganisationIds: [] }), 'prov-anna').thenRefuses('invalid', 'required', 'claimantOrganisationIds');
    });
    it('a non-party organisation (association, disputes body) as claimant or respondent', () => {
      given([]).when(fileCommand({ respondentOrganisationIds: ['org-geschilleninstantie'] }), 'prov-anna').thenRefuses('invalid', 'not_a_party_organisation', 'respondentOrganisationIds');
      given([]).when(fileCommand({ claimantOrganisationIds: ['org-fysio-delinde', 'org-branche-eerstelijn'] }), 'prov-anna').thenRefuses('invalid', 'not_a_party_organisation', 'claimantOrganisationIds');
    });
    it('a provider must file for its own organisation', () => {
      given([]).when(fileCommand({ claimantOrganisationIds: ['org-wijkzorg-amstelland'] }), 'prov-anna').thenRefuses('forbidden', 'not_your_organisation');
      // Nor may it make another provider a co-claimant without that provider's consent.
      given([])
        .when(fileCommand({ claimantOrganisationIds: ['org-fysio-delinde', 'org-wijkzorg-amstelland'] }), 'prov-anna')
        .thenRefuses('forbidden', 'not_your_organisation');
    });
    it('an insurer must file for its own organisation', () => {
      given([])
        .when(fileCommand({ claimantOrganisationIds: ['org-zv-zuid'], respondentOrganisationIds: ['org-fysio-delinde'] }), 'ins-carla')
        .thenRefuses('forbidden', 'not_your_organisation');
    });
    it('an association only for its members', () => {
      given([])
        .when(fileCommand({ claimantOrganisationIds: ['org-fysio-delinde', 'org-wijkzorg-amstelland'] }), 'assoc-eva')
        .thenRefuses('forbidden', /Wijkzorg Amstelland is not a member/);
    });
    it('claimants and respondents overlap', () => {
      given([])
        .when(fileCommand({ respondentOrganisationIds: ['org-zv-noord', 'org-fysio-delinde'] }), 'prov-anna')
        .thenRefuses('invalid', 'overlap', 'respondentOrganisationIds');
    });
    it('respondents on the same side as the claimant', () => {
      given([]).when(fileCommand({ respondentOrganisationIds: ['org-wijkzorg-amstelland'] }), 'prov-anna').thenRefuses('invalid', 'same_side', 'respondentOrganisationIds');
      given([])
        .when(fileCommand({ claimantOrganisationIds: ['org-zv-noord'], respondentOrganisationIds: ['org-zv-zuid'] }), 'ins-carla')
        .thenRefuses('invalid', 'same_side', 'respondentOrganisationIds');
    });
    it('claimants of mixed kinds: a provider may not name an insurer as co-claimant', () => {
      given([])
        .when(fileCommand({ claimantOrganisationIds: ['org-fysio-delinde', 'org-zv-zuid'] }), 'prov-anna')
        .thenRefuses('forbidden', 'not_your_organisation');
    });
    it('an organisation listed twice', () => {
      given([]).when(fileCommand({ respondentOrganisationIds: ['org-zv-noord', 'org-zv-noord'] }), 'prov-anna').thenRefuses('invalid', 'duplicate', 'respondentOrganisationIds');
    });
  });
});
