import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { exited, killAllChildServers, ROOT, trackChild } from './child-server';

// The standalone projector (apps/projector) as a real process, from a private dist (buildPrivateDist).

export interface ChildProjector {
  child: ChildProcess;
  output(): string;
  /** Whether it logged that it runs `projection` and has not logged stopping it since. */
  runs(projection: string): boolean;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** SIGKILLs every child still running, projectors included; for afterAll. */
export const killAllProjectors = killAllChildServers;

export async function startProjector(distDir: string, env: Record<string, string>, timeoutMs = 60_000): Promise<ChildProjector> {
  let output = '';
  const child = spawn(process.execPath, [join(distDir, 'apps', 'projector', 'src', 'main.js')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  child.stdout?.on('data', (d) => (output += d.toString()));
  child.stderr?.on('data', (d) => (output += d.toString()));
  const until = Date.now() + timeoutMs;
  while (!/Projector running/.test(output)) {
    if (child.exitCode !== null) throw new Error(`projector exited with ${child.exitCode}:\n${output.slice(-4000)}`);
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`projector did not start within ${timeoutMs} ms:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    output: () => output,
    runs(projection) {
      const started = output.lastIndexOf(`Running projection ${projection}`);
      const stopped = output.lastIndexOf(`Stopped running projection ${projection}`);
      return started >= 0 && started > stopped && child.exitCode === null && child.signalCode === null;
    },
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
