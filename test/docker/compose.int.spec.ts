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
  ports?: string[];
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

/** The settings compose.yaml requires (it refuses to start without an OIDC issuer and audience). */
const REQUIRED_ENV = { OIDC_ISSUER: 'https://login.example.nl/realms/gzc', OIDC_AUDIENCE: 'gzc-disputes-api' };

function composeConfig(compose: string[], file: string, env: Record<string, string | undefined> = REQUIRED_ENV): { status: number | null; output: string } {
  const [cmd, ...args] = compose;
  const base = { ...process.env };
  delete base.OIDC_ISSUER;
  delete base.OIDC_AUDIENCE;
  const result = spawnSync(cmd, [...args, '-f', file, 'config'], { encoding: 'utf8', cwd: ROOT, env: { ...base, ...env } });
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

    it('refuses to start without an OIDC issuer and audience, naming them', () => {
      const result = composeConfig(compose!, COMPOSE_FILE, {});
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(/OIDC_ISSUER|OIDC_AUDIENCE/);
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
    expect(services.api.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
  });

  it('signs users in with OIDC only: no demonstration login, no demo directory, issuer and audience required', () => {
    const env = services.api.environment ?? {};
    expect(env.AUTH_MODE).toBe('oidc');
    expect(env.NODE_ENV).toBe('production');
    expect(env.OIDC_ISSUER).toMatch(/^\$\{OIDC_ISSUER:\?/);
    expect(env.OIDC_AUDIENCE).toMatch(/^\$\{OIDC_AUDIENCE:\?/);
    expect(env.DIRECTORY_SEED_FILE).toBe('${DIRECTORY_SEED_FILE:-none}');
    expect(source).not.toMatch(/AUTH_MODE:\s*\$\{AUTH_MODE/);
    expect(source).not.toContain('demo-directory');
  });

  it('publishes ports on the host loopback only, unless PUBLISH_ADDRESS says otherwise', () => {
    const published = Object.entries(services).flatMap(([name, service]) => (service.ports ?? []).map((port) => ({ name, port })));
    expect(published.length).toBeGreaterThan(0);
    for (const { name, port } of published) {
      expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^\$\{PUBLISH_ADDRESS:-127\.0\.0\.1\}:/) });
    }
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

  it('starts in OIDC mode as a production server, listening inside the container, without the demo directory', () => {
    expect(runtime).toMatch(/NODE_ENV=production/);
    expect(runtime).toMatch(/AUTH_MODE=oidc/);
    expect(runtime).toMatch(/DIRECTORY_SEED_FILE=none/);
    expect(runtime).toMatch(/HOST=0\.0\.0\.0/);
    expect(runtime).not.toMatch(/^COPY[^\n]*fixtures/m);
    expect(runtime).not.toMatch(/UNSAFE_DEV_LOGIN_ON_NETWORK/);
  });

  it('runs as a non-root user with a health check on /health and the api as its command', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*\/health/m);
    expect(runtime).toContain('CMD ["node", "dist/apps/api/src/main.js"]');
    expect(existsSync(join(ROOT, 'apps', 'api', 'src', 'main.ts'))).toBe(true);
  });
});
