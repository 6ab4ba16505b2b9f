// Deep queries are refused at validation, fragments included, before any resolver runs.
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { depthLimit, INTROSPECTION_MAX_DEPTH } from '../../src/api/depth-limit';

const schema = buildSchema(`
  type Query { a: A }
  type A { b: A, leaf: String }
`);

const errorsFor = (query: string, max: number) => validate(schema, parse(query), [depthLimit(max)]);

test('a query at the limit passes', () => {
  expect(errorsFor('{ a { b { leaf } } }', 2)).toEqual([]);
});

test('a query past the limit is refused with QUERY_TOO_DEEP', () => {
  const [error] = errorsFor('{ a { b { b { leaf } } } }', 2);
  expect(error.message).toBe('query depth 3 exceeds the limit of 2');
  expect(error.extensions.code).toBe('QUERY_TOO_DEEP');
});

test('depth hidden in fragments counts', () => {
  expect(errorsFor('{ a { ...F } } fragment F on A { b { b { leaf } } }', 2)).toHaveLength(1);
});

test("introspection has its own allowance: GraphiQL's query passes, deeper nesting does not", () => {
  expect(errorsFor('{ __schema { types { fields { type { name } } } } }', 1)).toEqual([]);
  expect(errorsFor(getIntrospectionQuery(), 2)).toEqual([]);
  const ofTypes = (n: number): string => (n === 0 ? 'name' : `ofType { ${ofTypes(n - 1)} }`);
  const [error] = errorsFor(`{ __schema { types { fields { type { ${ofTypes(INTROSPECTION_MAX_DEPTH)} } } } } }`, 2);
  expect(error.extensions.code).toBe('QUERY_TOO_DEEP');
  expect(error.message).toMatch(`exceeds the limit of ${INTROSPECTION_MAX_DEPTH}`);
});
