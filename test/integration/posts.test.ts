// Who holds which post, in which organisation or unit, and where the sources say so.
import { startTestServer, type TestServer } from '../support/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const POSTS = `
  query Posts($key: String!) {
    entity(key: $key) {
      ... on Person {
        name
        names { value language kind }
        posts {
          totalCount
          edges { node {
            title
            titles { value language }
            organisation { key name kind parents { edges { node { key name } } } }
            sources { excerpt document { key } }
          } }
        }
      }
    }
  }`;

test('Ian Mak is Assistant Chief Executive of the International group of IMDA, in English and Chinese', async () => {
  const res = await server.gql(POSTS, { key: 'person-ian-mak' });
  expect(res.errors).toBeUndefined();
  const person = res.data!.entity;
  expect(person.names).toEqual(
    expect.arrayContaining([
      { value: 'Ian Mak', language: 'EN', kind: 'PRIMARY' },
      { value: '麦重乙', language: 'ZH', kind: 'PRIMARY' },
    ]),
  );
  const post = person.posts.edges[0].node;
  expect(post.title).toBe('Assistant Chief Executive');
  expect(post.titles).toEqual(expect.arrayContaining([{ value: '助理局长', language: 'ZH' }]));
  expect(post.organisation.key).toBe('org-imda-international-group');
  expect(post.organisation.parents.edges.map((e: any) => e.node.key)).toEqual(['org-imda']);
  expect(post.sources.length).toBeGreaterThan(0);
  for (const s of post.sources) expect(s.document.key).toBe('doc-shenzhen-sci-third-jic-meeting');
});
