import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { currentSchemaVersion, type Actor, type DirectoryView, type UserInfo } from '../../domain/src';
import {
  WrongExpectedVersionError,
  type EventStore,
  type NewEvent,
  type StoredEvent,
  type Subscription,
} from '../../event-store/src/port';
import type { Clock } from '../../runtime/src/clock';
import { APP_CONFIG, CLOCK, EVENT_STORE } from '../../runtime/src/tokens';
import type { AppConfig } from '../../runtime/src/config/app-config';
import {
  DIRECTORY_STREAM_PREFIX,
  ORGANISATION_STREAM_PREFIX,
  USER_STREAM_PREFIX,
  organisationRecord,
  organisationStreamId,
  userRecord,
  userStreamId,
  type DirectoryData,
  type DirectoryEvent,
  type DirectoryOrganisation,
} from './directory-records';
import type { DirectoryLookup } from './directory-rules';
import { chooseSeedSource, retireLegacyFile } from './directory-seed';
import { clientRequestIdMetadata } from '../../runtime/src/client-request-id';

export type { DirectoryData, DirectoryOrganisation, OrganisationCodes } from './directory-records';

/** A record of the directory with its version: the number of events in its stream (as for cases). */
export interface Versioned<T> {
  record: T;
  version: number;
}

export const SEED_ACTOR: Actor = { userId: 'system:directory-seed', role: 'system' };
const PAGE = 1000;
const WAIT_MS = 10_000;

/** Who recorded a directory change, and in answer to which request. */
export interface DirectoryWriteContext {
  actor: Actor;
  correlationId: string;
}

/**
 * The organisations and users, kept as events in `directory-org-<id>` and `directory-user-<id>`
 * streams and folded into memory. Every process subscribes to the global log, so a change
 * recorded through one API process reaches the others within a poll interval; a change recorded
 * here is applied before the call that made it returns (read-your-writes). The domain reads it
 * synchronously as its DirectoryView.
 */
