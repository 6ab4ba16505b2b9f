// The schema contract check: removing a field breaks the contract, adding one does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSchemas, readCurrentSdl } from '../../scripts/contract';

const ROOT = join(__dirname, '..', '..');
const CONTRACT = readFileSync(join(ROOT, 'schema-contract', 'schema.graphql'), 'utf8');

test('the current schema keeps the committed contract', async () => {
  const report = await compareSchemas(CONTRACT, readCurrentSdl(join(ROOT, 'schema')));
  expect(report.breaking).toEqual([]);
  expect(report.ok).toBe(true);
});

test('removing a field is breaking', async () => {
  const without = CONTRACT.replace(/\n\s*totalRelationships: Int!/, '');
  expect(without).not.toBe(CONTRACT);
  const report = await compareSchemas(CONTRACT, without);
  expect(report.ok).toBe(false);
  expect(report.breaking.map((c) => c.path)).toEqual(['GraphStats.totalRelationships']);
});

test('adding a field and a type is not breaking', async () => {
  const added = CONTRACT.replace('type GraphStats {', 'type GraphStats {\n  totalDocuments: Int!') + '\ntype Extra { id: ID! }\n';
  const report = await compareSchemas(CONTRACT, added);
  expect(report.ok).toBe(true);
  expect(report.breaking).toEqual([]);
  expect(report.safe.map((c) => c.path)).toEqual(expect.arrayContaining(['GraphStats.totalDocuments', 'Extra']));
});

test('an identical schema has no changes', async () => {
  const report = await compareSchemas(CONTRACT, CONTRACT);
  expect([...report.breaking, ...report.dangerous, ...report.safe]).toEqual([]);
});
