import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openReadModels, type OpenedReadModels, type OpenReadModelsOptions } from '../src';
import { tempDir } from './support';

// The read-model suites run on SQLite always, and on PostgreSQL too when DATABASE_URL is set
// (CI sets it), each PostgreSQL run in a fresh schema of its own, dropped when it closes.

export type TargetKind = 'sqlite' | 'postgres';

export const READ_MODEL_TARGETS: TargetKind[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** A schema name no other test (or helper sharing the database) uses. */
export const uniqueSchema = (prefix = 'rm_test'): string => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

export async function dropSchema(schema: string, databaseUrl = process.env.DATABASE_URL as string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export function targetOptions(kind: TargetKind, dataDir: string): OpenReadModelsOptions {
  return kind === 'sqlite' ? { dataDir } : { databaseUrl: process.env.DATABASE_URL as string, schema: uniqueSchema() };
}

/** Opens the read models on `kind`; on PostgreSQL close() also drops the schema. */
export async function openTarget(kind: TargetKind, dataDir: string): Promise<OpenedReadModels> {
  const opened = await openReadModels(targetOptions(kind, dataDir));
  if (opened.location.kind !== 'postgres') return opened;
  const { schema, databaseUrl } = opened.location;
  const close = opened.close.bind(opened);
  return Object.assign(opened, {
    async close() {
      await close();
      await dropSchema(schema, databaseUrl);
    },
  });
}

/**
 * One set of read models on `kind` for a whole suite: opened before its first test, closed (and on
 * PostgreSQL dropped) after its last. For suites whose tests can share one; returns the getter.
 */
export function readModelsForSuite(kind: TargetKind): () => OpenedReadModels {
  let dir: ReturnType<typeof tempDir> | undefined;
  let opened: OpenedReadModels | undefined;
  beforeAll(async () => {
    dir = tempDir();
    opened = await openTarget(kind, dir.path);
  });
  afterAll(async () => {
    await opened?.close();
    dir?.remove();
  });
  return () => {
    if (!opened) throw new Error('The read models of this suite are not open (beforeAll has not run or failed)');
    return opened;
  };
}
