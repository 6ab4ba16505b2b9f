// The scale benchmark: npm run bench -- --entities N|seed [--concurrency 50] [--duration 10]
// [--rounds 3] [--seed 1] [--cases id,id] (a subset of the cases, e.g. hood1,hood2). This project (a), @neo4j/graphql (b) and a raw-driver floor (c) over
// one Neo4j and graph; answers checked equal, then loaded in interleaved rounds (bench/scale/README.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { basicAuth } from '../env-auth';
import { buildCases, SIDES, type BenchCase, type Side } from './cases';
import { compareAnswers, type Comparison } from './compare';
import { generateAndImport, migrateAndSeed, startBenchNeo4j, type BenchGraph } from './graph-setup';
import { runLoad } from './load';
import { pickEntities } from './picks';
import { probe, readStats, requestFor } from './probe';
import { settle } from './idle';
import { killAll, rssMiB, sampleRss, startSide, type SideProcess } from './processes';
import { profileQueries, type ProfileResult } from './profile';
import { checkTargets, renderReport, SIDE_NAMES, summarise, type RunRecord } from './report';

interface Options {
  entities: number;
  concurrency: number;
  duration: number;
  rounds: number;
  seed: number;
  /** Case ids to run; all when empty. */
  cases: string[];
}

const SCRIPTS: Record<Side, string> = { project: 'side-project.ts', peer: 'side-peer.ts', raw: 'side-raw.ts' };
const WARM_UP_SECONDS = 1;
// Few connections: enough to warm caches and JIT, without a backlog of abandoned slow requests.
const WARM_UP_CONNECTIONS = 4;

function parseArgs(argv: string[]): Options {
  const options: Options = { entities: NaN, concurrency: 50, duration: 10, rounds: 3, seed: 1, cases: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const key = flag?.replace(/^--/, '') as keyof Options;
    if (!(key in options) || value === undefined) throw new Error(`unknown or incomplete option ${flag}`);
    if (key === 'cases') options.cases = value.split(',').filter(Boolean);
    else options[key] = key === 'entities' && value === 'seed' ? 0 : Number(value);
  }
  const { cases: _cases, ...numbers } = options;
  for (const [key, value] of Object.entries(numbers)) {
    if (!Number.isInteger(value) || value < (key === 'entities' ? 0 : 1)) throw new Error(`--${key} must be a whole number (--entities: N or seed)`);
  }
  if (options.duration > 120) throw new Error('--duration is at most 120 seconds per case and side');
  return options;
}

const log = (line: string) => console.log(line);

let graph: BenchGraph | undefined;
let stopping = false;
let driver: Driver | undefined;
const sides: Partial<Record<Side, SideProcess>> = {};

async function cleanUp(): Promise<void> {
  await Promise.allSettled(Object.values(sides).map((s) => s.stop()));
  killAll();
  await driver?.close().catch(() => {});
  await graph?.neo4j.stop().catch(() => {});
}

async function checkAnswers(cases: BenchCase[], procs: Record<Side, SideProcess>) {
  const comparisons: Comparison[] = [];
  const roundTrips: Record<string, Record<Side, number>> = {};
  const profiles: Record<string, Record<Side, ProfileResult>> = {};
  log('\nchecking that the three sides agree (one request per case and side), then PROFILE of what each sent:');
  for (const c of cases) {
    const probes = { project: await probe(c, 'project', procs.project), peer: await probe(c, 'peer', procs.peer), raw: await probe(c, 'raw', procs.raw) };
    const { comparison } = compareAnswers(c, probes);
    comparisons.push(comparison);
    roundTrips[c.id] = { project: probes.project.queries.length, peer: probes.peer.queries.length, raw: probes.raw.queries.length };
    profiles[c.id] = {} as Record<Side, ProfileResult>;
    for (const side of SIDES) profiles[c.id][side] = await profileQueries(driver!, probes[side].queries);
    const hits = SIDES.map((s) => `${s} ${profiles[c.id][s].dbHits ?? `- (${profiles[c.id][s].error})`}`).join(', ');
    const label = comparison.result === 'match' ? 'match' : comparison.result.toUpperCase();
    log(`  ${c.id.padEnd(14)} ${label.padEnd(8)} ${SIDES.map((s) => `${s} ${probes[s].ms.toFixed(0)} ms`).join(', ')}; db hits: ${hits}`);
    comparison.details.forEach((d) => log(`      ${d}`));
    if (comparison.note) log(`      note: ${comparison.note}`);
  }
  return { comparisons, roundTrips, profiles };
}

/**
 * One load run; then what the side logged as errors meanwhile, and the database settled (the
 * requests abandoned at the end terminated; the errors that makes the sides log are not counted).
 */
