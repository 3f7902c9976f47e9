import type { DataSource } from 'typeorm';
import type { DisputeState } from '../../domain/src';
import type { CaseListFilter, CaseListItem, CaseListPage, CaseVisibilityScope, DueDeadline, ReadModels, TimelineEntry } from './contracts';
import { CaseListCounts, type CountRows } from './case-list-counts';
import { decodeCursor, encodeCursor, type CaseListCursor } from './cursor';
import { CaseSummaryEntity, OpenDeadlineEntity, TimelineEntryEntity } from './entities';
import { select } from './sql';
import { StatisticsReadModels } from './statistics/statistics-read-models';
import { TypeOrmIdempotencyStore } from './typeorm-idempotency-store';
import { CASE_LIST_COLUMNS } from './projections/case-list-columns';

/** A page is never larger than this, whatever the caller asks. */
export const MAX_PAGE_SIZE = 200;

const EQUALITY_FILTERS = [
  ['status', 'status'],
  ['phase', 'phase'],
  ['legalFramework', 'legal_framework'],
  ['sector', 'sector'],
  ['route', 'route'],
] as const satisfies readonly (readonly [keyof CaseListFilter, string])[];

const LIST_COLUMNS = CASE_LIST_COLUMNS.filter((column) => column !== 'search_text')
  .map((column) => `c.${column}`)
  .join(', ');

type CaseListRow = Record<string, string | number | null>;

export class TypeOrmReadModels implements ReadModels {
  readonly idempotency: TypeOrmIdempotencyStore;
  readonly statistics: StatisticsReadModels;
  private readonly counts: CaseListCounts;

  /**
   * `countRows`: where the case list's plan counts run (SQLite: a thread of their own, count-thread.ts);
   * if it fails, or is not given, they run on this connection.
   */
  constructor(
    private readonly dataSource: DataSource,
    countRows?: CountRows,
  ) {
    const here: CountRows = (sql, parameters) =>
      select<{ n: number | string }>(this.dataSource.manager, sql, parameters).then(([row]) => Number(row?.n ?? 0));
    this.counts = new CaseListCounts(countRows ? (sql, parameters) => countRows(sql, parameters).catch(() => here(sql, parameters)) : here);
    this.idempotency = new TypeOrmIdempotencyStore(dataSource);
    this.statistics = new StatisticsReadModels(dataSource);
  }

