import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DisputeState } from '../../../domain/src';
import { jsonText } from './column-transformers';

/** The folded dispute (domain evolve), served by GET /api/disputes/{id}. */
@Entity({ name: 'case_summaries' })
export class CaseSummaryEntity {
  @PrimaryColumn({ name: 'dispute_id', type: 'text' })
  disputeId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text', transformer: jsonText })
  document!: DisputeState;

  @Column({ name: 'updated_at', type: 'text' })
  updatedAt!: string;
}
