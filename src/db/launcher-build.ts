// Builds the local Neo4j launcher (neo4j/) with Maven. The first build resolves Neo4j from Maven
// Central (about 160 MB): Maven's own transfer lines are read, not shown, and turned into a
// progress line every few seconds (files, megabytes, the artifact just fetched) and a total.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export const LAUNCHER_DIR = join(__dirname, '..', '..', 'neo4j');
export const JAR = join(LAUNCHER_DIR, 'target', 'neo4j-local-1.0.0.jar');
export const CLASSPATH = join(LAUNCHER_DIR, 'target', 'classpath.txt');
const SOURCES = [join(LAUNCHER_DIR, 'pom.xml'), join(LAUNCHER_DIR, 'src', 'main', 'java', 'dev', 'kg', 'neo4j', 'LocalNeo4j.java')];

const PROGRESS_EVERY_MS = 3_000;
// Colour codes some Maven versions print even in batch mode with colour off.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const DOWNLOADED = /^\[INFO\] Downloaded from [^:]+: (\S+) \(([\d.,]+) (B|kB|MB|GB) at/;
const UNITS: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };

export interface Download {
  file: string;
  bytes: number;
}

/** One line of Maven's batch output, as a finished download, or null. */
export function parseDownload(line: string): Download | null {
  const m = DOWNLOADED.exec(line.replace(ANSI, ''));
  if (!m) return null;
  return { file: basename(m[1]), bytes: Math.round(Number(m[2].replace(/,/g, '')) * UNITS[m[3]]) };
}

export function launcherIsBuilt(): boolean {
  const built = existsSync(JAR) && existsSync(CLASSPATH) ? statSync(JAR).mtimeMs : 0;
  return built > 0 && SOURCES.every((s) => statSync(s).mtimeMs <= built);
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Builds the launcher jar unless it is newer than its sources. */
export async function ensureLauncherBuilt(log: (line: string) => void = () => {}): Promise<void> {
  if (launcherIsBuilt()) return;
  log('building the local Neo4j launcher with Maven (the first run downloads Neo4j from Maven Central, about 160 MB)');
  const started = Date.now();
  const mvn = spawn('mvn', ['-B', '-Dstyle.color=never', '-f', join(LAUNCHER_DIR, 'pom.xml'), 'package', '-DskipTests'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let files = 0;
  let bytes = 0;
  let last = '';
  let reported = Date.now();
  const problems: string[] = [];
  const read = (chunk: Buffer) => {
    for (const raw of chunk.toString('utf8').split('\n')) {
      const line = raw.replace(ANSI, '').trimEnd();
      const download = parseDownload(line);
      if (download) {
        files++;
        bytes += download.bytes;
        last = download.file;
      } else if (/^\[(ERROR|WARNING)\]/.test(line)) {
        problems.push(line);
      }
    }
    if (files > 0 && Date.now() - reported >= PROGRESS_EVERY_MS) {
      reported = Date.now();
      log(`Maven: ${files} files, ${mb(bytes)} downloaded (last ${last})`);
    }
  };
  mvn.stdout.on('data', read);
  mvn.stderr.on('data', read);
  const code = await new Promise<number | string>((resolve) => {
    mvn.once('error', (e) => resolve(e.message));
    mvn.once('close', (exit) => resolve(exit ?? 'killed'));
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    problems.slice(0, 20).forEach((line) => log(line));
    throw new Error(`building neo4j/ with Maven failed (${typeof code === 'string' ? code : `exit ${code}`}); is Maven installed and Maven Central reachable?`);
  }
  log(`launcher built in ${seconds} s${files > 0 ? ` (downloaded ${files} files, ${mb(bytes)})` : ''}`);
}
