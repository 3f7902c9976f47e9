import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who may list a case (the domain's casePrincipals): `org:<organisationId>` for claimants and the
 * association filing on their behalf, respondents from registration on (rule 1); `user:<userId>`
 * for the neutrals nominated or appointed now. A row is removed when a neutral's term ends (rule 3):
 * the record of their own term is reached from the case, not listed.
 */
@Entity({ name: 'case_access' })
export class CaseAccessEntity {
  @PrimaryColumn({ name: 'dispute_id', type: 'text' })
  disputeId!: string;

  @PrimaryColumn({ type: 'text' })
  principal!: string;

  /** The case's filing time (case_list.filed_at): a principal's cases are walked in list order. */
  @Column({ name: 'filed_at', type: 'text' })
  filedAt!: string;
}
