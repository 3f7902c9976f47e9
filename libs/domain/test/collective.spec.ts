import { administrationFeeShares, DEFAULT_POLICIES, foldEvents } from '../src';
import { DISPUTE_ID, given, nextHour, story } from './support/given';
import { filed, registered } from './support/scenarios';

// Rule 9: a collective dispute belongs to the association that filed it.

const collective = () => filed({ claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'] }, 'assoc-eva');

describe('rule 9: collective disputes', () => {
  it('only the association withdraws the whole case; a member is pointed to withdraw-participation', () => {
    expect(given(collective()).when({ type: 'withdraw' }, 'assoc-eva').thenState().status).toBe('withdrawn');
    const err = given(collective()).when({ type: 'withdraw' }, 'prov-anna').thenRefuses('forbidden', 'collective_case');
    expect(err.messages.nl).toMatch(/Branchevereniging Eerstelijn/);
  });

  it('a member provider withdraws its participation; the case goes on for the other', () => {
    const base = registered(collective());
    const now = nextHour(base);
    given(base).when({ type: 'withdraw-participation', reason: 'Solved it ourselves' }, 'prov-anna', now).then([
      { type: 'ParticipationWithdrawn', data: { organisationId: 'org-fysio-delinde', reason: 'Solved it ourselves', occurredAt: now } },
    ]);
    const s = given(base).when({ type: 'withdraw-participation' }, 'prov-anna').thenState();
    expect(s).toMatchObject({ status: 'awaiting_respondent', claimantOrganisationIds: ['org-ggz-praktijk-oost'], formerClaimantOrganisationIds: ['org-fysio-delinde'] });
  });

  it('the last member leaving withdraws the case', () => {
    const one = story([['prov-anna', { type: 'withdraw-participation' }]], registered(collective()));
    const now = nextHour(one);
    given(one).when({ type: 'withdraw-participation' }, 'prov-chantal', now).then([
      { type: 'ParticipationWithdrawn', data: { organisationId: 'org-ggz-praktijk-oost', occurredAt: now } },
      { type: 'DisputeWithdrawn', data: { reason: 'every_member_withdrew', occurredAt: now } },
    ]);
  });

  it('a member who left can no longer act; the association cannot withdraw "participation"; not in an ordinary case', () => {
    const one = story([['prov-anna', { type: 'withdraw-participation' }]], registered(collective()));
    given(one).when({ type: 'withdraw-participation' }, 'prov-anna').thenRefuses('forbidden', 'not_a_party');
    given(registered(collective())).when({ type: 'withdraw-participation' }, 'assoc-eva').thenRefuses('forbidden', 'not_a_participant');
    given(registered()).when({ type: 'withdraw-participation' }, 'prov-anna').thenRefuses('conflict', 'not_collective');
  });

  it('the association is invoiced the administration fee', () => {
    const s = foldEvents(registered(collective()), DISPUTE_ID);
    const shares = administrationFeeShares(s, DEFAULT_POLICIES);
    expect(shares[0].organisationId).toBe('org-branche-eerstelijn');
    expect(s.administrationFee?.shares.map((x) => x.organisationId)).toEqual(['org-branche-eerstelijn', 'org-zv-noord']);
  });
});
