// The production stack's files: docker/compose.yaml validated by a real Compose implementation
// (`docker compose` when the Docker CLI has the plugin, else docker-compose 1.27+, Debian's
// `docker-compose` package), then the properties the stack relies on; and docker/Dockerfile's shape.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';

const ROOT = join(__dirname, '..', '..');
const COMPOSE_FILE = join(ROOT, 'docker', 'compose.yaml');
const DOCKERFILE = join(ROOT, 'docker', 'Dockerfile');

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
};
type Compose = { services: Record<string, Service>; volumes?: Record<string, unknown> };

/** The Compose command found on this machine, or undefined. */
function findCompose(): string[] | undefined {
  const candidates = [['docker', 'compose'], ['docker-compose']];
  return candidates.find(([cmd, ...args]) => spawnSync(cmd, [...args, 'version'], { encoding: 'utf8' }).status === 0);
}

function composeConfig(compose: string[], file: string): { status: number | null; output: string } {
  const [cmd, ...args] = compose;
  const result = spawnSync(cmd, [...args, '-f', file, 'config'], { encoding: 'utf8', cwd: ROOT, env: { ...process.env } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const compose = findCompose();
const source = readFileSync(COMPOSE_FILE, 'utf8');
const spec = load(source) as Compose;

(compose ? describe : describe.skip)(
  `docker/compose.yaml is valid for ${compose ? compose.join(' ') : 'Compose (not installed: apt-get install -y docker-compose, or the Docker CLI compose plugin)'}`,
  () => {
    it('validates', () => {
      const result = composeConfig(compose!, COMPOSE_FILE);
      expect(result.output).not.toMatch(/invalid/i);
      expect(result.status).toBe(0);
    });

    it('and the validator does reject a broken file (so the check above means something)', () => {
      const dir = mkdtempSync(join(tmpdir(), 'compose-spec-'));
      try {
        const broken = join(dir, 'compose.yaml');
        writeFileSync(broken, source.replace('condition: service_healthy', 'condition: when_it_feels_like_it'));
        const result = composeConfig(compose!, broken);
        expect(result.status).not.toBe(0);
        expect(result.output).toMatch(/condition/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);

describe('the compose stack', () => {
  const services = spec.services;

  it('has the four services, each with a health check', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'kurrentdb', 'postgres', 'projector']);
    for (const [name, service] of Object.entries(services)) {
      expect({ name, checked: (service.healthcheck?.test?.length ?? 0) > 1 }).toEqual({ name, checked: true });
    }
  });

  it('runs KurrentDB as an insecure single node and PostgreSQL 15 or 16, both on named volumes', () => {
    expect(services.kurrentdb.image).toMatch(/^docker\.kurrent\.io\/kurrent-latest\/kurrentdb:/);
    expect(services.kurrentdb.environment).toMatchObject({ KURRENTDB_CLUSTER_SIZE: '1', KURRENTDB_INSECURE: 'true' });
    expect(services.kurrentdb.healthcheck?.test).toEqual(expect.arrayContaining([expect.stringContaining('/health/live')]));
    expect(services.postgres.image).toMatch(/^postgres:1[56]\b/);
    expect(String(services.postgres.healthcheck?.test)).toContain('pg_isready');
    expect(services.kurrentdb.volumes).toContain('kurrentdb-data:/var/lib/kurrentdb');
    expect(services.postgres.volumes).toContain('postgres-data:/var/lib/postgresql/data');
  });

  it('declares every named volume a service mounts', () => {
    const declared = Object.keys(spec.volumes ?? {});
    for (const service of Object.values(services)) {
      for (const mount of service.volumes ?? []) {
        const [sourceName] = mount.split(':');
        if (!sourceName.startsWith('.') && !sourceName.startsWith('/')) expect(declared).toContain(sourceName);
      }
    }
  });

  it('starts the api and the projector only once both stores are healthy', () => {
    for (const name of ['api', 'projector']) {
      expect(services[name].depends_on).toMatchObject({
        kurrentdb: { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
      });
    }
  });

  it('configures the api for KurrentDB events and PostgreSQL read models', () => {
    const env = services.api.environment ?? {};
    expect(env).toMatchObject({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false',
      PORT: '3000',
    });
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(env.AUTH_MODE).toBeDefined();
    expect(services.api.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
  });

  it('runs the projector from the same image with its own command and the same stores', () => {
    expect(services.projector.image).toBe(services.api.image);
    expect(services.projector.command).toEqual(['node', 'dist/apps/projector/src/main.js']);
    for (const key of ['EVENT_STORE', 'KURRENTDB_URL', 'DATABASE_URL']) {
      expect(services.projector.environment?.[key]).toBe(services.api.environment?.[key]);
    }
  });

  it('names only configuration variables docs/operations.md documents', () => {
    const readme = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
    const documented = new Set([...readme.matchAll(/^\|([^|]+)\|/gm)].flatMap((m) => [...m[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((v) => v[1])));
    for (const name of ['api', 'projector']) {
      for (const key of Object.keys(services[name].environment ?? {})) expect({ service: name, key, documented: documented.has(key) }).toEqual({ service: name, key, documented: true });
    }
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = readFileSync(DOCKERFILE, 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1];

  it('builds in stages: dependencies with a toolchain, an SWC build, production dependencies, a slim runtime', () => {
    expect(stages.map((s) => s.split('\n')[0].trim())).toEqual([
      '${NODE_IMAGE} AS deps',
      'deps AS build',
      'deps AS prod-deps',
      '${NODE_IMAGE} AS runtime',
    ]);
    expect(stages[0]).toMatch(/apt-get install[^\n]*python3 make g\+\+/);
    expect(stages[1]).toContain('RUN npm run build');
    expect(stages[2]).toContain('npm prune --omit=dev');
    expect(runtime).not.toMatch(/apt-get|g\+\+|npm ci/);
    expect(runtime).toContain('--from=prod-deps');
  });

  it('runs as a non-root user with a health check on /health and the api as its command', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*\/health/m);
    expect(runtime).toContain('CMD ["node", "dist/apps/api/src/main.js"]');
    expect(existsSync(join(ROOT, 'apps', 'api', 'src', 'main.ts'))).toBe(true);
  });
});
