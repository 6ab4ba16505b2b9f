// Starts one throwaway Neo4j for the whole test run: a fresh temp data folder and a free port,
// never the developer's local data. NEO4J_TEST_URI (with NEO4J_TEST_USERNAME and
// NEO4J_TEST_PASSWORD) points the tests at another server instead.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j';

declare global {
  var __testNeo4j: { neo4j: LocalNeo4j; dataDir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_TEST_URI) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'kg-test-neo4j-'));
  const neo4j = await startLocalNeo4j({ dataDir, heap: '768m', log: (line) => process.stdout.write(`\n[test neo4j] ${line}\n`) });
  process.stdout.write(`[test neo4j] started in ${neo4j.startupMs} ms at ${neo4j.uri}\n`);
  process.env.NEO4J_TEST_URI = neo4j.uri;
  process.env.NEO4J_TEST_USERNAME = neo4j.credentials.username;
  process.env.NEO4J_TEST_PASSWORD = neo4j.credentials.password;
  globalThis.__testNeo4j = { neo4j, dataDir };
}
