// Writes relationship lines and keeps the tallies the summary reports: count per type and degree
// per entity. A self-loop is refused here, whatever drew it.
import type { SeedRelationshipType } from '../seed/shape';
import { type Context, recordCitation } from './context';

export class Edges {
  readonly counts = new Map<SeedRelationshipType, number>();
  readonly degree: Uint32Array;

  constructor(private readonly ctx: Context) {
    this.degree = new Uint32Array(ctx.world.layout.total);
  }

  /**
   * Writes `from -[type]-> to` (global indexes). `fields` are extra JSON members (",\"role\":...");
   * `citations` replace the default source, the dataset record of this very line.
   * Returns true when the caller should `await flush()`.
   */
  add(type: SeedRelationshipType, from: number, to: number, fields = '', citations?: string): boolean {
    if (from === to) return false;
    const { naming, out } = this.ctx;
    this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
    this.degree[from]++;
    this.degree[to]++;
    const sources = citations ?? recordCitation(this.ctx);
    return out.add(`{"relationship":{"type":"${type}","from":"${naming.id(from)}","to":"${naming.id(to)}"${fields},"sources":[${sources}]}}`);
  }

  flush(): Promise<void> {
    return this.ctx.out.flush();
  }
}
