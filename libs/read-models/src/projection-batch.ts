import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../../event-store/src/port';
import { isDisputeEvent, type Projection } from './projections/projection';
import { execute, isPostgres, select } from './sql';

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
  // Make sure the row exists, so there is a row to lock. On SQLite this write statement also takes
  // the database's write lock before the checkpoint is read: TypeORM opens SQLite transactions
  // with a deferred BEGIN, which would otherwise let two processes both read checkpoint N and both
  // apply N+1 (in WAL mode SQLite would refuse the stale writer with SQLITE_BUSY_SNAPSHOT, but
  // only after it had done the work).
  await execute(manager, 'INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (?, 0, ?) ON CONFLICT DO NOTHING', [
    projection.name,
    now,
  ]);
  // PostgreSQL: the insert above does not lock an existing row; FOR UPDATE does, and under READ
  // COMMITTED a waiter re-reads the row as the lock holder committed it.
  const [row] = await select<{ position: number | string }>(
    manager,
    `SELECT position FROM projection_checkpoints WHERE name = ?${isPostgres(manager) ? ' FOR UPDATE' : ''}`,
    [projection.name],
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
