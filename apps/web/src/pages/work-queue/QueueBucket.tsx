import {
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { QueueList, WorkQueue } from '../../api/secretariat-types';
import { TableWrap } from '../../components/TableWrap';
import { ALL_ROWS } from '../work-queue-paths';
import { workQueueQuery } from '../work-queue-queries';

export interface QueueRow {
  id: string;
  caseNumber: string | null;
  what: string;
  when: string;
}

type Item<K extends keyof WorkQueue> = WorkQueue[K] extends QueueList<infer T> ? T : never;

/**
 * One list of the queue: its oldest rows as they came with the page, and at a click the oldest
 * ALL_ROWS (one request for every list, so a second click on another list asks nothing).
 */
export function QueueBucket<K extends keyof WorkQueue>({
  id,
  title,
  explanation,
  queue,
  list,
  toRow,
}: {
  id: string;
  title: string;
  explanation: string;
  /** undefined while loading */
  queue: WorkQueue | undefined;
  list: K;
  toRow: (item: Item<K>) => QueueRow;
}) {
  const [showAll, setShowAll] = useState(false);
  const all = useQuery({ ...workQueueQuery(ALL_ROWS), enabled: showAll });
  const source = showAll && all.data?.queue ? all.data.queue : queue;
  const current = source?.[list] as QueueList<Item<K>> | undefined;
  const total = current?.count ?? 0;
  const rows = (current?.oldest ?? []).map(toRow);
  let body: ReactNode;
  if (!current) body = <Paragraph>De zaken worden geladen…</Paragraph>;
  else if (total === 0) body = <Paragraph>Hier is nu niets te doen.</Paragraph>;
  else
    body = (
      <>
        <TableWrap label={title}>
          <Table>
            <TableCaption className="gzc-visually-hidden">{title}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Zaak</TableHeaderCell>
                <TableHeaderCell scope="col">Wat</TableHeaderCell>
                <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.id}-${r.what}`}>
                  <TableHeaderCell scope="row">
                    <Link className="utrecht-link" to={`/zaken/${r.id}`}>
                      {r.caseNumber ?? 'Bekijk de aanvraag'}
                    </Link>
                  </TableHeaderCell>
                  <TableCell>{r.what}</TableCell>
                  <TableCell>{r.when}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
        {rows.length < total && (
          <Paragraph>
            De oudste {rows.length} van {total}.{' '}
            {!showAll && (
              <Button appearance="subtle-button" onClick={() => setShowAll(true)}>
                Toon de oudste {Math.min(total, ALL_ROWS)}
              </Button>
            )}
            {showAll && all.isPending && <span role="status">De rest wordt opgehaald…</span>}
            {showAll && all.isError && <span role="alert">Het ophalen lukte niet. Laad de pagina opnieuw.</span>}
          </Paragraph>
        )}
      </>
    );
  return (
    <section aria-labelledby={id} className="gzc-figure-block">
      <Heading2 id={id}>
        {title} ({current ? total : '…'})
      </Heading2>
      <Paragraph>{explanation}</Paragraph>
      {body}
    </section>
  );
}
