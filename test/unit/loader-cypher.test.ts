// Each loader's Cypher and parameters, as text: a change to a query shows up as a snapshot diff
// in review. The session is a plain recording object; the queries themselves are exercised on
// Neo4j by the integration tests.
import type { DbSession } from '../../src/db/database';
import { NO_FILTER, BY_NAME } from '../../src/graph/entity/filters';
import { createEntityLoaders } from '../../src/graph/entity/loaders';
import { createRelationshipLoaders } from '../../src/graph/relationship/loaders';
import { createSearchLoaders, searchCypher } from '../../src/graph/search/loaders';
import { MIGRATIONS } from '../../src/db/migrations';

function recordingSession() {
  const calls: { operation: string; cypher: string; params: unknown }[] = [];
  const session = {
    read: async (operation: string, cypher: string, params: unknown) => {
      calls.push({ operation, cypher, params });
      return [];
    },
  } as unknown as DbSession;
  return { session, calls };
}

test('entity lookups batch every key into one query', async () => {
  const { session, calls } = recordingSession();
  const loaders = createEntityLoaders(session);
  const results = await Promise.all([loaders.byKey.load('person-ian-mak'), loaders.byKey.load('org-imda')]);
  expect(results).toEqual([null, null]);
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchSnapshot();
  await loaders.list.load({ type: 'Person', filter: NO_FILTER, order: BY_NAME, after: null, limit: 5, count: true, attributes: false, detail: false });
  expect(calls[1]).toMatchSnapshot();
});

test('neighbour pages of one shape share one query; each shape walks only its own relationship types', async () => {
  const { session, calls } = recordingSession();
  const { neighbours } = createRelationshipLoaders(session, () => {});
  const pages = await Promise.all([
    neighbours.load({ key: 'person-ian-mak', types: ['HOLDS_POST'], direction: 'OUT', otherType: null, after: null, limit: 20, count: true, attributes: true, detail: false, relationshipDetail: true }),
    neighbours.load({ key: 'org-hdb', types: ['HOLDS_POST'], direction: 'OUT', otherType: null, after: null, limit: 20, count: true, attributes: false, detail: false, relationshipDetail: false }),
    neighbours.load({ key: 'org-imda', types: ['PART_OF'], direction: 'IN', otherType: 'Organisation', after: ['A', 'org-a', 'r'], limit: 10, count: false, attributes: false, detail: true, relationshipDetail: false }),
  ]);
  expect(pages).toEqual([{ items: [], total: 0 }, { items: [], total: 0 }, { items: [], total: 0 }]);
  // One query per shape (types, direction, end type, first or later page, total or not).
  expect(calls).toHaveLength(2);
  expect(calls).toMatchSnapshot();
});

test('search sends the escaped text as a parameter, and the types, checked against the schema, as labels', async () => {
  const { session, calls } = recordingSession();
  const { search } = createSearchLoaders(session, () => {});
  await search.load({ lucene: '(Leong OR leong*)', types: ['Person'], offset: 0, limit: 20, attributes: false, detail: false, count: false });
  expect(calls[0]).toMatchSnapshot();
  expect(() => searchCypher(false, ['Person) DETACH DELETE (x' as never])).toThrow('unknown entity type');
});

test('migrations', () => {
  expect(MIGRATIONS).toMatchSnapshot();
});
