import { Column, Entity, PrimaryColumn } from 'typeorm';
import { booleanInteger, jsonText } from './column-transformers';

/** One row per filed dispute, shaped for GET /api/disputes filters and keyset paging. */
@Entity({ name: 'case_list' })
export class CaseListEntity {
  @PrimaryColumn({ name: 'dispute_id', type: 'text' })
  disputeId!: string;

  @Column({ name: 'case_number', type: 'text', nullable: true })
  caseNumber!: string | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  phase!: string;

  @Column({ name: 'legal_framework', type: 'text' })
  legalFramework!: string;

  @Column({ type: 'text' })
  sector!: string;

  @Column({ type: 'text', transformer: jsonText })
  subjects!: string[];

  @Column({ type: 'text', nullable: true })
  route!: string | null;

  @Column({ name: 'claimant_organisation_ids', type: 'text', transformer: jsonText })
  claimantOrganisationIds!: string[];

  @Column({ name: 'respondent_organisation_ids', type: 'text', transformer: jsonText })
  respondentOrganisationIds!: string[];

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'integer', transformer: booleanInteger })
  urgent!: boolean;

  @Column({ name: 'filed_at', type: 'text' })
  filedAt!: string;

  @Column({ name: 'updated_at', type: 'text' })
  updatedAt!: string;

  @Column({ type: 'integer' })
  version!: number;

  /** Lowercased case number, summary, subjects, sector and party organisation ids, for `q`. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;
}
