import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DisputeEvent, Route, Sector } from '../../domain/src';
import { caseNumberStreamId } from '../../domain/src';
import { SqliteEventStore } from '../../event-store/src';
import type { EventActor, EventStore, NewEvent } from '../../event-store/src/port';

// Shared helpers: temp folders, a real SQLite event store, and real domain events appended the
// way the API's handlers append them (register writes the case-number registry in the same append).

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'read-models-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function openStore(dir: string): EventStore {
  return SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), pollIntervalMs: 20, synchronous: 'NORMAL' });
}

export const secretariat: EventActor = { userId: 'sec-sara', role: 'secretariat', organisationId: 'gzc' };
export const provider: EventActor = { userId: 'prov-anna', role: 'provider', organisationId: 'org-provider-a' };

const toNew = (event: DisputeEvent | { type: string; data: Record<string, unknown> }, actor: EventActor): NewEvent => ({
  type: event.type,
  data: event.data as Record<string, unknown>,
  metadata: { schemaVersion: 1, actor, correlationId: randomUUID() },
});

const days = (iso: string, n: number): string => new Date(Date.parse(iso) + n * 86_400_000).toISOString();

export interface CaseSpec {
  id?: string;
  filedAt: string;
  claimants?: string[];
  respondents?: string[];
  filedOnBehalfBy?: string;
  sector?: Sector;
  phase?: 'precontractual' | 'contractual';
  legalFramework?: 'zvw' | 'zvw_supplementary' | 'wlz';
  subjects?: ('tariff' | 'payment' | 'volume_ceiling' | 'other')[];
  summary?: string;
  urgent?: boolean;
  proposedRoute?: Route;
}

/** A dispute under construction: each step appends the domain events of one command. */
export class CaseScript {
  readonly id: string;
  readonly streamId: string;
  private revision = -1;
  private nominations = 0;
  lastPosition = 0;

  constructor(
    private readonly store: EventStore,
    readonly spec: CaseSpec,
  ) {
    this.id = spec.id ?? randomUUID();
    this.streamId = `dispute-${this.id}`;
  }

  private async append(events: DisputeEvent[], actor: EventActor): Promise<void> {
    const result = await this.store.appendToStream(this.streamId, events.map((e) => toNew(e, actor)), this.expected());
    this.revision = result.nextExpectedVersion;
    this.lastPosition = result.position;
  }

  private expected(): 'no_stream' | number {
    return this.revision < 0 ? 'no_stream' : this.revision;
  }

  async file(): Promise<this> {
    const s = this.spec;
    await this.append(
      [
        {
          type: 'DisputeFiled',
          data: {
            disputeId: this.id,
            phase: s.phase ?? 'contractual',
            legalFramework: s.legalFramework ?? 'zvw',
            sector: s.sector ?? 'mental_health',
            subjects: s.subjects ?? ['tariff'],
            contractYear: 2025,
            claimantOrganisationIds: s.claimants ?? ['org-provider-a'],
            respondentOrganisationIds: s.respondents ?? ['org-insurer-x'],
            ...(s.filedOnBehalfBy ? { filedOnBehalfBy: s.filedOnBehalfBy } : {}),
            claimantKind: s.filedOnBehalfBy ? 'association' : 'provider',
            smallProviderClaimant: false,
            summary: s.summary ?? 'Tariff for 2025 too low',
            claims: [{ description: 'Raise the tariff', amountCents: 100_000 }],
            amountInDisputeCents: 100_000,
            proposedRoute: s.proposedRoute ?? 'mediation',
            urgent: s.urgent ?? false,
            ...(s.urgent ? { urgencyReason: 'Continuity of care' } : {}),
            filedByUserId: provider.userId,
            occurredAt: s.filedAt,
          },
        },
      ],
      provider,
    );
    return this;
  }

  /** Registration: DisputeRegistered + RespondentInvited, and CaseNumberAssigned in the registry, atomically. */
  async register(sequence: number, at: string): Promise<this> {
    const year = new Date(at).getUTCFullYear();
    const caseNumber = `GZC-${year}-${String(sequence).padStart(4, '0')}`;
    // The registry stream comes last, so the LAST event of the append is not a dispute event:
    // waitForPosition must still reach it.
    const [dispute, registry] = await this.store.appendToStreams([
      {
        streamId: this.streamId,
        expectedVersion: this.expected(),
        events: [
          toNew(
            {
              type: 'DisputeRegistered',
              data: { caseNumber, administrationFee: { totalCents: 50_000, shares: [] }, occurredAt: at },
            },
            secretariat,
          ),
          toNew(
            {
              type: 'RespondentInvited',
              data: {
                respondentOrganisationIds: this.spec.respondents ?? ['org-insurer-x'],
                deadline: { deadlineId: `${this.id}-answer`, kind: 'respondent_answer', dueAt: days(at, 14) },
                occurredAt: at,
              },
            },
            secretariat,
          ),
        ],
      },
      {
        streamId: caseNumberStreamId(year),
        expectedVersion: 'any',
        events: [
          toNew(
            { type: 'CaseNumberAssigned', data: { year, sequence, caseNumber, disputeId: this.id, occurredAt: at } },
            secretariat,
          ),
        ],
      },
    ]);
    this.revision = dispute.nextExpectedVersion;
    this.lastPosition = registry.position;
    return this;
  }

  async accept(route: Route, at: string): Promise<this> {
    await this.append([{ type: 'SubmissionAccepted', data: { route, side: 'respondent', routeAgreed: true, occurredAt: at } }], provider);
    return this;
  }

  async nominate(neutralUserIds: string[], at: string): Promise<this> {
    await this.append(
      [
        {
          type: 'NeutralsNominated',
          data: {
            neutralUserIds,
            role: 'mediator',
            chairUserId: neutralUserIds[0],
            challengeDeadline: { deadlineId: `${this.id}-challenge-${++this.nominations}`, kind: 'challenge', dueAt: days(at, 7) },
            occurredAt: at,
          },
        },
      ],
      secretariat,
    );
    return this;
  }

  async challengeUpheld(neutralUserId: string, at: string): Promise<this> {
    await this.append(
      [
        { type: 'NeutralChallenged', data: { neutralUserId, grounds: 'Conflict of interest', side: 'respondent', occurredAt: at } },
        { type: 'ChallengeUpheld', data: { neutralUserId, occurredAt: at } },
      ],
      secretariat,
    );
    return this;
  }

  async appoint(neutralUserIds: string[], at: string): Promise<this> {
    await this.append(
      [
        {
          type: 'NeutralsAppointed',
          data: { neutralUserIds, role: 'mediator', chairUserId: neutralUserIds[0], route: 'mediation', occurredAt: at },
        },
      ],
      secretariat,
    );
    return this;
  }
}

/** Polls until `check` passes (for conditions no API exposes as a promise). */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The `RESULT ...` line a worker process printed (other stdout lines are logs). */
export function resultOf(stdout: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (line === undefined) throw new Error(`worker printed no result: ${stdout}`);
  return line.slice('RESULT '.length);
}
