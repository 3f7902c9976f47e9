import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonText } from './column-transformers';

/** The first answer to a request with an Idempotency-Key, replayed on retries. Written by the API. */
@Entity({ name: 'idempotency_records' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'scope_key', type: 'text' })
  scopeKey!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'status_code', type: 'integer' })
  statusCode!: number;

  @Column({ type: 'text', nullable: true, transformer: jsonText })
  body!: unknown;

  @Column({ name: 'created_at', type: 'text' })
  createdAt!: string;
}
