// Validates a whole import file before anything is written, in two streaming passes: (1) each
// line's shape and the keys it defines, (2) its references: relationship endpoints (their types
// per relationship type) and citations (datasets, documents, quotes, ranges), looked up in the
// file first and then, in batches, in the graph. Problems name the line and field.
import type { DbSession } from '../db/database';
import { locateQuote } from '../seed/quotes';
import { ENDPOINTS } from '../seed/shape';
import { codePointLength } from '../shared/text';
import { KeyIndex } from './key-index';
import { readLines } from './lines';
import { Progress, type Log } from './progress';
import { parseLine, type Citation, type ImportLine } from './shape';
import { NODE_LABELS } from './writer';

export const MAX_REPORTED_PROBLEMS = 100;
const LOOKUP_BATCH = 2000;

export interface ImportProblem {
  line: number;
  field: string;
  message: string;
}

/**
 * The problems of the file's first lines (by line, whichever pass found them; stable within a
 * line), and how many there were in all. At most twice the reported number is ever held.
 */
export class Problems {
  private kept: ImportProblem[] = [];
  count = 0;

  add(problem: ImportProblem): void {
    this.count += 1;
    this.kept.push(problem);
    if (this.kept.length >= 2 * MAX_REPORTED_PROBLEMS) this.trim();
  }

  get first(): ImportProblem[] {
    this.trim();
    return this.kept;
  }

  private trim(): void {
    this.kept = this.kept.sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_PROBLEMS);
  }
}

export interface FileContents {
  lines: number;
  datasets: number;
  documents: number;
  entities: number;
  relationships: number;
  /** Texts of the documents defined in the file or cited from the graph (quotes resolve in them). */
  texts: Map<string, string>;
}

const FIND_ENTITIES = `UNWIND $keys AS key MATCH (n:Entity {id: key}) RETURN n.id AS key, n.type AS type`;
const FIND_DATASETS = `UNWIND $keys AS key MATCH (d:Dataset {id: key}) RETURN d.id AS key`;
const FIND_DOCUMENTS = `UNWIND $keys AS key MATCH (d:Document {id: key}) RETURN d.id AS key, d.text AS text`;

/**
 * Where references a file does not define itself are looked up, a batch of keys at a time: the
 * graph (inGraph), or for an offline import into an empty database, the run's earlier files.
 */
export interface KnownElsewhere {
  entities(keys: string[]): Promise<{ key: string; type: string }[]>;
  datasets(keys: string[]): Promise<{ key: string }[]>;
  documents(keys: string[]): Promise<{ key: string; text: string }[]>;
}

export function inGraph(session: DbSession): KnownElsewhere {
  return {
    entities: (keys) => session.read('import.lookup', FIND_ENTITIES, { keys }),
    datasets: (keys) => session.read('import.lookup', FIND_DATASETS, { keys }),
    documents: (keys) => session.read('import.lookup', FIND_DOCUMENTS, { keys }),
  };
}

type LookupKind = 'entity' | 'dataset' | 'document';

/** References not defined in the file, resolved against the graph a batch at a time. */
class GraphLookups {
  private pending: { kind: LookupKind; key: string; check: () => void }[] = [];
  private readonly missing = { entity: new Set<string>(), dataset: new Set<string>(), document: new Set<string>() };

  constructor(
    private readonly elsewhere: KnownElsewhere,
    private readonly keys: KeyIndex,
    private readonly datasets: Set<string>,
    private readonly texts: Map<string, string>,
  ) {}

  known(kind: LookupKind, key: string): boolean {
    if (kind === 'entity') return this.keys.get(key) !== null;
    return kind === 'dataset' ? this.datasets.has(key) : this.texts.has(key);
  }

  isMissing(kind: LookupKind, key: string): boolean {
    return this.missing[kind].has(key);
  }

