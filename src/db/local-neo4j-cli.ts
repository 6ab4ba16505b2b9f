// `npm run neo4j`: runs the project's local Neo4j on its own (same data folder as `npm start`),
// printing the Bolt URI, e.g. to point NEO4J_URI, a second API process or a Neo4j tool at it.
import { readConfig } from '../config';
import { passwordFile } from './local-credentials';
import { startLocalNeo4j } from './local-neo4j';

async function main(): Promise<void> {
  const config = readConfig();
  const neo4j = await startLocalNeo4j({
    dataDir: config.localNeo4jDataDir,
    port: config.localNeo4jPort || 7687,
    heap: config.localNeo4jHeap,
    log: (line) => console.log(line),
  });
  console.log(`local Neo4j at ${neo4j.uri} (data in ${config.localNeo4jDataDir}); Ctrl-C stops it`);
  const file = passwordFile(config.localNeo4jDataDir);
  console.log(`user ${neo4j.credentials.username}, password in ${file}; for another API process or tool:`);
  console.log(`  NEO4J_URI=${neo4j.uri} NEO4J_USERNAME=${neo4j.credentials.username} NEO4J_PASSWORD="$(cat '${file}')" npm start`);
  const stop = () => void neo4j.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
