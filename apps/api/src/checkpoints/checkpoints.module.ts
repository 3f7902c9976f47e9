import { Module } from '@nestjs/common';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import { loadOrCreateCheckpointKey } from './checkpoint-signing-key';
import { CheckpointSigner } from './checkpoint-signer.service';
import { CHECKPOINT_SIGNING_KEY } from './checkpoint.tokens';
import { WellKnownSigningKeyController } from './well-known-signing-key.controller';

/** Signed checkpoints of the hash chains, and the public key that verifies them. */
@Module({
  controllers: [WellKnownSigningKeyController],
  providers: [
    { provide: CHECKPOINT_SIGNING_KEY, useFactory: (config: AppConfig) => loadOrCreateCheckpointKey(config), inject: [APP_CONFIG] },
    CheckpointSigner,
  ],
  exports: [CheckpointSigner, CHECKPOINT_SIGNING_KEY],
})
export class CheckpointsModule {}
