// generateGraph: writes a whole synthetic graph as NDJSON to a stream, in the import format's
// order (the dataset line, documents, entities, relationships), and returns what it wrote.
import type { Writable } from 'node:stream';
import type { SeedRelationshipType } from '../seed/shape';
import type { Context } from './context';
import { KeySet, Marks } from './dedupe';
import { documentLine } from './documents';
import { Edges } from './edges';
import { entityLine } from './entities';
import { DOC, ORG, PERSON, PLACE, TYPE_NAMES } from './layout';
import { writeDeals } from './links-deals';
import { writeDocuments } from './links-documents';
import { writeOrganisations } from './links-organisations';
import { writePeople } from './links-people';
import { writeStructure } from './links-structure';
import { Mentions } from './mentions';
import { Naming } from './naming';
import { LineWriter } from './write';
import { World } from './world';

export interface GenerateOptions {
  /** Entities including documents, not counting the dataset line. */
  entities: number;
  seed: number;
}

export interface GenerateStats {
  entities: Map<string, number>;
  relationships: Map<SeedRelationshipType, number>;
  maxDegree: { id: string; degree: number };
  lines: number;
  bytes: number;
}

export async function generateGraph(options: GenerateOptions, stream: Writable): Promise<GenerateStats> {
  const world = new World(options.seed, options.entities);
  const { layout } = world;
  const out = new LineWriter(stream);
  const datasetId = `dataset-synthetic-s${options.seed}`;
  const ctx: Context = { world, naming: new Naming(world), mentions: new Mentions(layout.total, layout.count[PERSON]), out, datasetId };

  out.add(`{"dataset":{"id":"${datasetId}","name":"Synthetic knowledge graph (${options.entities} entities, seed ${options.seed})",` +
    `"version":"seed-${options.seed}","licence":"CC0-1.0"}}`);
  for (let g = 0; g < layout.total; g++) {
    if (out.add(g < layout.offset[PLACE] ? documentLine(ctx, g) : entityLine(ctx, g))) await out.flush();
  }

  const edges = new Edges(ctx);
  const marks = new Marks(layout.total);
  const pairs = new KeySet(layout.total, layout.count[ORG] * 5 + layout.count[PLACE] + layout.count[DOC] * 2);
  await writeStructure(ctx, edges);
  await writePeople(ctx, edges, marks);
  await writeOrganisations(ctx, edges, marks, pairs);
  await writeDeals(ctx, edges, marks);
  await writeDocuments(ctx, edges, pairs);
  await out.flush();

  let top = 0;
  for (let g = 1; g < layout.total; g++) if (edges.degree[g] > edges.degree[top]) top = g;
  const entities = new Map<string, number>();
  TYPE_NAMES.forEach((name, t) => entities.set(name, layout.count[t]));
  return {
    entities,
    relationships: edges.counts,
    maxDegree: { id: ctx.naming.id(top), degree: edges.degree[top] },
    lines: out.lines,
    bytes: out.bytes,
  };
}
