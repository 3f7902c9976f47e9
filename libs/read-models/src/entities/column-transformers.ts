import type { QueryDeepPartialEntity, ValueTransformer } from 'typeorm';

// JSON and booleans are stored as plain text / integer columns so that the same SQL ports to
// PostgreSQL (where these could later become jsonb / boolean) without touching the entities' users.

export const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value)),
  from: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null)),
};

export const booleanInteger: ValueTransformer = {
  to: (value: unknown) => (value === undefined || value === null ? null : value ? 1 : 0),
  from: (value: unknown) => (value === null || value === undefined ? value : Number(value) === 1),
};

/** bigint columns (log positions): node-postgres returns them as strings; SQLite as numbers. */
export const bigintNumber: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => (value === null || value === undefined ? value : Number(value)),
};

/**
 * TypeORM's insert typing recurses into JSON-valued properties (unknown, Record<string, unknown>)
 * and rejects them, although the transformer serialises them whole. Full entity rows are safe.
 */
export const insertable = <T>(rows: T | T[]): QueryDeepPartialEntity<T>[] =>
  (Array.isArray(rows) ? rows : [rows]) as QueryDeepPartialEntity<T>[];
