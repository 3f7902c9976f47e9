import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { api, ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { ChoiceGroup, SelectField, TextareaField, TextField } from '../../components/fields';
import { parseEuros } from '../../lib/format';
import type { ActionSpec } from './actions';

/**
 * One action as a short form inside a <details>: validated on submit (no browser validation), the
 * API's Dutch messages at the fields and in the summary. The request is conditional on the case
 * version the person saw (If-Match), so nobody acts on a page that is out of date.
 */
export function ActionForm({ spec, caseId, version, onDone }: { spec: ActionSpec; caseId: string; version: number; onDone: (spec: ActionSpec) => Promise<void> }) {
  const idFor = (name: string) => `${spec.action}-${name}`;
  const form = useForm<Record<string, string>>({ defaultValues: Object.fromEntries(spec.fields.map((f) => [f.name, ''])) });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = form.handleSubmit(async (values) => {
    const found: SummaryError[] = [];
    for (const field of spec.fields) {
      const value = (values[field.name] ?? '').trim();
      if (!field.optional && field.kind !== 'checkbox' && value === '') {
        found.push({ fieldId: idFor(field.name), message: field.kind === 'radio' || field.kind === 'select' ? `Kies: ${field.label.toLowerCase()}` : `Vul in: ${field.label.toLowerCase()}` });
      } else if (field.kind === 'euros' && value !== '' && parseEuros(value) === null) {
        found.push({ fieldId: idFor(field.name), message: 'Vul een bedrag in euro’s in, bijvoorbeeld 250 of 250,50.' });
      }
    }
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await api(`/api/disputes/${encodeURIComponent(caseId)}/${spec.action}`, { body: spec.body(values), headers: { 'If-Match': String(version) } });
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
        setErrors([{ fieldId: idFor('submit'), message: error instanceof ApiError ? error.detail : 'Dit lukte niet. Probeer het opnieuw.' }]);
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
      {spec.fields.length > 0 && spec.fields.some((f) => !f.optional) && <Paragraph>Velden zonder &lsquo;niet verplicht&rsquo; zijn verplicht.</Paragraph>}
      {spec.fields.map((field) => (
        <Controller
          key={field.name}
          control={form.control}
          name={field.name}
          render={({ field: input }) => {
            const common = { id: idFor(field.name), label: field.label, description: field.hint, optional: field.optional, error: errorFor(field.name) };
            switch (field.kind) {
              case 'textarea':
                return <TextareaField {...common} rows={3} value={input.value} onChange={input.onChange} onBlur={input.onBlur} />;
              case 'radio':
                return (
                  <ChoiceGroup
                    id={common.id}
                    legend={field.label}
                    description={field.hint}
                    optional={field.optional}
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
                return <SelectField {...common} options={field.options ?? []} placeholder="Kies" value={input.value} onChange={input.onChange} onBlur={input.onBlur} />;
              case 'date':
              case 'datetime':
                return (
                  <div className="gzc-field">
                    <label className="utrecht-form-label" htmlFor={common.id}>
                      {field.label}
                      {field.optional && <span className="gzc-optional"> (niet verplicht)</span>}
                    </label>
                    {common.error && (
                      <p className="utrecht-form-field-error-message" id={`${common.id}-fout`}>
                        {common.error}
                      </p>
                    )}
                    <input
                      id={common.id}
                      className="utrecht-textbox utrecht-textbox--html-input gzc-width-m"
                      type={field.kind === 'date' ? 'date' : 'datetime-local'}
                      aria-describedby={common.error ? `${common.id}-fout` : undefined}
                      aria-invalid={common.error ? true : undefined}
                      value={input.value}
                      onChange={input.onChange}
                      onBlur={input.onBlur}
                    />
                  </div>
                );
              default:
                return <TextField {...common} inputMode={field.kind === 'euros' ? 'decimal' : undefined} value={input.value} onChange={input.onChange} onBlur={input.onBlur} />;
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
