'use strict';
// Runs every bench/*.bench.js one after another (alphabetical order) and prints their JSON outputs
// as one JSON array on stdout. Arguments are passed on to every benchmark, e.g.
//   npm run bench -- --iterations 200
// A benchmark that fails or prints no valid JSON appears in the array as
// { benchmark, error, exitCode } and makes this script exit with 1.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const dir = __dirname;
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.js'))
  .sort();
const passThrough = process.argv.slice(2);

let current;
let interrupted = false;
// The terminal's Ctrl-C reaches the benchmark too (same process group); let it clean up, then stop.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    interrupted = true;
    if (current && current.exitCode === null) current.kill(sig);
  });
}

function runOne(file) {
  return new Promise((resolve) => {
    const name = file.replace(/\.bench\.js$/, '');
    process.stderr.write(`[run] ${file}\n`);
    const child = spawn(process.execPath, [path.join(dir, file), ...passThrough], {
      cwd: path.resolve(dir, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    current = child;
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.on('error', (e) => resolve({ benchmark: name, error: e.message, exitCode: null }));
    child.on('close', (code, signal) => {
      current = undefined;
      const text = Buffer.concat(out).toString('utf8').trim();
      if (code !== 0) {
        resolve({ benchmark: name, error: `exited with ${signal || code}`, exitCode: code });
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch (e) {
        resolve({ benchmark: name, error: `output is not JSON: ${e.message}`, exitCode: code, output: text.slice(0, 2000) });
      }
    });
  });
}

(async () => {
  const results = [];
  for (const file of files) {
    if (interrupted) break;
    results.push(await runOne(file));
  }
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  process.exitCode = interrupted || results.some((r) => r && r.error) ? 1 : 0;
})();
