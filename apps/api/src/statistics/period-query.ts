import {
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

export function parseStatisticsQuery(query: StatisticsQueryDto, now: Date): StatisticsRequestQuery {
  const errors: FieldError[] = [];
  const format = query.format ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    errors.push({ field: 'format', message: `format must be json or csv; got "${format.slice(0, 40)}"` });
  }
  const period = parsePeriodQuery(query, now, errors);
  return { ...period, format: format as 'json' | 'csv' };
}
