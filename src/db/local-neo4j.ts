// Starts the project's own Neo4j (embedded Community 5.26 with Bolt, see neo4j/) as a child
// process: builds the launcher with Maven when needed, picks a free port, waits for readiness.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { CLASSPATH, ensureLauncherBuilt, JAR } from './launcher-build';
import { localCredentials, type Credentials } from './local-credentials';

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
  /** User and password Bolt asks for (the password is kept in the data folder). */
  credentials: Credentials;
  /** The port Bolt listens on (a restart reuses it, so the driver's URI stays right). */
  port: number;
  pid: number;
  startupMs: number;
  /** Settles with the exit code when the process ends, for whatever reason. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? (() => {});
  await ensureLauncherBuilt(log);
  mkdirSync(opts.dataDir, { recursive: true });
  const credentials = localCredentials(opts.dataDir);
  const port = opts.port || (await freePort());
  const settings = Object.entries(opts.settings ?? {}).map(([k, v]) => `${k}=${v}`);
  const classpath = `${JAR}:${readFileSync(CLASSPATH, 'utf8').trim()}`;
  const started = Date.now();
  // stdin stays a pipe: the launcher exits when it closes, so Neo4j never outlives this process.
  const child = spawn(
    'java',
    [`-Xmx${opts.heap ?? '1g'}`, ...JVM_FLAGS, '-cp', classpath, 'dev.kg.neo4j.LocalNeo4j', opts.dataDir, String(port), ...settings],
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NEO4J_LOCAL_PASSWORD: credentials.password } },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitForReady(child, exited, opts.startTimeoutMs ?? 180_000, log);
  return {
    uri: `bolt://127.0.0.1:${port}`,
    credentials,
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
