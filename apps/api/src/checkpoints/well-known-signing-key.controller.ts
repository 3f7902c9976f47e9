import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { CHECKPOINT_SIGNING_KEY, type CheckpointSigningKey } from './checkpoint.tokens';

/** The public key that verifies the signed checkpoints, for anyone (no sign-in). */
@ApiTags('integrity')
@Controller('.well-known')
export class WellKnownSigningKeyController {
  constructor(@Inject(CHECKPOINT_SIGNING_KEY) private readonly key: CheckpointSigningKey) {}

  @Public()
  @Get('gzc-signing-key')
  @Header('Content-Type', 'application/jwk+json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The Ed25519 public key (JWK) that verifies the signed checkpoints of the case histories' })
  @ApiOkResponse({ description: '{kty: "OKP", crv: "Ed25519", x, kid, alg: "EdDSA", use: "sig"}' })
  signingKey(): string {
    return JSON.stringify(this.key.publicJwk);
  }
}
