// Starts the project's own Neo4j (embedded Community 5.26 with Bolt, see neo4j/) as a child
// process: builds the launcher with Maven when needed, picks a free port, waits for readiness.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const LAUNCHER_DIR = join(__dirname, '..', '..', 'neo4j');
const JAR = join(LAUNCHER_DIR, 'target', 'neo4j-local-1.0.0.jar');
export const CLASSPATH = join(LAUNCHER_DIR, 'target', 'classpath.txt');
const SOURCES = [join(LAUNCHER_DIR, 'pom.xml'), join(LAUNCHER_DIR, 'src', 'main', 'java', 'dev', 'kg', 'neo4j', 'LocalNeo4j.java')];

// Java 17 needs these opened for Neo4j's off-heap and Netty internals (Neo4j's own launcher sets them).
export const JVM_FLAGS = [
  'java.base/java.nio', 'java.base/java.io', 'java.base/sun.nio.ch', 'java.base/java.lang',
  'java.base/java.util', 'java.base/java.util.concurrent',
].flatMap((m) => [`--add-opens=${m}=ALL-UNNAMED`]).concat(['-Dio.netty.tryReflectionSetAccessible=true']);

export interface LocalNeo4jOptions {
  dataDir: string;
  port?: number;
  heap?: string;
  /** Extra raw Neo4j settings, key=value. */
  settings?: Record<string, string>;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  /** The port Bolt listens on (a restart reuses it, so the driver's URI stays right). */
  port: number;
  pid: number;
  startupMs: number;
  /** Settles with the exit code when the process ends, for whatever reason. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Builds the launcher jar unless it is newer than its sources. */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}): void {
  const built = existsSync(JAR) && existsSync(CLASSPATH) ? statSync(JAR).mtimeMs : 0;
  if (built && SOURCES.every((s) => statSync(s).mtimeMs <= built)) return;
  log('building the local Neo4j launcher with Maven (first run resolves Neo4j from Maven Central)...');
  const mvn = spawnSync('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', join(LAUNCHER_DIR, 'pom.xml'), 'package', '-DskipTests'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (mvn.error || mvn.status !== 0) {
    throw new Error(`building neo4j/ with Maven failed (${mvn.error?.message ?? `exit ${mvn.status}`}); is Maven installed?`);
  }
}

export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? (() => {});
  ensureLauncherBuilt(log);
  mkdirSync(opts.dataDir, { recursive: true });
  const port = opts.port || (await freePort());
  const settings = Object.entries(opts.settings ?? {}).map(([k, v]) => `${k}=${v}`);
  const classpath = `${JAR}:${readFileSync(CLASSPATH, 'utf8').trim()}`;
  const started = Date.now();
  // stdin stays a pipe: the launcher exits when it closes, so Neo4j never outlives this process.
  const child = spawn(
    'java',
    [`-Xmx${opts.heap ?? '1g'}`, ...JVM_FLAGS, '-cp', classpath, 'dev.kg.neo4j.LocalNeo4j', opts.dataDir, String(port), ...settings],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitForReady(child, exited, opts.startTimeoutMs ?? 180_000, log);
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    startupMs: Date.now() - started,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function waitForReady(child: ChildProcess, exited: Promise<number | null>, timeoutMs: number, log: (l: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tail: string[] = [];
    const remember = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        tail.push(line);
        if (tail.length > 30) tail.shift();
        if (line.startsWith('NEO4J_READY')) {
          clearTimeout(timer);
          log(line);
          resolve();
        }
      }
    };
    child.stdout?.on('data', remember);
    child.stderr?.on('data', remember);
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`local Neo4j did not start within ${timeoutMs} ms:\n${tail.join('\n')}`));
    }, timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`local Neo4j exited with code ${code} before it was ready:\n${tail.join('\n')}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
