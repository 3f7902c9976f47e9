import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { Client, Pool } from 'pg';
import { createRateLimitTable, RateLimitService } from './rate-limit';

// Rate limits counted per process in memory, and (with DATABASE_URL) in PostgreSQL, shared by
// every API process on the database: issue 14, finding 5.

type LimitConfig = Pick<AppConfig, 'rateLimits' | 'databaseUrl' | 'databaseSchema'>;

const limits = (filingsPerUser: number): LimitConfig['rateLimits'] => ({
  windowSeconds: 60,
  tokensPerUser: 0,
  tokensPerAddress: 0,
  filingsPerUser,
  filingsPerAddress: 0,
});

async function started(config: LimitConfig): Promise<RateLimitService> {
  const service = new RateLimitService(config);
  await service.onModuleInit();
  return service;
}

/** How many of `attempts` filings by one user the services (taking turns) let through. */
async function admitted(services: RateLimitService[], user: string, attempts: number): Promise<number> {
  let passed = 0;
  for (let i = 0; i < attempts; i++) {
    try {
      await services[i % services.length].consume('filing', user, undefined);
      passed++;
    } catch (error) {
      expect(error).toMatchObject({ problem: { status: 429, code: 'rate_limited' } });
    }
  }
  return passed;
}

describe('rate limits in memory (no DATABASE_URL)', () => {
  it('each process counts on its own', async () => {
    const config: LimitConfig = { rateLimits: limits(3), databaseUrl: undefined, databaseSchema: 'public' };
    const a = await started(config);
    expect(await admitted([a], 'prov-anna', 5)).toBe(3);
    const b = await started(config);
    expect(await admitted([b], 'prov-anna', 5)).toBe(3);
  });
});

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  describe('rate limits in PostgreSQL (DATABASE_URL)', () => {
    const schema = `rl_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const services: RateLimitService[] = [];
    afterAll(async () => {
      await Promise.all(services.map((s) => s.onModuleDestroy()));
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });

    it('three processes starting together share one count: the limit holds across them', async () => {
      const config: LimitConfig = { rateLimits: limits(4), databaseUrl, databaseSchema: schema };
      services.push(...(await Promise.all([started(config), started(config), started(config)])));
      expect(await admitted(services, 'prov-anna', 12)).toBe(4);
      expect(await admitted(services, 'ins-carla', 2)).toBe(2); // another user has a count of their own
    });

    it('processes racing to create the table all succeed, whichever step they lose it at', async () => {
      // Each round three create the table at once in a fresh schema; a lost race surfaces as one of
      // several errors (23505, 42P07, 42710) depending on where the loser was. The schema exists
      // first, so the creators meet at the table: 42710 came in 3 to 9 rounds of 60 when tried by hand.
      const pool = new Pool({ connectionString: databaseUrl, max: 6 });
      const raced = Array.from({ length: 100 }, (_, round) => `${schema}_race${round}`);
      try {
        for (const name of raced) {
          await pool.query(`CREATE SCHEMA "${name}"`);
          await Promise.all([1, 2, 3].map(() => createRateLimitTable(pool, name)));
          const { rows } = await pool.query('SELECT to_regclass($1) AS t', [`"${name}".rate_limits`]);
          expect(rows[0].t).not.toBeNull();
        }
      } finally {
        for (const name of raced) await pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
        await pool.end();
      }
    });

    it('when PostgreSQL fails under it, each process still limits in memory, and no request fails', async () => {
      const lost = `${schema}_lost`;
      const service = await started({ rateLimits: limits(2), databaseUrl, databaseSchema: lost });
      services.push(service);
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA ${lost} CASCADE`); // every count query now fails
      await client.end();
      expect(await admitted([service], 'prov-anna', 4)).toBe(2);
    });
  });
}
