// What every stage of one generation run shares: the skeleton, the names, the mentions noted in
// documents, the output, and the citation of the dataset record being written.
import type { Mentions } from './mentions';
import type { Naming } from './naming';
import type { LineWriter } from './write';
import type { World } from './world';

export interface Context {
  world: World;
  naming: Naming;
  mentions: Mentions;
  out: LineWriter;
  datasetId: string;
}

/** The citation of the line about to be written: the dataset record is that line. */
export function recordCitation(ctx: Context): string {
  return `{"dataset":"${ctx.datasetId}","record":"line ${ctx.out.lines + 1}"}`;
}

export function passageCitation(ctx: Context, doc: number, start: number, end: number): string {
  return `{"document":"${ctx.naming.id(doc)}","start":${start},"end":${end}}`;
}
