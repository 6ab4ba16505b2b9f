// `npm run generate -- --entities N [--seed S] [--out FILE|-]`: writes a synthetic graph in the
// NDJSON import format (default .data/generated/graph-<N>-s<S>.ndjson) and a summary to stderr.
// A bad argument prints one line naming it and exits with code 2.
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { generateGraph } from './graph';
import { MIN_ENTITIES } from './layout';
import { summarize } from './summary';

const MAX_ENTITIES = 5_000_000;
const REPO_ROOT = resolve(__dirname, '..', '..');

class UsageError extends Error {}

interface Args {
  entities: number;
  seed: number;
  out: string | null;
}

function integer(name: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  }
  return Number(value);
}

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (!['--entities', '--seed', '--out'].includes(flag)) throw new UsageError(`unknown argument ${JSON.stringify(argv[i])} (use --entities N [--seed S] [--out FILE|-])`);
    if (values.has(flag)) throw new UsageError(`${flag} given twice`);
    values.set(flag, inline ?? argv[++i]);
  }
  if (!values.has('--entities')) throw new UsageError('--entities N is required');
  const out = values.get('--out');
  if (values.has('--out') && !out) throw new UsageError('--out needs a file name or -');
  return {
    entities: integer('entities', values.get('--entities'), MIN_ENTITIES, MAX_ENTITIES),
    seed: values.has('--seed') ? integer('seed', values.get('--seed'), 0, 0xffffffff) : 1,
    out: out ?? null,
  };
}

/** An output that fails (disk full, reader gone) ends the run with one line, not a stack trace. */
function failOnError(stream: NodeJS.WritableStream, target: string): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    process.stderr.write(`generate: cannot write ${target}: ${e.code === 'EPIPE' ? 'the reader closed the pipe' : e.message}\n`);
    process.exit(1);
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = process.hrtime.bigint();
  const target = args.out ?? join(REPO_ROOT, '.data', 'generated', `graph-${args.entities}-s${args.seed}.ndjson`);
  if (target === '-') {
    failOnError(process.stdout, 'stdout');
    const stats = await generateGraph(args, process.stdout);
    process.stderr.write(summarize(stats, 'stdout', Number(process.hrtime.bigint() - started) / 1e9) + '\n');
    return;
  }
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const file = createWriteStream(target);
  failOnError(file, target);
  const stats = await generateGraph(args, file);
  file.end();
  await once(file, 'close');
  process.stderr.write(summarize(stats, target, Number(process.hrtime.bigint() - started) / 1e9) + '\n');
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    process.stderr.write(`generate: ${e.message}\n`);
    process.exit(2);
  }
  const code = (e as NodeJS.ErrnoException).code;
  process.stderr.write(code ? `generate: ${(e as Error).message}\n` : `${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
