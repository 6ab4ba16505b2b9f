// Type-level tests of the SDK, checked by `tsc --noEmit -p test/types/tsconfig.json` (part of
// `npm test`); never run. Each `@ts-expect-error` must meet an error, or tsc fails.
import { createClient, GraphQLRequestError, pages, type PeopleQuery } from '../../sdk/src/index';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_: T): void => undefined;

export async function typeTests(): Promise<void> {
  const client = createClient({ url: 'http://localhost:4000/graphql' });

  // Results are typed from the operation documents.
  const people = await client.people({ filter: { organisation: 'id' }, first: 2 });
  assertType<Equal<typeof people, PeopleQuery['people']>>(true);
  const name: string = people.edges[0].node.name;
  const total: number = people.totalCount;
  // @ts-expect-error: the selection has no such field
  void people.edges[0].node.posts;
  // @ts-expect-error: nor does the connection
  void people.nonexistent;

  // Variables are typed.
  // @ts-expect-error: first is an Int
  await client.people({ first: 'two' });
  // @ts-expect-error: unknown filter criterion
  await client.people({ filter: { employer: 'id' } });
  // @ts-expect-error: enums are string unions of their values
  await client.search({ query: 'Mak', types: ['HUMAN'] });
  // @ts-expect-error: required variables cannot be left out
  await client.entity();
  await client.entity({ key: 'org-imda' });
  // Optional variables can be.
  await client.stats();
  await client.people();

  // Nullable results stay nullable.
  const entity = await client.entity({ key: 'org-imda' });
  // @ts-expect-error: entity may be null
  void entity.name;
  if (entity?.__typename === 'Organisation') {
    const kind: string | undefined = entity.organisationKind;
    void kind;
  }

  // Pagination yields typed nodes, and takes no `after`.
  for await (const person of client.paginate.people({ first: 2 })) {
    const key: string = person.key;
    // @ts-expect-error: unknown field on the yielded node
    void person.age;
    void key;
  }
  // @ts-expect-error: the pager manages `after` itself
  client.paginate.people({ after: 'x' });
  for await (const hit of pages((after) => client.search({ query: 'Mak', after }))) {
    const key: string = hit.key;
    void key;
  }

  // Errors are typed.
  try {
    await client.stats();
  } catch (e) {
    if (e instanceof GraphQLRequestError) {
      const code: string = e.code;
      const status: number = e.status;
      void [code, status, e.errors[0]?.extensions?.code];
    }
  }
  void [name, total];
}
