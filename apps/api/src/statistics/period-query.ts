import {
  FIRST_PUBLISHED_YEAR,
  lastEndedQuarter,
  amsterdamToday,
  formatDate,
  parseCalendarDate,
  type CalendarDate,
  type GroupBy,
} from '../../../../libs/read-models/src/statistics';
import { RequestValidationException, type FieldError } from '../http/problem';
import type { PeriodQueryDto, StatisticsQueryDto } from './dto/statistics-query.dto';

/** The disputes body was founded on 2 June 2016: nothing happened before. */
export const DEFAULT_FROM = '2016-06-02';
const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2099;

export interface PeriodQuery {
  from: CalendarDate;
  to: CalendarDate;
  groupBy: GroupBy;
}

export interface StatisticsRequestQuery extends PeriodQuery {
  format: 'json' | 'csv';
}

function dateParam(field: string, raw: string | undefined, fallback: string, errors: FieldError[]): CalendarDate | undefined {
  const text = raw ?? fallback;
  const date = parseCalendarDate(text);
  if (!date) {
    errors.push({ field, message: `${field} must be a calendar date written YYYY-MM-DD, e.g. 2024-01-31; got "${text.slice(0, 40)}"` });
    return undefined;
  }
  if (date.year < EARLIEST_YEAR || date.year > LATEST_YEAR) {
    errors.push({ field, message: `${field} must lie between ${EARLIEST_YEAR}-01-01 and ${LATEST_YEAR}-12-31` });
    return undefined;
  }
  return date;
}

/** Checks from, to and groupBy; throws a 400 naming every bad field. */
export function parsePeriodQuery(query: PeriodQueryDto, now: Date, errors: FieldError[] = []): PeriodQuery {
  const from = dateParam('from', query.from, DEFAULT_FROM, errors);
  const to = dateParam('to', query.to, formatDate(amsterdamToday(now)), errors);
  if (from && to && formatDate(from) > formatDate(to)) {
    errors.push({ field: 'from', message: `from (${formatDate(from)}) must not be after to (${formatDate(to)})` });
  }
  const groupBy = query.groupBy ?? 'year';
  if (groupBy !== 'year' && groupBy !== 'quarter') {
    errors.push({ field: 'groupBy', message: `groupBy must be year or quarter; got "${groupBy.slice(0, 40)}"` });
  }
  if (errors.length > 0) throw new RequestValidationException(errors);
  return { from: from!, to: to!, groupBy: groupBy as GroupBy };
}

/**
 * The statistics query. `year=YYYY` and `quarter=YYYY-Qn` name one whole period. Observers (rule
 * 22) get whole published periods only: a year or quarter that has ended, or from/to spanning
 * whole years that have ended; any other window is refused, so that no two windows can be
 * subtracted from each other.
 */
