import type { DataSource } from 'typeorm';
import type { DisputeState } from '../../domain/src';
import type { CaseListFilter, CaseListItem, CaseListPage, CaseVisibilityScope, DueDeadline, ReadModels, TimelineEntry } from './contracts';
import { decodeCursor, encodeCursor } from './cursor';
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

  constructor(private readonly dataSource: DataSource) {
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
    if (scope.all !== true) {
      const principals = [...scope.organisationIds.map((id) => `org:${id}`), `user:${scope.userId}`];
      where.push(
        `EXISTS (SELECT 1 FROM case_access a WHERE a.dispute_id = c.dispute_id AND a.principal IN (${principals.map(() => '?').join(', ')}))`,
      );
      parameters.push(...principals);
    }
    for (const [key, column] of EQUALITY_FILTERS) {
      const value = filter[key];
      if (value !== undefined && value !== '') {
        where.push(`c.${column} = ?`);
        parameters.push(value);
      }
    }
    if (filter.q !== undefined && filter.q.trim() !== '') {
      where.push(`c.search_text LIKE ? ESCAPE '\\'`);
      parameters.push(`%${escapeLike(filter.q.trim().toLowerCase())}%`);
    }
    if (filter.cursor !== undefined && filter.cursor !== '') {
      const after = decodeCursor(filter.cursor);
      // Keyset paging: the next rows in (filed_at DESC, dispute_id DESC) order. Written as a row
      // value so both SQLite and PostgreSQL seek to it in the index; as an OR of two comparisons it
      // was a filter, and page five walked the four pages before it again.
      where.push('(c.filed_at, c.dispute_id) < (?, ?)');
      parameters.push(after.filedAt, after.id);
    }
    // One row more than the page tells whether another page follows, without a COUNT.
    const rows = await select<CaseListRow>(
      this.dataSource.manager,
      `SELECT ${LIST_COLUMNS} FROM case_list c ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c.filed_at DESC, c.dispute_id DESC LIMIT ?`,
      [...parameters, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toListItem),
      nextCursor: rows.length > limit && last ? encodeCursor({ filedAt: String(last.filed_at), id: String(last.dispute_id) }) : null,
    };
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
