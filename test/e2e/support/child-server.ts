import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { storeEnv, type Api, type ApiResponse, type Headers, type UserClient } from './test-app';

// The real server as a separate process (node dist/apps/api/src/main.js), for crash tests.

export const ROOT = join(__dirname, '..', '..', '..');

/**
 * Compiles the app into a private folder under .tmp (not the shared dist/, which other people
 * rebuild while tests run) and returns its main.js. Node still finds node_modules and
 * fixtures/ by walking up to the project root.
 */
export function buildPrivateDist(): { main: string; dir: string } {
  const dir = join(ROOT, '.tmp', `e2e-dist-${process.pid}-${Date.now()}`);
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@swc', 'cli', 'bin', 'swc.js'), 'apps', 'libs', '-d', dir, '--config-file', '.swcrc', '--quiet'],
    { cwd: ROOT, stdio: 'pipe', timeout: 120_000 },
  );
  return { main: join(dir, 'apps', 'api', 'src', 'main.js'), dir };
}

export interface ChildServer extends Api {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** Graceful stop (SIGTERM), falling back to SIGKILL. */
  stop(): Promise<void>;
}

async function toResponse(res: Response): Promise<ApiResponse> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = text;
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  return { status: res.status, body, headers, text };
}

export const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));

/** Every child process started by these helpers, so a test that fails half-way cannot leave one running. */
const started = new Set<ChildProcess>();

/** Tracks a child process for killAllChildServers until it exits. */
export function trackChild(child: ChildProcess): void {
  started.add(child);
  child.once('exit', () => started.delete(child));
}

/** SIGKILLs whatever child processes (servers, projectors) are still running; for afterAll. */
export async function killAllChildServers(): Promise<void> {
  await Promise.all(
    [...started].map((child) => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited(child);
    }),
  );
  started.clear();
}

export async function startChildServer(main: string, dataDir: string, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<ChildServer> {
  // PORT=0: the server takes a port the kernel picks and logs it. Picking a free port here first
  // would race other test workers, which may take the same port before the server listens.
  let output = '';
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, AUTH_MODE: 'dev', ...storeEnv(dataDir), NODE_ENV: 'test', REQUEST_LOG: 'off', RATE_LIMIT_TOKENS_PER_USER: '0', RATE_LIMIT_TOKENS_PER_ADDRESS: '0', RATE_LIMIT_FILINGS_PER_USER: '0', RATE_LIMIT_FILINGS_PER_ADDRESS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  child.stdout?.on('data', (d) => (output += d.toString()));
  child.stderr?.on('data', (d) => (output += d.toString()));

  const until = Date.now() + timeoutMs;
  let baseUrl = '';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was healthy:\n${output.slice(-4000)}`);
    const listening = /Listening on http:\/\/[^:\s]+:(\d+)/.exec(output);
    if (listening) {
      baseUrl = `http://127.0.0.1:${listening[1]}`;
      try {
        const res = await fetch(`${baseUrl}/health`);
        if (res.status === 200) break;
      } catch {
        /* not answering yet */
      }
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy within ${timeoutMs} ms:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const tokens = new Map<string, Promise<string>>();
  const token = (userId: string): Promise<string> => {
    let t = tokens.get(userId);
    if (!t) {
      t = fetch(`${baseUrl}/api/auth/dev-token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId }),
      }).then(async (res) => {
        const body = (await res.json()) as { accessToken?: string };
        if (!body.accessToken) throw new Error(`dev-token for ${userId}: ${res.status} ${JSON.stringify(body)}`);
        return body.accessToken;
      });
      tokens.set(userId, t);
    }
    return t;
  };
  const as = (userId: string): UserClient => ({
    userId,
    async get(path: string, headers: Headers = {}) {
      return toResponse(await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${await token(userId)}`, ...headers } }));
    },
    async post(path: string, body: unknown = {}, headers: Headers = {}) {
      return toResponse(
        await fetch(`${baseUrl}${path}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${await token(userId)}`, 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify(body),
        }),
      );
    },
  });
  return {
    child,
    baseUrl,
    as,
    now: () => new Date(),
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}
