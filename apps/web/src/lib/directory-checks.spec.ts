import { checkOrganisation, dutchDirectoryMessage, organisationChange, type OrganisationValues } from './directory-checks';

const values = (patch: Partial<OrganisationValues> = {}): OrganisationValues => ({
  name: 'Fysiotherapie Noord',
  agb: '04099999',
  kvk: '69999999',
  uzovi: '',
  smallProvider: 'true',
  members: [],
  ...patch,
});
const fields = (kind: string, v: OrganisationValues) => checkOrganisation(kind, v).map((e) => e.field);

describe('the directory checks of the secretariat portal', () => {
  it('a care provider needs an AGB code and KvK number of 8 digits and its small-provider status', () => {
    expect(fields('provider', values())).toEqual([]);
    expect(fields('provider', values({ agb: '1234567', kvk: '', smallProvider: '' }))).toEqual(['agb', 'kvk', 'smallProvider']);
    expect(checkOrganisation('provider', values({ agb: '0401234x' }))[0]?.message).toBe(
      'De AGB-code bestaat uit precies 8 cijfers, bijvoorbeeld 04012345.',
    );
    expect(fields('provider', values({ agb: '0401 2345' }))).toEqual([]);
  });

  it('an insurer needs a UZOVI code of 4 digits; its KvK number is optional; AGB is not asked', () => {
    const insurer = values({ agb: 'niet gevraagd', kvk: '', uzovi: '3311', smallProvider: '' });
    expect(fields('insurer', insurer)).toEqual([]);
    expect(fields('care_office', { ...insurer, uzovi: '33111' })).toEqual(['uzovi']);
    expect(checkOrganisation('insurer', { ...insurer, uzovi: '' })[0]?.message).toBe('Vul de UZOVI-code in: 4 cijfers, bijvoorbeeld 9001.');
  });

  it('an association needs members; a name is always needed', () => {
    expect(fields('association', values({ agb: '', kvk: '', members: [] }))).toEqual(['members']);
    expect(fields('association', values({ name: ' ', members: ['org-a'] }))).toEqual(['name']);
  });

  it('the change sends only codes the kind may have, an emptied optional code as null', () => {
    expect(organisationChange('insurer', values({ kvk: '', uzovi: '3311' }))).toEqual({
      name: 'Fysiotherapie Noord',
      codes: { kvk: null, uzovi: '3311' },
    });
    expect(organisationChange('provider', values({ smallProvider: 'false' }))).toEqual({
      name: 'Fysiotherapie Noord',
      codes: { agb: '04099999', kvk: '69999999' },
      smallProvider: false,
    });
    expect(organisationChange('association', values({ members: ['org-a'] }))).toMatchObject({ members: ['org-a'] });
  });

  it("the API's field names become the form's, with a Dutch message", () => {
    expect(dutchDirectoryMessage('codes.agb')).toEqual({ field: 'agb', message: expect.stringContaining('AGB-code') });
    expect(dutchDirectoryMessage('members[3]').field).toBe('members');
    expect(dutchDirectoryMessage('iets').message).toContain('Dit veld klopt niet');
  });
});
