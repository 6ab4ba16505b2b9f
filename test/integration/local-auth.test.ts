// The local Neo4j asks for a password: generated into its data folder (0600), handed to Java
// through the environment (never its command line, which any local user can read), set as the
// initial password of a new store and re-applied to an existing one (a replaced file takes over).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type AuthToken } from 'neo4j-driver';
import { passwordFile } from '../../src/db/local-credentials';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j';

let dataDir: string;
let server: LocalNeo4j | undefined;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kg-auth-'));
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What Bolt answers: 'ok', or the error code. */
async function attempt(uri: string, auth?: AuthToken): Promise<string> {
  const driver = neo4j.driver(uri, auth);
  try {
    await driver.executeQuery('RETURN 1');
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  } finally {
    await driver.close();
  }
}

test('a new data folder gets a password file (0600) and Bolt refuses anyone without it', async () => {
  server = await startLocalNeo4j({ dataDir });
  const file = passwordFile(dataDir);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const password = readFileSync(file, 'utf8').trim();
  expect(password.length).toBeGreaterThanOrEqual(40);
  expect(server.credentials).toEqual({ username: 'neo4j', password });

  expect(await attempt(server.uri)).toBe('Neo.ClientError.Security.Unauthorized');
  expect(await attempt(server.uri, neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
  expect(await attempt(server.uri, neo4j.auth.basic('neo4j', password))).toBe('ok');

  expect(readFileSync(`/proc/${server.pid}/cmdline`, 'utf8')).not.toContain(password);
  // The initial-password file (a hash) is not left behind once the store has its user.
  expect(existsSync(join(dataDir, 'data', 'dbms', 'auth.ini'))).toBe(false);
  await server.stop();
  server = undefined;
}, 60_000);

test('an existing store takes a replaced password file on its next start', async () => {
  const file = passwordFile(dataDir);
  const old = readFileSync(file, 'utf8').trim();
  writeFileSync(file, 'a-new-password-of-enough-length\n', { mode: 0o644 });
  server = await startLocalNeo4j({ dataDir });
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(await attempt(server.uri, neo4j.auth.basic('neo4j', old))).toBe('Neo.ClientError.Security.Unauthorized');
  expect(await attempt(server.uri, neo4j.auth.basic('neo4j', 'a-new-password-of-enough-length'))).toBe('ok');
}, 60_000);
