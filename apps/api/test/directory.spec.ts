import { Logger } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DirectoryFileError,
  DirectoryService,
  findSeedDirectoryFile,
  seedDirectoryFile,
} from '../src/directory/directory.service';
import { createHarness, tempDataDir, testConfig } from './support/http-harness';

const fixture = path.resolve(__dirname, '../../../fixtures/demo-directory.json');

describe('directory', () => {
  beforeAll(() => Logger.overrideLogger(false));
  it('finds the demo fixture from the sources', () => {
    expect(findSeedDirectoryFile()).toBe(fixture);
  });

  it('at first start copies the demo directory into DATA_DIR and loads it from there', () => {
    const config = testConfig();
    const service = new DirectoryService(config);
    const file = path.join(config.dataDir, 'directory.json');
    expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(fixture, 'utf8'));
    expect(service.user('prov-anna')).toEqual({
      id: 'prov-anna',
      name: 'Anna de Linde',
      role: 'provider',
      organisationId: 'org-fysio-delinde',
    });
    expect(service.organisation('org-fysio-delinde')).toMatchObject({
      kind: 'provider',
      smallProvider: true,
      codes: { agb: '04012345', kvk: '61234567' },
    });
    expect(service.organisation('org-branche-eerstelijn')?.members).toEqual(['org-fysio-delinde', 'org-ggz-praktijk-oost']);
    expect(service.users()).toHaveLength(14);
    expect(service.organisations()).toHaveLength(8);
    expect(service.user('__proto__')).toBeUndefined();
  });

  it("keeps an operator's edited directory instead of re-seeding", () => {
    const dataDir = tempDataDir();
    const file = path.join(dataDir, 'directory.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        organisations: [{ id: 'org-x', kind: 'insurer', name: 'X', uzovi: '1234' }],
        users: [{ id: 'u-x', name: 'Xena', role: 'insurer', organisationId: 'org-x' }],
      }),
    );
    expect(seedDirectoryFile(dataDir)).toBe(file);
    const service = new DirectoryService(testConfig({ DATA_DIR: dataDir }));
    expect(service.users().map((u) => u.id)).toEqual(['u-x']);
    expect(service.user('prov-anna')).toBeUndefined();
  });

  it.each<[string, unknown, RegExp]>([
    ['not JSON', '{', /not valid JSON/],
    ['no users', { organisations: [] }, /"users"/],
    ['a bad role', { organisations: [{ id: 'o', kind: 'insurer', name: 'O' }], users: [{ id: 'u', name: 'U', role: 'king', organisationId: 'o' }] }, /role "king"/],
    ['an unknown organisation', { organisations: [], users: [{ id: 'u', name: 'U', role: 'insurer', organisationId: 'o' }] }, /unknown organisation/],
    ['a duplicate user', { organisations: [{ id: 'o', kind: 'insurer', name: 'O' }], users: [{ id: 'u', name: 'U', role: 'insurer', organisationId: 'o' }, { id: 'u', name: 'U', role: 'insurer', organisationId: 'o' }] }, /twice/],
  ])('an invalid directory file (%s) fails startup clearly', (_name, content, message) => {
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, 'directory.json'), typeof content === 'string' ? content : JSON.stringify(content));
    const create = () => new DirectoryService(testConfig({ DATA_DIR: dataDir }));
    expect(create).toThrow(DirectoryFileError);
    expect(create).toThrow(message);
  });

  it('GET /api/organisations lists the directory with codes', async () => {
    const h = await createHarness();
    const token = await h.tokenFor('prov-anna');
    const res = await h.http().get('/api/organisations').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(8);
    expect(res.body).toContainEqual({ id: 'org-zv-noord', kind: 'insurer', name: 'Zorgverzekeraar Noord', codes: { uzovi: '9001' } });
    expect(res.body).toContainEqual({
      id: 'org-branche-eerstelijn',
      kind: 'association',
      name: 'Branchevereniging Eerstelijn',
      codes: {},
      members: ['org-fysio-delinde', 'org-ggz-praktijk-oost'],
    });
    await h.close();
  });
});
