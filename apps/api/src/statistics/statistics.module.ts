import { Module } from '@nestjs/common';
import { CaseloadController } from './caseload.controller';
import { MediationOutcomesController } from './mediation-outcomes.controller';
import { ObserverPublicationWarmer } from './observer-publication-warmer';
import { StatisticsController } from './statistics.controller';

/** The disputes body's own views: statistics, mediation outcomes and the neutrals' caseload. */
@Module({ controllers: [StatisticsController, MediationOutcomesController, CaseloadController], providers: [ObserverPublicationWarmer] })
export class StatisticsModule {}
