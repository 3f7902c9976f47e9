import type { StoredEvent } from '../../src/port';

/** The event at `position` of a one-stream log, for tests of what reads and hands over the log. */
export const logEvent = (position: number): StoredEvent => ({
  id: `e${position}`,
  streamId: 'dispute-1',
  revision: position - 1,
  position,
  type: 'Noted',
  data: {},
  metadata: { schemaVersion: 1 },
  recordedAt: '2026-12-03T12:00:00.000Z',
});
