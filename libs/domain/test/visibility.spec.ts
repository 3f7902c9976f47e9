import {
  canSeeDocument,
  canSeeSessionNotes,
  caseAccess,
  casePrincipals,
  foldEvents,
  isCaseVisibleTo,
  sideOf,
  type DisputeEvent,
} from '../src';
import { actor, DISPUTE_ID, story, SYSTEM } from './support/given';
import { escalated, filed, inMediation, nominated, registered } from './support/scenarios';

const SHA = 'b'.repeat(64);
const withDocs = (base: DisputeEvent[]) =>
  story(
    [
      [
        'prov-anna',
        { type: 'submit-document', documentId: 'p', name: 'p', mediaType: 'text/plain', sizeBytes: 1, sha256: SHA, visibility: 'parties' },
      ],
      [
        'prov-anna',
        {
          type: 'submit-document',
          documentId: 'n',
          name: 'n',
          mediaType: 'text/plain',
          sizeBytes: 1,
          sha256: SHA,
          visibility: 'neutral_only',
        },
      ],
      [
        'sec-jan',
        {
          type: 'submit-document',
          documentId: 's',
          name: 's',
          mediaType: 'text/plain',
          sizeBytes: 1,
          sha256: SHA,
          visibility: 'secretariat',
        },
      ],
    ],
    base,
  );

