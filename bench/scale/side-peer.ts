// Side (b), the peer: @neo4j/graphql 7 on Apollo Server 5 (standalone), type definitions from
// peer-schema.ts, on the bench Neo4j. The driver it is given is wrapped so that every Cypher it
// runs is counted and kept for PROFILE (served on a second port). Env NEO4J_URI, PORT.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { envAuth } from '../env-auth';
import { PEER_TYPE_DEFS } from './peer-schema';
import { announceReady, onStop, QueryRecorder } from './recorder';

/** The driver as the library sees it, except that transaction `run`s are recorded first. */
function recordingDriver(driver: Driver, recorder: QueryRecorder): Driver {
  const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop !== 'run') return Reflect.get(target, prop, receiver);
        return (query: string, params?: Record<string, unknown>) => {
          recorder.record(query, params ?? {});
          return target.run(query, params);
        };
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop, receiver) {
        if (prop === 'executeRead' || prop === 'executeWrite') {
          return (work: (tx: ManagedTransaction) => unknown, config?: unknown) =>
            (target[prop] as (w: typeof work, c?: unknown) => Promise<unknown>).call(target, (tx) => work(wrapTx(tx)), config);
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'session') return (config: Parameters<Driver['session']>[0]) => wrapSession(target.session(config));
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI must name the bench Neo4j');
  const recorder = new QueryRecorder();
  const driver = neo4j.driver(uri, envAuth());
  await driver.verifyConnectivity();
  const neoSchema = new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver: recordingDriver(driver, recorder) });
  const apollo = new ApolloServer({ schema: await neoSchema.getSchema() });
  const { url } = await startStandaloneServer(apollo, { listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' } });
  const stats = createServer((req, res) => {
    if (!recorder.serve(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', resolve));
  onStop(async () => {
    stats.close();
    await apollo.stop();
    await driver.close();
  });
  announceReady(new URL('/graphql', url).toString(), `http://127.0.0.1:${(stats.address() as AddressInfo).port}/bench/stats`);
}

main().catch((e: unknown) => {
  console.error('side-peer failed:', e);
  process.exit(1);
});
