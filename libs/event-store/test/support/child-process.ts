// Runs a fixture script (test/fixtures) with plain node and gives line-by-line access to its stdout:
// the multi-process tests use it to start racers together and read what they acknowledged.
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'fixtures');

export function startChild(script: string, args: string[]) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [join(FIXTURES, script), ...args]);
  let stdout = '';
  let stderr = '';
  const lines: string[] = [];
  const lineListeners = new Set<(line: string) => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    let newline: number;
    while ((newline = stdout.indexOf('\n')) >= 0) {
      const line = stdout.slice(0, newline);
      stdout = stdout.slice(newline + 1);
      lines.push(line);
      for (const listener of lineListeners) listener(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    stderr: () => stderr,
    /** Every complete stdout line so far. */
    lines: () => lines,
    /** Resolves at the first line for which `matches` returns true; rejects if the child exits first. */
    waitForLine: (matches: (line: string) => boolean) =>
      new Promise<void>((resolve, reject) => {
        const listener = (line: string): void => {
          if (!matches(line)) return;
          lineListeners.delete(listener);
          resolve();
        };
        lineListeners.add(listener);
        void exited.then((code) => reject(new Error(`${script} exited (${String(code)}) early: ${stderr}`)));
      }),
  };
}
