import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NEUTRAL_ROLES, type Actor } from '../../../../libs/domain/src';
import type { ReadModels } from '../../../../libs/read-models/src/contracts';
import type { CaseToRegister, NeutralStepCase, OpenStatusCount } from '../../../../libs/read-models/src/statistics';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Clock } from '../../../../libs/runtime/src/clock';
import { CLOCK, READ_MODELS } from '../../../../libs/runtime/src/tokens';
import { DirectoryService } from '../../../../libs/directory/src/directory.service';
import { ApiProblemResponses, ProblemSchema } from '../http/openapi';
import { RequestValidationException } from '../http/problem';
import { stalledCases, toCaseView, toView, type CaseloadCaseView, type DeadlineView, type StalledCaseView } from './caseload-views';
import { notForYourRole } from './forbidden';
import { workQueue, workQueueOfRows, type WorkQueue } from './work-queue';

export type { CaseloadCaseView, DeadlineView, StalledCaseView } from './caseload-views';

export interface NeutralCaseload {
  userId: string;
  name: string | null;
  role: string;
  openCases: number;
  overdueDeadlines: number;
  /** Empty with compact=true: see nextCase. */
  cases: CaseloadCaseView[];
  /** compact=true only: the case whose next deadline comes first, if any. */
  nextCase?: CaseloadCaseView | null;
}

