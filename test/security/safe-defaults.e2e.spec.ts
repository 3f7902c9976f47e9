import type { INestApplication, LoggerService } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createApp, listen } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../libs/runtime/src/config/app-config';
import { newDataDir, removeDataDir, startTestApp } from '../e2e/support/test-app';

// Finding 1 and the /docs part of 9: with no settings the server is the local demonstration, on
// loopback only, and says at start that anyone who reaches it can sign in as anyone.

/** Nest's logger, keeping what is written. */
class CapturingLogger implements LoggerService {
  readonly warnings: string[] = [];
  log(): void {}
  error(): void {}
  debug(): void {}
  verbose(): void {}
  warn(message: unknown): void {
    this.warnings.push(String(message));
  }
}

describe('safe by default', () => {
  it('with no settings the server listens on loopback only and warns that demonstration login is on', async () => {
    const dataDir = newDataDir();
    const logger = new CapturingLogger();
    let app: INestApplication | undefined;
    try {
      // The embedded stores and no HOST, AUTH_MODE or UNSAFE_* setting: what `npm start` does.
      const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', DEADLINE_SCAN_INTERVAL_MS: '0', REQUEST_LOG: 'off' });
      app = await createApp({ config, logger });
      await listen(app, config);
      const address = app.getHttpServer().address() as AddressInfo;
      expect(address.address).toBe('127.0.0.1');
      expect(logger.warnings.filter((w) => /AUTH_MODE=dev: demonstration login is on/.test(w))).toHaveLength(1);
      // And it is still the demonstration: a dev token for a demo user.
      const res = await fetch(`http://127.0.0.1:${address.port}/api/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'prov-anna' }),
      });
      expect(res.status).toBe(200);
    } finally {
      await app?.close();
      await removeDataDir(dataDir);
    }
  });

  it('/docs and /docs-json are served by default, and not with API_DOCS=off (the production default)', async () => {
    const on = await startTestApp();
    const off = await startTestApp({ env: { API_DOCS: 'off' } });
    try {
      expect((await on.http().get('/docs-json')).status).toBe(200);
      expect((await off.http().get('/docs-json')).status).toBe(404);
      expect((await off.http().get('/docs')).status).toBe(404);
    } finally {
      await on.close();
      await off.close();
    }
  });
});
