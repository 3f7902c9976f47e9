import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DISPUTE_STREAM_PREFIX } from '../../../../libs/domain/src/dispute-streams';
import { CHECKPOINT_EVENT_TYPE, CHECKPOINT_STREAM, signCheckpoint, type SignedCheckpoint } from '../../../../libs/event-store/src/chain';
import type { EventStore } from '../../../../libs/event-store/src/port';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { APP_CONFIG, EVENT_STORE } from '../../../../libs/runtime/src/tokens';
import { CHECKPOINT_SIGNING_KEY, type CheckpointSigningKey } from './checkpoint.tokens';

/**
 * Every CHECKPOINT_INTERVAL_SECONDS, signs the heads of the case histories that changed since the
 * last checkpoint and appends the signed checkpoint as an event of its own stream.
 */
@Injectable()
export class CheckpointSigner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Checkpoints');
  private timer: NodeJS.Timeout | undefined;
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

  /**
   * Signs and appends a checkpoint of the chains that changed since the last one (the first lists
   * them all); undefined when none did. Each says which log positions it covers (`after`,
   * `through`), and the next one starts where the last stored one ended, also in another process
   * or after a restart. Listing every chain each time made a 15 MB event every interval over
   * 100,000 cases, and seconds of work on the event loop to read, sign and store it.
   */
  async signNow(): Promise<SignedCheckpoint | undefined> {
    const chainHeads = this.store.chainHeads?.bind(this.store);
    if (!chainHeads) return undefined;
    const after = await this.lastCovered();
    // Read the log's head first: whatever is appended meanwhile is after `through`, so the next
    // checkpoint lists it (if these heads show it already, it is listed twice, never missed).
    const through = await this.store.headPosition();
    if (through <= after) return undefined;
    const heads = await chainHeads(DISPUTE_STREAM_PREFIX, { after });
    if (heads.length === 0) return undefined;
    const checkpoint = signCheckpoint(
      { heads, after, through, keyId: this.key.keyId, signedAt: new Date().toISOString() },
      this.key.privateKey,
    );
    await this.store.appendToStream(
      CHECKPOINT_STREAM,
      [{ type: CHECKPOINT_EVENT_TYPE, data: { ...checkpoint }, metadata: { schemaVersion: 1 } }],
      'any',
    );
    this.logger.log(`Signed the heads of ${heads.length} changed case histories (log positions ${after + 1} to ${through})`);
    return checkpoint;
  }

  /** The log position the last stored checkpoint covers; 0 when there is none (or it predates `through`). */
  private async lastCovered(): Promise<number> {
    const [last] = await this.store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 });
    const through = (last?.data as { through?: unknown } | undefined)?.through;
    return typeof through === 'number' && Number.isSafeInteger(through) && through >= 0 ? through : 0;
  }
}
