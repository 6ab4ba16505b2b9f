// The graph an offline import validates a file against: the database starts empty, so it is
// exactly what the earlier files of the same run define (nothing, for the first or only file).
// validate.ts resolves references it cannot find in the file through three lookups (entities
// with their type, datasets, documents with their text); this answers them from memory, so
// validation stays the online importer's, line for line.
import { KeyIndex } from '../key-index';
import type { KnownElsewhere } from '../validate';
import { NODE_LABELS } from '../writer';

type NodeLabel = (typeof NODE_LABELS)[number];

export class EarlierFiles implements KnownElsewhere {
  private readonly nodes = new KeyIndex();
  private readonly datasetKeys = new Set<string>();
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
    this.datasetKeys.add(key);
  }

  async entities(keys: string[]): Promise<{ key: string; type: string }[]> {
    return keys.flatMap((key) => {
      const type = this.labelOf(key);
      return type ? [{ key, type }] : [];
    });
  }

  async datasets(keys: string[]): Promise<{ key: string }[]> {
    return keys.filter((key) => this.datasetKeys.has(key)).map((key) => ({ key }));
  }

  async documents(keys: string[]): Promise<{ key: string; text: string }[]> {
    return keys.flatMap((key) => {
      const text = this.texts.get(key);
      return text === undefined ? [] : [{ key, text }];
    });
  }
}
