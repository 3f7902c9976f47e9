'use strict';
// What Express's in-order route scan costs: Express 5's router (the one app.get/app.post add to)
// dispatches GET /health/live with that route alone and with 70 routes before it, shaped like the
// product's (/api/<resource>/:id/<action>, half GET, half POST). In one process, alternating, CPU
// from process.cpuUsage; fake request and response objects and a handler that only counts, so
// nothing but the router is timed. Prints one JSON line.
//
//   node bench/tools/express-route-scan.js

const os = require('node:os');
const express = require('express');

const EXTRA_ROUTES = 70;

function makeRouter(extra) {
  const router = express.Router();
  for (let i = 0; i < extra; i++) {
    const route = `/api/resource${Math.floor(i / 5)}/:id/action${i % 5}`;
    (i % 2 === 0 ? router.get : router.post).call(router, route, () => {});
  }
  router.get('/health/live', (_req, res) => {
    res.hits++;
  });
  return router;
}

/** CPU µs per dispatch over n dispatches; throws when a dispatch did not reach the route at once. */
function batch(router, n) {
  const res = { hits: 0 };
  const notFound = () => {
    throw new Error('GET /health/live did not match');
  };
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) router.handle({ method: 'GET', url: '/health/live', headers: {} }, res, notFound);
  const used = process.cpuUsage(start);
  if (res.hits !== n) throw new Error(`${res.hits} of ${n} dispatches reached the route synchronously`);
  return (used.user + used.system) / n;
}

const routers = { 1: makeRouter(0), [1 + EXTRA_ROUTES]: makeRouter(EXTRA_ROUTES) };
const keys = Object.keys(routers);
for (const k of keys) batch(routers[k], 50_000); // warm-up
const results = Object.fromEntries(keys.map((k) => [k, []]));
for (let pair = 0; pair < 6; pair++) {
  for (const k of pair % 2 ? [...keys].reverse() : keys) results[k].push(Math.round(batch(routers[k], 100_000) * 100) / 100);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  JSON.stringify({
    usPerDispatch: results,
    medianUsPerDispatch: Object.fromEntries(keys.map((k) => [`${k} routes`, median(results[k])])),
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
  }),
);
