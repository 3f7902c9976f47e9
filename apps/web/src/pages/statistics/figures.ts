import { FRAMEWORK_LABELS, PHASE_LABELS, ROUTE_LABELS, SECTOR_LABELS, SUBJECT_LABELS, label } from '../../lib/labels';

// The statistics answer of GET /api/statistics as the page reads it, which figure sits in which
// row (by its dotted path in the answer), and how a value is written in Dutch. No React here: the
// browser test reads the same rows to compare every figure on the page with the API's.

export type FigureValue = number | null;
type Tree = { [key: string]: unknown };

export interface PeriodFigures extends Tree {
  period: string;
  from: string;
  to: string;
}

export interface StatisticsAnswer extends Tree {
  from: string;
  to: string;
  groupBy: string;
  audience: 'secretariat' | 'observer';
  minCellCount: number;
  periods: PeriodFigures[];
  suppressed: { period: string; cell: string }[];
}

export type FigureKind = 'count' | 'rate' | 'days';

export interface FigureRow {
  label: string;
  path: string;
  kind: FigureKind;
}

export interface FigureSection {
  id: string;
  /** The table's caption: what the rows are. */
  caption: string;
  rows: FigureRow[];
}

const count = (path: string, text: string): FigureRow => ({ label: text, path, kind: 'count' });
const breakdown = (prefix: string, labels: Record<string, string | { label: string }>, codes?: string[]): FigureRow[] =>
  (codes ?? Object.keys(labels)).map((code) => count(`${prefix}.${code}`, label(labels, code)));

export const OUTCOME_LABELS: Record<string, string> = {
  settled: 'Opgelost: de partijen zijn het eens',
  decided_granted: 'Beslist: toegewezen',
  decided_partially_granted: 'Beslist: deels toegewezen',
  decided_rejected: 'Beslist: afgewezen',
  withdrawn: 'Ingetrokken',
  declined: 'Geweigerd door de wederpartij',
  inadmissible: 'Niet-ontvankelijk',
  closed_without_resolution: 'Gesloten zonder oplossing',
};

const CLAIMANT_LABELS: Record<string, string> = {
  provider: 'Zorgaanbieder',
  insurer: 'Zorgverzekeraar of zorgkantoor',
  association: 'Branche- of beroepsorganisatie',
};

const DURATION_LABELS: Record<string, string> = {
  filingToRegistration: 'van indienen tot inschrijven',
  filingToAppointment: 'van indienen tot benoeming van de mediator, adviseur of arbiter',
  filingToClosure: 'van indienen tot afsluiten',
};

const durations = (): FigureRow[] =>
  Object.entries(DURATION_LABELS).flatMap(([key, text]) => [
    { label: `Mediaan ${text}`, path: `durationsDays.${key}.median`, kind: 'days' as const },
    { label: `90% is sneller dan dit, ${text}`, path: `durationsDays.${key}.p90`, kind: 'days' as const },
  ]);

/** The page's four questions, each with its tables. */
export const SECTIONS: { question: string; id: string; sections: FigureSection[] }[] = [
  {
    question: 'Hoeveel zaken?',
    id: 'hoeveel',
    sections: [
      {
        id: 'aantallen',
        caption: 'Aantal zaken',
        rows: [
          count('filed', 'Ingediend'),
          count('registered', 'Ingeschreven'),
          count('closed', 'Afgesloten'),
          count('openAtEnd', 'Nog lopend aan het eind van de periode'),
          count('escalations', 'Doorgegaan naar bindend advies of arbitrage'),
          count('deadlinesMissed', 'Termijnen verstreken zonder reactie'),
        ],
      },
    ],
  },
  {
    question: 'Hoe snel?',
    id: 'hoe-snel',
    sections: [{ id: 'doorlooptijd', caption: 'Doorlooptijd in dagen', rows: durations() }],
  },
  {
    question: 'Hoe liep het af?',
    id: 'afloop',
    sections: [
      { id: 'uitkomsten', caption: 'Afgesloten zaken naar uitkomst', rows: breakdown('outcomes', OUTCOME_LABELS) },
      {
        id: 'mediation',
        caption: 'Mediations: het uitkomstenregister',
        rows: [
          count('mediation.concluded', 'Mediations afgerond'),
          count('mediation.fullAgreement', 'Volledig eens geworden'),
          count('mediation.partialAgreement', 'Deels eens geworden'),
          count('mediation.noAgreement', 'Niet eens geworden'),
          { label: 'Deel volledig eens geworden', path: 'mediation.successRate', kind: 'rate' },
        ],
      },
      {
        id: 'laatste-route',
        caption: 'Afgesloten zaken naar de laatst gekozen route',
        rows: [...breakdown('byFinalRoute', ROUTE_LABELS), count('byFinalRoute.none', 'Geen route gekozen')],
      },
    ],
  },
  {
    question: 'Wordt het gebruikt?',
    id: 'gebruik',
    sections: [
      {
        id: 'indieners',
        caption: 'Ingediende zaken naar indiener',
        rows: [
          ...breakdown('byClaimantKind', CLAIMANT_LABELS),
          count('smallProviderShare.count', 'Waarvan door een kleine zorgaanbieder'),
          { label: 'Deel kleine zorgaanbieders', path: 'smallProviderShare.share', kind: 'rate' },
        ],
      },
      {
        id: 'instemming',
        caption: 'Antwoord van de wederpartij',
        rows: [
          count('respondentConsentRate.answered', 'Zaken beantwoord'),
          count('respondentConsentRate.consented', 'Wederpartij stemde in met een route'),
          { label: 'Deel ingestemd', path: 'respondentConsentRate.rate', kind: 'rate' },
        ],
      },
      { id: 'route', caption: 'Ingediende zaken naar voorgestelde route', rows: breakdown('byInitialRoute', ROUTE_LABELS) },
      {
        id: 'wet',
        caption: 'Ingediende zaken naar wet en fase',
        rows: [...breakdown('byLegalFramework', FRAMEWORK_LABELS), ...breakdown('byPhase', PHASE_LABELS)],
      },
      { id: 'sector', caption: 'Ingediende zaken naar soort zorg', rows: breakdown('bySector', SECTOR_LABELS) },
      {
        id: 'onderwerp',
        caption: 'Ingediende zaken naar onderwerp (een zaak kan meer onderwerpen hebben)',
        rows: breakdown('bySubject', SUBJECT_LABELS),
      },
    ],
  },
];