@Injectable()
export class DirectoryService implements DirectoryView, DirectoryLookup, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DirectoryService.name);
  private readonly orgsById = new Map<string, Versioned<DirectoryOrganisation>>();
  private readonly usersById = new Map<string, Versioned<UserInfo>>();
  /** Removed users' stream versions, so an older event delivered again cannot bring one back. */
  private readonly removedUsers = new Map<string, number>();
  /** Global position up to which this view has seen the log. */
  private seen = 0;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const head = await this.store.headPosition();
    for (let after = 0; ; ) {
      const page = await this.store.readAll({ after, maxCount: PAGE, streamPrefix: DIRECTORY_STREAM_PREFIX });
      this.apply(page);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.position;
    }
    this.seen = head;
    // Unfiltered, so the checkpoint moves with every event and an idle poll reads nothing old again.
    this.subscription = this.store.subscribeToAll(async (events) => this.onEvents(events), {
      after: head,
      batchSize: 500,
      onError: (error) => this.logger.warn(`Directory subscription failed, retrying: ${String(error)}`),
    });
    if (this.orgsById.size === 0 && this.usersById.size === 0) await this.seed();
    this.logger.log(`Directory: ${this.orgsById.size} organisations, ${this.usersById.size} users`);
  }

  async onModuleDestroy(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters.clear();
  }

  // --- DirectoryView and lookups ------------------------------------------------------------

  organisation(id: string): DirectoryOrganisation | undefined {
    return this.orgsById.get(id)?.record;
  }

  user(id: string): UserInfo | undefined {
    return this.usersById.get(id)?.record;
  }

  organisations(): DirectoryOrganisation[] {
    return [...this.orgsById.values()].map((v) => v.record);
  }

  users(): UserInfo[] {
    return [...this.usersById.values()].map((v) => v.record);
  }

  versionedOrganisation(id: string): Versioned<DirectoryOrganisation> | undefined {
    return this.orgsById.get(id);
  }

  versionedUser(id: string): Versioned<UserInfo> | undefined {
    return this.usersById.get(id);
  }

  /** The version of a removed user's stream, or undefined when the id was never removed. */
  removedUserVersion(id: string): number | undefined {
    return this.removedUsers.get(id);
  }

  versionedOrganisations(): Versioned<DirectoryOrganisation>[] {
    return [...this.orgsById.values()];
  }

  versionedUsers(): Versioned<UserInfo>[] {
    return [...this.usersById.values()];
  }

  // --- Writes (rules are checked by the caller, DirectoryCommands) -----------------------------

  /**
   * Appends one directory event with the expected version and waits until this view has applied
   * it. Throws WrongExpectedVersionError when the stream moved (or exists, for a registration).
   */
  async record(event: DirectoryEvent, expectedVersion: number | 'no_stream', context: DirectoryWriteContext): Promise<number> {
    const streamId = streamOf(event);
    const expected = expectedVersion === 'no_stream' ? 'no_stream' : expectedVersion - 1;
    const result = await this.store.appendToStream(streamId, [this.toNewEvent(event, context)], expected);
    await this.waitForPosition(result.position);
    return result.nextExpectedVersion + 1;
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  /** Resolves once the view has seen the log up to `position` (or after a timeout: the write is durable anyway). */
  waitForPosition(position: number, timeoutMs = WAIT_MS): Promise<void> {
    if (this.seen >= position || !this.subscription) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.logger.warn(`Directory view did not reach position ${position} within ${timeoutMs} ms`);
        waiter.resolve();
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  // --- Folding ------------------------------------------------------------------------------

  private async onEvents(events: StoredEvent[]): Promise<void> {
    this.apply(events.filter((e) => e.streamId.startsWith(DIRECTORY_STREAM_PREFIX)));
    if (events.length > 0) this.seen = Math.max(this.seen, events[events.length - 1]!.position);
    for (const waiter of [...this.waiters]) if (this.seen >= waiter.position) waiter.resolve();
  }

  /** Each event carries the whole record, so folding is replacing; older revisions are skipped. */
  private apply(events: StoredEvent[]): void {
    for (const stored of events) {
      const event = stored.type as DirectoryEvent['type'];
      const version = stored.revision + 1;
      if (stored.streamId.startsWith(ORGANISATION_STREAM_PREFIX)) {
        if (event !== 'OrganisationRegistered' && event !== 'OrganisationChanged') continue;
        const org = organisationRecord(stored.data.organisation as DirectoryOrganisation);
        if ((this.orgsById.get(org.id)?.version ?? 0) < version) this.orgsById.set(org.id, { record: org, version });
      } else if (stored.streamId.startsWith(USER_STREAM_PREFIX)) {
        const userId = stored.streamId.slice(USER_STREAM_PREFIX.length);
        const known = Math.max(this.usersById.get(userId)?.version ?? 0, this.removedUsers.get(userId) ?? 0);
        if (known >= version) continue;
        if (event === 'UserRemoved') {
          this.usersById.delete(userId);
          this.removedUsers.set(userId, version);
        } else if (event === 'UserRegistered' || event === 'UserChanged') {
          this.usersById.set(userId, { record: userRecord(stored.data.user as UserInfo), version });
        }
      }
    }
  }

  // --- Seeding ------------------------------------------------------------------------------

  /**
   * First start: the directory becomes events, all in one atomic append with every stream
   * expected not to exist. Of two processes starting at once, one wins; the other's append fails
   * as a whole and it takes the winner's directory from the log.
   */
  private async seed(): Promise<void> {
    const source = chooseSeedSource(this.config.dataDir, this.config.directorySeedFile);
    if (!source) {
      this.logger.warn('The directory is empty and DIRECTORY_SEED_FILE=none: nobody can sign in with a dev token yet.');
      return;
    }
    const context: DirectoryWriteContext = { actor: SEED_ACTOR, correlationId: `directory-seed-${randomUUID()}` };
    const appends = seedEvents(source.data, this.now()).map((event) => ({
      streamId: streamOf(event),
      expectedVersion: 'no_stream' as const,
      events: [this.toNewEvent(event, context)],
    }));
    try {
      const results = await this.store.appendToStreams(appends);
      await this.waitForPosition(Math.max(0, ...results.map((r) => r.position)));
      this.logger.log(`Directory seeded from ${source.file}`);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      this.logger.log('Directory already seeded by another process');
      await this.waitForPosition(await this.store.headPosition());
    }
    if (source.legacy) retireLegacyFile(source.file);
  }

  private toNewEvent(event: DirectoryEvent, context: DirectoryWriteContext): NewEvent {
    const { actor } = context;
    return {
      id: randomUUID(),
      type: event.type,
      data: event.data as unknown as Record<string, unknown>,
      metadata: {
        schemaVersion: currentSchemaVersion(event.type),
        actor: { userId: actor.userId, role: actor.role, ...(actor.organisationId ? { organisationId: actor.organisationId } : {}) },
        correlationId: context.correlationId,
        // A directory change is caused by the request that asked for it.
        causationId: context.correlationId,
        ...clientRequestIdMetadata(),
      },
    };
  }
}

/** The stream a directory event belongs to. */
function streamOf(event: DirectoryEvent): string {
  switch (event.type) {
    case 'OrganisationRegistered':
    case 'OrganisationChanged':
      return organisationStreamId(event.data.organisation.id);
    case 'UserRegistered':
    case 'UserChanged':
      return userStreamId(event.data.user.id);
    case 'UserRemoved':
      return userStreamId(event.data.userId);
  }
}

function seedEvents(data: DirectoryData, now: string): DirectoryEvent[] {
  return [
    ...data.organisations.map((org): DirectoryEvent => ({
      type: 'OrganisationRegistered',
      data: { organisation: organisationRecord(org), occurredAt: now },
    })),
    ...data.users.map((user): DirectoryEvent => ({ type: 'UserRegistered', data: { user: userRecord(user), occurredAt: now } })),
  ];
}
