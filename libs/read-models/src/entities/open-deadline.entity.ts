import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The deadlines of a case that are still open, for the deadline scheduler. */
@Entity({ name: 'open_deadlines' })
export class OpenDeadlineEntity {
  @PrimaryColumn({ name: 'dispute_id', type: 'text' })
  disputeId!: string;

  @PrimaryColumn({ name: 'deadline_id', type: 'text' })
  deadlineId!: string;

  @Column({ type: 'text' })
  kind!: string;

  /** ISO 8601 in UTC (toISOString), so text order is time order. */
  @Column({ name: 'due_at', type: 'text' })
  dueAt!: string;
}
