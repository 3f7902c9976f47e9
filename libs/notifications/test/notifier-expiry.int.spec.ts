import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disputeStreamId, type DisputeEvent } from '../../domain/src';
import type { StoredEvent } from '../../event-store/src/port';
import type { OpenedReadModels } from '../../read-models/src';
import { select } from '../../read-models/src/sql';
import { openTarget, READ_MODEL_TARGETS } from '../../read-models/test/targets';
import { createNotifierProjection } from '../src/notifier.projection';
import { EXAMPLE_USERS } from './support/example-histories';
import { registered } from '../../domain/test/support/scenarios';

// A notifier started on an existing log must not mail its history: messages about events more than
// two days before it decides them are written as `expired` (kept for the portal, never mailed);
// recent ones are `pending`; a replay of the same events changes nothing already there.

const stored = (events: DisputeEvent[], shiftMs: number): StoredEvent[] =>
  events.map((event, i) => ({
    id: `ev-${shiftMs}-${i}`,
    streamId: disputeStreamId(`dsp-${shiftMs}`),
    revision: i,
    position: i + 1,
    type: event.type,
    // Its own case: the dispute id in the data too (DisputeFiled carries it).
    data: {
      ...event.data,
      ...('disputeId' in event.data ? { disputeId: `dsp-${shiftMs}` } : {}),
      occurredAt: new Date(Date.parse(event.data.occurredAt) + shiftMs).toISOString(),
    },
    metadata: { schemaVersion: 1 },
    recordedAt: event.data.occurredAt,
  }));

describe.each(READ_MODEL_TARGETS)('the notifier on an existing log (%s)', (kind) => {
  let dir: string;
  let readModels: OpenedReadModels;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gzc-expiry-'));
    readModels = await openTarget(kind, dir);
  });

  afterEach(async () => {
    await readModels.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps messages about the distant past for the portal but never mails them; a replay changes nothing', async () => {
    const history = registered(); // filed and registered on 3 March 2025
    const now = new Date(Date.parse(history[history.length - 1].data.occurredAt) + 10 * 86_400_000);
    const projection = createNotifierProjection({
      recipients: { users: () => EXAMPLE_USERS },
      now: () => now,
      publicUrl: 'https://geschillen.example.nl',
      messageIdDomain: 'geschillen.example.nl',
    });
    const old = stored(history, 0);
    // The same history, happened an hour ago.
    const recent = stored(history, 10 * 86_400_000 - 3_600_000);
    await readModels.dataSource.transaction((m) => projection.apply([...old, ...recent], m));
    const statuses = async () =>
      (
        await select<{ dispute_id: string; status: string; n: number }>(
          readModels.dataSource.manager,
          'SELECT dispute_id, status, COUNT(*) AS n FROM notification_messages GROUP BY dispute_id, status ORDER BY dispute_id, status',
          [],
        )
      ).map((r) => `${r.dispute_id} ${r.status} ${Number(r.n)}`);
    const first = await statuses();
    expect(first.filter((l) => l.startsWith('dsp-0 '))).toEqual([expect.stringMatching(/^dsp-0 expired [1-9]\d*$/)]);
    expect(first.filter((l) => !l.startsWith('dsp-0 '))).toEqual([expect.stringMatching(/ pending [1-9]\d*$/)]);

    // A message already there keeps its state: a replay neither expires nor revives anything.
    await select(readModels.dataSource.manager, "UPDATE notification_messages SET status = 'sent' WHERE dispute_id <> 'dsp-0'", []);
    const later = new Date(now.getTime() + 30 * 86_400_000);
    const replay = createNotifierProjection({
      recipients: { users: () => EXAMPLE_USERS },
      now: () => later,
      publicUrl: 'https://geschillen.example.nl',
      messageIdDomain: 'geschillen.example.nl',
    });
    // As after a rebuild of the notifier: its own fold starts again from nothing.
    await select(readModels.dataSource.manager, 'DELETE FROM notification_case_states', []);
    await readModels.dataSource.transaction((m) => replay.apply([...old, ...recent], m));
    expect(await statuses()).toEqual(first.map((l) => (l.startsWith('dsp-0 ') ? l : l.replace(' pending ', ' sent '))));
  });
});