describe('visibility', () => {
  it('a case is visible to its parties, the filing association, neutrals on it, the secretariat and the system', () => {
    const s = foldEvents(nominated(), DISPUTE_ID);
    for (const who of ['prov-anna', 'ins-carla', 'med-femke', 'sec-jan']) expect(isCaseVisibleTo(s, actor(who))).toBe(true);
    expect(isCaseVisibleTo(s, SYSTEM)).toBe(true);
    for (const who of ['prov-bram', 'ins-dirk', 'med-gerrit', 'adv-hanna', 'obs-karin', 'assoc-eva'])
      expect(isCaseVisibleTo(s, actor(who))).toBe(false);
    const collective = foldEvents(
      filed({ claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'] }, 'assoc-eva'),
      DISPUTE_ID,
    );
    expect(isCaseVisibleTo(collective, actor('assoc-eva'))).toBe(true);
    expect(isCaseVisibleTo(collective, actor('prov-chantal'))).toBe(true);
    expect(isCaseVisibleTo(foldEvents([], DISPUTE_ID), actor('sec-jan'))).toBe(false);
  });
  it('a former mediator keeps seeing the case after escalation', () => {
    expect(isCaseVisibleTo(foldEvents(escalated(), DISPUTE_ID), actor('med-femke'))).toBe(true);
  });
  it('sideOf', () => {
    const s = foldEvents(filed({ claimantOrganisationIds: ['org-fysio-delinde'] }, 'prov-anna'), DISPUTE_ID);
    expect(sideOf(s, actor('prov-anna'))).toBe('claimant');
    expect(sideOf(s, actor('ins-carla'))).toBe('respondent');
    expect(sideOf(s, actor('sec-jan'))).toBeUndefined();
    expect(sideOf(s, actor('ins-dirk'))).toBeUndefined();
  });
  it('documents: parties-visibility to all on the case; neutral_only to neutrals, secretariat and submitter; secretariat to secretariat', () => {
    const s = foldEvents(withDocs(inMediation()), DISPUTE_ID);
    const see = (who: string) => s.documents.filter((d) => canSeeDocument(d, s, actor(who))).map((d) => d.documentId);
    expect(see('prov-anna')).toEqual(['p', 'n']);
    expect(see('ins-carla')).toEqual(['p']);
    expect(see('med-femke')).toEqual(['p', 'n']);
    expect(see('sec-jan')).toEqual(['p', 'n', 's']);
    expect(see('med-gerrit')).toEqual([]);
    expect(see('obs-karin')).toEqual([]);
  });
  it('session notes: only the appointed mediator (also after escalation), never parties or a lapsed nominee', () => {
    const s = foldEvents(inMediation(), DISPUTE_ID);
    expect(canSeeSessionNotes(s, actor('med-femke'))).toBe(true);
    for (const who of ['prov-anna', 'ins-carla', 'sec-jan', 'med-gerrit']) expect(canSeeSessionNotes(s, actor(who))).toBe(false);
    expect(canSeeSessionNotes(foldEvents(escalated(), DISPUTE_ID), actor('med-femke'))).toBe(true);
    const lapsed = story(
      [
        ['prov-anna', { type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g' }],
        ['sec-jan', { type: 'decide-challenge', neutralUserId: 'med-femke', upheld: true }],
      ],
      nominated(),
    );
    expect(canSeeSessionNotes(foldEvents(lapsed, DISPUTE_ID), actor('med-femke'))).toBe(false);
  });
});

describe('the list and search follow the case page (one rule set)', () => {
  const everyone = ['prov-anna', 'prov-chantal', 'ins-carla', 'ins-dirk', 'assoc-eva', 'med-femke', 'med-gerrit', 'sec-jan'];
  /** The readers whose principal the list index holds (the secretariat lists every case). */
  const listed = (s: ReturnType<typeof foldEvents>): string[] => {
    const principals = casePrincipals(s);
    return everyone.filter((who) => {
      const a = actor(who);
      return (
        a.role === 'secretariat' ||
        principals.has(`user:${a.userId}`) ||
        (a.organisationId !== undefined && principals.has(`org:${a.organisationId}`))
      );
    });
  };
  /** The readers who may open the case as it is now (caseAccess full or conflict check). */
  const opening = (s: ReturnType<typeof foldEvents>): string[] =>
    everyone.filter((who) => ['full', 'conflict_check'].includes(caseAccess(s, actor(who)).kind));

  it('a respondent that declined drops out of the list once the claimant goes on without it (rule 6)', () => {
    const base = story(
      [
        ['ins-carla', { type: 'accept-submission', route: 'mediation' }],
        ['ins-dirk', { type: 'decline-submission', reason: 'Not our contract' }],
      ],
      registered(filed({ respondentOrganisationIds: ['org-zv-noord', 'org-zv-zuid'] })),
    );
    expect(listed(foldEvents(base, DISPUTE_ID))).toContain('ins-dirk'); // still a respondent until the claimant chooses
    const on = foldEvents(story([['prov-anna', { type: 'continue-with-respondents' }]], base), DISPUTE_ID);
    expect(listed(on)).toEqual(['prov-anna', 'ins-carla', 'sec-jan']);
    expect(listed(on)).toEqual(opening(on));
  });

  it('a member that withdrew its participation drops out of the list (rule 9)', () => {
    const collective = filed({ claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'] }, 'assoc-eva');
    const left = foldEvents(story([['prov-anna', { type: 'withdraw-participation' }]], registered(collective)), DISPUTE_ID);
    expect(listed(left)).toEqual(['prov-chantal', 'ins-carla', 'assoc-eva', 'sec-jan']);
    expect(listed(left)).toEqual(opening(left));
  });

  it('nominees are listed; a neutral whose nomination lapsed is not (rules 2, 3)', () => {
    const s = foldEvents(nominated(), DISPUTE_ID);
    expect(listed(s)).toEqual(['prov-anna', 'ins-carla', 'med-femke', 'sec-jan']);
    expect(listed(s)).toEqual(opening(s));
    const lapsed = foldEvents(
      story(
        [
          ['prov-anna', { type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'Worked for the insurer last year.' }],
          ['sec-jan', { type: 'decide-challenge', neutralUserId: 'med-femke', upheld: true }],
        ],
        nominated(),
      ),
      DISPUTE_ID,
    );
    expect(listed(lapsed)).toEqual(['prov-anna', 'ins-carla', 'sec-jan']);
    expect(listed(lapsed)).toEqual(opening(lapsed));
  });
});
