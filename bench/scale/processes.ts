// The child processes the bench starts: each side runs in its own Node process (so its memory
// is its own), announced ready on stdout, sampled for RSS from /proc, and always stopped: every
// child is registered so that an error or Ctrl-C stops it too.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SideProcess {
  name: string;
  pid: number;
  /** GraphQL endpoint (a, b) or question base URL (c). */
  url: string;
  statsUrl: string;
  /** Error lines the side printed since the last call (a failing side can print thousands). */
  takeErrors(): { count: number; last: string | null };
  stop(): Promise<void>;
}

export const ROOT = join(__dirname, '..', '..');

const running = new Set<ChildProcess>();

/** Starts `bench/scale/<script>` with tsx and waits for its BENCH_READY line. */
export function startSide(name: string, script: string, env: Record<string, string>): Promise<SideProcess> {
  // node --import tsx, not npx: the pid is then the server itself, and so is its RSS.
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    running.delete(child);
    resolve();
  }));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const tail: string[] = [];
    let ready = false;
    let errors = { count: 0, last: null as string | null };
    const takeErrors = () => {
      const taken = errors;
      errors = { count: 0, last: null };
      return taken;
    };
    const onLine = (line: string) => {
      const match = /^BENCH_READY (.*)$/.exec(line);
      if (match && !ready) {
        ready = true;
        const { url, statsUrl } = JSON.parse(match[1]) as { url: string; statsUrl: string };
        resolve({ name, pid: child.pid!, url, statsUrl, takeErrors, stop });
        return;
      }
      tail.push(line);
      if (tail.length > 20) tail.shift();
      if (ready && /error|fail/i.test(line)) errors = { count: errors.count + 1, last: line.trim().slice(0, 200) };
    };
    const split = (chunk: Buffer) => chunk.toString('utf8').split('\n').filter(Boolean).forEach(onLine);
    child.stdout.on('data', split);
    child.stderr.on('data', split);
    void exited.then(() => {
      if (!ready) reject(new Error(`${name} exited before it was ready:\n${tail.join('\n')}`));
    });
  });
}

/** Runs a project script with tsx to its end, its output prefixed into the log. */
export function runScript(path: string, args: string[], env: Record<string, string>, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, path), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const relay = (chunk: Buffer) => chunk.toString('utf8').split('\n').filter(Boolean).forEach((l) => log(`  ${l}`));
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${path} exited with ${signal ?? code}`));
    });
  });
}

/** Kills every child still running (Ctrl-C, errors). */
export function killAll(): void {
  for (const child of running) child.kill('SIGTERM');
}

/** Resident set size of a process in MiB, from /proc/<pid>/status (0 when unreadable). */
export function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the RSS of some processes every `everyMs` until stopped; returns the max per pid. */
export function sampleRss(pids: number[], everyMs = 250): { stop(): Map<number, number> } {
  const max = new Map(pids.map((p) => [p, rssMiB(p)]));
  const timer = setInterval(() => pids.forEach((p) => max.set(p, Math.max(max.get(p) ?? 0, rssMiB(p)))), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      pids.forEach((p) => max.set(p, Math.max(max.get(p) ?? 0, rssMiB(p))));
      return max;
    },
  };
}
