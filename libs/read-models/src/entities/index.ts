import { CaseAccessEntity } from './case-access.entity';
import { CaseListEntity } from './case-list.entity';
import { CaseSummaryEntity } from './case-summary.entity';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import { OpenDeadlineEntity } from './open-deadline.entity';
import { ProjectionCheckpointEntity } from './projection-checkpoint.entity';
import { TimelineEntryEntity } from './timeline-entry.entity';

export {
  CaseAccessEntity,
  CaseListEntity,
  CaseSummaryEntity,
  IdempotencyRecordEntity,
  OpenDeadlineEntity,
  ProjectionCheckpointEntity,
  TimelineEntryEntity,
};

export const READ_MODEL_ENTITIES = [
  ProjectionCheckpointEntity,
  CaseSummaryEntity,
  CaseListEntity,
  CaseAccessEntity,
  TimelineEntryEntity,
  OpenDeadlineEntity,
  IdempotencyRecordEntity,
];
export { insertable } from './column-transformers';
