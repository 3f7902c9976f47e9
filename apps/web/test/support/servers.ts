import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

/**
 * The environment of a product process in the browser tests: the embedded default (SQLite in its
 * DATA_DIR), whatever stores the surrounding run points at. CI sets DATABASE_URL for the Jest
 * suites; inherited here, every browser-test server would share one PostgreSQL schema and see each
 * other's cases.
 */
export const EMBEDDED_STORES: Record<string, string> = { EVENT_STORE: 'sqlite', DATABASE_URL: '', DATABASE_SCHEMA: '', KURRENTDB_URL: '' };

export const embeddedEnv = (env: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...process.env, ...EMBEDDED_STORES, ...env });

/** The built API (npm run build) as a child process with the given settings, once /health answers. */
export async function startApi(env: Record<string, string>): Promise<RunningApi> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: REPO_ROOT,
    env: embeddedEnv({ PORT: String(port), REQUEST_LOG: 'off', ...env }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`The API did not start in time: ${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
