// `npm start` as operators run it: a signal to the npm process stops the API and the local Neo4j
// with no process left behind; requests in flight finish within the drain deadline, and one that
// never finishes is cut at it. The exit code says which.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testNeo4jEnv } from '../support/harness';

const ROOT = join(__dirname, '..', '..');

interface Started {
  child: ChildProcess;
  url: URL;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `npm start` and waits for its ready line. */
async function npmStart(env: Record<string, string>): Promise<Started> {
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...process.env, PORT: '0', SEED_ON_START: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ready = output.match(/GraphQL API ready at ([^\s"]+)/);
    if (ready) return { child, url: new URL(ready[1]), output: () => output, exited };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not get ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every process below `pid` (from /proc). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const walk = (p: number) => (parents.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

/** Running (a zombie waiting to be reaped by init is not), with its command line for messages. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The processes of `pids` still running after up to 5 s, as "pid command". */
async function leftOver(pids: number[]): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(alive).map((pid) => {
    try {
      return `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 120)}`;
    } catch {
      return String(pid);
    }
  });
}

/** A GraphQL POST whose body is sent in two parts; resolves with the socket and what came back. */
function halfSentRequest(url: URL): { socket: Socket; finish: () => void; response: Promise<string> } {
  const body = JSON.stringify({ query: '{ stats { totalEntities } }' });
  const socket = connect(Number(url.port), url.hostname);
  socket.write(`POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
  let received = '';
  socket.on('data', (d) => (received += d));
  const response = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.on('error', () => {});
  return { socket, finish: () => socket.write(body.slice(10)), response };
}

const remote = () => testNeo4jEnv();

test('SIGTERM to npm start stops the API and the local Neo4j, and nothing is left running', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kg-signals-'));
  try {
    const started = await npmStart({ NEO4J_LOCAL_DATA_DIR: dataDir });
    const below = descendants(started.child.pid!);
    expect(below.length).toBeGreaterThanOrEqual(2); // node and java at least
    expect((await fetch(started.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).status).toBe(200);
    process.kill(started.child.pid!, 'SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.output()).toMatch(/SIGTERM: stopping/);
    expect(started.output()).toMatch(/stopping the local Neo4j/);
    expect(started.output()).toMatch(/stopped \(clean\)/);
    expect(await leftOver(below)).toEqual([]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);

test('SIGINT (Ctrl-C) stops it too', async () => {
  const started = await npmStart(remote());
  const below = descendants(started.child.pid!);
  process.kill(started.child.pid!, 'SIGINT');
  expect(await started.exited).toBe(0);
  expect(started.output()).toMatch(/SIGINT: stopping/);
  expect(await leftOver(below)).toEqual([]);
}, 120_000);

test('a request in flight finishes during the drain; the stop is clean', async () => {
  const started = await npmStart({ ...remote(), SHUTDOWN_DRAIN_MS: '5000' });
  const request = halfSentRequest(started.url);
  await new Promise((r) => setTimeout(r, 300));
  process.kill(started.child.pid!, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  request.finish();
  const response = await request.response;
  expect(response).toMatch(/^HTTP\/1.1 200/);
  expect(response).toMatch(/connection: close/i);
  expect(response).toMatch(/"totalEntities"/);
  expect(await started.exited).toBe(0);
  expect(started.output()).toMatch(/requests drained in \d+ ms/);
}, 120_000);

test('a client that never finishes its body is cut at the drain deadline; the exit code says forced', async () => {
  const started = await npmStart({ ...remote(), SHUTDOWN_DRAIN_MS: '1000' });
  const request = halfSentRequest(started.url);
  await new Promise((r) => setTimeout(r, 300));
  const signalled = Date.now();
  process.kill(started.child.pid!, 'SIGTERM');
  expect(await started.exited).toBe(2);
  const tookMs = Date.now() - signalled;
  expect(tookMs).toBeGreaterThanOrEqual(1000);
  expect(started.output()).toMatch(/drain deadline: cut 1 request/);
  expect(started.output()).toMatch(/stopped \(forced\)/);
  expect(await request.response).toBe('');
}, 120_000);

test('when npm itself is killed (-9), the server notices its parent is gone and stops', async () => {
  const started = await npmStart(remote());
  const below = descendants(started.child.pid!);
  expect(below.length).toBeGreaterThanOrEqual(1);
  process.kill(started.child.pid!, 'SIGKILL');
  expect(await leftOver(below)).toEqual([]);
}, 120_000);
