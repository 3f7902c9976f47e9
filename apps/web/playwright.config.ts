import { defineConfig } from '@playwright/test';
import { execSync } from 'node:child_process';
import * as path from 'node:path';

// The portal's browser tests: the built app served by the real API (embedded SQLite stores, a fresh
// data folder per run) on a free loopback port, driven in Debian's Chromium.
const root = path.resolve(__dirname, '../..');
if (!process.env.PORTAL_TEST_PORT) {
  // Chosen once in the main process; the workers inherit it through the environment.
  process.env.PORTAL_TEST_PORT = execSync(
    `node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"`,
  )
    .toString()
    .trim();
  process.env.PORTAL_TEST_DATA = path.join(root, '.tmp', 'browser-data', `${Date.now()}`);
}
const port = process.env.PORTAL_TEST_PORT;
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './test',
  testMatch: /.*\.browser\.spec\.ts$/,
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds .ci/run's closing line (browser tests counted with Jest's).
  reporter: [['list'], ['json', { outputFile: path.join(root, '.tmp', 'playwright-results.json') }]],
  outputDir: path.join(root, '.tmp', 'playwright'),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: 'node dist/apps/api/src/main.js',
    cwd: root,
    url: `http://127.0.0.1:${port}/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: port!,
      DATA_DIR: process.env.PORTAL_TEST_DATA!,
      REQUEST_LOG: 'off',
      AUTH_MODE: 'dev',
      // The embedded default, whatever stores the surrounding run (CI) points at.
      EVENT_STORE: 'sqlite',
      DATABASE_URL: '',
      DATABASE_SCHEMA: '',
      KURRENTDB_URL: '',
      // The journeys sign in many times from one address.
      RATE_LIMIT_TOKENS_PER_ADDRESS: '0',
      RATE_LIMIT_TOKENS_PER_USER: '0',
      RATE_LIMIT_FILINGS_PER_USER: '0',
      RATE_LIMIT_FILINGS_PER_ADDRESS: '0',
    },
  },
});
