import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { WrongExpectedVersionError } from '../../../libs/event-store/src/port';
import { systemClock } from '../../../libs/runtime/src/clock';
import { ConfigError, loadConfig } from '../../../libs/runtime/src/config/app-config';
import { DirectoryService } from '../../../libs/directory/src/directory.service';
import { openConfiguredReadModels, openEventStore } from '../../../libs/runtime/src/open-stores';
import pino from 'pino';
import { createLogger, NestPinoLogger } from '../../../libs/runtime/src/logging';
import { generateHistory } from './history-generator';

// npm run seed:history -- --cases 1000 --from 2016 --to 2026 [--seed 1] [--data-dir DIR]
//   [--until ISO] [--batch-events 5000] [--no-project]
// Writes into the stores the application uses (DATA_DIR, EVENT_STORE, DATABASE_URL as for
// `npm start`), then brings the read models up to date so the server starts caught up.

interface Args {
  cases: number;
  fromYear: number;
  toYear: number;
  seed: number;
  dataDir?: string;
  until?: Date;
  batchEvents: number;
  project: boolean;
}

const USAGE =
  'usage: npm run seed:history -- --cases N [--from 2016] [--to 2026] [--seed 1] [--data-dir DIR] [--until ISO] [--batch-events N] [--no-project]';

export function parseArgs(argv: string[], now: Date): Args {
  const args: Args = { cases: 1000, fromYear: 2016, toYear: now.getUTCFullYear(), seed: 1, batchEvents: 5000, project: true };
  const problems: string[] = [];
  const int = (flag: string, raw: string | undefined, min: number, max: number): number => {
    const n = Number(raw);
    if (raw === undefined || !/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${flag} must be a whole number from ${min} to ${max}, got ${raw ?? 'nothing'}`);
      return min;
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--cases':
        args.cases = int(flag, value(), 1, 10_000_000);
        break;
      case '--from':
        args.fromYear = int(flag, value(), 2016, 2100);
        break;
      case '--to':
        args.toYear = int(flag, value(), 2016, 2100);
        break;
      case '--seed':
        args.seed = int(flag, value(), 0, 4_294_967_295);
        break;
      case '--batch-events':
        args.batchEvents = int(flag, value(), 1, 1_000_000);
        break;
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--until': {
        const raw = value();
        const d = new Date(raw ?? '');
        if (Number.isNaN(d.getTime())) problems.push(`--until must be an ISO 8601 instant, got ${raw}`);
        else args.until = d;
        break;
      }
      case '--no-project':
        args.project = false;
        break;
      default:
        problems.push(`unknown argument ${argv[i]}`);
    }
  }
  if (args.fromYear > args.toYear) problems.push(`--from (${args.fromYear}) must not be after --to (${args.toYear})`);
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n${USAGE}`);
  return args;
}

async function main(): Promise<void> {
  const now = new Date();
  const args = parseArgs(process.argv.slice(2), now);
  const config = loadConfig({ ...process.env, ...(args.dataDir ? { DATA_DIR: args.dataDir } : {}) }, process.cwd(), { servesHttp: false });
  // stdout carries the JSON summary alone: the directory's log lines (errors only) go to stderr.
  Logger.overrideLogger(new NestPinoLogger(createLogger(pino.destination({ dest: 2, sync: true }), 'error')));
  const store = await openEventStore(config);
  // The directory as the server keeps it: events in the store, seeded here first if it has none.
  const directory = new DirectoryService(store, config, systemClock);
  let summary;
  try {
    await directory.onModuleInit();
    let lastReport = Date.now();
    summary = await generateHistory(store, {
      cases: args.cases,
      fromYear: args.fromYear,
      toYear: args.toYear,
      seed: args.seed,
      until: args.until ?? now,
      policies: config.policies,
      directory,
      users: directory.users(),
      batchEvents: args.batchEvents,
      onProgress: ({ cases, events }) => {
        if (Date.now() - lastReport > 5000) {
          lastReport = Date.now();
          process.stderr.write(`[seed:history] ${cases}/${args.cases} cases filed, ${events} events\n`);
        }
      },
    });
    let projection: { events: number; durationMs: number } | undefined;
    if (args.project) {
      const started = Date.now();
      const readModels = await openConfiguredReadModels(config);
      try {
        const engine = readModels.createProjectionEngine(store, {
          batchSize: 2000,
          onError: (e) => process.stderr.write(`${String(e)}\n`),
        });
        const head = await store.headPosition();
        await engine.start();
        await engine.waitForPosition(head, 24 * 3600_000);
        await engine.stop();
        // A bulk load: the planner's statistics now, not when autovacuum comes round (PostgreSQL).
        await readModels.analyzeTables();
      } finally {
        await readModels.close();
      }
      projection = { events: summary.events, durationMs: Date.now() - started };
    }
    process.stdout.write(`${JSON.stringify({ ...summary, dataDir: config.dataDir, projection }, null, 2)}\n`);
  } finally {
    await directory.onModuleDestroy();
    await store.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    if (error instanceof WrongExpectedVersionError && error.streamId.startsWith('dispute-')) {
      process.stderr.write(
        `The store already holds ${error.streamId}: a history with this --seed was generated into it before. Use another --seed.\n`,
      );
      process.exit(1);
    }
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
