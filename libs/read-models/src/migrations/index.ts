import { InitialReadModels1764028800000 } from './1764028800000-initial-read-models';
import { StatisticsReadModels1764115200000 } from './1764115200000-statistics-read-models';
import { NotificationOutbox1764201600000 } from './1764201600000-notification-outbox';
import { Webhooks1764288000000 } from './1764288000000-webhooks';
import { StatisticsPublications1764374400000 } from './1764374400000-statistics-publications';
import { WorkQueueIndexes1764460800000 } from './1764460800000-work-queue-indexes';
import { CaseAccessOrder1764547200000 } from './1764547200000-case-access-order';
import { WorkQueueRows1764633600000 } from './1764633600000-work-queue-rows';
import { CaseListFilterColumns1764720000000 } from './1764720000000-case-list-filter-columns';

/** Every read-model migration, oldest first. Add new ones at the end; never edit a shipped one. */
export const READ_MODEL_MIGRATIONS = [
  InitialReadModels1764028800000,
  StatisticsReadModels1764115200000,
  NotificationOutbox1764201600000,
  Webhooks1764288000000,
  StatisticsPublications1764374400000,
  WorkQueueIndexes1764460800000,
  CaseAccessOrder1764547200000,
  WorkQueueRows1764633600000,
  CaseListFilterColumns1764720000000,
];
