import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp, listen } from './bootstrap';
import { ConfigError, loadConfig } from '../../../libs/runtime/src/config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ config });
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
