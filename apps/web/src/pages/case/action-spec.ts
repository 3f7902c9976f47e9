import type { CaseView } from '../../api/types';

// The shape of one action's Dutch form (actions.ts lists them; ActionForm.tsx shows one).

export type FormValues = Record<string, string>;

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'radio' | 'select' | 'datetime' | 'date' | 'euros' | 'percent' | 'checkbox';
  options?: { value: string; label: string }[];
  /** Optional always, or depending on the other answers (a settlement only with an agreement). */
  optional?: boolean | ((values: FormValues) => boolean);
  hint?: string;
  /** The API's field name when it differs (for its error messages). */
  apiField?: string;
  /** Shown only when this holds for the answers so far (asked only when it matters). */
  shownWhen?: (values: FormValues) => boolean;
  /** Filled in from another field's answer whenever that changes (a default the person may change). */
  defaultFrom?: { field: string; values: Record<string, string> };
}

export interface ActionSpec {
  action: string;
  /** The form's title, also the summary a person clicks to open it. */
  title: string;
  intro?: string;
  submit: string;
  fields: FieldSpec[];
  body: (values: FormValues) => Record<string, unknown>;
  /** Said (and announced) after it worked. */
  done: string;
}

export interface ActionContext {
  c: CaseView;
  myOrganisationId: string | undefined;
}

export const isShown = (field: FieldSpec, values: FormValues): boolean => !field.shownWhen || field.shownWhen(values);
export const isOptional = (field: FieldSpec, values: FormValues): boolean =>
  typeof field.optional === 'function' ? field.optional(values) : field.optional === true;

export const text = (v: string | undefined): string => (v ?? '').trim();
export const optionalText = (name: string, v: string | undefined): Record<string, string> => (text(v) ? { [name]: text(v) } : {});

/** Shared field shapes: the same question is asked the same way in every form. */
export const reasonField = (label: string, options: { name?: string; optional?: boolean; hint?: string } = {}): FieldSpec => ({
  name: options.name ?? 'reason',
  label,
  kind: 'textarea',
  ...(options.optional ? { optional: true } : {}),
  ...(options.hint ? { hint: options.hint } : {}),
});

export const choiceField = (name: string, label: string, options: { value: string; label: string }[]): FieldSpec => ({
  name,
  label,
  kind: 'radio',
  options,
});
