'use strict';
// Summarises a V8 .cpuprofile (from `node --cpu-prof`, e.g. the benchmark's --server-cpu-prof DIR):
// self time by function, by package/source area, and inclusive (total) time of functions.
//
//   node bench/tools/summarize-cpuprofile.js FILE.cpuprofile [--top 30] [--focus substring] [--last seconds]
//
// --last keeps only the profile's last N seconds (e.g. a load phase after start-up and catch-up).
// --focus restricts the inclusive table to functions whose name or url contains the substring.

const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !['--top', '--focus', '--last'].includes(args[args.indexOf(a) - 1]));
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const TOP = Number(opt('top', '30'));
const FOCUS = opt('focus', undefined);
const LAST_US = opt('last', undefined) === undefined ? Infinity : Number(opt('last')) * 1e6;
if (!file) {
  console.error('usage: summarize-cpuprofile.js FILE.cpuprofile [--top 30] [--focus substring]');
  process.exit(2);
}

const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children || []) parent.set(c, n.id);

// Sample time per node: timeDeltas[i] is the time before sample i.
const selfUs = new Map();
let totalUs = 0;
const sampleEndUs = [];
for (let i = 0, t = 0; i < prof.samples.length; i++) sampleEndUs.push((t += prof.timeDeltas[i + 1] ?? 0));
const fromUs = (sampleEndUs[sampleEndUs.length - 1] ?? 0) - LAST_US;
for (let i = 0; i < prof.samples.length; i++) {
  if (sampleEndUs[i] <= fromUs) continue;
  const dt = prof.timeDeltas[i + 1] ?? 0; // attribute the following interval to this sample
  selfUs.set(prof.samples[i], (selfUs.get(prof.samples[i]) || 0) + dt);
  totalUs += dt;
}

const area = (url) => {
  if (!url) return '(native/vm)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const d = url.indexOf('/dist/');
  if (d >= 0)
    return (
      'app:' +
      url
        .slice(d + 6)
        .split('/')
        .slice(0, 3)
        .join('/')
    );
  return url.replace(/^file:\/\//, '');
};
const label = (cf) => `${cf.functionName || '(anonymous)'} ${cf.url ? path.basename(cf.url) + ':' + (cf.lineNumber + 1) : ''}`.trim();

const bySelfFn = new Map();
const byArea = new Map();
const inclusive = new Map();
for (const [id, us] of selfUs) {
  const n = nodes.get(id);
  const cf = n.callFrame;
  const k = label(cf);
  bySelfFn.set(k, (bySelfFn.get(k) || 0) + us);
  const a =
    cf.functionName === '(idle)' || cf.functionName === '(program)' || cf.functionName === '(garbage collector)'
      ? cf.functionName
      : area(cf.url);
  byArea.set(a, (byArea.get(a) || 0) + us);
  // inclusive: every distinct function on the stack gets the sample once
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const c = nodes.get(cur).callFrame;
    const key = label(c);
    if (seen.has(key)) continue;
    seen.add(key);
    if (FOCUS && !(key.includes(FOCUS) || (c.url || '').includes(FOCUS))) continue;
    inclusive.set(key, (inclusive.get(key) || 0) + us);
  }
}

const idle = byArea.get('(idle)') || 0;
const busy = totalUs - idle;
const fmt = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)}%`;
const table = (title, map, n = TOP) => {
  console.log(`\n== ${title} (percent of non-idle time)`);
  [...map]
    .filter(([k]) => k !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .forEach(([k, us]) => console.log(`${fmt(us)}  ${k}`));
};
console.log(`profile: ${file}\nwall ${(totalUs / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s`);
table('self time by area', byArea, 25);
table('self time by function', bySelfFn);
table(`inclusive time by function${FOCUS ? ` (focus ${FOCUS})` : ''}`, inclusive, TOP * 2);
