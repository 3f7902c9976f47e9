import {
  CLAIMANT,
  RESPONDENT,
  SECRETARIAT,
  act,
  fileAndRegister,
  fileDispute,
  nominate,
  toAwaitingNeutral,
  type Body,
} from './support/dispute-fixtures';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

// The case list and text search follow the case page's rules (libs/domain visibility.ts
// isListedFor): whoever leaves a case (a respondent the claimant went on without, a member that
// withdrew its participation, a nominee whose nomination lapsed) no longer finds it, exactly when
// the case page answers 404 to them.

const SECOND_RESPONDENT = 'ins-dirk'; // org-zv-zuid

describe('the case list and search follow the case page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  /** Whether the user finds the case in the list, and by text search on its summary. */
  const finds = async (userId: string, id: string, word: string): Promise<{ list: boolean; search: boolean; page: number }> => {
    const ids = async (query: string): Promise<string[]> => {
      const res = await t.as(userId).get(`/api/disputes?limit=100${query}`);
      expect(res.status).toBe(200);
      return (res.body.items as Body[]).map((c) => String(c.id));
    };
    return {
      list: (await ids('')).includes(id),
      search: (await ids(`&q=${word}`)).includes(id),
      page: (await t.as(userId).get(`/api/disputes/${id}`)).status,
    };
  };
  const SHOWN = { list: true, search: true, page: 200 };
  const GONE = { list: false, search: false, page: 404 };

  it('a respondent that declined, once the claimant goes on without it (rule 6)', async () => {
    const word = 'zeldzaamwoordeen';
    const { id } = await fileAndRegister(t, CLAIMANT, {
      respondentOrganisationIds: ['org-zv-noord', 'org-zv-zuid'],
      summary: `Tariefgeschil ${word} over fysiotherapie.`,
    });
    await act(t, RESPONDENT, id, 'accept-submission', { route: 'mediation' });
    await act(t, SECOND_RESPONDENT, id, 'decline-submission', { reason: 'Wij hebben geen contract met deze aanbieder.' });
    expect(await finds(SECOND_RESPONDENT, id, word)).toEqual(SHOWN); // until the claimant chooses, still a party
    await act(t, CLAIMANT, id, 'continue-with-respondents');
    expect(await finds(SECOND_RESPONDENT, id, word)).toEqual(GONE);
    for (const stays of [CLAIMANT, RESPONDENT, SECRETARIAT]) expect(await finds(stays, id, word)).toEqual(SHOWN);
  });

  it('a member provider that withdrew its participation in a collective case (rule 9)', async () => {
    const word = 'zeldzaamwoordtwee';
    const id = await fileDispute(t, 'assoc-eva', {
      claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'],
      summary: `Collectief geschil ${word} over contractvoorwaarden.`,
    });
    await act(t, SECRETARIAT, id, 'register');
    expect(await finds('prov-anna', id, word)).toEqual(SHOWN);
    await act(t, 'prov-anna', id, 'withdraw-participation', { reason: 'Wij hebben zelf een akkoord.' });
    expect(await finds('prov-anna', id, word)).toEqual(GONE);
    for (const stays of ['prov-chantal', 'assoc-eva', RESPONDENT, SECRETARIAT]) expect(await finds(stays, id, word)).toEqual(SHOWN);
  });

  it('a nominee, listed for the conflict check, and gone once the nomination lapses (rules 2, 3)', async () => {
    const word = 'zeldzaamwoorddrie';
    const id = await toAwaitingNeutral(t, 'mediation', { summary: `Plafondgeschil ${word} in de wijkverpleging.` });
    await nominate(t, id, ['med-femke']);
    expect(await finds('med-femke', id, word)).toEqual(SHOWN);
    await act(t, CLAIMANT, id, 'challenge-neutral', { neutralUserId: 'med-femke', grounds: 'Zij werkte vorig jaar voor de verzekeraar.' });
    await act(t, SECRETARIAT, id, 'decide-challenge', { neutralUserId: 'med-femke', upheld: true, reasoning: 'Schijn van partijdigheid.' });
    expect(await finds('med-femke', id, word)).toEqual(GONE);
  });
});
