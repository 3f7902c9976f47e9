import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DISPUTE_STREAM_PREFIX } from '../../../../libs/domain/src/dispute-streams';
import { CHECKPOINT_EVENT_TYPE, CHECKPOINT_STREAM, signCheckpoint, type SignedCheckpoint } from '../../../../libs/event-store/src/chain';
import type { EventStore } from '../../../../libs/event-store/src/port';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { APP_CONFIG, EVENT_STORE } from '../../../../libs/runtime/src/tokens';
import { CHECKPOINT_SIGNING_KEY, type CheckpointSigningKey } from './checkpoint.tokens';

/**
 * Every CHECKPOINT_INTERVAL_SECONDS, signs the heads of all case histories (when they changed since
 * the last checkpoint) and appends the signed checkpoint as an event of its own stream.
 */
@Injectable()
export class CheckpointSigner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Checkpoints');
  private timer: NodeJS.Timeout | undefined;
  private lastSigned = '';
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHECKPOINT_SIGNING_KEY) private readonly key: CheckpointSigningKey,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.store.chainHeads) {
      this.logger.warn('This event store keeps no hash chain: no checkpoints are signed.');
      return;
    }
    this.timer = setInterval(() => {
      this.running ??= this.signNow()
        .catch((error: unknown) =>
          this.logger.error(`Signing a checkpoint failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => (this.running = undefined));
    }, this.config.checkpointIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Signs and appends a checkpoint; undefined when nothing changed since the last one. */
  async signNow(): Promise<SignedCheckpoint | undefined> {
    const heads = (await this.store.chainHeads?.(DISPUTE_STREAM_PREFIX)) ?? [];
    const fingerprint = JSON.stringify(heads);
    if (heads.length === 0 || fingerprint === this.lastSigned) return undefined;
    const checkpoint = signCheckpoint({ heads, keyId: this.key.keyId, signedAt: new Date().toISOString() }, this.key.privateKey);
    await this.store.appendToStream(
      CHECKPOINT_STREAM,
      [{ type: CHECKPOINT_EVENT_TYPE, data: { ...checkpoint }, metadata: { schemaVersion: 1 } }],
      'any',
    );
    this.lastSigned = fingerprint;
    this.logger.log(`Signed the heads of ${heads.length} case histories`);
    return checkpoint;
  }
}
