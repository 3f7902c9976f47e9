import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useIdleTurn } from './idle-turns';
import { LineLegend } from './LineLegend';
import { formatFigure, isWithheld, valueAt, type FigureSection, type PeriodFigures, type StatisticsAnswer } from './figures';

/** A column of a figure table: the whole window (`overall`) or one period of the answer. */
export interface Scope {
  key: string;
  name: string;
  figures: StatisticsAnswer | PeriodFigures;
}

/** One table: a row per figure, a column per scope; withheld cells say "minder dan 5". */
export function FigureTable({
  answer,
  section,
  scopes,
  captionHidden = false,
}: {
  answer: StatisticsAnswer;
  section: FigureSection;
  scopes: Scope[];
  captionHidden?: boolean;
}) {
  return (
    <div className="gzc-table-wrap" role="region" aria-label={`Tabel: ${section.caption}`} tabIndex={0}>
      <Table>
        <TableCaption className={captionHidden ? 'gzc-visually-hidden' : undefined}>{section.caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Cijfer</TableHeaderCell>
            {scopes.map((s) => (
              <TableHeaderCell key={s.key} scope="col">
                {s.name}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {section.rows.map((row) => (
            <TableRow key={row.path}>
              <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
              {scopes.map((s) => (
                <TableCell key={s.key} className="gzc-figure">
                  {formatFigure(valueAt(s.figures, row.path), row.kind, isWithheld(answer, s.key, row.path))}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

// The chart library (most of this page's code) is fetched and run only when the first drawing's
// turn comes (idle-turns.ts): after the tables have been painted, not while they appear.
let charts: Promise<typeof import('./charts')> | undefined;
const loadCharts = () => (charts ??= import('./charts'));
const BarsDrawing = lazy(() => loadCharts().then((m) => ({ default: m.BarsDrawing })));
const LinesDrawing = lazy(() => loadCharts().then((m) => ({ default: m.LinesDrawing })));
/** As charts.tsx draws them; known here so the space is kept before the chart library arrives. */
const CHART_WIDTH = 640;

/**
 * The drawing's place, its final size kept (it scales with the page, as the svg does) while the
 * chart library loads: nothing jumps when it arrives. Hidden from screen readers: the table says it.
 */
function ChartSpace({ height, children }: { height: number; children: ReactNode }) {
  const turn = useIdleTurn();
  return (
    <div aria-hidden="true" className="gzc-chart__space" style={{ aspectRatio: `${CHART_WIDTH} / ${height}` }}>
      {turn.granted && (
        <Suspense fallback={null}>
          {children}
          <WhenShown run={turn.done} />
        </Suspense>
      )}
    </div>
  );
}

/** Calls `run` once it is on the page: inside a Suspense boundary, only when the drawing beside it is too. */
function WhenShown({ run }: { run: () => void }) {
  useEffect(run, [run]);
  return null;
}

/**
 * The count rows of a section as horizontal bars for one scope. The chart repeats the table next
 * to it, so it is hidden from screen readers; withheld cells are left out of it and say so.
 */
export function FigureBars({ answer, section, scope }: { answer: StatisticsAnswer; section: FigureSection; scope: Scope }) {
  const rows = section.rows.filter((r) => r.kind === 'count');
  const shown = rows.filter((r) => !isWithheld(answer, scope.key, r.path));
  const data = shown.map((r) => ({ name: r.label, value: valueAt(scope.figures, r.path) ?? 0 }));
  const left = rows.length - shown.length;
  const height = Math.max(120, data.length * 34 + 40);
  return (
    <figure className="gzc-chart">
      <ChartSpace height={height}>
        <BarsDrawing data={data} height={height} name={scope.name} />
      </ChartSpace>
      <figcaption>
        Grafiek: {section.caption.toLowerCase()}, {scope.name.toLowerCase()}. De cijfers staan ook in de tabel.
        {left > 0 &&
          (left === 1
            ? ' Eén cijfer is afgeschermd (minder dan 5) en staat niet in de grafiek.'
            : ` ${left} cijfers zijn afgeschermd (minder dan 5) en staan niet in de grafiek.`)}
      </figcaption>
    </figure>
  );
}

/** Counts per year as lines, for the year-over-year view. */
export function YearLines({ answer, section }: { answer: StatisticsAnswer; section: FigureSection }) {
  const counts = section.rows.filter((r) => r.kind === 'count');
  // A figure withheld in every year would be an empty line: it stays in the table only.
  const rows = counts.filter((r) => answer.periods.some((p) => !isWithheld(answer, p.period, r.path)));
  const hidden = counts.filter((r) => !rows.includes(r));
  const data = answer.periods.map((p) => ({
    name: p.period,
    ...Object.fromEntries(rows.map((r, i) => [`v${i}`, isWithheld(answer, p.period, r.path) ? null : (valueAt(p, r.path) ?? 0)])),
  }));
  return (
    <figure className="gzc-chart">
      <ChartSpace height={280}>
        <LinesDrawing data={data} height={280} lines={rows.map((r, i) => ({ key: `v${i}`, label: r.label }))} />
      </ChartSpace>
      <LineLegend labels={rows.map((r) => r.label)} />
      <figcaption>
        Grafiek: {rows.map((r) => r.label.toLowerCase()).join(', ')} per jaar. De cijfers staan ook in de tabel.
        {hidden.length > 0 &&
          ` Niet in de grafiek, omdat het cijfer elk jaar is afgeschermd: ${hidden.map((r) => r.label.toLowerCase()).join(', ')}.`}
      </figcaption>
    </figure>
  );
}
