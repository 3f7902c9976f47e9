import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { CaseView } from '../../api/types';
import { DECISION_OUTCOME_LABELS, DEFAULT_CLAIMANT_COST_SHARE, MEDIATION_RESULT_LABELS } from './neutral-actions';

/** The decision (outcome, reasons, who bears the costs) or the mediation's result, once there is one. */
export function OutcomeSection({ c }: { c: CaseView }) {
  const decision = c.outcome?.decision;
  const mediation = c.outcome?.mediationResult;
  if (!decision && !mediation) return null;
  return (
    <section aria-labelledby="uitkomst" className="gzc-card">
      <Heading2 id="uitkomst">{decision ? 'De beslissing' : 'Uitkomst van de mediation'}</Heading2>
      {decision ? (
        <dl className="gzc-dl">
          <dt>Beslissing</dt>
          <dd>{DECISION_OUTCOME_LABELS[decision.outcome] ?? decision.outcome}</dd>
          <dt>Motivering</dt>
          <dd>{decision.summary}</dd>
          <dt>Kosten</dt>
          <dd>
            De indiener betaalt {decision.claimantCostSharePct}%, de wederpartij {100 - decision.claimantCostSharePct}%.
            {String(decision.claimantCostSharePct) === DEFAULT_CLAIMANT_COST_SHARE[decision.outcome]
              ? ' Dit volgt uit de beslissing.'
              : ' Dit wijkt af van de gewone verdeling bij deze beslissing.'}
          </dd>
          {decision.costAllocationReason && (
            <>
              <dt>Waarom deze kostenverdeling</dt>
              <dd>{decision.costAllocationReason}</dd>
            </>
          )}
        </dl>
      ) : (
        <Paragraph>{MEDIATION_RESULT_LABELS[mediation ?? ''] ?? mediation}</Paragraph>
      )}
    </section>
  );
}