  async getCase(disputeId: string): Promise<DisputeState | null> {
    const row = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ disputeId });
    return row?.document ?? null;
  }

  async listCases(scope: CaseVisibilityScope, filter: CaseListFilter): Promise<CaseListPage> {
    const limit = Math.min(Math.max(Math.trunc(filter.limit) || 1, 1), MAX_PAGE_SIZE);
    // Plain SQL (see sql.ts): building this with TypeORM's query builder and hydrating entities
    // cost more than the query itself on a filtered page of a large list.
    const where: string[] = [];
    const parameters: unknown[] = [];
    const equalities: [string, string][] = [];
    for (const [key, column] of EQUALITY_FILTERS) {
      const value = filter[key];
      if (value !== undefined && value !== '') {
        where.push(`c.${column} = ?`);
        parameters.push(value);
        equalities.push([column, value]);
      }
    }
    if (filter.q !== undefined && filter.q.trim() !== '') {
      where.push(`c.search_text LIKE ? ESCAPE '\\'`);
      parameters.push(`%${escapeLike(filter.q.trim().toLowerCase())}%`);
    }
    const after = filter.cursor !== undefined && filter.cursor !== '' ? decodeCursor(filter.cursor) : undefined;
    const principals = scope.all === true ? undefined : [...scope.organisationIds.map((id) => `org:${id}`), `user:${scope.userId}`];
    const rows =
      principals === undefined
        ? await this.walkList(where, parameters, after, limit + 1)
        : (await this.fewerByAccess(principals, equalities))
          ? await this.walkAccess(principals, where, parameters, after, limit + 1)
          : await this.walkList(
              [
                // With the filing time the probe is a seek in the access order index, where cases
                // walked in list order are neighbours; by the primary key (random ids) each probe
                // was a page of its own, read again after every commit on the file (eleventh round).
                `EXISTS (SELECT 1 FROM case_access a WHERE a.principal IN (${principals.map(() => '?').join(', ')}) AND a.filed_at = c.filed_at AND a.dispute_id = c.dispute_id)`,
                ...where,
              ],
              [...principals, ...parameters],
              after,
              limit + 1,
            );
    // One row more than the page tells whether another page follows, without a COUNT.
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toListItem),
      nextCursor: rows.length > limit && last ? encodeCursor({ filedAt: String(last.filed_at), id: String(last.dispute_id) }) : null,
    };
  }

  /**
   * Whether the caller's own cases are fewer than the cases the filter's best index holds. The
   * list is walked one way or the other until a page is full: down a filter's index, checking
   * access per row (a mediator's few mediations among all of them: thousands of rows a page), or
   * down the principals' own cases in list order, checking the filter per row (an organisation
   * party to a third of all cases: as many). Both are bounded by the rows they walk; the smaller wins.
   */
  private async fewerByAccess(principals: string[], equalities: [string, string][]): Promise<boolean> {
    const own = (await Promise.all(principals.map((p) => this.counts.principal(p)))).reduce((a, b) => a + b, 0);
    const byFilter =
      equalities.length > 0 ? await Promise.all(equalities.map(([c, v]) => this.counts.filter(c, v))) : [await this.counts.all()];
    return own < Math.min(...byFilter);
  }

  /** Down the list's order (a filter's index, or the paging index), `where` checked per row. */
  private walkList(where: string[], parameters: unknown[], after: CaseListCursor | undefined, rows: number): Promise<CaseListRow[]> {
    // Keyset paging: the next rows in (filed_at DESC, dispute_id DESC) order. Written as a row
    // value so both SQLite and PostgreSQL seek to it in the index; as an OR of two comparisons it
    // was a filter, and page five walked the four pages before it again.
    const conditions = after ? [...where, '(c.filed_at, c.dispute_id) < (?, ?)'] : where;
    return select<CaseListRow>(
      this.dataSource.manager,
      `SELECT ${LIST_COLUMNS} FROM case_list c ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY c.filed_at DESC, c.dispute_id DESC LIMIT ?`,
      [...parameters, ...(after ? [after.filedAt, after.id] : []), rows],
    );
  }

  /**
   * Down each principal's own cases in list order (case_access carries the filing time), `where`
   * checked per row; the principals' pages merged, a case reached through two of them once.
   */
  private async walkAccess(
    principals: string[],
    where: string[],
    parameters: unknown[],
    after: CaseListCursor | undefined,
    rows: number,
  ): Promise<CaseListRow[]> {
    const conditions = [
      'a.principal = ?',
      'c.dispute_id = a.dispute_id',
      ...where,
      ...(after ? ['(a.filed_at, a.dispute_id) < (?, ?)'] : []),
    ];
    // CROSS JOIN: SQLite keeps case_access as the outer loop (PostgreSQL plans it by its statistics).
    const text = `SELECT ${LIST_COLUMNS} FROM case_access a CROSS JOIN case_list c WHERE ${conditions.join(' AND ')}
       ORDER BY a.filed_at DESC, a.dispute_id DESC LIMIT ?`;
    const pages = await Promise.all(
      principals.map((principal) =>
        select<CaseListRow>(this.dataSource.manager, text, [principal, ...parameters, ...(after ? [after.filedAt, after.id] : []), rows]),
      ),
    );
    if (pages.length === 1) return pages[0];
    const seen = new Set<string>();
    return pages
      .flat()
      .filter((row) => !seen.has(String(row.dispute_id)) && seen.add(String(row.dispute_id)))
      .sort(newestFirst)
      .slice(0, rows);
  }

  async getTimeline(disputeId: string): Promise<TimelineEntry[]> {
    const rows = await this.dataSource.getRepository(TimelineEntryEntity).find({ where: { disputeId }, order: { revision: 'ASC' } });
    return rows.map((row) => ({
      position: row.position,
      revision: row.revision,
      type: row.type,
      at: row.at,
      actor: row.actor,
      data: row.data,
    }));
  }

  async dueDeadlines(now: Date, limit: number): Promise<DueDeadline[]> {
    if (!(limit >= 1)) return []; // TypeORM reads take(0) as "no limit"
    const rows = await this.dataSource
      .getRepository(OpenDeadlineEntity)
      .createQueryBuilder('d')
      .where('d.dueAt <= :now', { now: now.toISOString() })
      .orderBy('d.dueAt', 'ASC')
      .addOrderBy('d.disputeId', 'ASC')
      .addOrderBy('d.deadlineId', 'ASC')
      .take(Math.trunc(limit))
      .getMany();
    return rows.map((row) => ({ disputeId: row.disputeId, deadlineId: row.deadlineId, dueAt: row.dueAt }));
  }
}

/** The list's order: filing time, then id, both descending (as the indexes hold them). */
const newestFirst = (a: CaseListRow, b: CaseListRow): number => {
  const [x, y] = [String(a.filed_at), String(b.filed_at)];
  if (x !== y) return x < y ? 1 : -1;
  const [i, j] = [String(a.dispute_id), String(b.dispute_id)];
  return i === j ? 0 : i < j ? 1 : -1;
};

/** `%`, `_` and the escape character itself match literally in the user's text. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function toListItem(row: CaseListRow): CaseListItem {
  return {
    id: String(row.dispute_id),
    caseNumber: row.case_number === null ? null : String(row.case_number),
    status: String(row.status),
    phase: String(row.phase),
    legalFramework: String(row.legal_framework),
    sector: String(row.sector),
    subjects: JSON.parse(String(row.subjects)) as string[],
    route: row.route === null ? null : String(row.route),
    claimantOrganisationIds: JSON.parse(String(row.claimant_organisation_ids)) as string[],
    respondentOrganisationIds: JSON.parse(String(row.respondent_organisation_ids)) as string[],
    summary: String(row.summary),
    urgent: Number(row.urgent) === 1,
    filedAt: String(row.filed_at),
    updatedAt: String(row.updated_at),
    version: Number(row.version),
  };
}
