// The cost estimate grows with page sizes and hops, counts fragments, and reads variables.
import { buildSchema, getIntrospectionQuery, getVariableValues, graphqlSync, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { estimateCost, LARGE, operationCost } from '../../src/api/cost';
import { LIST_BOUNDS } from '../../src/shared/list-bounds';
import { readTypeDefs } from '../../src/api/schema';
import { DEFAULT_MAX_QUERY_COST } from '../../src/config';

const schema = buildSchema(readTypeDefs());

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0];
  return estimateCost(schema, operation.selectionSet, schema.getQueryType()!, fragments, coerced.coerced);
}

const NESTED = `query($n: Int) { people(first: $n) { edges { node { name
  posts { edges { node { title organisation { name parents { edges { node { name } } } } } } } } } } }`;

test('every field that produces output costs: an object or a scalar 1, a document text LARGE', () => {
  expect(cost('{ entity(key: "org-imda") { name key } }')).toBe(3);
  expect(cost('{ entity(key: "org-imda") { __typename name key } }')).toBe(4);
  expect(cost('{ node(id: "x") { ... on Document { text } } }')).toBe(1 + LARGE);
});

test('unpaged lists multiply by their enforced bound', () => {
  expect(cost('{ entity(key: "x") { notes } }')).toBe(1 + LIST_BOUNDS.notes);
  expect(cost('{ entity(key: "x") { names { value language } } }')).toBe(1 + 1 + 2 * LIST_BOUNDS.names);
  // The attack shape: a document's text under every citation, aliased.
  const aliased = (n: number) => `{ entity(key: "x") { ${Array.from({ length: n }, (_, i) => `a${i}: sources { document { text } }`).join(' ')} } }`;
  expect(cost(aliased(1))).toBe(1 + 1 + LIST_BOUNDS.sources * (1 + LARGE));
  const everyone = (n: number) => `{ people(first: 20) { edges { node { ${Array.from({ length: n }, (_, i) => `a${i}: sources { document { text } }`).join(' ')} } } } }`;
  expect(cost(everyone(3))).toBeGreaterThan(DEFAULT_MAX_QUERY_COST);
});

test('variable defaults count like given values', () => {
  const query = `query($n: Int = 100) { people(first: $n) { edges { node { posts(first: $n) { edges { node { organisation { name } } } } } } } }`;
  expect(cost(query)).toBe(cost(query, { n: 100 }));
  expect(cost(query)).toBeGreaterThan(cost(query, { n: 10 }) * 50);
});

test('introspection costs what it lists: the whole schema once, many times when aliased', () => {
  const full = cost(getIntrospectionQuery());
  // Close to the number of values the real introspection returns.
  const result = graphqlSync({ schema, source: getIntrospectionQuery() });
  const values = (v: unknown): number => (Array.isArray(v) ? v.reduce((n, x) => n + values(x), 0) : v && typeof v === 'object' ? Object.values(v).reduce((n: number, x) => n + values(x), 0) : 1);
  const actual = values(result.data);
  expect(full).toBeGreaterThanOrEqual(actual * 0.9);
  expect(full).toBeLessThan(actual * 1.5);
  expect(full).toBeLessThan(DEFAULT_MAX_QUERY_COST);
  const aliased = `{ ${Array.from({ length: 40 }, (_, i) => `s${i}: __schema { types { name fields { name type { name ofType { name } } } } }`).join(' ')} }`;
  expect(cost(aliased)).toBe(40 * cost('{ __schema { types { name fields { name type { name ofType { name } } } } } }'));
  expect(cost(`{ __type(name: "Person") { fields { name } } }`)).toBeGreaterThan(10);
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

test('one parsed operation is estimated once per set of variable values, each set on its own', () => {
  const document = parse(NESTED);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const ten = operationCost(schema, document, operation, { n: 10 });
  const hundred = operationCost(schema, document, operation, { n: 100 });
  expect(ten).toBe(cost(NESTED, { n: 10 }));
  expect(hundred).toBe(cost(NESTED, { n: 100 }));
  expect(hundred).toBeGreaterThan(ten!);
  expect(operationCost(schema, document, operation, { n: 10 })).toBe(ten);
  // Values that do not coerce have no estimate (execution reports them).
  expect(operationCost(schema, document, operation, { n: 'many' })).toBeNull();
});
