import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from './column-transformers';

/** How far one projection has applied the global log; written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpointEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  /** Global position of the last event this projection has seen (0: none). */
  @Column({ type: 'integer', transformer: bigintNumber })
  position!: number;

  @Column({ name: 'updated_at', type: 'text' })
  updatedAt!: string;
}
