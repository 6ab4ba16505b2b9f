// Heavy reads (neighbourhoods and paths, whose memory grows with a hub's degree) take turns
// behind the process's gate, here of one; every request still gets its answer, and other reads
// do not wait for a turn.
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ heavyReadConcurrency: 1 });
});
afterAll(() => server.stop());

const gid = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64url');
const HOOD = `query($id: ID!) { neighborhood(id: $id, hops: 2, limit: 20) { reachable nodes { id distance } edges { id } } }`;
const PATHS = `query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 4) { length steps { relationship { id } } } }`;
const ENTITY = `query($key: String!) { entity(key: $key) { key name } }`;

test('do concurrent neighbourhoods and paths all answer as they do alone, taking turns one at a time?', async () => {
  const centres = ['org-imda', 'place-singapore', 'place-chongqing', 'org-tusstar'].map((k) => gid(k.startsWith('org') ? 'Organisation' : 'Place', k));
  const pathArgs = { from: gid('Organisation', 'org-imda'), to: gid('Place', 'place-chongqing') };
  const alone = {
    hoods: await Promise.all(centres.map(async (id) => (await server.gql(HOOD, { id })).data)),
    paths: (await server.gql(PATHS, pathArgs)).data,
  };
  for (const hood of alone.hoods) expect((hood as any).neighborhood.nodes.length).toBeGreaterThan(1);
  expect((alone.paths as any).paths.length).toBeGreaterThan(0);

  const gate = server.db.heavyReads;
  gate.peak = 0;
  const together = await Promise.all([
    ...centres.flatMap((id) => [server.gql(HOOD, { id }), server.gql(HOOD, { id })]),
    server.gql(PATHS, pathArgs),
    server.gql(PATHS, pathArgs),
  ]);
  for (const res of together) expect(res.errors).toBeUndefined();
  expect(together.slice(0, 8).map((r) => r.data)).toEqual(alone.hoods.flatMap((h) => [h, h]));
  expect(together.slice(8, 10).map((r) => r.data)).toEqual([alone.paths, alone.paths]);
  expect(gate.peak).toBe(1);
  expect(gate.queued).toBe(0);
});

test('while the only turn is taken, does an entity lookup answer at once and a neighbourhood wait for the turn?', async () => {
  const gate = server.db.heavyReads;
  let released = false;
  const holder = gate.run(async () => {
    await new Promise((r) => setTimeout(r, 1_500));
    released = true;
  }, 10_000);
  const entity = await server.gql(ENTITY, { key: 'org-imda' });
  expect(entity.data).toEqual({ entity: { key: 'org-imda', name: expect.any(String) } });
  expect(released).toBe(false);
  const hood = await server.gql(HOOD, { id: gid('Organisation', 'org-imda') });
  expect(hood.errors).toBeUndefined();
  expect(released).toBe(true);
  await holder;
});
