import { Heading3, Paragraph } from '@utrecht/component-library-react';
import type { CaseView } from '../../../api/types';
import { completenessCheck } from '../../../lib/completeness';
import { ActionForm } from '../ActionForm';
import type { ActionSpec } from '../actions';

/** Registering a filed case: the completeness check first, then the button. */
export function RegisterForm({ c, spec, onDone }: { c: CaseView; spec: ActionSpec; onDone: (spec: ActionSpec) => Promise<void> }) {
  const points = completenessCheck(c);
  const missing = points.filter((p) => !p.ok).length;
  return (
    <>
      <Heading3 id="volledigheid">Controle op volledigheid</Heading3>
      <ul className="gzc-checklist" aria-labelledby="volledigheid">
        {points.map((p) => (
          <li key={p.id} className={p.ok ? 'gzc-checklist__ok' : 'gzc-checklist__missing'}>
            <span aria-hidden="true" className="gzc-checklist__mark">
              {p.ok ? '✓' : '!'}
            </span>
            <span className="gzc-visually-hidden">{p.ok ? 'In orde: ' : 'Let op: '}</span>
            {p.text}
          </li>
        ))}
      </ul>
      <Paragraph>
        {missing === 0
          ? 'De aanvraag is compleet. Na het inschrijven krijgt de zaak een zaaknummer en wordt de wederpartij uitgenodigd.'
          : `${missing === 1 ? 'Eén punt vraagt' : `${missing} punten vragen`} aandacht. Vraag eerst om informatie, of schrijf de zaak toch in als u dat verantwoord vindt.`}
      </Paragraph>
      <ActionForm spec={spec} caseId={c.id} version={c.version} onDone={onDone} />
    </>
  );
}
