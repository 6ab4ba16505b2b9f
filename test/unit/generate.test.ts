// The synthetic graph generator: the same seed gives the same bytes, and every line it writes is a
// line the importer accepts (docs: /work/notes/import-format.md), with a power-law degree spread.
import { Writable } from 'node:stream';
import { generateGraph } from '../../src/generate/graph';
import { ENDPOINTS, ENTITY_TYPES, KINDS, RELATIONSHIP_TYPES, ROLES, type SeedRelationshipType } from '../../src/seed/shape';
import { codePointLength, sliceCodePoints } from '../../src/shared/text';

async function generate(entities: number, seed: number): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await generateGraph({ entities, seed }, sink);
  return Buffer.concat(chunks).toString('utf8');
}

/** Roles each relationship type may carry, as the format lists them. */
const ROLES_BY_TYPE: Partial<Record<SeedRelationshipType, string[]>> = {
  PARTICIPATED_IN: ['SPEAKER', 'CO_CHAIR', 'ATTENDEE', 'SIGNATORY', 'PICTURED', 'REPRESENTATIVE'],
  PARTY_TO: ['PARTY'],
  INVOLVED_IN: ['OWNER', 'PARTNER', 'OPERATOR'],
  PUBLISHED: ['PUBLISHER', 'DISTRIBUTOR'],
  AUTHORED: ['REPORTER', 'PHOTOGRAPHER'],
};

type Json = Record<string, any>;
let text: string;
let lines: Json[];

beforeAll(async () => {
  text = await generate(2000, 7);
  lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as Json);
});

const of = (key: string): Json[] => lines.filter((l) => key in l).map((l) => l[key]);

test('the same entities and seed give byte-identical output; another seed gives another graph', async () => {
  expect(await generate(2000, 7)).toBe(text);
  expect(await generate(2000, 8)).not.toBe(text);
});

test('every line has exactly one of the four keys, in the order dataset, documents, entities, relationships', () => {
  const order = ['dataset', 'document', 'entity', 'relationship'];
  let last = 0;
  for (const line of lines) {
    const keys = Object.keys(line);
    expect(keys).toHaveLength(1);
    const rank = order.indexOf(keys[0]);
    expect(rank).toBeGreaterThanOrEqual(last);
    last = rank;
  }
  expect(Object.keys(lines[0])).toEqual(['dataset']);
  expect(lines[0].dataset).toMatchObject({ id: 'dataset-synthetic-s7', version: 'seed-7', licence: 'CC0-1.0' });
  expect(of('entity').length + of('document').length).toBe(2000);
});

test('entities have unique well-formed ids, kinds of their type, and at most one primary name per language', () => {
  const ids = new Set<string>();
  for (const e of of('entity')) {
    expect(e.id).toMatch(/^(person|org|event|agreement|project|place)-[a-z0-9-]+$/);
    expect(ids.has(e.id)).toBe(false);
    ids.add(e.id);
    expect(ENTITY_TYPES).toContain(e.type);
    if (e.type === 'Person') expect(e.kind).toBeUndefined();
    else expect(KINDS[e.type as keyof typeof KINDS]).toContain(e.kind);
    expect(e.names.length).toBeGreaterThan(0);
    for (const lang of ['en', 'zh']) {
      expect(e.names.filter((n: Json) => n.lang === lang && n.kind === 'primary').length).toBeLessThanOrEqual(1);
    }
    for (const n of e.names) {
      expect(['en', 'zh']).toContain(n.lang);
      expect(['primary', 'alias']).toContain(n.kind);
      expect(n.value.length).toBeGreaterThan(0);
    }
    expect(e.sources.length).toBeGreaterThan(0);
  }
  const chineseOnly = of('entity').filter((e) => e.names.every((n: Json) => n.lang === 'zh')).length;
  expect(chineseOnly / ids.size).toBeGreaterThan(0.05);
  expect(chineseOnly / ids.size).toBeLessThan(0.15);
});

test('partial dates keep the rules: a year or a month, a day only with a month, years 1990..2026', () => {
  const dates = [...of('entity').map((e) => e.date), ...of('document').map((d) => d.published)].filter(Boolean);
  expect(dates.length).toBeGreaterThan(100);
  for (const d of dates) {
    expect(d.year !== undefined || d.month !== undefined).toBe(true);
    if (d.day !== undefined) expect(d.month).toBeDefined();
    if (d.year !== undefined) expect(d.year >= 1990 && d.year <= 2026).toBe(true);
  }
  expect(dates.some((d) => d.year === undefined)).toBe(true);
  expect(dates.some((d) => d.month === undefined)).toBe(true);
});

test('relationships join existing endpoints of allowed types, with allowed roles, never twice and never to themselves', () => {
  const typeOfId = new Map<string, string>();
  for (const e of of('entity')) typeOfId.set(e.id, e.type);
  for (const d of of('document')) typeOfId.set(d.id, 'Document');
  const seen = new Set<string>();
  for (const r of of('relationship')) {
    expect(RELATIONSHIP_TYPES).toContain(r.type);
    const type = r.type as SeedRelationshipType;
    expect(ENDPOINTS[type].from).toContain(typeOfId.get(r.from));
    expect(ENDPOINTS[type].to).toContain(typeOfId.get(r.to));
    expect(r.from).not.toBe(r.to);
    if (r.role !== undefined) {
      expect(ROLES).toContain(r.role);
      expect(ROLES_BY_TYPE[type]).toContain(r.role);
    }
    const key = `${r.type} ${r.from} ${r.to} ${r.role ?? ''}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    expect(r.sources.length).toBeGreaterThan(0);
  }
  const types = new Set(of('relationship').map((r) => r.type));
  expect([...types].sort()).toEqual([...RELATIONSHIP_TYPES].sort());
});

test('citations point at their own dataset line or inside a document of the file', () => {
  const docs = new Map(of('document').map((d) => [d.id, d.text as string]));
  let passages = 0;
  const check = (c: Json, lineNumber: number, value?: string): void => {
    if ('dataset' in c) {
      expect(c).toEqual({ dataset: 'dataset-synthetic-s7', record: `line ${lineNumber}` });
      return;
    }
    passages++;
    const docText = docs.get(c.document);
    expect(docText).toBeDefined();
    if ('quote' in c) {
      expect(docText!.includes(c.quote)).toBe(true);
      return;
    }
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.end).toBeLessThanOrEqual(codePointLength(docText!));
    if (value !== undefined) expect(sliceCodePoints(docText!, c.start, c.end)).toBe(value);
  };
  lines.forEach((line, i) => {
    const record = Object.values(line)[0];
    for (const c of record.sources ?? []) check(c, i + 1);
    for (const n of record.names ?? []) if (n.source) check(n.source, i + 1, n.value);
  });
  expect(passages).toBeGreaterThan(500);
});

test('degrees follow a power law: a few hubs, most entities with few relationships', () => {
  const degree = new Map<string, number>();
  for (const r of of('relationship')) for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const sorted = [...degree.values()].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  expect(sorted[sorted.length - 1]).toBeGreaterThan(20 * median);
});
