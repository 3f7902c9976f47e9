import { Button, Paragraph } from '@utrecht/component-library-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { PageHeading, useAnnounce } from '../../components/page';
import { dutchDirectoryMessage } from '../../lib/directory-checks';
import { ConflictNotice } from './ConflictNotice';

/**
 * Saving a record of the register (PATCH with If-Match on the version the person saw): the form's
 * own checks first, then the API; a 409 becomes the conflict notice, the API's field problems
 * Dutch messages at the fields. `saved` lives in the page, because the form remounts with the new
 * version after a save.
 */
export function useDirectorySave(options: {
  path: string;
  version: number;
  idFor: (field: string) => string;
  onReload: () => Promise<void>;
  saved: string | null;
  onSaved: (text: string | null) => void;
}) {
  const { path, version, idFor, onReload, saved, onSaved } = options;
  const announce = useAnnounce();
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (found: { field: string; message: string }[], body: () => Record<string, unknown>, savedText: string) => {
    onSaved(null);
    setErrors(found.map((e) => ({ fieldId: idFor(e.field), message: e.message })));
    if (found.length > 0) return;
    setBusy(true);
    try {
      await api(path, { method: 'PATCH', body: body(), headers: { 'If-Match': `"${version}"` } });
      announce(savedText);
      onSaved(savedText);
      await onReload();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setConflict(true);
      else if (error instanceof ApiError && error.errors.length > 0) {
        setErrors(
          error.errors.map((e) => {
            const d = dutchDirectoryMessage(e.field);
            return { fieldId: idFor(d.field), message: d.message };
          }),
        );
      } else setErrors([{ fieldId: idFor('opslaan'), message: error instanceof ApiError ? error.detail : 'Opslaan lukte niet.' }]);
    } finally {
      setBusy(false);
    }
  };
  const errorFor = (field: string) => errors.find((e) => e.fieldId === idFor(field))?.message;
  /** What RecordFormFrame needs besides the title, intro and submit handler. */
  const frame = { saved, conflict, onReload, errors, busy, submitId: idFor('opslaan') };
  return { save, errorFor, frame };
}

/** "Saved", focused when it appears so the person hears it. */
export function SavedNotice({ text }: { text: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  if (!text) return null;
  return (
    <div ref={ref} tabIndex={-1} className="gzc-notice gzc-notice--ok">
      <Paragraph>{text}</Paragraph>
    </div>
  );
}

export interface RecordFormProps<T> {
  record: T;
  onReload: () => Promise<void>;
  /** Kept by the page: the form remounts with the saved version. */
  saved: string | null;
  onSaved: (text: string | null) => void;
}

/**
 * One record of the register (`/api/directory/{collection}/{id}`) loaded and handed to its form,
 * keyed by version: after a save or a reload the form starts again from the values as they are now.
 */
export function DirectoryRecordPage<T extends { version: number }>({
  collection,
  noun,
  Form,
}: {
  collection: 'organisations' | 'users';
  /** "organisatie", "gebruiker": the words of the loading and not-found texts. */
  noun: string;
  Form: ComponentType<RecordFormProps<T>>;
}) {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const record = useQuery({
    queryKey: ['directory', collection, id],
    queryFn: () => api<T>(`/api/directory/${collection}/${encodeURIComponent(id)}`),
  });
  if (record.isPending) return <Paragraph>De {noun} wordt geladen…</Paragraph>;
  if (record.isError) {
    return (
      <>
        <PageHeading title={`${noun[0]!.toUpperCase()}${noun.slice(1)} niet gevonden`} />
        <Paragraph>
          Deze {noun} staat niet in het register.{' '}
          <Link className="utrecht-link" to="/register">
            Terug naar het register
          </Link>
        </Paragraph>
      </>
    );
  }
  const reload = () => queryClient.invalidateQueries({ queryKey: ['directory'] });
  return <Form key={record.data.version} record={record.data} onReload={reload} saved={saved} onSaved={setSaved} />;
}

/**
 * The frame of a record's form: title, what it is with a way back, the saved notice, the conflict
 * notice, the error summary, the fields, and the save button.
 */
export function RecordFormFrame({
  title,
  intro,
  saved,
  conflict,
  onReload,
  errors,
  busy,
  submitId,
  onSubmit,
  children,
}: {
  title: string;
  intro: ReactNode;
  saved: string | null;
  conflict: boolean;
  onReload: () => Promise<void>;
  errors: SummaryError[];
  busy: boolean;
  submitId: string;
  onSubmit: (event: React.FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeading title={title} />
      <Paragraph className="gzc-record-intro">
        {intro}{' '}
        <Link className="utrecht-link" to="/register">
          Terug naar het register
        </Link>
      </Paragraph>
      <SavedNotice text={saved} />
      {conflict && <ConflictNotice onReload={() => void onReload()} />}
      <form noValidate onSubmit={onSubmit} aria-label={title}>
        <ErrorSummary errors={errors} />
        {children}
        <Button type="submit" id={submitId} appearance="primary-action-button" busy={busy} disabled={busy}>
          Opslaan
        </Button>
      </form>
    </>
  );
}
