import { Body, Controller, HttpCode, Inject, NotFoundException, Optional, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { UserResponse } from '../directory/directory.controller';
import { RequestValidationException } from '../http/problem';
import { RateLimited } from '../http/rate-limit';
import { DevTokenService, type IssuedToken } from './dev-token.service';
import { DevTokenRequestDto } from './dto/dev-token.dto';
import { Public } from './public.decorator';

export class DevTokenResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
}

@ApiTags('identity')
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    /** null outside AUTH_MODE=dev. */
    @Optional() @Inject(DevTokenService) private readonly tokens: DevTokenService | null,
  ) {}

  @Public()
  @RateLimited('token')
  @Post('dev-token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A token for a demo-directory user (AUTH_MODE=dev only; 404 otherwise)' })
  @ApiOkResponse({ type: DevTokenResponse })
  async devToken(@Body() body: DevTokenRequestDto): Promise<IssuedToken> {
    // 404 rather than 403: outside dev mode the route does not exist (docs/api.md).
    if (this.config.authMode !== 'dev' || !this.tokens) throw new NotFoundException('Cannot POST /api/auth/dev-token');
    const issued = await this.tokens.issue(body.userId);
    if (!issued) {
      throw new RequestValidationException([{ field: 'userId', message: 'userId is not a user of the directory' }]);
    }
    return issued;
  }
}
