import { Alert, Button, FormField, FormLabel, Heading2, Heading3, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiBlob, ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../components/page';
import { FigureBars, FigureTable, YearLines, type Scope } from './FigureTable';
import {
  csvWithDutchHeader,
  endedPeriods,
  formatFigure,
  isWithheld,
  periodName,
  SECTIONS,
  valueAt,
  YEAR_OVER_YEAR,
  type StatisticsAnswer,
  type WholePeriod,
} from './figures';
import { amsterdamDate } from '../../lib/amsterdam-date';
import { defaultPeriodKey, periodFiguresQuery, statisticsPath, yearlyFiguresQuery } from './statistics-queries';

/** Charts beside these tables; the other tables stand alone. */
const CHARTED = new Set(['aantallen', 'uitkomsten', 'indieners', 'sector']);

/**
 * The statistics for the supervisory committee and the secretariat: one whole year or quarter,
 * "how many, how fast, how did it end, is it being used" at a glance, every chart with its table,
 * the CSV, and the years side by side.
 */
export function StatisticsPage() {
  const session = useSession();
  const periods = endedPeriods(amsterdamDate());
  const { years, quarters } = periods;
  const all = [...years, ...quarters];
  const [key, setKey] = useState(defaultPeriodKey(periods));
  const period = all.find((p) => p.key === key);
  const selectId = useId();
  const isYear = period !== undefined && !period.key.includes('Q');

  const figures = useQuery(periodFiguresQuery(period));
  const yearly = useQuery(yearlyFiguresQuery(years));

  if (session.me && session.me.user.role !== 'observer' && session.me.user.role !== 'secretariat') {
    return (
      <>
        <PageHeading title="Statistieken" />
        <Paragraph>De statistieken zijn voor de begeleidingscommissie en het secretariaat.</Paragraph>
      </>
    );
  }

  return (
    <>
      <PageHeading title="Statistieken" />
      <Paragraph lead>
        Hoeveel zaken komen er binnen, hoe snel gaan ze, hoe lopen ze af en wie gebruikt de geschillenregeling? Kies een jaar of een
        kwartaal.
      </Paragraph>
      <Paragraph>
        Zijn het minder dan 5 zaken? Dan staat er <strong>minder dan 5</strong>. Zo is niet na te gaan om welke zorgaanbieder of verzekeraar
        het gaat. Soms houden we daarom ook een ander getal achter, omdat u anders het kleine getal kunt uitrekenen.
      </Paragraph>

      <FormField type="select" className="gzc-field">
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={selectId}>Periode</FormLabel>
        </div>
        <div className="utrecht-form-field__input">
          <Select id={selectId} value={key} onChange={(e) => setKey(e.target.value)}>
            <optgroup label="Jaren">
              {[...years].reverse().map((p) => (
                <SelectOption key={p.key} value={p.key}>
                  {p.name}
                </SelectOption>
              ))}
            </optgroup>
            <optgroup label="Kwartalen">
              {[...quarters].reverse().map((p) => (
                <SelectOption key={p.key} value={p.key}>
                  {p.name}
                </SelectOption>
              ))}
            </optgroup>
          </Select>
        </div>
      </FormField>

      {figures.isPending && <Paragraph>De cijfers worden geladen…</Paragraph>}
      {figures.error && <LoadError error={figures.error} />}
      {figures.data && period && <PeriodFiguresView answer={figures.data} period={period} isYear={isYear} />}

      <section aria-labelledby="jaar-op-jaar">
        <Heading2 id="jaar-op-jaar">Jaar op jaar</Heading2>
        <Paragraph>De belangrijkste cijfers van elk afgelopen jaar naast elkaar, voor het jaarverslag.</Paragraph>
        {yearly.isPending && <Paragraph>De cijfers worden geladen…</Paragraph>}
        {yearly.error && <LoadError error={yearly.error} />}
        {yearly.data && (
          <>
            <YearLines answer={yearly.data} section={YEAR_OVER_YEAR} />
            <FigureTable
              captionHidden
              answer={yearly.data}
              section={YEAR_OVER_YEAR}
              scopes={yearly.data.periods.map((p) => ({ key: p.period, name: p.period, figures: p }))}
            />
          </>
        )}
      </section>
    </>
  );
}

function LoadError({ error }: { error: Error }) {
  return (
    <Alert type="error">
      <Paragraph>
        De cijfers konden niet worden geladen. {error instanceof ApiError ? error.detail : 'Probeer het later opnieuw.'}
      </Paragraph>
    </Alert>
  );
}

function PeriodFiguresView({ answer, period, isYear }: { answer: StatisticsAnswer; period: WholePeriod; isYear: boolean }) {
  const total: Scope = { key: 'overall', name: isYear ? `Heel ${period.key}` : periodName(period.key), figures: answer };
  // A year shows its quarters beside the total; a quarter is its own total.
  const scopes: Scope[] = isYear
    ? [...answer.periods.map((p) => ({ key: p.period, name: periodName(p.period), figures: p })), total]
    : [total];
  return (
    <>
      <AtAGlance answer={answer} scope={total} />
      <Paragraph>
        <CsvDownload period={period} />
      </Paragraph>
      {SECTIONS.map((question) => (
        <section key={question.id} aria-labelledby={question.id}>
          <Heading2 id={question.id}>{question.question}</Heading2>
          {question.sections.map((section) => (
            <div key={section.id} className="gzc-figure-block">
              {question.sections.length > 1 && <Heading3>{section.caption}</Heading3>}
              {CHARTED.has(section.id) && <FigureBars answer={answer} section={section} scope={total} />}
              <FigureTable answer={answer} section={section} scopes={scopes} captionHidden={question.sections.length > 1} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

/** Four figures that answer the committee's four questions before any table. */
function AtAGlance({ answer, scope }: { answer: StatisticsAnswer; scope: Scope }) {
  const figure = (path: string, kind: 'count' | 'rate' | 'days') =>
    formatFigure(valueAt(answer, path), kind, isWithheld(answer, 'overall', path));
  const items = [
    {
      term: 'Ingediende zaken',
      value: figure('filed', 'count'),
      note: `${figure('closed', 'count')} afgesloten, ${figure('openAtEnd', 'count')} nog lopend`,
    },
    {
      term: 'Mediaan van indienen tot afsluiten',
      value: `${figure('durationsDays.filingToClosure.median', 'days')} dagen`,
      note: `inschrijven: ${figure('durationsDays.filingToRegistration.median', 'days')} dagen`,
    },
    {
      term: 'Mediations volledig eens geworden',
      value: figure('mediation.successRate', 'rate'),
      note: `van ${figure('mediation.concluded', 'count')} afgeronde mediations`,
    },
    {
      term: 'Ingediend door kleine zorgaanbieders',
      value: figure('smallProviderShare.share', 'rate'),
      note: `wederpartij stemde in: ${figure('respondentConsentRate.rate', 'rate')}`,
    },
  ];
  return (
    <section aria-labelledby="in-het-kort">
      <Heading2 id="in-het-kort">In het kort: {scope.name.toLowerCase()}</Heading2>
      <dl className="gzc-glance">
        {items.map((i) => (
          <div key={i.term} className="gzc-glance__item">
            <dt>{i.term}</dt>
            <dd className="gzc-glance__value">{i.value}</dd>
            <dd>{i.note}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The API's CSV of the chosen period, with Dutch column names. */
function CsvDownload({ period }: { period: WholePeriod }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <Button
        appearance="secondary-action-button"
        onClick={async () => {
          setProblem(null);
          try {
            const csv = await (await apiBlob(statisticsPath(period, 'quarter', 'csv'))).text();
            const url = URL.createObjectURL(new Blob([csvWithDutchHeader(csv)], { type: 'text/csv;charset=utf-8' }));
            const link = document.createElement('a');
            link.href = url;
            link.download = `statistieken-${period.key}.csv`;
            link.click();
            setTimeout(() => URL.revokeObjectURL(url), 10_000);
          } catch (error) {
            setProblem(error instanceof ApiError ? error.detail : 'Het downloaden lukte niet. Probeer het opnieuw.');
          }
        }}
      >
        Download de cijfers als CSV ({period.name.toLowerCase()})
      </Button>
      {problem && <span role="alert"> {problem}</span>}
    </>
  );
}
