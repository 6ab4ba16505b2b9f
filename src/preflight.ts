// Start-up checks that run before anything slow (Maven, Neo4j, the seed), each failing with what
// to do: the HTTP port is free, Java 17+ is there for the local Neo4j, no other instance holds
// the local data folder, NEO4J_URI has a scheme the driver knows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Config } from './config';

/** A start-up problem the operator can fix; main.ts prints its message alone, no stack. */
export class StartupError extends Error {}

export const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

/** The URI as it may be printed: without a password, if one was written into it. */
export function printableUri(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

export function checkNeo4jUri(uri: string): void {
  const scheme = /^([a-z0-9+]+):\/\/[^/]/i.exec(uri)?.[1]?.toLowerCase();
  if (!scheme || !URI_SCHEMES.includes(scheme)) {
    throw new StartupError(
      `NEO4J_URI ${JSON.stringify(printableUri(uri))} is not a Neo4j address; use one of ${URI_SCHEMES.map((s) => `${s}://`).join(', ')} (for example bolt://localhost:7687), or unset it to run the local Neo4j`,
    );
  }
}

export function checkJava(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error) {
    throw new StartupError('Java 17 is required for the local Neo4j and was not found on PATH; install it (e.g. apt-get install openjdk-17-jre-headless) or set NEO4J_URI to use a Neo4j server');
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(`${java.stderr}${java.stdout}`)?.[1]);
  if (!(major >= 17)) {
    throw new StartupError(`Java 17 or later is required for the local Neo4j, found ${Number.isFinite(major) ? `Java ${major}` : 'an unknown version'}; install Java 17 or set NEO4J_URI`);
  }
}

/** Fails at once when the API's port is taken, rather than after Neo4j has started and seeded. */
export async function checkPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE'
        ? new StartupError(`port ${port} on ${host} is already in use; stop what listens there or set PORT to another port`)
        : e));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * Claims the local data folder for this process (a pid file beside the store), so a second
 * instance is told which process has it instead of failing inside Neo4j after 40 s. A pid file
 * whose process is gone (a kill -9) is taken over. Returns the release function.
 */
export function claimDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'kg-server.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && running(pid)) {
      throw new StartupError(`the local Neo4j data folder ${dataDir} is in use by process ${pid} (another npm start?); stop it, or set NEO4J_LOCAL_DATA_DIR to another folder (lock: ${file})`);
    }
  }
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      // already gone
    }
  };
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Every check that applies to this configuration, fastest first. */
export async function preflight(config: Config): Promise<() => void> {
  await checkPortFree(config.host, config.port);
  if (config.neo4jRemote) {
    checkNeo4jUri(config.neo4jRemote.uri);
    return () => {};
  }
  checkJava();
  return claimDataDir(config.localNeo4jDataDir);
}
