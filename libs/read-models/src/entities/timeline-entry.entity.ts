import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EventActor } from '../../../event-store/src/port';
import { bigintNumber, jsonText } from './column-transformers';

/** One row per event of a dispute stream, oldest first by revision. */
@Entity({ name: 'timeline_entries' })
export class TimelineEntryEntity {
  @PrimaryColumn({ name: 'dispute_id', type: 'text' })
  disputeId!: string;

  @PrimaryColumn({ type: 'integer' })
  revision!: number;

  @Column({ type: 'integer', transformer: bigintNumber })
  position!: number;

  @Column({ type: 'text' })
  type!: string;

  /** The event's domain time (data.occurredAt), not the time the store recorded it. */
  @Column({ type: 'text' })
  at!: string;

  @Column({ type: 'text', nullable: true, transformer: jsonText })
  actor!: EventActor | null;

  @Column({ type: 'text', transformer: jsonText })
  data!: Record<string, unknown>;
}