async function measure(c: BenchCase, side: Side, procs: Record<Side, SideProcess>, connections: number, durationSeconds: number) {
  procs[side].takeErrors();
  const load = await runLoad(requestFor(c, side, procs[side]), { connections, durationSeconds });
  const logged = procs[side].takeErrors();
  const { terminated, idle } = await settle(driver!, Object.values(procs));
  if (!idle) log(`      the database was still busy with ${side}'s abandoned ${c.id} transactions when the next run started`);
  return { load, logged, terminated };
}

async function loadRounds(cases: BenchCase[], procs: Record<Side, SideProcess>, options: Options): Promise<{ runs: RunRecord[]; rss: Record<Side, number> }> {
  const sampler = sampleRss(SIDES.map((s) => procs[s].pid));
  log(`\nwarm-up: ${WARM_UP_SECONDS} s per case and side, ${Math.min(WARM_UP_CONNECTIONS, options.concurrency)} connections`);
  for (const c of cases) for (const side of SIDES) await measure(c, side, procs, Math.min(WARM_UP_CONNECTIONS, options.concurrency), WARM_UP_SECONDS);
  const runs: RunRecord[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    log(`\nround ${round} of ${options.rounds}: ${options.concurrency} connections, ${options.duration} s per case and side`);
    // Each round a different side goes first, so none always follows the previous case's leftovers
    // (hood2's abandoned transactions keep Neo4j busy for a while after its run).
    const order = SIDES.map((_, i) => SIDES[(i + round - 1) % SIDES.length]);
    for (const c of cases) {
      const cells: string[] = [];
      const notes: string[] = [];
      for (const side of order) {
        const { load, logged, terminated } = await measure(c, side, procs, options.concurrency, options.duration);
        runs.push({ round, case: c.id, side, load, terminated });
        const failed = load.non2xx + load.errors + load.answerErrors;
        cells.push(`${SIDE_NAMES[side]} ${load.rps.toFixed(0)} req/s p50 ${load.p50.toFixed(1)} ms${failed ? ` FAILED ${failed}` : ''}`);
        if (logged.count > 0) notes.push(`${SIDE_NAMES[side]} logged ${logged.count} error line(s), the last: ${logged.last}`);
        if (terminated > 0) notes.push(`${SIDE_NAMES[side]}: ${terminated} abandoned transaction(s) terminated after the run`);
      }
      log(`  ${c.id.padEnd(14)} ${cells.join(' | ')}`);
      notes.forEach((n) => log(`      ${n}`));
    }
  }
  const max = sampler.stop();
  return { runs, rss: Object.fromEntries(SIDES.map((s) => [s, max.get(procs[s].pid) ?? 0])) as Record<Side, number> };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  graph = await startBenchNeo4j(options.entities, log);
  await migrateAndSeed(graph, log);
  if (options.entities > 0) await generateAndImport(options.entities, options.seed, graph, log);
  const env = { ...graph.env, PORT: '0', SEED_ON_START: 'true', BENCH_PROJECT_LOG: join(graph.dir, 'project.log') };
  for (const side of SIDES) {
    sides[side] = await startSide(side, SCRIPTS[side], env);
    log(`${SIDE_NAMES[side]} ready at ${sides[side]!.url} (pid ${sides[side]!.pid}, ${rssMiB(sides[side]!.pid).toFixed(0)} MiB)`);
  }
  const procs = sides as Record<Side, SideProcess>;
  driver = neo4j.driver(graph.uri, basicAuth(graph.neo4j.credentials), { disableLosslessIntegers: true });
  const picks = await pickEntities(driver, procs.project.url, log);
  log(`picks: ${JSON.stringify(picks)}`);
  const all = buildCases(picks);
  const unknown = options.cases.filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0) throw new Error(`unknown case(s) ${unknown.join(', ')}; the cases: ${all.map((c) => c.id).join(', ')}`);
  const cases = options.cases.length === 0 ? all : all.filter((c) => options.cases.includes(c.id));
  const { comparisons, roundTrips, profiles } = await checkAnswers(cases, procs);
  const { runs, rss } = await loadRounds(cases, procs, options);
  const loadTrips = await Promise.all(SIDES.map(async (s) => [s, (await readStats(procs[s])).queries]));
  const summaries = summarise(cases, runs, comparisons, roundTrips, profiles);
  const targets = checkTargets(summaries, rss);
  log(`\n${renderReport(summaries, rss, targets)}`);
  const file = join(graph.dir, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(graph.dir, { recursive: true });
  writeFileSync(file, `${JSON.stringify({ options, picks, comparisons, profiles, roundTrips, runs, rss, summaries, targets, queriesAtEnd: Object.fromEntries(loadTrips) }, null, 2)}\n`);
  log(`\nresults: ${file} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    log(`\n${signal}: stopping the sides and Neo4j`);
    void cleanUp().finally(() => process.exit(130));
  });
}

main()
  .then(cleanUp)
  .catch(async (e: unknown) => {
    if (stopping) return; // the signal handler is cleaning up and exits
    console.error('bench failed:', e instanceof Error ? e.message : e);
    await cleanUp();
    process.exit(1);
  });
