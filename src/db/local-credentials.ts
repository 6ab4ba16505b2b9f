// The local Neo4j's password: generated on first use, kept in its data folder readable by its
// owner alone (mode 0600), handed to the Java launcher through the environment (never argv, which
// every local user can read) and to the driver by the server and the tools that start it.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCAL_USERNAME = 'neo4j';
export const PASSWORD_FILE = 'neo4j-password';

export interface Credentials {
  username: string;
  password: string;
}

export function passwordFile(dataDir: string): string {
  return join(dataDir, PASSWORD_FILE);
}

/** Reads the data folder's password, creating it (32 random bytes, base64url) when absent. */
export function localCredentials(dataDir: string): Credentials {
  mkdirSync(dataDir, { recursive: true });
  const file = passwordFile(dataDir);
  try {
    // 'wx' fails when the file exists, so two starts racing on a new folder keep one password.
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A copy or a permissive umask can leave it readable by others: take that back.
    chmodSync(file, 0o600);
  }
  const password = readFileSync(file, 'utf8').trim();
  if (!password) throw new Error(`${file} is empty: delete it and start again to generate a new password`);
  return { username: LOCAL_USERNAME, password };
}

/** The variables a child process (importer, API) needs to reach this Neo4j. */
export function credentialsEnv(credentials: Credentials): Record<string, string> {
  return { NEO4J_USERNAME: credentials.username, NEO4J_PASSWORD: credentials.password };
}
