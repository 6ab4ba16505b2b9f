// The graph an offline import validates a file against: the database starts empty, so it is
// exactly what the earlier files of the same run define (nothing, for the first or only file).
// validate.ts resolves references it cannot find in the file through a session's `read`, with
// three lookups (entities with their type, datasets, documents with their text); this answers
// them from memory, so validation stays the online importer's, line for line.
import type { DbSession, Params } from '../../db/database';
import { KeyIndex } from '../key-index';
import { NODE_LABELS } from '../writer';

type NodeLabel = (typeof NODE_LABELS)[number];

// The label each lookup matches on, e.g. `MATCH (n:Entity {id: key})`.
const LOOKUP_LABEL = /MATCH \(\w+:(Entity|Dataset|Document) \{id: key\}\)/;

export class EarlierFiles {
  private readonly nodes = new KeyIndex();
  private readonly datasets = new Set<string>();
  private readonly texts = new Map<string, string>();

  /** The type of a node key defined by an earlier file; null when none defined it. */
  labelOf(key: string): NodeLabel | null {
    const entry = this.nodes.get(key);
    return entry ? NODE_LABELS[entry.type] : null;
  }

  addNode(key: string, label: NodeLabel, text?: string): void {
    this.nodes.add(key, NODE_LABELS.indexOf(label), 0);
    if (text !== undefined) this.texts.set(key, text);
  }

  addDataset(key: string): void {
    this.datasets.add(key);
  }

  /** What validateFile takes as its session: it only ever reads, with the lookups above. */
  asGraph(): DbSession {
    const read = async <T>(_operation: string, cypher: string, params: Params = {}): Promise<T[]> => {
      const label = LOOKUP_LABEL.exec(cypher)?.[1];
      if (!label) throw new Error(`validation asked the graph something the offline import cannot answer: ${cypher.trim().split('\n')[0]}`);
      const keys = params.keys as string[];
      return keys.flatMap((key): Record<string, unknown>[] => {
        if (label === 'Dataset') return this.datasets.has(key) ? [{ key }] : [];
        if (label === 'Document') return this.texts.has(key) ? [{ key, text: this.texts.get(key) }] : [];
        const type = this.labelOf(key);
        return type ? [{ key, type }] : [];
      }) as T[];
    };
    return { read } as Pick<DbSession, 'read'> as DbSession;
  }
}