  /** Runs `check` once `key` is known to be in the file, in the graph, or missing from both. */
  async when(kind: LookupKind, key: string, check: () => void): Promise<void> {
    if (this.known(kind, key) || this.missing[kind].has(key)) return check();
    this.pending.push({ kind, key, check });
    if (this.pending.length >= LOOKUP_BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    for (const kind of ['entity', 'dataset', 'document'] as const) {
      const keys = [...new Set(pending.filter((p) => p.kind === kind && !this.known(kind, p.key)).map((p) => p.key))];
      if (keys.length === 0) continue;
      if (kind === 'entity') for (const row of await this.elsewhere.entities(keys)) this.keys.add(row.key, NODE_LABELS.indexOf(row.type as never), 0);
      else if (kind === 'dataset') for (const row of await this.elsewhere.datasets(keys)) this.datasets.add(row.key);
      else for (const row of await this.elsewhere.documents(keys)) this.texts.set(row.key, String(row.text));
      for (const key of keys) if (!this.known(kind, key)) this.missing[kind].add(key);
    }
    for (const p of pending) p.check();
  }
}

export async function validateFile(path: string, elsewhere: KnownElsewhere, totalBytes: number, log: Log): Promise<{ contents: FileContents; problems: Problems }> {
  const problems = new Problems();
  const keys = new KeyIndex();
  const datasets = new Map<string, number>();
  const texts = new Map<string, string>();
  const contents: FileContents = { lines: 0, datasets: 0, documents: 0, entities: 0, relationships: 0, texts };

  // Pass 1: shapes, and the keys the file defines.
  const source = readLines(path);
  const shapes = new Progress('validating (1/2: shapes)', totalBytes, 'bytes', log);
  for await (const { no, text } of source.lines) {
    contents.lines = no;
    const parsed = parseLine(text);
    if ('problems' in parsed) {
      for (const p of parsed.problems) problems.add({ line: no, ...p });
    } else {
      define(parsed.line, no, keys, datasets, texts, problems, contents);
    }
    if ((no & 4095) === 0) shapes.update(source.bytesRead());
  }
  shapes.finish(source.bytesRead());

  // Pass 2: references.
  const lookups = new GraphLookups(elsewhere, keys, new Set(datasets.keys()), texts);
  const lengths = new Map<string, number>();
  const lengthOf = (doc: string) => {
    let n = lengths.get(doc);
    if (n === undefined) lengths.set(doc, (n = codePointLength(texts.get(doc) ?? '')));
    return n;
  };
  const references = new Progress('validating (2/2: references)', contents.lines, 'lines', log);
  for await (const { no, text } of readLines(path).lines) {
    const parsed = parseLine(text);
    if ('line' in parsed) await checkReferences(parsed.line, no, lookups, keys, lengthOf, texts, problems);
    if ((no & 4095) === 0) references.update(no);
  }
  await lookups.flush();
  references.finish(contents.lines);
  return { contents, problems };
}

function define(
  line: ImportLine, no: number, keys: KeyIndex, datasets: Map<string, number>, texts: Map<string, string>,
  problems: Problems, contents: FileContents,
): void {
  const twice = (field: string, key: string, first: number) =>
    problems.add({ line: no, field, message: `${key} is defined twice (first on line ${first})` });
  switch (line.kind) {
    case 'dataset': {
      const first = datasets.get(line.value.id);
      if (first !== undefined) return twice('dataset.id', line.value.id, first);
      datasets.set(line.value.id, no);
      contents.datasets += 1;
      return;
    }
    case 'document': {
      const first = keys.add(line.value.id, NODE_LABELS.indexOf('Document'), no);
      if (first) return twice('document.id', line.value.id, first.line);
      texts.set(line.value.id, line.value.text);
      contents.documents += 1;
      return;
    }
    case 'entity': {
      const first = keys.add(line.value.id, NODE_LABELS.indexOf(line.value.type), no);
      if (first) return twice('entity.id', line.value.id, first.line);
      contents.entities += 1;
      return;
    }
    case 'relationship':
      contents.relationships += 1;
  }
}

/** Every citation of a line, with the field path it sits at. */
function citationsOf(line: ImportLine): [string, Citation][] {
  const at = (path: string, list: Citation[] | undefined) => (list ?? []).map((c, i): [string, Citation] => [`${path}.${i}`, c]);
  switch (line.kind) {
    case 'dataset':
      return [];
    case 'document':
    case 'relationship':
      return at(`${line.kind}.sources`, line.value.sources);
    case 'entity': {
      const e = line.value;
      const own: [string, Citation | undefined][] = [
        ...e.names.map((n, i): [string, Citation | undefined] => [`entity.names.${i}.source`, n.source]),
        ['entity.description.source', e.description?.source],
        ['entity.date.source', e.date?.source],
        ['entity.count.source', e.count?.source],
      ];
      return [...own.filter((o): o is [string, Citation] => o[1] !== undefined), ...at('entity.sources', e.sources)];
    }
  }
}

async function checkReferences(
  line: ImportLine, no: number, lookups: GraphLookups, keys: KeyIndex, lengthOf: (doc: string) => number,
  texts: Map<string, string>, problems: Problems,
): Promise<void> {
  const problem = (field: string, message: string) => problems.add({ line: no, field, message });
  for (const [field, c] of citationsOf(line)) {
    if ('dataset' in c) {
      await lookups.when('dataset', c.dataset, () => {
        if (lookups.isMissing('dataset', c.dataset)) problem(field, `dataset ${c.dataset} is neither in this file nor in the graph`);
      });
      continue;
    }
    await lookups.when('document', c.document, () => {
      if (lookups.isMissing('document', c.document)) return problem(field, `document ${c.document} is neither in this file nor in the graph`);
      if ('start' in c) {
        const length = lengthOf(c.document);
        if (c.end > length) problem(`${field}.end`, `${c.end} is past the end of ${c.document} (${length} code points)`);
        return;
      }
      try {
        locateQuote(texts.get(c.document)!, c.quote, c.occurrence);
      } catch (e) {
        problem(`${field}.quote`, `${(e as Error).message} in ${c.document}`);
      }
    });
  }
  if (line.kind !== 'relationship') return;
  const r = line.value;
  const allowed = ENDPOINTS[r.type];
  for (const end of ['from', 'to'] as const) {
    const key = r[end];
    await lookups.when('entity', key, () => {
      const found = keys.get(key);
      if (!found) return problem(`relationship.${end}`, `${key} is neither in this file nor in the graph`);
      const type = NODE_LABELS[found.type];
      if (!allowed[end].includes(type)) problem(`relationship.${end}`, `${r.type} ${end} must be ${allowed[end].join(' or ')}, but ${key} is ${type}`);
    });
  }
  if (r.from === r.to) problem('relationship.to', 'a relationship needs two different entities');
}