export function parseStatisticsQuery(query: StatisticsQueryDto, now: Date, audience: 'secretariat' | 'observer'): StatisticsRequestQuery {
  const errors: FieldError[] = [];
  const format = query.format ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    errors.push({ field: 'format', message: `format must be json or csv; got "${format.slice(0, 40)}"` });
  }
  const named = namedPeriod(query, errors);
  if (named && (query.from !== undefined || query.to !== undefined)) {
    errors.push({
      field: query.year !== undefined ? 'year' : 'quarter',
      message: `give either ${query.year !== undefined ? 'year' : 'quarter'} or from/to, not both`,
    });
  }
  const last = lastEndedQuarter(amsterdamToday(now));
  const lastYear = last === undefined ? FIRST_PUBLISHED_YEAR - 1 : last.quarter === 4 ? last.year : last.year - 1;
  const defaults: PeriodQueryDto =
    audience === 'observer' && !named && query.from === undefined && query.to === undefined
      ? { from: `${FIRST_PUBLISHED_YEAR}-01-01`, to: `${Math.max(lastYear, FIRST_PUBLISHED_YEAR)}-12-31` }
      : {};
  const period = parsePeriodQuery(
    { ...defaults, ...query, ...(named ? { from: named.from, to: named.to } : {}), groupBy: query.groupBy ?? named?.groupBy },
    now,
    errors,
  );
  if (audience === 'observer') {
    const ended = (y: number, q: number): boolean => last !== undefined && (y < last.year || (y === last.year && q <= last.quarter));
    if (named?.kind === 'quarter' && !ended(period.from.year, Math.ceil(period.from.month / 3))) {
      errors.push({ field: 'quarter', message: `${query.quarter} has not ended yet; observers see periods that have ended` });
    } else if (named?.kind === 'year' && !ended(period.from.year, 4)) {
      errors.push({ field: 'year', message: `${query.year} has not ended yet; observers see years that have ended` });
    } else if (!named) {
      const whole = period.from.month === 1 && period.from.day === 1 && period.to.month === 12 && period.to.day === 31;
      // One whole quarter by from/to (as the portal asks) is the same published period as quarter=YYYY-Qn.
      const quarter =
        query.groupBy === 'quarter' &&
        period.from.day === 1 &&
        (period.from.month - 1) % 3 === 0 &&
        period.to.year === period.from.year &&
        period.to.month === period.from.month + 2 &&
        period.to.day === new Date(Date.UTC(period.to.year, period.to.month, 0)).getUTCDate();
      if (quarter) {
        if (!ended(period.from.year, (period.from.month + 2) / 3))
          errors.push({ field: 'to', message: `this quarter has not ended yet; observers see periods that have ended` });
      } else if (!whole)
        errors.push({
          field: 'from',
          message: 'observers get whole published periods: year=YYYY, quarter=YYYY-Qn, or from=YYYY-01-01 and to=YYYY-12-31',
        });
      else if (!ended(period.to.year, 4))
        errors.push({ field: 'to', message: `${period.to.year} has not ended yet; observers see years that have ended` });
    }
    if (errors.length > 0) throw new RequestValidationException(errors);
  }
  return { ...period, format: format as 'json' | 'csv' };
}

/** year=YYYY or quarter=YYYY-Qn as a window; undefined when neither is given (or it is invalid). */
function namedPeriod(
  query: StatisticsQueryDto,
  errors: FieldError[],
): { kind: 'year' | 'quarter'; from: string; to: string; groupBy: string } | undefined {
  if (query.year !== undefined && query.quarter !== undefined) {
    errors.push({ field: 'quarter', message: 'give either year or quarter, not both' });
    return undefined;
  }
  if (query.year !== undefined) {
    if (!/^\d{4}$/.test(query.year) || Number(query.year) < EARLIEST_YEAR || Number(query.year) > LATEST_YEAR) {
      errors.push({ field: 'year', message: `year must be a year written YYYY, e.g. 2024; got "${query.year.slice(0, 40)}"` });
      return undefined;
    }
    return { kind: 'year', from: `${query.year}-01-01`, to: `${query.year}-12-31`, groupBy: 'year' };
  }
  if (query.quarter !== undefined) {
    const m = /^(\d{4})-Q([1-4])$/.exec(query.quarter);
    if (!m || Number(m[1]) < EARLIEST_YEAR || Number(m[1]) > LATEST_YEAR) {
      errors.push({ field: 'quarter', message: `quarter must be written YYYY-Qn, e.g. 2024-Q2; got "${query.quarter.slice(0, 40)}"` });
      return undefined;
    }
    const q = Number(m[2]);
    const lastDay = ['31', '30', '30', '31'][q - 1];
    return {
      kind: 'quarter',
      from: `${m[1]}-${String(q * 3 - 2).padStart(2, '0')}-01`,
      to: `${m[1]}-${String(q * 3).padStart(2, '0')}-${lastDay}`,
      groupBy: 'quarter',
    };
  }
  return undefined;
}
