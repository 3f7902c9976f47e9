import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../libs/runtime/src/config/app-config';
import type { OpenApiDocument } from './render-api';

/** The OpenAPI document exactly as the API serves it, from an app on the embedded stores in a temporary folder. */
export async function openApiDocument(): Promise<OpenApiDocument> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gzc-docs-'));
  const app = await createApp({
    config: loadConfig({ DATA_DIR: dataDir, REQUEST_LOG: 'off', DEADLINE_SCAN_INTERVAL_MS: '0' }),
    logger: false,
  });
  try {
    await app.listen(0, '127.0.0.1');
    const res = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/docs-json`);
    return (await res.json()) as OpenApiDocument;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
