import { Client, type ClientConfig } from 'pg';

// The read models on PostgreSQL live in one schema (DATABASE_SCHEMA, default public), so tests and
// tenants can share a database. Every connection gets that schema as its search_path: projections
// and queries name tables unqualified, and a rebuild points the same code at a fresh schema.

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Lower-case letters, digits and underscores, not starting with a digit, at most 63 characters. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `"${schema}" is not a usable schema name: use lower-case letters, digits and underscores (at most 63, not starting with a digit)`,
    );
  }
  return schema;
}

/** node-postgres settings for a connection whose unqualified names resolve in `schema`. */
export const clientConfig = (connectionString: string, schema: string, applicationName: string): ClientConfig => ({
  connectionString,
  options: `-c search_path=${assertSchemaName(schema)}`,
  application_name: applicationName,
  keepAlive: true,
});

/** A single connection for work outside TypeORM (advisory locks, schema creation). */
export async function connectClient(connectionString: string, schema: string, applicationName: string): Promise<Client> {
  const client = new Client(clientConfig(connectionString, schema, applicationName));
  // An error on an idle client would otherwise be an uncaught exception; its users watch 'end'.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Runs `work` while holding a session advisory lock on `key` (waiting for it): serialises
 * start-up work such as migrations between processes that start together.
 */
export async function withAdvisoryLock<T>(connectionString: string, key: string, work: () => Promise<T>): Promise<T> {
  const client = await connectClient(connectionString, 'public', 'gzc-read-models-setup');
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
