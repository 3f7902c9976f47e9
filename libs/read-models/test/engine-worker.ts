// A projector in its own process, for the multi-process test: opens the shared files, projects
// until the log's head given in argv, then prints how many events each projection applied.
import { openReadModels, DEFAULT_PROJECTIONS, type Projection } from '../src';
import { openStore } from './support';

async function main(): Promise<void> {
  const [eventsDir, readDir, headArg] = process.argv.slice(2);
  const store = openStore(eventsDir);
  const opened = await openReadModels({ dataDir: readDir });
  const applied: Record<string, number> = {};
  const projections: Projection[] = DEFAULT_PROJECTIONS.map((p) => ({
    name: p.name,
    tables: p.tables,
    async apply(events, manager) {
      await p.apply(events, manager);
      applied[p.name] = (applied[p.name] ?? 0) + events.length;
    },
  }));
  const engine = opened.createProjectionEngine(store, { projections, batchSize: 2, onError: () => undefined });
  await engine.start();
  await engine.waitForPosition(Number(headArg), 60_000);
  await opened.close();
  await store.close();
  // TypeORM logs migrations to stdout too, so the result gets a marker line of its own.
  process.stdout.write(`\nRESULT ${JSON.stringify(applied)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
