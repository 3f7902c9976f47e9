import type { ReactNode } from 'react';
import type { CaseView } from '../../../api/types';
import type { ActionSpec } from '../actions';
import { NominateForm } from './NominateForm';
import { RegisterForm } from './RegisterForm';

/** The secretariat's actions that need more than the generic form; null for the others. */
export function secretariatForm(
  action: string,
  props: { c: CaseView; spec: ActionSpec; onDone: (spec: ActionSpec) => Promise<void> },
): ReactNode | null {
  if (action === 'register') return <RegisterForm {...props} />;
  if (action === 'nominate-neutrals') return <NominateForm {...props} />;
  return null;
}
