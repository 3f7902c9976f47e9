import { Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { api, ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { ChoiceGroup, SelectField, TextareaField, TextField } from '../../components/fields';
import { parseEuros } from '../../lib/format';
import { isOptional, isShown, type ActionSpec } from './action-spec';

/**
 * One action as a short form inside a <details>: validated on submit (no browser validation), the
 * API's Dutch messages at the fields and in the summary. The request is conditional on the case
 * version the person saw (If-Match), so nobody acts on a page that is out of date.
 */
export function ActionForm({
  spec,
  caseId,
  version,
  onDone,
}: {
  spec: ActionSpec;
  caseId: string;
  version: number;
  onDone: (spec: ActionSpec) => Promise<void>;
}) {
  const idFor = (name: string) => `${spec.action}-${name}`;
  const form = useForm<Record<string, string>>({ defaultValues: Object.fromEntries(spec.fields.map((f) => [f.name, ''])) });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  const values = form.watch();
  // A default that follows another answer (the cost share follows the outcome) is filled in when
  // that answer changes; the person may still change it.
  const sources = spec.fields.map((f) => (f.defaultFrom ? (values[f.defaultFrom.field] ?? '') : '')).join('|');
  const lastSources = useRef(sources);
  useEffect(() => {
    if (lastSources.current === sources) return;
    lastSources.current = sources;
    for (const field of spec.fields) {
      const fill = field.defaultFrom?.values[form.getValues(field.defaultFrom.field) ?? ''];
      if (fill !== undefined) form.setValue(field.name, fill);
    }
  }, [sources, spec.fields, form]);

  const submit = form.handleSubmit(async (values) => {
    const found: SummaryError[] = [];
    for (const field of spec.fields.filter((f) => isShown(f, values))) {
      const value = (values[field.name] ?? '').trim();
      if (!isOptional(field, values) && field.kind !== 'checkbox' && value === '') {
        found.push({
          fieldId: idFor(field.name),
          message:
            field.kind === 'radio' || field.kind === 'select'
              ? `Kies: ${field.label.toLowerCase()}`
              : `Vul in: ${field.label.toLowerCase()}`,
        });
      } else if (field.kind === 'euros' && value !== '' && parseEuros(value) === null) {
        found.push({ fieldId: idFor(field.name), message: 'Vul een bedrag in euro’s in, bijvoorbeeld 250 of 250,50.' });
      } else if (field.kind === 'percent' && value !== '' && !/^(100|[1-9]?\d)$/.test(value)) {
        found.push({ fieldId: idFor(field.name), message: 'Vul een heel getal van 0 tot en met 100 in.' });
      }
    }
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await api(`/api/disputes/${encodeURIComponent(caseId)}/${spec.action}`, {
        body: spec.body(values),
        headers: { 'If-Match': String(version) },
      });
      form.reset();
      await onDone(spec);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        setErrors(
          error.errors.map((e) => {
            const field = spec.fields.find((f) => f.name === e.field || f.apiField === e.field);
            return { fieldId: field ? idFor(field.name) : idFor('submit'), message: e.message };
          }),
        );
      } else {
        setErrors([
          { fieldId: idFor('submit'), message: error instanceof ApiError ? error.detail : 'Dit lukte niet. Probeer het opnieuw.' },
        ]);
      }
    } finally {
      setBusy(false);
    }
  });

  const errorFor = (name: string) => errors.find((e) => e.fieldId === idFor(name))?.message;
  return (
    <form noValidate onSubmit={submit} aria-label={spec.title}>
      {spec.intro && <Paragraph>{spec.intro}</Paragraph>}
      <ErrorSummary errors={errors} />
      {spec.fields.some((f) => f.optional !== true) && <Paragraph>Velden zonder &lsquo;niet verplicht&rsquo; zijn verplicht.</Paragraph>}
      {spec.fields
        .filter((field) => isShown(field, values))
        .map((field) => (
          <Controller
            key={field.name}
            control={form.control}
            name={field.name}
            render={({ field: input }) => {
              const common = {
                id: idFor(field.name),
                label: field.label,
                description: field.hint,
                optional: isOptional(field, values),
                error: errorFor(field.name),
              };
              switch (field.kind) {
                case 'textarea':
                  return <TextareaField {...common} rows={3} value={input.value} onChange={input.onChange} onBlur={input.onBlur} />;
                case 'radio':
                  return (
                    <ChoiceGroup
                      id={common.id}
                      legend={field.label}
                      description={field.hint}
                      optional={common.optional}
                      error={common.error}
                      type="radio"
                      name={common.id}
                      choices={field.options ?? []}
                      value={input.value}
                      onChange={(v) => input.onChange(v)}
                    />
                  );
                case 'checkbox':
                  return (
                    <ChoiceGroup
                      id={common.id}
                      legend={<span className="gzc-visually-hidden">{field.label}</span>}
                      type="checkbox"
                      name={common.id}
                      choices={[{ value: 'true', label: field.label }]}
                      value={input.value ? [input.value] : []}
                      onChange={(v) => input.onChange((v as string[]).includes('true') ? 'true' : '')}
                    />
                  );
                case 'select':
                  return (
                    <SelectField
                      {...common}
                      options={field.options ?? []}
                      placeholder="Kies"
                      value={input.value}
                      onChange={input.onChange}
                      onBlur={input.onBlur}
                    />
                  );
                case 'date':
                case 'datetime':
                  return (
                    <div className="gzc-field">
                      <label className="utrecht-form-label" htmlFor={common.id}>
                        {field.label}
                        {common.optional && <span className="gzc-optional"> (niet verplicht)</span>}
                      </label>
                      {field.hint && (
                        <p className="utrecht-form-field-description" id={`${common.id}-uitleg`}>
                          {field.hint}
                        </p>
                      )}
                      {common.error && (
                        <p className="utrecht-form-field-error-message" id={`${common.id}-fout`}>
                          {common.error}
                        </p>
                      )}
                      <input
                        id={common.id}
                        className="utrecht-textbox utrecht-textbox--html-input gzc-width-m"
                        type={field.kind === 'date' ? 'date' : 'datetime-local'}
                        aria-describedby={
                          [field.hint && `${common.id}-uitleg`, common.error && `${common.id}-fout`].filter(Boolean).join(' ') || undefined
                        }
                        aria-invalid={common.error ? true : undefined}
                        value={input.value}
                        onChange={input.onChange}
                        onBlur={input.onBlur}
                      />
                    </div>
                  );
                default:
                  return (
                    <TextField
                      {...common}
                      inputMode={field.kind === 'euros' ? 'decimal' : field.kind === 'percent' ? 'numeric' : undefined}
                      width={field.kind === 'percent' ? 'xs' : undefined}
                      value={input.value}
                      onChange={input.onChange}
                      onBlur={input.onBlur}
                    />
                  );
              }
            }}
          />
        ))}
      <Button type="submit" id={idFor('submit')} appearance="primary-action-button" busy={busy} disabled={busy}>
        {spec.submit}
      </Button>
    </form>
  );
}
