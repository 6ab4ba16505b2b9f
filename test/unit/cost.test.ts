// The cost estimate grows with page sizes and hops, counts fragments, and reads variables.
import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { estimateCost } from '../../src/api/cost';
import { readTypeDefs } from '../../src/api/schema';
import { DEFAULT_MAX_QUERY_COST } from '../../src/config';

const schema = buildSchema(readTypeDefs());

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return estimateCost(schema, operation.selectionSet, schema.getQueryType()!, fragments, variables);
}

const NESTED = `query($n: Int) { people(first: $n) { edges { node { name
  posts { edges { node { title organisation { name parents { edges { node { name } } } } } } } } } } }`;

test('scalars are free; one object field costs one', () => {
  expect(cost('{ entity(key: "org-imda") { name key } }')).toBe(1);
});

test('a page multiplies what is selected under it, read from variables or defaults', () => {
  const small = cost(NESTED, { n: 2 });
  const large = cost(NESTED, { n: 100 });
  expect(large).toBe((small - 1) * 50 + 1);
  expect(cost(NESTED)).toBe(cost(NESTED, { n: 20 }));
});

test('a dashboard page of 100 fits the default limit; pages nested four deep do not', () => {
  expect(cost(NESTED, { n: 100 })).toBeLessThan(DEFAULT_MAX_QUERY_COST);
  const deep = `{ people(first: 100) { edges { node { posts(first: 100) { edges { node { organisation {
    posts(first: 100) { edges { node { person { posts(first: 100) { totalCount } } } } } } } } } } } } }`;
  expect(cost(deep)).toBeGreaterThan(DEFAULT_MAX_QUERY_COST);
});

test('fragments count like inline selections', () => {
  const inline = cost('{ people(first: 10) { edges { node { posts { totalCount } } } } }');
  const spread = cost('{ people(first: 10) { edges { node { ...P } } } } fragment P on Person { posts { totalCount } }');
  expect(spread).toBe(inline);
});

test('exploration weighs hops and limits', () => {
  const hood = (hops: number, limit: number) => cost(`{ neighborhood(id: "x", hops: ${hops}, limit: ${limit}) { nodes { entity { name } } } }`);
  expect(hood(2, 50)).toBeGreaterThan(hood(1, 50));
  expect(hood(1, 200)).toBeGreaterThan(hood(1, 50));
  const paths = (maxHops: number) => cost(`{ paths(from: "a", to: "b", maxHops: ${maxHops}) { steps { from { name } } } }`);
  expect(paths(6)).toBeGreaterThan(paths(2));
});