export class CaseloadQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description:
      "true: each neutral's case list is left out (only counts and nextCase) and `deadlines` holds only the overdue ones: " +
      "the secretariat's work queue, small over a large history",
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  compact?: string;

  @ApiPropertyOptional({
    type: String,
    minimum: 1,
    maximum: 1000,
    description:
      'Secretariat: the work queue as `queue`, each list with its count and only its oldest `rows` entries; ' +
      '`deadlines`, `stalled`, `feesOverdue`, `neutralSteps` and `toRegister` are then left out (the portal asks ' +
      'rows=10, and a larger number when the secretariat asks for the rest). No effect for a neutral',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  rows?: string;
}

export interface CaseloadAnswer {
  asOf: string;
  neutrals: NeutralCaseload[];
  /** Open deadlines, soonest first: of every open case (secretariat) or of the neutral's cases. Left out with rows=N (secretariat). */
  deadlines?: DeadlineView[];
  /** Secretariat only (rule 17): cases whose information request was missed, and when they close as incomplete. */
  stalled?: StalledCaseView[];
  /** Secretariat only (rule 17): invoices of open cases unpaid past their payment term. */
  feesOverdue?: DeadlineView[];
  /** Secretariat only: cases awaiting a neutral (to nominate or appoint) or with a challenge to decide, longest waiting first. */
  neutralSteps?: NeutralStepCase[];
  /** Secretariat only: filed cases to register, the oldest 50 first, and how many there are. */
  toRegister?: { count: number; oldest: CaseToRegister[] };
  /** Secretariat only: open cases per status, with the one that has waited longest. */
  byStatus?: OpenStatusCount[];
  /** Secretariat with rows=N only: the work queue's lists, each its count and oldest N (in place of the lists above). */
  queue?: WorkQueue;
}

const NEUTRAL_ROLE_SET: ReadonlySet<string> = new Set(NEUTRAL_ROLES);
/** The queue shows the oldest filings; the number says how many more wait. */
const TO_REGISTER_SHOWN = 50;
/** The most entries per list of `queue` one answer holds. */
const MAX_ROWS = 1000;

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('api/caseload')
export class CaseloadController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: DirectoryService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "A neutral's open cases with the next deadline and what is overdue; the secretariat sees every neutral and every open deadline",
  })
  @ApiOkResponse({ description: 'The caseload' })
  @ApiForbiddenResponse({ type: ProblemSchema, description: 'Only neutrals and the secretariat' })
  @ApiProblemResponses()
  async get(@Query() query: CaseloadQueryDto, @CurrentActor() actor: Actor): Promise<CaseloadAnswer> {
    if (query.compact !== undefined && query.compact !== 'true' && query.compact !== 'false') {
      throw new RequestValidationException([
        { field: 'compact', message: 'compact must be true or false', nl: 'compact moet true of false zijn' },
      ]);
    }
    const compact = query.compact === 'true';
    const rows = query.rows === undefined ? undefined : Number(query.rows);
    if (rows !== undefined && (!/^\d+$/.test(query.rows!) || rows < 1 || rows > MAX_ROWS)) {
      throw new RequestValidationException([
        {
          field: 'rows',
          message: `rows must be a whole number from 1 to ${MAX_ROWS}`,
          nl: `rows moet een heel getal van 1 tot en met ${MAX_ROWS} zijn`,
        },
      ]);
    }
    const isNeutral = NEUTRAL_ROLE_SET.has(actor.role);
    if (!isNeutral && actor.role !== 'secretariat') {
      throw notForYourRole('The caseload is for mediators, advisers, arbitrators and the secretariat.');
    }
    const now = this.clock.now().toISOString();
    const userId = isNeutral ? actor.userId : undefined;
    // The portal's work queue: counted and cut in SQL, never every deadline and assignment loaded.
    if (userId === undefined && compact && rows !== undefined) return this.compactQueue(now, rows);
    const [assignments, deadlines, neutralSteps, byStatus, toRegister] = await Promise.all([
      this.readModels.statistics.caseloadAssignments(userId),
      this.readModels.statistics.caseloadDeadlines(userId),
      userId === undefined ? this.readModels.statistics.neutralStepCases() : undefined,
      userId === undefined ? this.readModels.statistics.openCasesByStatus() : undefined,
      userId === undefined ? this.readModels.statistics.casesToRegister(Math.max(TO_REGISTER_SHOWN, rows ?? 0)) : undefined,
    ]);
    const views = deadlines.map((d) => toView(d, now));
    const byCase = new Map<string, DeadlineView[]>();
    for (const d of views) {
      const list = byCase.get(d.disputeId);
      if (list) list.push(d);
      else byCase.set(d.disputeId, [d]);
    }

    const { neutrals, neutralEntry } = this.neutralEntries(userId === undefined ? undefined : actor);
    for (const a of assignments) {
      const entry = neutralEntry(a.userId, a.role);
      entry.cases.push(toCaseView(a, byCase.get(a.disputeId) ?? [], now));
    }
    for (const entry of neutrals.values()) {
      entry.openCases = entry.cases.length;
      entry.overdueDeadlines = entry.cases.reduce((n, c) => n + c.overdue.length, 0);
      if (compact) {
        entry.nextCase =
          entry.cases
            .filter((c) => c.nextDeadline !== null)
            .sort((a, b) => a.nextDeadline!.dueAt.localeCompare(b.nextDeadline!.dueAt) || a.disputeId.localeCompare(b.disputeId))[0] ??
          null;
        entry.cases = [];
      }
    }
    // A nominee sees no deadlines of the case (rule 2): only those of the cases they are appointed on.
    const appointedOn = new Set(assignments.filter((a) => a.neutralStatus === 'appointed').map((a) => a.disputeId));
    const openDeadlines = views.filter(
      (d) => d.status === 'open' && (userId === undefined || appointedOn.has(d.disputeId)) && (!compact || d.overdue),
    );
    const neutralList = [...neutrals.values()].sort((a, b) => a.userId.localeCompare(b.userId));
    if (userId !== undefined) return { asOf: now, neutrals: neutralList, deadlines: openDeadlines };
    const stalled = stalledCases(views);
    const feesOverdue = views.filter((d) => d.kind === 'fee_payment' && d.status === 'missed');
    if (rows !== undefined) {
      const queue = workQueue({ deadlines: views, stalled, feesOverdue, neutralSteps: neutralSteps!, toRegister: toRegister! }, rows);
      return { asOf: now, neutrals: neutralList, byStatus, queue };
    }
    return {
      asOf: now,
      neutrals: neutralList,
      deadlines: openDeadlines,
      stalled,
      feesOverdue,
      neutralSteps,
      byStatus,
      toRegister: toRegister && { count: toRegister.count, oldest: toRegister.oldest.slice(0, TO_REGISTER_SHOWN) },
    };
  }

  /**
   * The secretariat's compact=true&rows=N answer, the same as the long way computes it (a test
   * compares them): per neutral the counts and next case, and per list its count and oldest N.
   */
  private async compactQueue(now: string, rows: number): Promise<CaseloadAnswer> {
    const [queueRows, byStatus, toRegister] = await Promise.all([
      this.readModels.statistics.workQueueRows(now, rows),
      this.readModels.statistics.openCasesByStatus(),
      this.readModels.statistics.casesToRegister(rows),
    ]);
    const { neutrals, neutralEntry } = this.neutralEntries(undefined);
    for (const counted of queueRows.neutrals) {
      // Someone not (or no longer) a neutral of the roster: the role of their first case, as the long way.
      const role = neutrals.has(counted.userId)
        ? ''
        : ((await this.readModels.statistics.caseloadAssignments(counted.userId))[0]?.role ?? '');
      const entry = neutralEntry(counted.userId, role);
      entry.openCases = counted.openCases;
      entry.overdueDeadlines = counted.overdueDeadlines;
    }
    const next = new Map(queueRows.nextCases.map((c) => [c.assignment.userId, c]));
    for (const entry of neutrals.values()) {
      const found = next.get(entry.userId);
      entry.nextCase = found
        ? toCaseView(
            found.assignment,
            found.deadlines.map((d) => toView(d, now)),
            now,
          )
        : null;
    }
    const neutralList = [...neutrals.values()].sort((a, b) => a.userId.localeCompare(b.userId));
    return { asOf: now, neutrals: neutralList, byStatus, queue: workQueueOfRows(queueRows, toRegister, now) };
  }

  /** The neutrals listed: every neutral of the roster for the secretariat (also with nothing on their desk), else the neutral asking. */
  private neutralEntries(neutral: Actor | undefined) {
    const neutrals = new Map<string, NeutralCaseload>();
    const neutralEntry = (id: string, role: string): NeutralCaseload => {
      let entry = neutrals.get(id);
      if (!entry) {
        entry = { userId: id, name: this.directory.user(id)?.name ?? null, role, openCases: 0, overdueDeadlines: 0, cases: [] };
        neutrals.set(id, entry);
      }
      return entry;
    };
    if (neutral === undefined) {
      for (const user of this.directory.users()) if (NEUTRAL_ROLE_SET.has(user.role)) neutralEntry(user.id, user.role);
    } else {
      neutralEntry(neutral.userId, neutral.role);
    }
    return { neutrals, neutralEntry };
  }
}
