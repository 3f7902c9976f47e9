import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NEUTRAL_ROLES, PANEL_RULES, partyOrganisationIds, type Actor, type DisputeState } from '../../../../libs/domain/src';
import type { ReadModels } from '../../../../libs/read-models/src/contracts';
import type { NeutralInvolvement } from '../../../../libs/read-models/src/statistics';
import { DirectoryService } from '../../../../libs/directory/src/directory.service';
import { READ_MODELS } from '../../../../libs/runtime/src/tokens';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblemResponses, ProblemSchema } from '../http/openapi';
import { ProblemException, problemType, RequestValidationException } from '../http/problem';
import { notForYourRole } from './forbidden';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NEUTRAL_ROLE_SET: ReadonlySet<string> = new Set(NEUTRAL_ROLES);

export class RosterQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The case to nominate for: adds role fit and earlier involvement with its parties' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  disputeId?: string;
}

export class OrganisationNameResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class InvolvementResponse {
  @ApiProperty({ format: 'uuid' }) disputeId!: string;
  @ApiProperty({ type: String, nullable: true }) caseNumber!: string | null;
  @ApiProperty({ enum: [...NEUTRAL_ROLES] }) role!: string;
  @ApiProperty({ enum: ['nominated', 'appointed', 'ended'], description: 'The term on that case' }) termStatus!: string;
  @ApiProperty({ type: [OrganisationNameResponse], description: 'Parties of that case that are also a party here' })
  sharedOrganisations!: OrganisationNameResponse[];
  @ApiProperty() caseClosed!: boolean;
}

export class RosterEntryResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: [...NEUTRAL_ROLES] }) role!: string;
  @ApiProperty({ description: "The role fits the case's route (always true without disputeId)" }) fitsRoute!: boolean;
  @ApiProperty({ description: 'Open cases where this neutral is nominated or appointed' }) openCases!: number;
  @ApiProperty() appointedCases!: number;
  @ApiProperty() nominatedCases!: number;
  @ApiProperty({ enum: ['nominated', 'appointed', 'ended'], nullable: true, type: String, description: 'Their term on this case, if any' })
  onThisCase!: string | null;
  @ApiProperty({ type: [InvolvementResponse], description: 'Terms on other cases of the same parties (empty without disputeId)' })
  earlierInvolvement!: InvolvementResponse[];
}

export class RosterResponse {
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) disputeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The route the nomination is for' }) route!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: [...NEUTRAL_ROLES], description: 'The role that route needs' })
  roleNeeded!: string | null;
  @ApiProperty({ type: [Number], description: 'Allowed panel sizes for that route' }) panelSizes!: number[];
  @ApiProperty({ type: [RosterEntryResponse] }) neutrals!: RosterEntryResponse[];
}

/**
 * The roster for a nomination (rule 10): every neutral with their current caseload and, for a
 * case, their earlier terms on cases of the same parties, so the secretariat can weigh workload
 * and impartiality before nominating. Secretariat only: the caseload of others is not for parties.
 */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller('api/neutrals')
export class RosterController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    private readonly directory: DirectoryService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The roster: each neutral's caseload and, with disputeId, earlier involvement with that case's parties (secretariat)",
  })
  @ApiOkResponse({ type: RosterResponse })
  @ApiForbiddenResponse({ type: ProblemSchema, description: 'Only the secretariat' })
  @ApiNotFoundResponse({ type: ProblemSchema, description: 'No case with this disputeId' })
  @ApiProblemResponses()
  async get(@Query() query: RosterQueryDto, @CurrentActor() actor: Actor): Promise<RosterResponse> {
    if (actor.role !== 'secretariat') throw notForYourRole('The roster with caseloads is for the secretariat.');
    let state: DisputeState | null = null;
    if (query.disputeId !== undefined) {
      if (!UUID.test(query.disputeId)) {
        throw new RequestValidationException([
          {
            field: 'disputeId',
            message: 'disputeId must be the id of a case (a UUID)',
            nl: 'disputeId moet het nummer van een zaak zijn (een UUID)',
          },
        ]);
      }
      state = await this.readModels.getCase(query.disputeId.toLowerCase());
      if (!state || !state.exists) {
        throw new ProblemException({ status: 404, type: problemType('not_found'), detail: 'No dispute with this id.', code: 'not_found' });
      }
    }
    const route = state ? (state.route ?? state.pendingRouteProposal?.route ?? state.initialRoute ?? null) : null;
    const rule = route ? PANEL_RULES[route] : undefined;
    const [assignments, involvement] = await Promise.all([
      this.readModels.statistics.caseloadAssignments(),
      state ? this.readModels.statistics.neutralInvolvement(partyOrganisationIds(state), state.disputeId) : Promise.resolve([]),
    ]);
    const orgName = (id: string) => ({ id, name: this.directory.organisation(id)?.name ?? id });
    const neutrals = this.directory
      .users()
      .filter((u) => NEUTRAL_ROLE_SET.has(u.role))
      .map((u): RosterEntryResponse => {
        const mine = assignments.filter((a) => a.userId === u.id);
        const earlier = involvement.filter((i: NeutralInvolvement) => i.userId === u.id);
        return {
          userId: u.id,
          name: u.name,
          role: u.role,
          fitsRoute: rule ? rule.role === u.role : true,
          openCases: mine.length,
          appointedCases: mine.filter((a) => a.neutralStatus === 'appointed').length,
          nominatedCases: mine.filter((a) => a.neutralStatus === 'nominated').length,
          onThisCase: state?.neutrals.find((n) => n.userId === u.id)?.status ?? null,
          earlierInvolvement: earlier.map((i) => ({
            disputeId: i.disputeId,
            caseNumber: i.caseNumber,
            role: i.role,
            termStatus: i.termStatus,
            sharedOrganisations: i.sharedOrganisationIds.map(orgName),
            caseClosed: i.caseClosed,
          })),
        };
      })
      // Those who fit first, then the lightest caseload: the likely choices on top.
      .sort((a, b) => Number(b.fitsRoute) - Number(a.fitsRoute) || a.openCases - b.openCases || a.name.localeCompare(b.name));
    return {
      disputeId: state?.disputeId ?? null,
      caseNumber: state?.caseNumber ?? null,
      route,
      roleNeeded: rule?.role ?? null,
      panelSizes: rule ? [...rule.sizes] : [],
      neutrals,
    };
  }
}
