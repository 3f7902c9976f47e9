import type { DataSource } from 'typeorm';
import type { IdempotencyRecord, IdempotencyStore } from './contracts';
import { IdempotencyRecordEntity } from './entities';
import { forDriver } from './sql';
import { retryWhileBusy } from './sqlite-busy';

export class TypeOrmIdempotencyStore implements IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  async get(scopeKey: string): Promise<IdempotencyRecord | null> {
    const row = await this.dataSource.getRepository(IdempotencyRecordEntity).findOneBy({ scopeKey });
    return row
      ? {
          scopeKey: row.scopeKey,
          requestHash: row.requestHash,
          statusCode: row.statusCode,
          body: row.body,
          createdAt: row.createdAt,
        }
      : null;
  }

  async claim(scopeKey: string, requestHash: string, now: string, staleBefore: string): Promise<boolean> {
    return retryWhileBusy(async () => {
      // ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): one claimant wins the key.
      const inserted = await this.changes(
        `INSERT INTO idempotency_records (scope_key, request_hash, status_code, body, created_at)
         VALUES (?, ?, ${PENDING}, NULL, ?) ON CONFLICT (scope_key) DO NOTHING`,
        [scopeKey, requestHash, now],
      );
      if (inserted === 1) return true;
      // A claim never answered, older than staleBefore: its holder died; take it over.
      const takenOver = await this.changes(
        `UPDATE idempotency_records SET request_hash = ?, created_at = ?
         WHERE scope_key = ? AND status_code = ${PENDING} AND created_at < ?`,
        [requestHash, now, scopeKey, staleBefore],
      );
      return takenOver === 1;
    });
  }

  /** Stores the answer; a key already answered keeps its first answer. */
  async put(record: IdempotencyRecord): Promise<void> {
    await retryWhileBusy(() =>
      this.dataSource.query(
        forDriver(
          this.dataSource,
          `INSERT INTO idempotency_records (scope_key, request_hash, status_code, body, created_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (scope_key) DO UPDATE SET status_code = excluded.status_code, body = excluded.body
         WHERE idempotency_records.status_code = ${PENDING}`,
        ),
        [record.scopeKey, record.requestHash, record.statusCode, JSON.stringify(record.body ?? null), record.createdAt],
      ),
    );
  }

  async release(scopeKey: string): Promise<void> {
    await retryWhileBusy(() =>
      this.changes(`DELETE FROM idempotency_records WHERE scope_key = ? AND status_code = ${PENDING}`, [scopeKey]),
    );
  }

  /** Runs a write and returns how many rows it changed. */
  private async changes(sql: string, parameters: unknown[]): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(forDriver(this.dataSource, sql), parameters, true);
      return result.affected ?? 0;
    } finally {
      await runner.release();
    }
  }
}

/** status_code of a claim whose request is still running. */
const PENDING = 0;
