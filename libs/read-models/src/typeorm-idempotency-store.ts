import type { DataSource } from 'typeorm';
import type { IdempotencyRecord, IdempotencyStore } from './contracts';
import { IdempotencyRecordEntity, insertable } from './entities';
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

  /** INSERT OR IGNORE (ON CONFLICT DO NOTHING on PostgreSQL): the first answer wins a race. */
  async put(record: IdempotencyRecord): Promise<void> {
    await retryWhileBusy(() =>
      this.dataSource
        .createQueryBuilder()
        .insert()
        .into(IdempotencyRecordEntity)
        .values(
          insertable<IdempotencyRecordEntity>({
            scopeKey: record.scopeKey,
            requestHash: record.requestHash,
            statusCode: record.statusCode,
            body: record.body ?? null,
            createdAt: record.createdAt,
          }),
        )
        .orIgnore()
        .execute(),
    );
  }
}
