import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NEUTRAL_ROLES, type Actor } from '../../../../libs/domain/src';
import type { ReadModels } from '../../../../libs/read-models/src/contracts';
import type {
  CaseloadAssignment,
  CaseloadDeadline,
  CaseToRegister,
  NeutralStepCase,
  OpenStatusCount,
} from '../../../../libs/read-models/src/statistics';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Clock } from '../../../../libs/runtime/src/clock';
import { CLOCK, READ_MODELS } from '../../../../libs/runtime/src/tokens';
import { DirectoryService } from '../../../../libs/directory/src/directory.service';
import { ApiProblemResponses, ProblemSchema } from '../http/openapi';
import { RequestValidationException } from '../http/problem';
import { notForYourRole } from './forbidden';

export interface DeadlineView {
  disputeId: string;
  caseNumber: string | null;
  deadlineId: string;
  kind: string;
  dueAt: string;
  side: string | null;
  /** open, or missed (recorded as missed, the case still open) */
  status: 'open' | 'missed';
  /** Missed, or open and past due (the scheduler has not recorded it yet). */
  overdue: boolean;
}

export interface CaseloadCaseView {
  disputeId: string;
  caseNumber: string | null;
  status: string;
  route: string | null;
  urgent: boolean;
  neutralStatus: 'nominated' | 'appointed';
  chair: boolean;
  /** The soonest open deadline not yet past due. */
  nextDeadline: DeadlineView | null;
  overdue: DeadlineView[];
}

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
}

export interface CaseloadAnswer {
  asOf: string;
  neutrals: NeutralCaseload[];
  /** Open deadlines, soonest first: of every open case (secretariat) or of the neutral's cases. */
  deadlines: DeadlineView[];
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
}

export interface StalledCaseView {
  disputeId: string;
  caseNumber: string | null;
  /** The due date of the information request that was missed. */
  informationDueAt: string;
  /** When the system closes the case as incomplete unless the secretariat extends this deadline. */
  closesAt: string;
  graceDeadlineId: string;
}

const NEUTRAL_ROLE_SET: ReadonlySet<string> = new Set(NEUTRAL_ROLES);
/** The queue shows the oldest filings; the number says how many more wait. */
const TO_REGISTER_SHOWN = 50;

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
    const isNeutral = NEUTRAL_ROLE_SET.has(actor.role);
    if (!isNeutral && actor.role !== 'secretariat') {
      throw notForYourRole('The caseload is for mediators, advisers, arbitrators and the secretariat.');
    }
    const now = this.clock.now().toISOString();
    const userId = isNeutral ? actor.userId : undefined;
    const [assignments, deadlines, neutralSteps, byStatus, toRegister] = await Promise.all([
      this.readModels.statistics.caseloadAssignments(userId),
      this.readModels.statistics.caseloadDeadlines(userId),
      userId === undefined ? this.readModels.statistics.neutralStepCases() : undefined,
      userId === undefined ? this.readModels.statistics.openCasesByStatus() : undefined,
      userId === undefined ? this.readModels.statistics.casesToRegister(TO_REGISTER_SHOWN) : undefined,
    ]);
    const views = deadlines.map((d) => toView(d, now));
    const byCase = new Map<string, DeadlineView[]>();
    for (const d of views) {
      const list = byCase.get(d.disputeId);
      if (list) list.push(d);
      else byCase.set(d.disputeId, [d]);
    }

    const neutrals = new Map<string, NeutralCaseload>();
    const neutralEntry = (id: string, role: string): NeutralCaseload => {
      let entry = neutrals.get(id);
      if (!entry) {
        entry = { userId: id, name: this.directory.user(id)?.name ?? null, role, openCases: 0, overdueDeadlines: 0, cases: [] };
        neutrals.set(id, entry);
      }
      return entry;
    };
    // Every neutral of the roster appears for the secretariat, also with nothing on their desk.
    if (userId === undefined) {
      for (const user of this.directory.users()) if (NEUTRAL_ROLE_SET.has(user.role)) neutralEntry(user.id, user.role);
    } else {
      neutralEntry(actor.userId, actor.role);
    }
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
    return {
      asOf: now,
      neutrals: [...neutrals.values()].sort((a, b) => a.userId.localeCompare(b.userId)),
      deadlines: views.filter(
        (d) => d.status === 'open' && (userId === undefined || appointedOn.has(d.disputeId)) && (!compact || d.overdue),
      ),
      ...(userId === undefined
        ? {
            stalled: stalledCases(views),
            feesOverdue: views.filter((d) => d.kind === 'fee_payment' && d.status === 'missed'),
            neutralSteps,
            byStatus,
            toRegister,
          }
        : {}),
    };
  }
}

function toView(d: CaseloadDeadline, now: string): DeadlineView {
  return { ...d, overdue: d.status === 'missed' || d.dueAt <= now };
}

function toCaseView(a: CaseloadAssignment, all: DeadlineView[], now: string): CaseloadCaseView {
  // A nominee checks conflicts only: no deadlines of the case on their desk (rule 2).
  const deadlines = a.neutralStatus === 'nominated' ? [] : all;
  const upcoming = deadlines.filter((d) => d.status === 'open' && d.dueAt > now);
  return {
    disputeId: a.disputeId,
    caseNumber: a.caseNumber,
    status: a.status,
    route: a.route,
    urgent: a.urgent,
    neutralStatus: a.neutralStatus,
    chair: a.chair,
    nextDeadline: upcoming[0] ?? null,
    overdue: deadlines.filter((d) => d.overdue),
  };
}

/** Rule 17: a missed information request stalls the case until the claimant answers or the grace period ends. */
function stalledCases(views: DeadlineView[]): StalledCaseView[] {
  // The grace period is open exactly while the case is stalled: answering or closing ends it.
  return views
    .filter((d) => d.kind === 'information_grace' && d.status === 'open')
    .map((grace) => {
      const missed = views.find((d) => d.disputeId === grace.disputeId && d.kind === 'information' && d.status === 'missed');
      return {
        disputeId: grace.disputeId,
        caseNumber: grace.caseNumber,
        informationDueAt: missed?.dueAt ?? grace.dueAt,
        closesAt: grace.dueAt,
        graceDeadlineId: grace.deadlineId,
      };
    });
}
