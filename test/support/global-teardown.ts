// Stops the test run's Neo4j and removes its data folder.
import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__testNeo4j;
  if (!started) return;
  await started.neo4j.stop();
  rmSync(started.dataDir, { recursive: true, force: true });
}
