// Datasets that imported facts cite, by key: one round trip per batch.
import DataLoader from 'dataloader';
import type { DbSession } from '../../db/database';
import { byKeyIndex } from '../../shared/batch';

export interface DatasetModel {
  key: string;
  name: string;
  version: string | null;
  date: string | null;
  licence: string;
  url: string | null;
}

export const DATASETS_BY_KEY = `
UNWIND range(0, size($keys) - 1) AS i
MATCH (d:Dataset {id: $keys[i]})
RETURN i, d {key: d.id, .name, .version, .date, .licence, .url} AS d`;

export function createDocumentLoaders(session: DbSession) {
  const dataset = new DataLoader<string, DatasetModel | null>(async (keys) => {
    const rows = await session.read<{ i: number; d: DatasetModel }>('document.dataset', DATASETS_BY_KEY, { keys });
    return byKeyIndex(keys, rows, (row) => row.d, () => null);
  });
  return { dataset };
}
