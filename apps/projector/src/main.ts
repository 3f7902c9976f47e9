import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '../../../libs/runtime/src/config/app-config';
import { createLogger, NestPinoLogger } from '../../../libs/runtime/src/logging';
import { ProjectorModule } from './projector.module';

// `npm run start:projector`: the projections without the API (production: several of these, the
// API with PROJECTIONS=off). Same environment variables as the API; PORT and auth are ignored.

async function main(): Promise<void> {
  // Serves no HTTP: the sign-in settings (AUTH_MODE, OIDC_*) are the API's concern.
  const config = loadConfig(process.env, process.cwd(), { servesHttp: false });
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot({ config }), {
    abortOnError: false,
    logger: new NestPinoLogger(createLogger()),
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`Projector failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
