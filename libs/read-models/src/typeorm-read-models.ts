import type { DataSource } from 'typeorm';
import { DEADLINE_KINDS, isMissable, type DisputeState } from '../../domain/src';
import type {
  CaseListFilter,
  CaseListItem,
  CaseListPage,
  CaseVisibilityScope,
  DueDeadline,
  ReadModels,
  TimelineEntry,
} from './contracts';
import { decodeCursor, encodeCursor } from './cursor';
import { CaseListEntity, CaseSummaryEntity, OpenDeadlineEntity, TimelineEntryEntity } from './entities';
import { StatisticsReadModels } from './statistics/statistics-read-models';
import { TypeOrmIdempotencyStore } from './typeorm-idempotency-store';

/** A page is never larger than this, whatever the caller asks. */
export const MAX_PAGE_SIZE = 200;

const EQUALITY_FILTERS = [
  ['status', 'status'],
  ['phase', 'phase'],
  ['legalFramework', 'legalFramework'],
  ['sector', 'sector'],
  ['route', 'route'],
] as const satisfies readonly (readonly [keyof CaseListFilter, keyof CaseListEntity])[];

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
    const query = this.dataSource.getRepository(CaseListEntity).createQueryBuilder('c');

    if (scope.all !== true) {
      const principals = [...scope.organisationIds.map((id) => `org:${id}`), `user:${scope.userId}`];
      query.andWhere(
        'EXISTS (SELECT 1 FROM case_access a WHERE a.dispute_id = c.dispute_id AND a.principal IN (:...principals))',
        { principals },
      );
    }
    for (const [key, property] of EQUALITY_FILTERS) {
      const value = filter[key];
      if (value !== undefined && value !== '') query.andWhere(`c.${property} = :${key}`, { [key]: value });
    }
    if (filter.q !== undefined && filter.q.trim() !== '') {
      query.andWhere(`c.searchText LIKE :q ESCAPE '\\'`, { q: `%${escapeLike(filter.q.trim().toLowerCase())}%` });
    }
    if (filter.cursor !== undefined && filter.cursor !== '') {
      const after = decodeCursor(filter.cursor);
      query.andWhere('(c.filedAt < :cursorFiledAt OR (c.filedAt = :cursorFiledAt AND c.disputeId < :cursorId))', {
        cursorFiledAt: after.filedAt,
        cursorId: after.id,
      });
    }

    // One row more than the page tells whether another page follows, without a COUNT.
    const rows = await query.orderBy('c.filedAt', 'DESC').addOrderBy('c.disputeId', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toListItem),
      nextCursor: rows.length > limit && last ? encodeCursor({ filedAt: last.filedAt, id: last.disputeId }) : null,
    };
  }

  async getTimeline(disputeId: string): Promise<TimelineEntry[]> {
    const rows = await this.dataSource
      .getRepository(TimelineEntryEntity)
      .find({ where: { disputeId }, order: { revision: 'ASC' } });
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
      .andWhere('d.kind IN (:...missable)', { missable: MISSABLE_KINDS })
      .orderBy('d.dueAt', 'ASC')
      .addOrderBy('d.disputeId', 'ASC')
      .addOrderBy('d.deadlineId', 'ASC')
      .take(Math.trunc(limit))
      .getMany();
    return rows.map((row) => ({ disputeId: row.disputeId, deadlineId: row.deadlineId, dueAt: row.dueAt }));
  }
}

/** Kinds the scheduler records as missed; challenge periods simply end (see the domain's isMissable). */
const MISSABLE_KINDS = DEADLINE_KINDS.filter((kind) => isMissable({ kind }));

/** `%`, `_` and the escape character itself match literally in the user's text. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function toListItem(row: CaseListEntity): CaseListItem {
  return {
    id: row.disputeId,
    caseNumber: row.caseNumber,
    status: row.status,
    phase: row.phase,
    legalFramework: row.legalFramework,
    sector: row.sector,
    subjects: row.subjects,
    route: row.route,
    claimantOrganisationIds: row.claimantOrganisationIds,
    respondentOrganisationIds: row.respondentOrganisationIds,
    summary: row.summary,
    urgent: row.urgent,
    filedAt: row.filedAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
