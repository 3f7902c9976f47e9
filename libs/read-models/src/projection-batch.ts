import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../../event-store/src/port';
import { isDisputeEvent, type Projection } from './projections/projection';
import { execute, select } from './sql';

/**
 * Applies one batch of the log to one projection inside the caller's transaction: locks the
 * projection's checkpoint row, reads the checkpoint under that lock, applies only the events after
 * it and moves the checkpoint to the batch's last position. Two runners handed the same batch
 * (two processes, or a rebuild racing the live runner) therefore never apply it twice: the second
 * waits for the first's commit, then reads its checkpoint and skips. Returns the checkpoint reached.
 */
export async function applyProjectionBatch(projection: Projection, events: StoredEvent[], manager: EntityManager): Promise<number> {
  const last = events[events.length - 1].position;
  const now = new Date().toISOString();
  // One statement makes sure the row exists, locks it and reads the checkpoint under that lock (it
  // was an INSERT and a SELECT; on PostgreSQL every statement is a round trip). On SQLite this write
  // takes the database's write lock before the checkpoint is read: TypeORM opens SQLite
  // transactions with a deferred BEGIN, which would otherwise let two processes both read
  // checkpoint N and both apply N+1 (in WAL mode SQLite would refuse the stale writer with
  // SQLITE_BUSY_SNAPSHOT, but only after it had done the work). On PostgreSQL ON CONFLICT DO UPDATE
  // locks an existing row as FOR UPDATE did, and under READ COMMITTED a waiter gets the row as the
  // lock holder committed it. The update changes nothing but takes the lock.
  const [row] = await select<{ position: number | string }>(
    manager,
    'INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (?, 0, ?) ' +
      'ON CONFLICT (name) DO UPDATE SET position = projection_checkpoints.position RETURNING position',
    [projection.name, now],
  );
  const checkpoint = Number(row.position);

  const pending = events.filter((event) => event.position > checkpoint);
  if (pending.length === 0) return checkpoint;
  const disputeEvents = pending.filter(isDisputeEvent);
  if (disputeEvents.length > 0) await projection.apply(disputeEvents, manager);
  // Non-dispute events move the checkpoint too, so waitForPosition reaches their positions.
  await execute(manager, 'UPDATE projection_checkpoints SET position = ?, updated_at = ? WHERE name = ?', [last, now, projection.name]);
  return last;
}