/** The rows of the year-over-year view: the figures an annual evaluation report opens with. */
export const YEAR_OVER_YEAR: FigureSection = {
  id: 'jaar-op-jaar',
  caption: 'Jaar op jaar',
  rows: [
    count('filed', 'Ingediend'),
    count('closed', 'Afgesloten'),
    count('openAtEnd', 'Nog lopend aan het eind van het jaar'),
    { label: 'Mediaan van indienen tot afsluiten (dagen)', path: 'durationsDays.filingToClosure.median', kind: 'days' },
    { label: 'Deel mediations volledig eens geworden', path: 'mediation.successRate', kind: 'rate' },
    { label: 'Deel kleine zorgaanbieders', path: 'smallProviderShare.share', kind: 'rate' },
    { label: 'Deel waarin de wederpartij instemde', path: 'respondentConsentRate.rate', kind: 'rate' },
  ],
};

/** The value at a dotted path, undefined when the answer has no such figure. */
export function valueAt(figures: Tree, path: string): FigureValue | undefined {
  let node: unknown = figures;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Tree)[key];
  }
  return node === null || typeof node === 'number' ? node : undefined;
}

/** Whether the API withheld this cell (or the figure it is derived from) from this reader. */
export function isWithheld(answer: StatisticsAnswer, scope: string, path: string): boolean {
  return answer.suppressed.some((s) => s.period === scope && (s.cell === path || path.startsWith(`${s.cell}.`)));
}

// Made at first use: the portal's entry imports this module (start/first-visit.ts) before any figure is shown.
let numberFormats: Record<'whole' | 'days' | 'percent', Intl.NumberFormat> | undefined;
const numberFormat = () =>
  (numberFormats ??= {
    whole: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }),
    days: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }),
    percent: new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 }),
  });

export const WITHHELD_COUNT = 'minder dan 5';
export const WITHHELD_DERIVED = 'niet getoond: minder dan 5 zaken';

/** A figure as the page writes it: withheld cells say "minder dan 5", never a blank. */
export function formatFigure(value: FigureValue | undefined, kind: FigureKind, withheld: boolean): string {
  if (withheld) return kind === 'count' ? WITHHELD_COUNT : WITHHELD_DERIVED;
  if (value === null || value === undefined) return kind === 'count' ? '0' : 'geen zaken';
  const { whole, days, percent } = numberFormat();
  if (kind === 'rate') return percent.format(value);
  if (kind === 'days') return days.format(value);
  return whole.format(value);
}

/** A period label of the API (`2024`, `2024-Q1`) in Dutch. */
export const periodName = (period: string): string => {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  return quarter ? `${quarter[2]}e kwartaal ${quarter[1]}` : period === 'overall' ? 'Hele periode' : period;
};

// The API's CSV is long-form with English column names; the download gets them in Dutch.
const CSV_HEADER_NL: Record<string, string> = {
  period: 'periode',
  from: 'van',
  to: 'tot en met',
  figure: 'cijfer',
  value: 'waarde',
  suppressed: 'afgeschermd (minder dan 5)',
};

/** The CSV with its header row in Dutch; the rows are the API's, unchanged. */
export function csvWithDutchHeader(csv: string): string {
  const end = csv.indexOf('\r\n');
  const header = end < 0 ? csv : csv.slice(0, end);
  const dutch = header
    .split(',')
    .map((name) => CSV_HEADER_NL[name] ?? name)
    .join(',');
  return end < 0 ? dutch : dutch + csv.slice(end);
}

/** A whole period an observer may ask for: a calendar year or quarter that has ended. */
export interface WholePeriod {
  key: string;
  name: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function quarterPeriod(year: number, q: number): WholePeriod {
  const endMonth = q * 3;
  return {
    key: `${year}-Q${q}`,
    name: periodName(`${year}-Q${q}`),
    from: `${year}-${pad(endMonth - 2)}-01`,
    to: `${year}-${pad(endMonth)}-${lastDay(year, endMonth)}`,
  };
}

export const yearPeriod = (year: number): WholePeriod => ({
  key: String(year),
  name: `Het jaar ${year}`,
  from: `${year}-01-01`,
  to: `${year}-12-31`,
});

/** The years and quarters that have ended by `today` (YYYY-MM-DD), from the body's first year. */
export function endedPeriods(today: string, firstYear = 2016): { years: WholePeriod[]; quarters: WholePeriod[] } {
  const years: WholePeriod[] = [];
  const quarters: WholePeriod[] = [];
  const currentYear = Number(today.slice(0, 4));
  for (let year = firstYear; year <= currentYear; year++) {
    if (yearPeriod(year).to < today) years.push(yearPeriod(year));
    for (let q = 1; q <= 4; q++) if (quarterPeriod(year, q).to < today) quarters.push(quarterPeriod(year, q));
  }
  return { years, quarters };
}
