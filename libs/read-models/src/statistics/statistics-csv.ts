import type { Figures, StatisticsResult } from './compute-statistics';

// The statistics as CSV (RFC 4180): one row per figure and scope, in long form so every period
// has the same columns: period,from,to,figure,value,suppressed. A withheld value is empty with
// suppressed=true.

const HEADER = ['period', 'from', 'to', 'figure', 'value', 'suppressed'];

/** Quotes a field when it holds a comma, quote, CR or LF (RFC 4180), doubling inner quotes. */
export const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function flatten(prefix: string, value: unknown, out: [string, number | null][]): void {
  if (value === null || typeof value === 'number') {
    out.push([prefix, value]);
    return;
  }
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) flatten(prefix ? `${prefix}.${key}` : key, inner, out);
  }
}

export function figuresAsRows(figures: Figures): [string, number | null][] {
  const out: [string, number | null][] = [];
  flatten('', figures, out);
  return out;
}

export function statisticsToCsv(result: StatisticsResult, window: { from: string; to: string }): string {
  const suppressed = new Set(result.suppressed.map((s) => `${s.period}|${s.cell}`));
  const isWithheld = (period: string, figure: string): boolean => {
    if (suppressed.has(`${period}|${figure}`)) return true;
    // durationsDays.filingToClosure.median is withheld with durationsDays.filingToClosure.
    const parent = figure.slice(0, figure.lastIndexOf('.'));
    return parent !== '' && suppressed.has(`${period}|${parent}`);
  };
  const lines = [HEADER.join(',')];
  const { periods, suppressed: _s, ...overall } = result;
  void _s;
  const scopes: { label: string; from: string; to: string; figures: Figures }[] = [
    { label: 'overall', from: window.from, to: window.to, figures: overall },
    ...periods.map(({ period, from, to, ...figures }) => ({ label: period, from, to, figures })),
  ];
  for (const scope of scopes) {
    for (const [figure, value] of figuresAsRows(scope.figures)) {
      const withheld = value === null && isWithheld(scope.label, figure);
      lines.push(
        [scope.label, scope.from, scope.to, figure, value === null ? '' : String(value), withheld ? 'true' : 'false']
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
