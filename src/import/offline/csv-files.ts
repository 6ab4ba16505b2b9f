// Neo4j bulk-import CSV files, written so the importer reads back exactly what the online writer
// stores: one file per group (a node's labels, a relationship's type) and property shape, as a
// header is fixed per file and a property a row lacks must not be stored at all. Strings are
// quoted, with line breaks escaped so each row is one line; numbers are doubles (the driver sends
// JavaScript numbers as floats); lists are joined with U+001F behind a marker element.
// neo4j/bulk-import/BulkImport.java undoes the escapes and drops the markers.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The importer's --array-delimiter. */
export const ARRAY_DELIMITER = '\u001f';
/** First element of every string list, so [] and [''] are not read as missing values. */
const ARRAY_MARKER = '~';
/** Escapes line breaks, the list separator and itself (then n, r, u, e), as BulkImport.java reads them. */
const ESCAPE = '\u001e';
const NEEDS_ESCAPE = /[\n\r\u001e\u001f]/;
const ESCAPED = /[\n\r\u001e\u001f]/g;
const ESCAPES: Record<string, string> = { '\n': `${ESCAPE}n`, '\r': `${ESCAPE}r`, '\u001f': `${ESCAPE}u`, [ESCAPE]: `${ESCAPE}e` };
const FLUSH_CHARS = 1 << 20;

type ColumnType = 'string' | 'double' | 'boolean' | 'datetime' | 'string[]' | 'double[]' | 'boolean[]';

/** A value Neo4j cannot store as a property (an object, a list of mixed types). */
export class UnrepresentableValueError extends Error {}

export interface NodeGroup {
  labels: string[];
  path: string;
}

export interface RelationshipGroup {
  type: string;
  path: string;
}

interface CsvFile {
  path: string;
  fd: number;
  buffer: string[];
  bufferedChars: number;
}

export class CsvFiles {
  readonly nodeGroups: NodeGroup[] = [];
  readonly relationshipGroups: RelationshipGroup[] = [];
  /** Length of the longest field written, in UTF-16 units (sizes the importer's read buffer). */
  longestField = 0;
  private readonly files = new Map<string, CsvFile>();

  constructor(private readonly dir: string) {}

  /** A node with `labels`, keyed in `idSpace` by its property `idKey` (relationships refer to it). */
  node(labels: string[], idSpace: string, idKey: string, props: Record<string, unknown>): void {
    const id = props[idKey];
    if (typeof id !== 'string') throw new UnrepresentableValueError(`${idKey} must be a string to key a node`);
    const columns = columnsOf(props, idKey);
    const signature = `n\0${labels.join(':')}\0${signatureOf(columns)}`;
    let file = this.files.get(signature);
    if (!file) {
      file = this.open(`nodes-${labels.join('-')}-${this.files.size}.csv`, signature, [`${idKey}:ID(${idSpace})`, ...headerOf(columns)]);
      this.nodeGroups.push({ labels, path: file.path });
    }
    this.write(file, [this.text(id), ...columns.map(([key, type]) => this.field(props[key], type))]);
  }

  /** A relationship between two nodes of `idSpace`. */
  relationship(type: string, idSpace: string, from: string, to: string, props: Record<string, unknown>): void {
    const columns = columnsOf(props, null);
    const signature = `r\0${type}\0${signatureOf(columns)}`;
    let file = this.files.get(signature);
    if (!file) {
      file = this.open(`relationships-${type}-${this.files.size}.csv`, signature,
        [`:START_ID(${idSpace})`, `:END_ID(${idSpace})`, ...headerOf(columns)]);
      this.relationshipGroups.push({ type, path: file.path });
    }
    this.write(file, [this.text(from), this.text(to), ...columns.map(([key, type]) => this.field(props[key], type))]);
  }

  /** Writes out what is buffered and closes the files; closing twice does nothing. */
  close(): void {
    for (const file of this.files.values()) {
      if (file.fd < 0) continue;
      this.flush(file);
      closeSync(file.fd);
      file.fd = -1;
    }
  }

  private open(name: string, signature: string, header: string[]): CsvFile {
    const path = join(this.dir, name);
    const file: CsvFile = { path, fd: openSync(path, 'w'), buffer: [], bufferedChars: 0 };
    this.files.set(signature, file);
    this.write(file, header);
    return file;
  }

  private write(file: CsvFile, fields: string[]): void {
    const line = fields.join(',') + '\n';
    file.buffer.push(line);
    file.bufferedChars += line.length;
    if (file.bufferedChars >= FLUSH_CHARS) this.flush(file);
  }

  private flush(file: CsvFile): void {
    if (file.buffer.length > 0) writeSync(file.fd, file.buffer.join(''));
    file.buffer = [];
    file.bufferedChars = 0;
  }

  private field(value: unknown, type: ColumnType): string {
    switch (type) {
      case 'string':
        return this.text(value as string);
      case 'double':
      case 'boolean':
        return String(value);
      case 'datetime':
        return (value as Date).toISOString();
      case 'string[]':
        return this.text(ARRAY_MARKER + (value as string[]).map((s) => ARRAY_DELIMITER + escaped(s)).join(''), false);
      default:
        return (value as unknown[]).map(String).join(ARRAY_DELIMITER);
    }
  }

  /** Quoted, quotes doubled (RFC 4180, as the importer reads without legacy quoting). */
  private text(value: string, escaping = true): string {
    if (value.length > this.longestField) this.longestField = value.length;
    const text = escaping ? escaped(value) : value;
    return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
  }
}

function escaped(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, (c) => ESCAPES[c]) : value;
}

/** The properties a row stores (null ones are left out, as `SET n = $props` does), by key. */
function columnsOf(props: Record<string, unknown>, idKey: string | null): [string, ColumnType][] {
  const columns: [string, ColumnType][] = [];
  for (const key of Object.keys(props).sort()) {
    const value = props[key];
    if (key === idKey || value === null || value === undefined) continue;
    columns.push([key, typeOf(key, value)]);
  }
  return columns;
}

function typeOf(key: string, value: unknown): ColumnType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number' && Number.isFinite(value)) return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (value instanceof Date) return 'datetime';
  if (Array.isArray(value)) {
    // An empty list is stored without an element type (LIST<NOTHING>), whatever the column says.
    if (value.length === 0 || value.every((v) => typeof v === 'string')) return 'string[]';
    if (value.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'double[]';
    if (value.every((v) => typeof v === 'boolean')) return 'boolean[]';
  }
  throw new UnrepresentableValueError(`property ${key}: ${JSON.stringify(value)} is not a value Neo4j stores`);
}

function signatureOf(columns: [string, ColumnType][]): string {
  return columns.map(([key, type]) => `${key}:${type}`).join(',');
}

function headerOf(columns: [string, ColumnType][]): string[] {
  return columns.map(([key, type]) => `${key}:${type}`);
}
