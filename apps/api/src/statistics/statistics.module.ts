import { Module } from '@nestjs/common';
import { CaseloadController } from './caseload.controller';
import { MediationOutcomesController } from './mediation-outcomes.controller';
import { ObserverPublicationWarmer } from './observer-publication-warmer';
import { RosterController } from './roster.controller';
import { StatisticsController } from './statistics.controller';

/** The disputes body's own views: statistics, mediation outcomes and the neutrals' caseload and roster. */
@Module({
  controllers: [StatisticsController, MediationOutcomesController, CaseloadController, RosterController],
  providers: [ObserverPublicationWarmer],
})
export class StatisticsModule {}
