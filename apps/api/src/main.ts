import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp, listen } from './bootstrap';
import { ConfigError, loadConfig } from '../../../libs/runtime/src/config/app-config';
import type { OpenedReadModels } from '../../../libs/read-models/src';
import { READ_MODEL_HANDLE } from './infrastructure/infrastructure.tokens';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ config });
  // Before the first request, not during it: the case list's count thread (SQLite) takes tens of
  // milliseconds to start. If it cannot start, the read models have said so and count without it.
  await app
    .get<OpenedReadModels>(READ_MODEL_HANDLE)
    .prepareCaseListCounts()
    .catch(() => undefined);
  await listen(app, config);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const docs = config.apiDocs ? `API docs at ${url}/docs; ` : '';
  Logger.log(`Listening on ${url} (${docs}auth ${config.authMode}; data in ${config.dataDir})`, 'Main');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`Startup failed: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.stack && process.env.DEBUG) console.error(error.stack);
  }
  process.exit(1);
});
