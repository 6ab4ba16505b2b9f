// Streams one validated import file into bulk-import CSV rows: each line becomes the rows the
// online writer would store (to-rows.ts, then the writer's stored form), so both paths store the
// same properties and labels. What the online writer MERGEs away is kept aside instead: a
// relationship given again (same type, ends and role) and a node an earlier file of the folder
// already defined are written after the bulk import, through the writer, last one winning.
import { readLines } from '../lines';
import { Progress, type Log } from '../progress';
import type { DatasetRow, NodeRow, RelationshipRow } from '../rows';
import type { ImportLine } from '../shape';
import { onTimeline } from '../stored';
import { datasetRow, documentRow, entityRow, relationshipRow, type DocumentTexts } from '../to-rows';
import type { FileContents } from '../validate';
import { storedNodeProps, storedRelationshipProps } from '../writer';
import { UnrepresentableValueError, type CsvFiles } from './csv-files';
import type { EarlierFiles } from './earlier-files';
import { KeyIndex } from '../key-index';

/** Entities and documents share one id space, as they share the :Entity label and its constraint. */
export const ENTITY_ID_SPACE = 'Entity';

/** What one run carries from file to file. */
export class Conversion {
  /** Relationship ids written so far (as 64-bit hashes), to find one given twice. */
  readonly relationshipIds = new KeyIndex();
  /** Datasets by id; a later definition replaces an earlier one, as MERGE ... SET d = row does. */
  readonly datasets = new Map<string, DatasetRow>();
  /** Nodes an earlier file defined too: the later definition, written after the bulk import. */
  readonly redefinedNodes = new Map<string, NodeRow>();
  /** Relationships given more than once: the last, written over the first after the bulk import. */
  readonly repeatedRelationships = new Map<string, RelationshipRow>();

  constructor(readonly csv: CsvFiles, readonly earlier: EarlierFiles) {}
}

/** A line the importer cannot store unchanged; nothing has been written to Neo4j yet. */
export class ConversionError extends Error {}

export async function convertFile(path: string, contents: FileContents, run: Conversion, totalBytes: number, log: Log): Promise<void> {
  const texts: DocumentTexts = (key) => contents.texts.get(key);
  const source = readLines(path);
  const progress = new Progress(`converting ${path} to CSV`, totalBytes, 'bytes', log);
  for await (const { no, text } of source.lines) {
    try {
      convertLine(lineOf(text), texts, run);
    } catch (e) {
      if (e instanceof UnrepresentableValueError) throw new ConversionError(`${path}:${no}: ${e.message}`);
      throw e;
    }
    if ((no & 4095) === 0) progress.update(source.bytesRead());
  }
  progress.finish(source.bytesRead());
}

function convertLine(line: ImportLine, texts: DocumentTexts, run: Conversion): void {
  switch (line.kind) {
    case 'dataset':
      run.datasets.set(line.value.id, datasetRow(line.value));
      run.earlier.addDataset(line.value.id);
      return;
    case 'document':
      return convertNode(documentRow(line.value, texts), run, line.value.text);
    case 'entity':
      return convertNode(entityRow(line.value, texts), run);
    case 'relationship': {
      const row = relationshipRow(line.value, texts);
      if (run.relationshipIds.add(row.id, 0, 0) !== null) {
        run.repeatedRelationships.set(row.id, row);
        return;
      }
      run.csv.relationship(row.type, ENTITY_ID_SPACE, row.from, row.to, storedRelationshipProps(row, 'import'));
    }
  }
}

function convertNode(row: NodeRow, run: Conversion, text?: string): void {
  // Written all the same (the importer keeps the first of a key, --skip-duplicate-nodes), so a
  // node is there for its relationships even if two keys' hashes collided.
  if (run.earlier.labelOf(row.id) !== null) run.redefinedNodes.set(row.id, row);
  const labels = ['Entity', row.label, ...(onTimeline(row.label, row.props) ? ['Timeline'] : [])];
  run.csv.node(labels, ENTITY_ID_SPACE, 'id', storedNodeProps(row, 'import'));
  run.earlier.addNode(row.id, row.label, text);
}

/**
 * A line that validation accepted moments ago, in this run: its shapes have no defaults or
 * transforms, so the parsed JSON is what the shape check returned (the caller checks that the
 * file did not change in between). This halves the cost of reading it again.
 */
function lineOf(text: string): ImportLine {
  const json = JSON.parse(text) as Record<string, unknown>;
  const kind = Object.keys(json)[0] as ImportLine['kind'];
  return { kind, value: json[kind] } as ImportLine;
}
