import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** GET /health; the checks come from the optional HEALTH_CHECKS provider (infrastructure). */
@Module({ controllers: [HealthController] })
export class HealthModule {}
