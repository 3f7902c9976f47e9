// Opens the read models in its own process at a given instant, for the concurrent-startup test.
import { openReadModels } from '../src';

async function main(): Promise<void> {
  const [dataDir, startAt] = process.argv.slice(2);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const opened = await openReadModels({ dataDir });
  await opened.close();
  process.stdout.write('\nRESULT opened\n'); // marker: TypeORM logs migrations to stdout too
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
