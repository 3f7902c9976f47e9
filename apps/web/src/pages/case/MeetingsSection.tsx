import { Alert, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState, type MouseEvent } from 'react';
import { apiBlob, ApiError } from '../../api/client';
import type { CaseView } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { saveBlob } from '../../lib/save-blob';

interface MeetingRow {
  kind: 'session' | 'hearing';
  id: string;
  startsAt: string;
  location?: string;
  held: boolean;
  notes?: string;
}

const isLink = (location: string) => /^https?:\/\//i.test(location.trim());

/**
 * The case's mediation sessions and hearings, in Amsterdam time, each with its place or video link
 * and "Zet in mijn agenda (.ics)". The mediator's own notes are marked as theirs alone.
 */
export function MeetingsSection({ c }: { c: CaseView }) {
  const [error, setError] = useState<string | null>(null);
  const rows: MeetingRow[] = [
    ...c.sessions.map((s) => ({ kind: 'session' as const, id: s.sessionId, ...s })),
    ...c.hearings.map((h) => ({ kind: 'hearing' as const, id: h.hearingId, ...h })),
  ].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  if (rows.length === 0) return null;
  const ended = c.closedAt !== null || (c.status !== 'in_mediation' && c.status !== 'in_proceedings');

  const path = (m: MeetingRow) =>
    `/api/disputes/${encodeURIComponent(c.id)}/${m.kind === 'session' ? 'sessions' : 'hearings'}/${encodeURIComponent(m.id)}/calendar.ics`;
  // The API needs the bearer token, so the link fetches the file and hands it to the browser.
  const download = async (event: MouseEvent, m: MeetingRow) => {
    event.preventDefault();
    setError(null);
    try {
      const day = m.startsAt.slice(0, 10);
      saveBlob(await apiBlob(path(m)), `${m.kind === 'session' ? 'mediationgesprek' : 'zitting'}-${c.caseNumber ?? c.id}-${day}.ics`);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : 'Het agendabestand kon niet worden gedownload.');
    }
  };

  return (
    <section aria-labelledby="bijeenkomsten">
      <Heading2 id="bijeenkomsten">Gesprekken en zittingen</Heading2>
      <Paragraph>Tijden zijn in Nederlandse tijd.</Paragraph>
      {error && (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <ul className="gzc-timeline">
        {rows.map((m) => {
          const what = m.kind === 'session' ? 'Mediationgesprek' : 'Zitting';
          const when = formatDateTime(m.startsAt);
          const state = m.held ? 'gehouden' : ended ? 'gaat niet door' : 'gepland';
          return (
            <li key={`${m.kind}-${m.id}`}>
              <Heading3>
                {what} op {when}
              </Heading3>
              <dl className="gzc-dl">
                <dt>Plaats</dt>
                <dd>
                  {!m.location ? (
                    m.held || ended ? (
                      'Niet opgegeven'
                    ) : (
                      'Volgt nog'
                    )
                  ) : isLink(m.location) && state === 'gepland' ? (
                    <a className="utrecht-link" href={m.location.trim()} rel="noreferrer noopener" target="_blank">
                      Videogesprek: {m.location.trim()} <span className="gzc-visually-hidden">(opent in een nieuw venster)</span>
                    </a>
                  ) : (
                    m.location
                  )}
                </dd>
                <dt>Stand</dt>
                <dd>{state}</dd>
              </dl>
              {m.notes !== undefined && (
                <div className="gzc-private-note">
                  <Paragraph>
                    <strong>Aantekeningen (alleen zichtbaar voor de mediator)</strong>
                  </Paragraph>
                  <Paragraph>{m.notes}</Paragraph>
                </div>
              )}
              {!m.held && !ended && (
                <Paragraph>
                  <a className="utrecht-link" href={path(m)} onClick={(e) => void download(e, m)}>
                    Zet in mijn agenda (.ics){' '}
                    <span className="gzc-visually-hidden">
                      voor het {what.toLowerCase()} op {when}
                    </span>
                  </a>
                </Paragraph>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
