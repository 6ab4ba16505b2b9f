// Start-up problems a newcomer meets are reported at once, in one line that says what to do,
// before Maven or Neo4j start: a port in use, no Java, a data folder another instance holds, a
// NEO4J_URI that is not a Neo4j address or does not answer (never printing its password).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'kg-startup-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the server as `npm start` does, to its exit. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: '', SEED_ON_START: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test('a port in use is reported before Neo4j starts', async () => {
  const taken: Server = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as AddressInfo).port;
  try {
    const { code, output } = await start({ PORT: String(port), NEO4J_LOCAL_DATA_DIR: join(scratch, 'port') });
    expect(code).toBe(1);
    expect(output).toContain(`start-up failed: port ${port} on 127.0.0.1 is already in use; stop what listens there or set PORT`);
    expect(output).not.toMatch(/starting local Neo4j/);
  } finally {
    taken.close();
  }
}, 70_000);

test('no Java: says Java 17 is needed, or NEO4J_URI', async () => {
  const bin = join(scratch, 'bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(process.execPath, join(bin, 'node'));
  const { code, output } = await start({ PATH: bin, PORT: '0', NEO4J_LOCAL_DATA_DIR: join(scratch, 'nojava') });
  expect(code).toBe(1);
  expect(output).toMatch(/start-up failed: Java 17 is required for the local Neo4j .* or set NEO4J_URI/);
  expect(output).not.toMatch(/ENOENT|\n\s+at /);
}, 70_000);

test('a data folder held by another running instance names the process and the folder', async () => {
  const dataDir = join(scratch, 'held');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'kg-server.pid'), `${process.pid}\n`);
  const { code, output } = await start({ PORT: '0', NEO4J_LOCAL_DATA_DIR: dataDir });
  expect(code).toBe(1);
  expect(output).toContain(`the local Neo4j data folder ${dataDir} is in use by process ${process.pid}`);
  expect(output).not.toMatch(/starting local Neo4j/);
}, 70_000);

test('NEO4J_URI that is not a Neo4j address: the URI (password hidden) and the accepted schemes', async () => {
  const { code, output } = await start({ PORT: '0', NEO4J_URI: 'http://neo4j:secret@localhost:7474' });
  expect(code).toBe(1);
  expect(output).toContain('NEO4J_URI "http://neo4j:***@localhost:7474" is not a Neo4j address; use one of bolt://, bolt+s://');
  expect(output).not.toContain('secret');
}, 70_000);

test('NEO4J_URI that does not answer fails within 10 s, naming it', async () => {
  const started = Date.now();
  const { code, output } = await start({ PORT: '0', NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_PASSWORD: 'secret' });
  expect(code).toBe(1);
  expect(output).toContain('start-up failed: could not reach Neo4j at bolt://127.0.0.1:9 within 10 s');
  expect(output).not.toContain('secret');
  expect(Date.now() - started).toBeLessThan(30_000);
}, 70_000);
