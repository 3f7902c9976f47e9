import type { FileDispute } from '../src';
import { given, fileCommand } from './support/given';

// Rule 20: which law goes with which insurer side, sector and contract year.

describe('rule 20: jurisdiction', () => {
  it('Zvw: the respondent is a health insurer, not a care office', () => {
    const err = given([]).when(fileCommand({ respondentOrganisationIds: ['org-zorgkantoor-west'] }), 'prov-anna').thenRefuses('invalid', 'zvw_needs_insurer', 'respondentOrganisationIds');
    expect(err.messages.nl).toMatch(/Zorgkantoor West is een zorgkantoor.*Kies Wlz/);
  });
  it('Zvw: no wlz_* sector', () => {
    given([]).when(fileCommand({ sector: 'wlz_disability_care' }), 'prov-anna').thenRefuses('invalid', 'sector_is_wlz', 'sector');
  });
  it('Wlz: the care office, a wlz_* sector or other, contract year 2017 or later', () => {
    const wlz: Partial<FileDispute> = { legalFramework: 'wlz', sector: 'wlz_disability_care', respondentOrganisationIds: ['org-zorgkantoor-west'], claimantOrganisationIds: ['org-zorggroep-duin'] };
    expect(given([]).when(fileCommand({ ...wlz }), 'prov-daan').events()).toHaveLength(1);
    expect(given([]).when(fileCommand({ ...wlz, sector: 'other' }), 'prov-daan').events()).toHaveLength(1);
    const insurer = given([]).when(fileCommand({ ...wlz, respondentOrganisationIds: ['org-zv-noord'] }), 'prov-daan').thenRefuses('invalid', 'wlz_needs_care_office', 'respondentOrganisationIds');
    expect(insurer.messages.nl).toMatch(/Kies het zorgkantoor van uw regio/);
    given([]).when(fileCommand({ ...wlz, sector: 'mental_health' }), 'prov-daan').thenRefuses('invalid', 'sector_not_wlz', 'sector');
    const early = given([]).when(fileCommand({ ...wlz, contractYear: 2016 }), 'prov-daan').thenRefuses('invalid', 'wlz_before_2017', 'contractYear');
    expect(early.messages.nl).toMatch(/vanaf 1 april 2017/);
  });
  it('a care office filing against a provider is checked on its own side', () => {
    const byCareOffice: Partial<FileDispute> = { legalFramework: 'wlz', sector: 'wlz_nursing_care', claimantOrganisationIds: ['org-zorgkantoor-west'], respondentOrganisationIds: ['org-zorggroep-duin'] };
    expect(given([]).when(fileCommand(byCareOffice), 'zk-lotte').events()[0]).toMatchObject({ data: { claimantKind: 'insurer' } });
    given([]).when(fileCommand({ ...byCareOffice, legalFramework: 'zvw', sector: 'other' }), 'zk-lotte').thenRefuses('invalid', 'zvw_needs_insurer', 'claimantOrganisationIds');
  });
  it('contract year before 2016 is refused, saying where to go', () => {
    const err = given([]).when(fileCommand({ contractYear: 2014 }), 'prov-anna').thenRefuses('invalid', 'before_the_body_existed', 'contractYear');
    expect(err.messages.nl).toMatch(/sinds 2016.*burgerlijke rechter/);
    expect(err.messages.en).toMatch(/civil court/);
  });
});
