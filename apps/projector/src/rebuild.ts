import 'reflect-metadata';
import { DEFAULT_PROJECTIONS, findProjection, rebuildProjection } from '../../../libs/read-models/src';
import { ConfigError, loadConfig } from '../../../libs/runtime/src/config/app-config';
import { openConfiguredReadModels, openEventStore } from '../../../libs/runtime/src/open-stores';

// `npm run projections:rebuild -- <name>`: replays the whole log into fresh tables and swaps them
// in atomically (see libs/read-models/src/rebuild-projection.ts). Same environment as the API; the
// API and the projectors may keep running meanwhile.

async function main(): Promise<number> {
  const name = process.argv[2];
  const projection = findProjection(DEFAULT_PROJECTIONS, name); // throws listing the valid names
  // Serves no HTTP: the sign-in settings (AUTH_MODE, OIDC_*) are the API's concern.
  const config = loadConfig(process.env, process.cwd(), { servesHttp: false });
  const store = await openEventStore(config);
  const readModels = await openConfiguredReadModels(config);
  try {
    const head = await store.headPosition();
    let reported = 0;
    const result = await rebuildProjection(readModels, store, projection, {
      onProgress: (position) => {
        if (position - reported >= 50_000) {
          reported = position;
          console.error(`${projection.name}: replayed up to position ${position} of ${head}`);
        }
      },
    });
    console.log(JSON.stringify(result));
    return 0;
  } finally {
    await readModels.close();
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
