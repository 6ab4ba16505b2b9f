// While the server drains, readiness says "stopping" (503) to whoever can still ask on a connection
// it had already accepted, new connections are refused, and the request in flight still finishes.
import { connect, type Socket } from 'node:net';
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.db.close());

function open(url: URL): { socket: Socket; response: Promise<string> } {
  const socket = connect(Number(url.port), url.hostname);
  let received = '';
  socket.on('data', (d) => (received += d));
  socket.on('error', () => {});
  return { socket, response: new Promise((resolve) => socket.on('close', () => resolve(received))) };
}

test('during the drain /ready is 503 on an open connection, new connections are refused, the request in flight answers', async () => {
  const url = new URL(server.url);
  const body = JSON.stringify({ query: '{ entity(key: "org-imda") { key } }' });
  // A request in flight (its body half sent) and a readiness probe whose headers are not complete yet.
  const inFlight = open(url);
  inFlight.socket.write(`POST /graphql HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
  const probe = open(url);
  probe.socket.write(`GET /ready HTTP/1.1\r\nHost: ${url.host}\r\n`);
  await new Promise((r) => setTimeout(r, 200));

  const stopped = server.app.stop(5_000);
  await new Promise((r) => setTimeout(r, 300));
  probe.socket.write('\r\n');
  const ready = await probe.response;
  expect(ready).toMatch(/^HTTP\/1.1 503/);
  expect(ready).toContain('{"status":"stopping","database":"neo4j"}');
  await expect(fetch(`${url.origin}/ready`)).rejects.toThrow();

  inFlight.socket.write(body.slice(10));
  const answered = await inFlight.response;
  expect(answered).toMatch(/^HTTP\/1.1 200/);
  expect(answered).toContain('"key":"org-imda"');
  expect((await stopped).cut).toBe(0);
});
