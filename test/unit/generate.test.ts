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
  const keys = lines.map((line) => Object.keys(line));
  expect(keys.filter((k) => k.length !== 1 || !order.includes(k[0]))).toEqual([]);
  const ranks = keys.map((k) => order.indexOf(k[0]));
  expect(ranks.filter((rank, i) => i > 0 && rank < ranks[i - 1])).toEqual([]);
  expect(ranks.filter((rank) => rank === 0)).toHaveLength(1);
  expect(ranks[0]).toBe(0);
  expect(lines[0].dataset).toMatchObject({ id: 'dataset-synthetic-s7', version: 'seed-7', licence: 'CC0-1.0' });
  expect(of('entity').length + of('document').length).toBe(2000);
});

test('entities have unique well-formed ids, kinds of their type, and at most one primary name per language', () => {
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const e of of('entity')) {
    const line = JSON.stringify(e);
    if (!/^(person|org|event|agreement|project|place)-[a-z0-9-]+$/.test(e.id) || ids.has(e.id)) problems.push(`id: ${line}`);
    ids.add(e.id);
    if (!ENTITY_TYPES.includes(e.type)) problems.push(`type: ${line}`);
    else if (e.type === 'Person' ? e.kind !== undefined : !KINDS[e.type as keyof typeof KINDS].includes(e.kind)) problems.push(`kind: ${line}`);
    if (!(e.names.length > 0) || !(e.sources.length > 0)) problems.push(`no names or sources: ${line}`);
    for (const lang of ['en', 'zh']) {
      if (e.names.filter((n: Json) => n.lang === lang && n.kind === 'primary').length > 1) problems.push(`two primary names: ${line}`);
    }
    for (const n of e.names) {
      if (!['en', 'zh'].includes(n.lang) || !['primary', 'alias'].includes(n.kind) || !n.value) problems.push(`name: ${line}`);
    }
  }
  expect(problems.slice(0, 5)).toEqual([]);
  for (const d of of('document')) expect(d.id).toMatch(/^doc-[a-z0-9-]+$/);
  const chineseOnly = of('entity').filter((e) => e.names.every((n: Json) => n.lang === 'zh')).length / ids.size;
  const englishOnly = of('entity').filter((e) => e.names.every((n: Json) => n.lang === 'en')).length / ids.size;
  expect(chineseOnly).toBeGreaterThan(0.05);
  expect(chineseOnly).toBeLessThan(0.15);
  expect(englishOnly).toBeGreaterThan(0.02);
  expect(of('entity').some((e) => e.names.some((n: Json) => n.kind === 'alias'))).toBe(true);
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
  const problems: string[] = [];
  for (const r of of('relationship')) {
    const type = r.type as SeedRelationshipType;
    const line = JSON.stringify(r);
    if (!RELATIONSHIP_TYPES.includes(type)) problems.push(`unknown type: ${line}`);
    else if (!ENDPOINTS[type].from.includes(typeOfId.get(r.from)!) || !ENDPOINTS[type].to.includes(typeOfId.get(r.to)!)) problems.push(`endpoints: ${line}`);
    if (r.from === r.to) problems.push(`self-loop: ${line}`);
    if (r.role !== undefined && !(ROLES.includes(r.role) && ROLES_BY_TYPE[type]?.includes(r.role))) problems.push(`role: ${line}`);
    const key = `${r.type} ${r.from} ${r.to} ${r.role ?? ''}`;
    if (seen.has(key)) problems.push(`duplicate: ${line}`);
    seen.add(key);
    if (!(r.sources.length > 0)) problems.push(`no sources: ${line}`);
  }
  expect(problems.slice(0, 5)).toEqual([]);
  const types = new Set(of('relationship').map((r) => r.type));
  expect([...types].sort()).toEqual([...RELATIONSHIP_TYPES].sort());
});

test('citations point at their own dataset line or at passages inside documents of the file', () => {
  const docs = new Map(of('document').map((d) => [d.id, d.text as string]));
  const problems: string[] = [];
  let passages = 0;
  const check = (c: Json, lineNumber: number, value?: string): void => {
    if ('dataset' in c) {
      if (c.dataset !== 'dataset-synthetic-s7' || c.record !== `line ${lineNumber}`) problems.push(`line ${lineNumber}: ${JSON.stringify(c)}`);
      return;
    }
    passages++;
    const docText = docs.get(c.document);
    if (docText === undefined) problems.push(`line ${lineNumber}: no document ${c.document}`);
    else if ('quote' in c) {
      if (!docText.includes(c.quote)) problems.push(`line ${lineNumber}: quote not found ${c.quote}`);
    } else if (!(c.start >= 0 && c.end > c.start && c.end <= codePointLength(docText))) {
      problems.push(`line ${lineNumber}: range outside the text ${JSON.stringify(c)}`);
    } else if (value !== undefined && sliceCodePoints(docText, c.start, c.end) !== value) {
      problems.push(`line ${lineNumber}: range is not the name ${value}`);
    }
  };
  lines.forEach((line, i) => {
    const record = Object.values(line)[0];
    for (const c of record.sources ?? []) check(c, i + 1);
    for (const n of record.names ?? []) if (n.source) check(n.source, i + 1, n.value);
  });
  expect(problems.slice(0, 5)).toEqual([]);
  expect(passages).toBeGreaterThan(500);
});

test("a report's byline and imprint passages are the author's and the publisher's names", () => {
  const docs = new Map(of('document').map((d) => [d.id, d.text as string]));
  const names = new Map(of('entity').map((e) => [e.id, e.names.map((n: Json) => n.value)]));
  const cited = of('relationship').filter((r) => r.type === 'AUTHORED' || r.type === 'PUBLISHED');
  expect(cited.length).toBeGreaterThan(100);
  const wrong = cited.filter((r) => r.sources.some((c: Json) => !names.get(r.from).includes(sliceCodePoints(docs.get(c.document)!, c.start, c.end))));
  expect(wrong).toEqual([]);
});

test('degrees follow a power law: a few hubs, most entities with few relationships', () => {
  const degree = new Map<string, number>();
  for (const r of of('relationship')) for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const sorted = [...degree.values()].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  expect(sorted[sorted.length - 1]).toBeGreaterThan(20 * median);
});
