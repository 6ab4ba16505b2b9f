// `npm run seed` loads the seed graph into Neo4j (idempotent); `npm run seed:check` only validates
// the seed files and resolves their quotes, without a database.
import { readSeedGraph, SeedError } from './compile';
import { SEED_DIR } from './paths';

function check(only: string[]): void {
  const graph = readSeedGraph(SEED_DIR, only);
  const byLabel = new Map<string, number>();
  for (const n of graph.nodes) byLabel.set(n.label, (byLabel.get(n.label) ?? 0) + 1);
  const byType = new Map<string, number>();
  for (const r of graph.relationships) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  console.log(`seed files valid: ${graph.nodes.length} nodes, ${graph.relationships.length} relationships`);
  console.log('nodes:', Object.fromEntries(byLabel));
  console.log('relationships:', Object.fromEntries(byType));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--check') return check(args.slice(1));
  const { runSeedCommand } = await import('./load-command');
  await runSeedCommand();
}

main().catch((e: unknown) => {
  console.error(e instanceof SeedError ? e.message : e);
  process.exit(1);
});
