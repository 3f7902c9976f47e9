import { Logger } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SqliteEventStore } from '../../../libs/event-store/src';
import type { EventStore } from '../../../libs/event-store/src/port';
import { systemClock } from '../../../libs/runtime/src/clock';
import type { AppConfig } from '../../../libs/runtime/src/config/app-config';
import { DirectoryCommands } from '../src/directory/directory-commands';
import { DirectoryFileError, findSeedDirectoryFile } from '../../../libs/directory/src/directory-seed';
import { DirectoryService } from '../../../libs/directory/src/directory.service';
import { createHarness, tempDataDir, testConfig } from './support/http-harness';

const fixture = path.resolve(__dirname, '../../../fixtures/demo-directory.json');
const SECRETARIAT = { userId: 'sec-jan', role: 'secretariat' as const, organisationId: 'org-geschilleninstantie' };

describe('directory as events', () => {
  beforeAll(() => Logger.overrideLogger(false));
  const open: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });

  async function storeIn(dataDir: string): Promise<EventStore> {
    const store = await SqliteEventStore.open({ filename: path.join(dataDir, 'events.sqlite') });
    open.push(store);
    return store;
  }

  async function startService(store: EventStore, config: AppConfig): Promise<DirectoryService> {
    const service = new DirectoryService(store, config, systemClock);
    await service.onModuleInit();
    open.push({ close: () => service.onModuleDestroy() });
    return service;
  }

  it('finds the demo fixture from the sources', () => {
    expect(findSeedDirectoryFile()).toBe(fixture);
  });

  it('at first start records the demo directory as events in directory-org-* and directory-user-* streams', async () => {
    const config = testConfig();
    const store = await storeIn(config.dataDir);
    const service = await startService(store, config);

    expect(service.user('prov-anna')).toEqual({
      id: 'prov-anna',
      name: 'Anna de Linde',
      role: 'provider',
      organisationId: 'org-fysio-delinde',
      email: 'anna@fysio-delinde.example',
    });
    expect(service.organisation('org-zorgkantoor-west')).toMatchObject({ kind: 'care_office', codes: { uzovi: '9101' } });
    expect(service.user('zk-lotte')).toMatchObject({ role: 'insurer', organisationId: 'org-zorgkantoor-west' });
    expect(service.organisation('org-fysio-delinde')).toMatchObject({ kind: 'provider', smallProvider: true, codes: { agb: '04012345', kvk: '61234567' } });
    expect(service.organisation('org-branche-eerstelijn')?.members).toEqual(['org-fysio-delinde', 'org-ggz-praktijk-oost']);
    expect(service.users()).toHaveLength(16);
    expect(service.organisations()).toHaveLength(10);
    expect(service.user('__proto__')).toBeUndefined();

    const events = await store.readAll();
    expect(events).toHaveLength(26);
    expect(events.every((e) => e.streamId.startsWith('directory-') && !e.streamId.startsWith('dispute-'))).toBe(true);
    const anna = await store.readStream('directory-user-prov-anna');
    expect(anna).toHaveLength(1);
    expect(anna[0]).toMatchObject({
      type: 'UserRegistered',
      metadata: { schemaVersion: 1, actor: { userId: 'system:directory-seed', role: 'system' } },
    });
    expect(anna[0]!.metadata.correlationId).toMatch(/^directory-seed-/);
    expect(fs.existsSync(path.join(config.dataDir, 'directory.json'))).toBe(false);
  });

  it('does not seed again at the next start, and keeps the changes made since', async () => {
    const config = testConfig();
    const store = await storeIn(config.dataDir);
    const first = await startService(store, config);
    await new DirectoryCommands(first).changeOrganisation('org-zv-noord', { name: 'Zorgverzekeraar Noord NV' }, { actor: SECRETARIAT, requestId: 'r1' });
    await first.onModuleDestroy();

    const second = await startService(store, config);
    expect(second.organisation('org-zv-noord')?.name).toBe('Zorgverzekeraar Noord NV');
    expect(second.versionedOrganisation('org-zv-noord')?.version).toBe(2);
    expect(await store.readAll()).toHaveLength(27);
  });

  it('seeds exactly once when several processes start on an empty store at the same moment', async () => {
    const config = testConfig();
    const stores = await Promise.all([storeIn(config.dataDir), storeIn(config.dataDir), storeIn(config.dataDir)]);
    const services = await Promise.all(stores.map((s) => startService(s, config)));
    expect(await stores[0]!.readAll()).toHaveLength(26);
    for (const service of services) expect(service.users()).toHaveLength(16);
  });

  it('a change recorded by one process reaches the directory view of another', async () => {
    const config = testConfig();
    const a = await startService(await storeIn(config.dataDir), config);
    const b = await startService(await storeIn(config.dataDir), config);
    await new DirectoryCommands(a).changeOrganisation('org-fysio-delinde', { smallProvider: false }, { actor: SECRETARIAT, requestId: 'r2' });
    expect(a.organisation('org-fysio-delinde')?.smallProvider).toBe(false);
    const deadline = Date.now() + 5000;
    while (b.organisation('org-fysio-delinde')?.smallProvider !== false && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(b.organisation('org-fysio-delinde')?.smallProvider).toBe(false);
  });

  it('migrates an old DATA_DIR/directory.json into events once, and retires the file', async () => {
    const dataDir = tempDataDir();
    const legacy = path.join(dataDir, 'directory.json');
    fs.writeFileSync(
      legacy,
      JSON.stringify({
        organisations: [{ id: 'org-x', kind: 'insurer', name: 'X', uzovi: '1234' }],
        users: [{ id: 'u-x', name: 'Xena', role: 'insurer', organisationId: 'org-x' }],
      }),
    );
    const config = testConfig({ DATA_DIR: dataDir });
    const store = await storeIn(dataDir);
    const service = await startService(store, config);
    expect(service.users().map((u) => u.id)).toEqual(['u-x']);
    expect(service.organisation('org-x')?.codes).toEqual({ uzovi: '1234' });
    expect(service.user('prov-anna')).toBeUndefined();
    expect(fs.existsSync(legacy)).toBe(false);
    expect(fs.existsSync(`${legacy}.imported`)).toBe(true);
  });

  it('an old directory.json is ignored once the directory streams exist', async () => {
    const config = testConfig();
    const store = await storeIn(config.dataDir);
    await (await startService(store, config)).onModuleDestroy();
    fs.writeFileSync(path.join(config.dataDir, 'directory.json'), JSON.stringify({ organisations: [], users: [] }));
    const again = await startService(store, config);
    expect(again.users()).toHaveLength(16);
    expect(fs.existsSync(path.join(config.dataDir, 'directory.json'))).toBe(true);
  });

  it('DIRECTORY_SEED_FILE=none leaves an empty directory empty', async () => {
    const config = testConfig({ DIRECTORY_SEED_FILE: 'none' });
    const service = await startService(await storeIn(config.dataDir), config);
    expect(service.users()).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['not JSON', '{', /not valid JSON/],
    ['no users', { organisations: [] }, /"users"/],
    ['a bad role', { organisations: [{ id: 'o', kind: 'insurer', name: 'O', uzovi: '1234' }], users: [{ id: 'u', name: 'U', role: 'king', organisationId: 'o' }] }, /role must be one of/],
    ['an unknown organisation', { organisations: [], users: [{ id: 'u', name: 'U', role: 'insurer', organisationId: 'o' }] }, /organisationId must be an organisation/],
    ['a duplicate user', { organisations: [{ id: 'o', kind: 'insurer', name: 'O', uzovi: '1234' }], users: [{ id: 'u', name: 'U', role: 'insurer', organisationId: 'o' }, { id: 'u', name: 'U', role: 'insurer', organisationId: 'o' }] }, /twice/],
    ['a bad AGB code', { organisations: [{ id: 'p', kind: 'provider', name: 'P', agb: '123', kvk: '12345678', smallProvider: true }], users: [] }, /AGB code of 8 digits/],
    ['a role that does not fit', { organisations: [{ id: 'o', kind: 'insurer', name: 'O', uzovi: '1234' }], users: [{ id: 'u', name: 'U', role: 'secretariat', organisationId: 'o' }] }, /not secretariat/],
  ])('an invalid seed file (%s) fails startup clearly and records nothing', async (_name, content, message) => {
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, 'directory.json'), typeof content === 'string' ? content : JSON.stringify(content));
    const config = testConfig({ DATA_DIR: dataDir });
    const store = await storeIn(dataDir);
    const service = new DirectoryService(store, config, systemClock);
    open.push({ close: () => service.onModuleDestroy() });
    const failure = await service.onModuleInit().then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(DirectoryFileError);
    expect((failure as Error).message).toMatch(message);
    expect(await store.readAll()).toEqual([]);
  });

  it('GET /api/organisations lists the directory with codes', async () => {
    const h = await createHarness();
    open.push(h);
    const token = await h.tokenFor('prov-anna');
    const res = await h.http().get('/api/organisations').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(10);
    expect(res.body).toContainEqual({ id: 'org-zv-noord', kind: 'insurer', name: 'Zorgverzekeraar Noord', codes: { uzovi: '9001' } });
    expect(res.body).toContainEqual({
      id: 'org-branche-eerstelijn',
      kind: 'association',
      name: 'Branchevereniging Eerstelijn',
      codes: {},
      members: ['org-fysio-delinde', 'org-ggz-praktijk-oost'],
    });
  });
});
