import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../../event-store/src/port';
import { isDisputeEvent, type Projection } from './projections/projection';
import { execute, select, valuesList } from './sql';

/**
 * Applies one batch of the log to one projection inside the caller's transaction: locks the
 * projection's checkpoint row, reads the checkpoint under that lock, applies only the events after
 * it and moves the checkpoint to the batch's last position. Two runners handed the same batch
 * (two processes, or a rebuild racing the live runner) therefore never apply it twice: the second
 * waits for the first's commit, then reads its checkpoint and skips. Returns the checkpoint reached.
 */
export async function applyProjectionBatch(projection: Projection, events: StoredEvent[], manager: EntityManager): Promise<number> {
  const checkpoint = (await lockCheckpoints(manager, [projection.name])).get(projection.name) ?? 0;
  const reached = await applyAfterCheckpoint(projection, events, checkpoint, manager);
  if (reached !== undefined) await moveCheckpoints(manager, [projection.name], reached);
  return reached ?? checkpoint;
}

/**
 * Makes sure each projection's checkpoint row exists, locks it and reads the checkpoint under that
 * lock, all in ONE statement (it was an INSERT and a SELECT per projection; on PostgreSQL every
 * statement is a round trip). The rows are locked in name order, so two runners locking
 * overlapping sets never wait on each other in a cycle.
 *
 * On SQLite this write takes the database's write lock before the checkpoints are read: TypeORM
 * opens SQLite transactions with a deferred BEGIN, which would otherwise let two processes both read
 * checkpoint N and both apply N+1 (in WAL mode SQLite would refuse the stale writer with
 * SQLITE_BUSY_SNAPSHOT, but only after it had done the work). On PostgreSQL ON CONFLICT DO UPDATE
 * locks an existing row as FOR UPDATE did, and under READ COMMITTED a waiter gets the row as the
 * lock holder committed it. The update changes nothing but takes the lock.
 */
export async function lockCheckpoints(manager: EntityManager, names: readonly string[]): Promise<Map<string, number>> {
  const sorted = [...names].sort();
  const now = new Date().toISOString();
  const rows = await select<{ name: string; position: number | string }>(
    manager,
    `INSERT INTO projection_checkpoints (name, position, updated_at) VALUES ${valuesList(sorted.length, 3)} ` +
      'ON CONFLICT (name) DO UPDATE SET position = projection_checkpoints.position RETURNING name, position',
    sorted.flatMap((name) => [name, 0, now]),
  );
  return new Map(rows.map((row) => [row.name, Number(row.position)]));
}

/**
 * Applies the batch's events after `checkpoint` to the projection. Returns the position its
 * checkpoint must move to (the batch's last: non-dispute events move it too, so waitForPosition
 * reaches their positions), or undefined when the batch holds nothing after the checkpoint.
 */
export async function applyAfterCheckpoint(
  projection: Projection,
  events: StoredEvent[],
  checkpoint: number,
  manager: EntityManager,
): Promise<number | undefined> {
  const pending = events.filter((event) => event.position > checkpoint);
  if (pending.length === 0) return undefined;
  const disputeEvents = pending.filter(isDisputeEvent);
  if (disputeEvents.length > 0) await projection.apply(disputeEvents, manager);
  return events[events.length - 1].position;
}

/** Moves the named projections' checkpoints to `position`, in one statement. */
export async function moveCheckpoints(manager: EntityManager, names: readonly string[], position: number): Promise<void> {
  if (names.length === 0) return;
  await execute(
    manager,
    `UPDATE projection_checkpoints SET position = ?, updated_at = ? WHERE name IN (${names.map(() => '?').join(', ')})`,
    [position, new Date().toISOString(), ...names],
  );
}
