// Compiles the curated seed files into the rows the loader writes: validated, quotes resolved to
// character ranges, entities mentioned by both documents merged. Pure: no database here.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { relationshipId, type NodeRow, type PassageCitationRow, type RelationshipRow } from '../import/rows';
import { dateProps, nameProps } from '../import/stored';
import { ENDPOINTS, KINDS, seedFileShape, type SeedFile } from './shape';
import { locateQuote } from './quotes';

export interface SeedGraph {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

export class SeedError extends Error {}

interface Name { value: string; lang: string; kind: string }

export function readSeedGraph(seedDir: string, only?: string[]): SeedGraph {
  const files = readdirSync(seedDir)
    .filter((f) => f.endsWith('.yaml') && (!only?.length || only.includes(f)))
    .sort();
  if (files.length === 0) throw new SeedError(`no seed files in ${seedDir}`);
  return compileSeedFiles(
    files.map((f) => {
      const parsed = seedFileShape.safeParse(parse(readFileSync(join(seedDir, f), 'utf8')));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
        throw new SeedError(`${f} does not match the seed shape:\n${issues}`);
      }
      return { name: f, seed: parsed.data, text: readFileSync(join(seedDir, parsed.data.document.file), 'utf8') };
    }),
  );
}

export function compileSeedFiles(files: { name: string; seed: SeedFile; text: string }[]): SeedGraph {
  const nodes = new Map<string, NodeRow & { names: Name[] }>();
  const rels = new Map<string, RelationshipRow>();

  for (const { name, seed, text } of files) {
    const docId = seed.document.id;
    const fail = (msg: string): never => {
      throw new SeedError(`${name}: ${msg}`);
    };
    const cite = (field: string, quote: string, occurrence?: number): PassageCitationRow => {
      try {
        return { field, doc: docId, ...locateQuote(text, quote, occurrence) };
      } catch (e) {
        return fail(`${field || 'relationship'}: ${(e as Error).message}`);
      }
    };
    const upsert = (id: string, label: NodeRow['label'], kind: string | undefined): NodeRow & { names: Name[] } => {
      const existing = nodes.get(id);
      if (existing) {
        if (existing.label !== label || existing.props.kind !== kind) {
          fail(`${id} is ${label}/${kind} here but ${existing.label}/${existing.props.kind} elsewhere`);
        }
        return existing;
      }
      const row = { id, label, props: { kind: kind ?? null }, citations: [], names: [] };
      nodes.set(id, row);
      return row;
    };

    const doc = seed.document;
    if (nodes.has(docId)) fail(`document id ${docId} used twice`);
    const docRow = upsert(docId, 'Document', undefined);
    Object.assign(docRow.props, {
      text,
      file: doc.file,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      languages: doc.languages,
      notes: doc.notes ?? [],
      ...dateProps(doc.published),
    });
    for (const t of doc.titles) {
      addName(docRow.names, { value: t.value, lang: t.lang, kind: 'primary' }, fail);
      docRow.citations.push(cite(`name:${t.value}`, t.quote));
    }
    if (doc.published) docRow.citations.push(cite('date', doc.published.quote, doc.published.occurrence));

    for (const e of seed.entities) {
      const kinds = KINDS[e.type];
      if (kinds.length === 0 ? e.kind !== undefined : !kinds.includes(e.kind ?? '')) {
        fail(`${e.id}: kind ${e.kind} is not one of [${kinds.join(', ')}] for ${e.type}`);
      }
      const row = upsert(e.id, e.type, e.kind);
      for (const n of e.names) {
        addName(row.names, n, (msg) => fail(`${e.id}: ${msg}`));
        row.citations.push(cite(`name:${n.value}`, n.quote, n.occurrence));
      }
      if (e.description) {
        setOnce(row, { description: e.description.value, descriptionLang: e.description.lang }, fail);
        row.citations.push(cite('description', e.description.quote, e.description.occurrence));
      }
      if (e.date) {
        setOnce(row, dateProps(e.date), fail);
        row.citations.push(cite('date', e.date.quote, e.date.occurrence));
      }
      if (e.count) {
        setOnce(row, { countValue: e.count.value, countQualifier: e.count.qualifier }, fail);
        row.citations.push(cite('count', e.count.quote, e.count.occurrence));
      }
      row.props.notes = [...((row.props.notes as string[] | undefined) ?? []), ...(e.notes ?? [])];
    }

    for (const r of seed.relationships) {
      const id = relationshipId(r.type, r.from, r.to, r.role);
      const row = rels.get(id) ?? { id, type: r.type, from: r.from, to: r.to, props: {}, citations: [] };
      const props = {
        role: r.role ?? null,
        mode: r.mode ?? null,
        position: r.position ?? null,
        titleValues: r.title?.map((t) => t.value) ?? [],
        titleLangs: r.title?.map((t) => t.lang) ?? [],
      };
      for (const [k, v] of Object.entries(props)) {
        const empty = v === null || (Array.isArray(v) && v.length === 0);
        if (empty) {
          row.props[k] ??= v;
        } else if (row.props[k] === undefined || isEmpty(row.props[k])) {
          row.props[k] = v;
        } else if (JSON.stringify(row.props[k]) !== JSON.stringify(v)) {
          fail(`${id}: ${k} differs between documents`);
        }
      }
      row.props.notes = [...((row.props.notes as string[] | undefined) ?? []), ...(r.notes ?? [])];
      for (const q of r.quotes) row.citations.push(cite('', q.quote, q.occurrence));
      rels.set(id, row);
    }
  }

  for (const r of rels.values()) {
    const allowed = ENDPOINTS[r.type as keyof typeof ENDPOINTS];
    for (const [end, id] of [['from', r.from], ['to', r.to]] as const) {
      const node = nodes.get(id);
      if (!node) throw new SeedError(`${r.id}: unknown ${end} entity ${id}`);
      if (!allowed[end].includes(node.label)) {
        throw new SeedError(`${r.id}: ${end} must be ${allowed[end].join(' or ')}, not ${node.label}`);
      }
    }
  }

  return {
    nodes: [...nodes.values()].map(({ names, ...row }) => ({ ...row, props: { ...row.props, ...nameProps(names) } })),
    relationships: [...rels.values()],
  };
}

function addName(names: Name[], n: Name, fail: (msg: string) => never): void {
  if (names.some((m) => m.value === n.value && m.lang === n.lang)) return;
  if (n.kind === 'primary' && names.some((m) => m.kind === 'primary' && m.lang === n.lang)) {
    fail(`two primary ${n.lang} names (${n.value})`);
  }
  names.push({ value: n.value, lang: n.lang, kind: n.kind });
}

function setOnce(row: NodeRow, props: Record<string, unknown>, fail: (msg: string) => never): void {
  for (const [k, v] of Object.entries(props)) {
    if (row.props[k] !== undefined && row.props[k] !== null && row.props[k] !== v) {
      fail(`${row.id}: ${k} is ${String(row.props[k])} in one document and ${String(v)} in another`);
    }
    row.props[k] = v;
  }
}

function isEmpty(v: unknown): boolean {
  return v === null || (Array.isArray(v) && v.length === 0);
}
