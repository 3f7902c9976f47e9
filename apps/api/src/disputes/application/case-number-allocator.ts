import { Inject, Injectable } from '@nestjs/common';
import {
  assignCaseNumber,
  caseNumberStreamId,
  caseNumberYear,
  evolveCaseNumbers,
  initialCaseNumberState,
  type CaseNumberAssigned,
  type CaseNumberRegistryState,
} from '../../../../../libs/domain/src';
import type { EventStore } from '../../../../../libs/event-store/src/port';
import { EVENT_STORE } from '../../../../../libs/runtime/src/tokens';

export interface CaseNumberReservation {
  year: number;
  event: CaseNumberAssigned;
  streamId: string;
  /** The registry stream's revision this reservation's append expects. */
  expectedRevision: number | 'no_stream';
}

interface RegistryCursor {
  state: CaseNumberRegistryState;
  /** Revision of the registry stream's last event, counting reservations handed out. */
  revision: number;
}

/**
 * Hands out case numbers in order without a round trip per registration. Concurrent registrations
 * get consecutive numbers with chained expected revisions (n+1 expects r, n+2 expects r+1), so a
 * group commit can take them all at once instead of letting only the first of them win.
 *
 * The cursor is only a guess: uniqueness and the absence of gaps come from the event store, which
 * appends each number together with its registration and checks the expected revision. A failed
 * registration (or another process's) makes the next reservation miss; the caller then calls
 * `forget` and retries, and the cursor is read again from the store.
 */
@Injectable()
export class CaseNumberAllocator {
  private readonly cursors = new Map<number, Promise<RegistryCursor>>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async reserve(disputeId: string, now: string): Promise<CaseNumberReservation> {
    const year = caseNumberYear(now);
    let cursor = this.cursors.get(year);
    if (!cursor) {
      cursor = this.load(year);
      this.cursors.set(year, cursor);
      cursor.catch(() => this.cursors.delete(year));
    }
    const current = await cursor;
    // Synchronous from here: no other reservation can interleave between read and update.
    const event = assignCaseNumber(current.state, disputeId, now);
    const expectedRevision = current.revision < 0 ? ('no_stream' as const) : current.revision;
    current.state = evolveCaseNumbers(current.state, event);
    current.revision += 1;
    return { year, event, streamId: caseNumberStreamId(year), expectedRevision };
  }

  /** The store refused a reservation: read the registry again before the next one. */
  forget(year: number): void {
    this.cursors.delete(year);
  }

  private async load(year: number): Promise<RegistryCursor> {
    // Each registry event carries its sequence, so the last one alone gives the registry's state.
    const [last] = await this.store.readStream(caseNumberStreamId(year), { direction: 'backwards', maxCount: 1 });
    if (!last) return { state: initialCaseNumberState(year), revision: -1 };
    const state = evolveCaseNumbers(initialCaseNumberState(year), { type: 'CaseNumberAssigned', data: last.data } as CaseNumberAssigned);
    return { state, revision: last.revision };
  }
}
