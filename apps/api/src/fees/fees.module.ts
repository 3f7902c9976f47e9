import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FeesController } from './fees.controller';

/** GET /api/fees/estimate: the keuzehulp's and the filing's cost estimate. */
@Module({ imports: [AuthModule], controllers: [FeesController] })
export class FeesModule {}
