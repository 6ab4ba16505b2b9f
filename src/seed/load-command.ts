// `npm run seed`: connect as configured (starting the local Neo4j if NEO4J_URI is unset),
// migrate, and load the seed graph even if the same seed is already there.
import { readConfig } from '../config';
import { connect } from '../db/connect';
import { migrate } from '../db/migrations';
import { readSeedGraph } from './compile';
import { loadSeedGraph } from './load';
import { SEED_DIR } from './paths';

export async function runSeedCommand(): Promise<void> {
  const graph = readSeedGraph(SEED_DIR);
  const connection = await connect(readConfig(), (line) => console.log(line));
  const session = connection.db.session();
  try {
    await migrate(session, undefined, (line) => console.log(line));
    const result = await loadSeedGraph(session, graph, true);
    console.log(`seeded ${result.nodes} nodes and ${result.relationships} relationships (seed ${result.hash.slice(0, 12)})`);
  } finally {
    await session.close();
    await connection.close();
  }
}
