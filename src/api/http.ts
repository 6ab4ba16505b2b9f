// The HTTP front door: /graphql (Apollo), the offline GraphiQL editor, /health and /ready
// (503 once the server is stopping, see drain.ts).
// Each GraphQL request gets its own database session and loaders, and the session is closed
// when the response has been produced.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Database } from '../db/database';
import { createLoaders, type RequestContext } from './context';
import { Drain } from './drain';
import { startRequest, type Telemetry } from './telemetry';
import { graphiqlPage, readAsset } from './graphiql';

const MAX_BODY_BYTES = 1_000_000;

export function createHttpServer(
  apollo: ApolloServer<RequestContext>, db: Database, log: (m: string, e?: unknown) => void, drain = new Drain(), telemetry?: Telemetry,
): Server {
  const server = createServer((req, res) => {
    drain.track(req, res);
    route(req, res, { apollo, db, drain, telemetry }).catch((e: unknown) => {
      log('request failed', e);
      if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify({ error: 'internal error' }));
      else res.end();
    });
  });
  // A client that sends its headers or body slowly cannot hold a connection (or a stop) for long.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  return server;
}

interface Parts {
  apollo: ApolloServer<RequestContext>;
  db: Database;
  drain: Drain;
  telemetry?: Telemetry;
}

async function route(req: IncomingMessage, res: ServerResponse, { apollo, db, drain, telemetry }: Parts): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/metrics' && telemetry) {
    return send(res, 200, telemetry.registry.contentType, await telemetry.registry.metrics());
  }
  if (url.pathname === '/health') return send(res, 200, 'application/json', JSON.stringify({ status: 'ok' }));
  if (url.pathname === '/ready') {
    // Stopping: load balancers stop sending here at once, while requests in flight finish.
    if (drain.draining) return send(res, 503, 'application/json', JSON.stringify({ status: 'stopping', database: db.name }));
    return ready(res, db);
  }
  const asset = req.method === 'GET' ? readAsset(url.pathname) : null;
  if (asset) return send(res, 200, asset.type, asset.body, 'public, max-age=86400');
  if (url.pathname !== '/graphql') return send(res, 404, 'application/json', JSON.stringify({ error: 'not found' }));
  if (req.method === 'GET' && !url.search && (req.headers.accept ?? '').includes('text/html')) {
    return send(res, 200, 'text/html; charset=utf-8', graphiqlPage('/graphql'));
  }
  return graphql(req, res, url, apollo, db, telemetry);
}

async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, apollo: ApolloServer<RequestContext>, db: Database, telemetry?: Telemetry): Promise<void> {
  const started = Date.now();
  const request = startRequest(req.headers['x-request-id']);
  res.setHeader('x-request-id', request.id);
  const session = db.session();
  // One log line when the response is done (or the client went away), whatever happened.
  res.once('close', () => telemetry?.finishRequest(request, {
    method: req.method ?? 'GET', path: url.pathname, status: res.statusCode, ms: Date.now() - started, roundTrips: session.roundTrips,
  }));
  const raw = await readBody(req);
  if (raw === null) return send(res, 413, 'application/json', JSON.stringify({ error: 'request body too large' }));
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = raw;
  if ((headers.get('content-type') ?? '').includes('application/json') && raw !== '') {
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, 'application/json', JSON.stringify({ errors: [{ message: 'body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] }));
    }
  }
  try {
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => ({ session, loaders: createLoaders(session), request }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  } finally {
    await session.close();
  }
}

async function ready(res: ServerResponse, db: Database): Promise<void> {
  // The server's probe keeps the answer (within a second); without one, ask the database.
  if (db.health.watching) {
    return send(res, db.health.isUp ? 200 : 503, 'application/json', JSON.stringify({ status: db.health.isUp ? 'ready' : 'unavailable', database: db.name }));
  }
  const session = db.session();
  try {
    await session.read('ready', 'RETURN 1 AS ok');
    send(res, 200, 'application/json', JSON.stringify({ status: 'ready', database: db.name }));
  } catch {
    send(res, 503, 'application/json', JSON.stringify({ status: 'unavailable', database: db.name }));
  } finally {
    await session.close();
  }
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-store'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': cache });
  res.end(body);
}
