import { Logger, UnauthorizedException } from '@nestjs/common';
import type { UserInfo } from '../../../libs/domain/src';
import { DirectoryIdentity } from '../src/auth/directory-identity';

// The directory governs every token: who the subject is, and which role and organisation count.

const users = new Map<string, UserInfo>([
  ['prov-anna', { id: 'prov-anna', name: 'Anna de Linde', role: 'provider', organisationId: 'org-fysio-delinde' }],
  ['obs-karin', { id: 'obs-karin', name: 'Karin Vos', role: 'observer', organisationId: 'org-begeleidingscommissie' }],
]);
const directory = { user: (id: string) => users.get(id) };

describe('DirectoryIdentity', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it("takes role and organisation from the directory when the token says nothing, or the same", () => {
    const identity = new DirectoryIdentity(directory);
    const expected = { actor: { userId: 'prov-anna', role: 'provider', organisationId: 'org-fysio-delinde' } };
    expect(identity.resolve('prov-anna', {})).toMatchObject(expected);
    expect(identity.resolve('prov-anna', { role: 'provider', organisationId: 'org-fysio-delinde' })).toMatchObject(expected);
    // An IdP's list of roles may hold roles of its own, as long as none of ours disagrees.
    expect(identity.resolve('prov-anna', { role: ['offline_access', 'provider'] })).toMatchObject(expected);
    expect(identity.resolve('prov-anna', { role: ['offline_access'] })).toMatchObject(expected);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown subject', 'mallory', { role: 'secretariat', organisationId: 'org-geschilleninstantie' }],
    ['a higher role', 'obs-karin', { role: 'secretariat' }],
    ['another organisation', 'prov-anna', { organisationId: 'org-wijkzorg-amstelland' }],
    ['a list with another of our roles', 'prov-anna', { role: ['provider', 'secretariat'] }],
    ['a role that is no role', 'prov-anna', { role: 'king' }],
  ])('refuses %s with 401', (_name, userId, claimed) => {
    expect(() => new DirectoryIdentity(directory).resolve(userId, claimed)).toThrow(UnauthorizedException);
  });

  it('logs a disagreement once, however often the token comes back; another disagreement is logged again', () => {
    const identity = new DirectoryIdentity(directory);
    for (let i = 0; i < 5; i++) expect(() => identity.resolve('obs-karin', { role: 'secretariat' })).toThrow(UnauthorizedException);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/obs-karin.*role "secretariat" \(directory: observer\)/);
    expect(() => identity.resolve('prov-anna', { organisationId: 'org-zv-noord' })).toThrow(UnauthorizedException);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('a user removed from the directory is refused at once', () => {
    const local = new Map(users);
    const identity = new DirectoryIdentity({ user: (id) => local.get(id) });
    expect(identity.resolve('prov-anna', {}).actor.userId).toBe('prov-anna');
    local.delete('prov-anna');
    expect(() => identity.resolve('prov-anna', {})).toThrow(/no longer in the directory/);
  });
});
