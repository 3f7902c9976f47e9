import { Entity, PrimaryColumn } from 'typeorm';

/**
 * Who may list a case: `org:<organisationId>` for claimants, respondents and the association filing
 * on their behalf; `user:<userId>` for every neutral ever nominated or appointed. Rows are only
 * added, never removed: a neutral who lapsed keeps seeing the case they worked on.
 */
@Entity({ name: 'case_access' })
export class CaseAccessEntity {
  @PrimaryColumn({ name: 'dispute_id', type: 'text' })
  disputeId!: string;

  @PrimaryColumn({ type: 'text' })
  principal!: string;
}
