import { generateKeyPairSync } from 'node:crypto';
import { CHECKPOINT_EVENT_TYPE, CHECKPOINT_STREAM, verifyCheckpoint } from '../../../../libs/event-store/src/chain';
import { SqliteEventStore } from '../../../../libs/event-store/src/sqlite/sqlite-event-store';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { CheckpointSigner } from './checkpoint-signer.service';
import { loadOrCreateCheckpointKey } from './checkpoint-signing-key';

// Each checkpoint lists the case chains that changed since the stored one before it; a checkpoint
// stored before checkpoints said what they cover (no `through`) counts as covering nothing.

const event = (type: string) => ({ type, data: {}, metadata: { schemaVersion: 1 } });

describe('CheckpointSigner', () => {
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const key = loadOrCreateCheckpointKey({ dataDir: '/nonexistent', checkpointSigningKey: pem });
  let store: SqliteEventStore;
  let signer: CheckpointSigner;
  beforeEach(() => {
    store = SqliteEventStore.open({ filename: ':memory:' });
    signer = new CheckpointSigner(store, key, { checkpointIntervalSeconds: 300 } as AppConfig);
  });
  afterEach(() => store.close());

  it('lists every chain after an old checkpoint that does not say what it covers, then only what changed', async () => {
    await store.appendToStream('dispute-a', [event('Opened')], 'no_stream');
    await store.appendToStream('dispute-b', [event('Opened')], 'no_stream');
    await store.appendToStream(
      CHECKPOINT_STREAM,
      [{ type: CHECKPOINT_EVENT_TYPE, data: { heads: [], keyId: 'old' }, metadata: { schemaVersion: 1 } }],
      'any',
    );
    const full = await signer.signNow();
    expect(full).toMatchObject({ after: 0, through: 3 });
    expect(full?.heads.map((h) => h.streamId)).toEqual(['dispute-a', 'dispute-b']);
    expect(verifyCheckpoint(full!, key.publicJwk)).toBe(true);

    // Only streams outside the cases changed: nothing to sign.
    await store.appendToStream('case-numbers-2026', [event('NumberTaken')], 'no_stream');
    await expect(signer.signNow()).resolves.toBeUndefined();

    await store.appendToStream('dispute-b', [event('Answered')], 0);
    const next = await signer.signNow();
    expect(next).toMatchObject({ after: 3 });
    expect(next?.heads.map(({ streamId, revision }) => ({ streamId, revision }))).toEqual([{ streamId: 'dispute-b', revision: 1 }]);
    await expect(signer.signNow()).resolves.toBeUndefined();
  });
});
