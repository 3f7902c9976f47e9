// The schema version each new event is written with: per event type, defined next to the
// upcasters that lift older versions (libs/domain/src/upcasting.ts).
export { currentSchemaVersion } from '../../../../../libs/domain/src';
