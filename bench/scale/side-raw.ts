// Side (c), the floor: node:http and neo4j-driver, nothing else. POST /q/<question> with the
// parameters as a JSON body runs that question's one Cypher query (raw-queries.ts) and returns
// {"data": ...}. Every query is counted and kept for PROFILE. Env NEO4J_URI, PORT.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { envAuth } from '../env-auth';
import { RAW_QUESTIONS, type RawQuestion } from './raw-queries';
import { announceReady, onStop, QueryRecorder } from './recorder';

// JSON numbers that are whole become Cypher integers (LIMIT and SKIP refuse floats).
function toCypher(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypher);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypher(v)]));
  return value;
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI must name the bench Neo4j');
  const driver = neo4j.driver(uri, envAuth(), { disableLosslessIntegers: true });
  await driver.verifyConnectivity();
  const recorder = new QueryRecorder();
  const server = createServer((req, res) => {
    if (recorder.serve(req, res)) return;
    const question = /^\/q\/(\w+)$/.exec(req.url ?? '')?.[1] as RawQuestion | undefined;
    if (req.method !== 'POST' || !question || !(question in RAW_QUESTIONS)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    readJson(req)
      .then(async (params) => {
        const cypher = RAW_QUESTIONS[question](params as never);
        const cypherParams = toCypher(params) as Record<string, unknown>;
        recorder.record(cypher, cypherParams);
        const { records } = await driver.executeQuery(cypher, cypherParams, { database: 'neo4j', routing: neo4j.routing.READ });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: records[0]?.get('data') ?? null }));
      })
      .catch((e: unknown) => {
        console.error(`${question} failed:`, e);
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(e) }));
      });
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  onStop(async () => {
    server.close();
    await driver.close();
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  announceReady(`${base}/q`, `${base}/bench/stats`);
}

main().catch((e: unknown) => {
  console.error('side-raw failed:', e);
  process.exit(1);
});
