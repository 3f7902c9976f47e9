import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import { formatFigure, isWithheld, valueAt, type FigureSection, type PeriodFigures, type StatisticsAnswer } from './figures';

/** A column of a figure table: the whole window (`overall`) or one period of the answer. */
export interface Scope {
  key: string;
  name: string;
  figures: StatisticsAnswer | PeriodFigures;
}

/** One table: a row per figure, a column per scope; withheld cells say "minder dan 5". */
export function FigureTable({ answer, section, scopes, captionHidden = false }: { answer: StatisticsAnswer; section: FigureSection; scopes: Scope[]; captionHidden?: boolean }) {
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

const COLOURS = ['#0b5566', '#b06000', '#5b3f8c', '#2f6b2f'];

/**
 * The count rows of a section as horizontal bars for one scope. The chart repeats the table next
 * to it, so it is hidden from screen readers; withheld cells are left out of it and say so.
 */
export function FigureBars({ answer, section, scope }: { answer: StatisticsAnswer; section: FigureSection; scope: Scope }) {
  const rows = section.rows.filter((r) => r.kind === 'count');
  const shown = rows.filter((r) => !isWithheld(answer, scope.key, r.path));
  const data = shown.map((r) => ({ name: r.label, value: valueAt(scope.figures, r.path) ?? 0 }));
  const left = rows.length - shown.length;
  return (
    <figure className="gzc-chart">
      <div aria-hidden="true">
        <BarChart accessibilityLayer={false} layout="vertical" width={640} height={Math.max(120, data.length * 34 + 40)} data={data} margin={{ left: 24, right: 24 }}>
          <CartesianGrid horizontal={false} stroke="#c9e0e5" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: '#1b1f23' }} />
          <YAxis type="category" dataKey="name" width={290} tick={{ fill: '#1b1f23', fontSize: 13 }} />
          <Bar dataKey="value" name={scope.name} fill={COLOURS[0]} isAnimationActive={false} />
        </BarChart>
      </div>
      <figcaption>
        Grafiek: {section.caption.toLowerCase()}, {scope.name.toLowerCase()}. De cijfers staan ook in de tabel.
        {left > 0 && ` ${left === 1 ? 'Eén cijfer is' : `${left} cijfers zijn`} afgeschermd (minder dan 5) en staan niet in de grafiek.`}
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
      <div aria-hidden="true">
        <LineChart accessibilityLayer={false} width={640} height={280} data={data} margin={{ left: 8, right: 24 }}>
          <CartesianGrid stroke="#c9e0e5" />
          <XAxis dataKey="name" tick={{ fill: '#1b1f23' }} />
          <YAxis allowDecimals={false} tick={{ fill: '#1b1f23' }} />
          <Legend />
          {rows.map((r, i) => (
            <Line key={r.path} dataKey={`v${i}`} name={r.label} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} strokeDasharray={i === 0 ? undefined : `${4 + 2 * i} 3`} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      </div>
      <figcaption>
        Grafiek: {rows.map((r) => r.label.toLowerCase()).join(', ')} per jaar. De cijfers staan ook in de tabel.
        {hidden.length > 0 && ` Niet in de grafiek, omdat het cijfer elk jaar is afgeschermd: ${hidden.map((r) => r.label.toLowerCase()).join(', ')}.`}
      </figcaption>
    </figure>
  );
}
