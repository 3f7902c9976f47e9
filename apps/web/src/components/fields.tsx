import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { forwardRef, type ChangeEventHandler, type FocusEventHandler, type ReactNode } from 'react';

// Form fields built from Utrecht's parts (FormField + FormLabel + input): Utrecht's ready-made
// FormFieldTextbox ignores `id`, and the error summary's links must reach the input itself.

interface BaseProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
}

const describedBy = (id: string, description?: ReactNode, error?: string) =>
  [description ? `${id}-uitleg` : null, error ? `${id}-fout` : null].filter(Boolean).join(' ') || undefined;

function LabelText({ label, optional }: { label: ReactNode; optional?: boolean }) {
  return (
    <>
      {label}
      {optional && <span className="gzc-optional"> (niet verplicht)</span>}
    </>
  );
}

function Help({ id, description, error }: { id: string; description?: ReactNode; error?: string }) {
  return (
    <>
      {description && <FormFieldDescription id={`${id}-uitleg`}>{description}</FormFieldDescription>}
      {error && (
        <FormFieldErrorMessage id={`${id}-fout`}>
          <span className="gzc-visually-hidden">Fout: </span>
          {error}
        </FormFieldErrorMessage>
      )}
    </>
  );
}

type InputProps = BaseProps & {
  name?: string;
  value?: string;
  defaultValue?: string;
  type?: 'text' | 'search' | 'email' | 'tel' | 'number';
  inputMode?: 'text' | 'numeric' | 'decimal' | 'search';
  autoComplete?: string;
  width?: 'xs' | 's' | 'm' | 'l';
  onChange?: ChangeEventHandler<HTMLInputElement>;
  onBlur?: FocusEventHandler<HTMLInputElement>;
};

export const TextField = forwardRef<HTMLInputElement, InputProps>(function TextField(
  { id, label, description, error, optional, width, ...input },
  ref,
) {
  return (
    <FormField invalid={Boolean(error)} type="text" className="gzc-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          <LabelText label={label} optional={optional} />
        </FormLabel>
      </div>
      <Help id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <Textbox
          ref={ref}
          id={id}
          invalid={Boolean(error)}
          aria-describedby={describedBy(id, description, error)}
          className={width ? `gzc-width-${width}` : undefined}
          {...input}
        />
      </div>
    </FormField>
  );
});

type TextareaProps = BaseProps & {
  name?: string;
  value?: string;
  defaultValue?: string;
  rows?: number;
  onChange?: ChangeEventHandler<HTMLTextAreaElement>;
  onBlur?: FocusEventHandler<HTMLTextAreaElement>;
};

export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaProps>(function TextareaField(
  { id, label, description, error, optional, rows = 5, ...input },
  ref,
) {
  return (
    <FormField invalid={Boolean(error)} type="text" className="gzc-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          <LabelText label={label} optional={optional} />
        </FormLabel>
      </div>
      <Help id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <Textarea ref={ref} id={id} rows={rows} invalid={Boolean(error)} aria-describedby={describedBy(id, description, error)} {...input} />
      </div>
    </FormField>
  );
});

type SelectProps = BaseProps & {
  name?: string;
  value?: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  onChange?: ChangeEventHandler<HTMLSelectElement>;
  onBlur?: FocusEventHandler<HTMLSelectElement>;
};

export const SelectField = forwardRef<HTMLSelectElement, SelectProps>(function SelectField(
  { id, label, description, error, optional, options, placeholder, ...input },
  ref,
) {
  return (
    <FormField invalid={Boolean(error)} type="text" className="gzc-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>
          <LabelText label={label} optional={optional} />
        </FormLabel>
      </div>
      <Help id={id} description={description} error={error} />
      <div className="utrecht-form-field__input">
        <Select ref={ref} id={id} invalid={Boolean(error)} aria-describedby={describedBy(id, description, error)} {...input}>
          {placeholder !== undefined && <SelectOption value="">{placeholder}</SelectOption>}
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
});

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/**
 * Radio buttons or checkboxes in a fieldset. The first input carries `id` so the error summary
 * can link to the group; the others get `${id}-${value}`.
 */
export function ChoiceGroup({
  id,
  legend,
  description,
  error,
  optional,
  type,
  name,
  choices,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
  type: 'radio' | 'checkbox';
  name: string;
  choices: Choice[];
  value: string | string[];
  onChange: (value: string | string[]) => void;
}) {
  const selected = Array.isArray(value) ? value : [value];
  const toggle = (choice: string, checked: boolean) => {
    if (type === 'radio') onChange(choice);
    else onChange(checked ? [...selected.filter((v) => v !== choice), choice] : selected.filter((v) => v !== choice));
  };
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={describedBy(id, description, error)} className="gzc-field">
      <FieldsetLegend>
        <LabelText label={legend} optional={optional} />
      </FieldsetLegend>
      <Help id={id} description={description} error={error} />
      {choices.map((choice, index) => {
        const inputId = index === 0 ? id : `${id}-${choice.value}`;
        const Input = type === 'radio' ? RadioButton : Checkbox;
        return (
          <FormField key={choice.value} type={type} className="gzc-choice">
            <div className="utrecht-form-field__input">
              <Input
                id={inputId}
                name={name}
                value={choice.value}
                checked={selected.includes(choice.value)}
                invalid={Boolean(error)}
                aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
                onChange={(event) => toggle(choice.value, event.currentTarget.checked)}
              />
            </div>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={inputId} type={type}>
                {choice.label}
              </FormLabel>
            </div>
            {choice.hint && (
              <FormFieldDescription id={`${inputId}-hint`} className="gzc-choice-hint">
                {choice.hint}
              </FormFieldDescription>
            )}
          </FormField>
        );
      })}
    </Fieldset>
  );
}
