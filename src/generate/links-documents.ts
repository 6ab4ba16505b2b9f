// What reports state, each citing its own passage: who published and distributed it (PUBLISHED),
// who reported and photographed (AUTHORED), its dateline (DATELINED), and who is pictured at the
// event (PARTICIPATED_IN, role PICTURED, with a position; once per person and event).
import { type Context, passageCitation } from './context';
import type { KeySet } from './dedupe';
import { composeReport, type Role } from './documents';
import type { Edges } from './edges';
import { DOC, EVENT } from './layout';

export async function writeDocuments(ctx: Context, edges: Edges, pairs: KeySet): Promise<void> {
  const { world, naming } = ctx;
  const { offset, count } = world.layout;
  for (let d = 0; d < count[DOC]; d++) {
    const r = composeReport(ctx, d, false);
    const cite = (role: Role): string => role.spans.map((s) => passageCitation(ctx, d, s.start, s.end)).join(',');
    for (const [i, p] of r.publishers.entries()) {
      if (edges.add('PUBLISHED', p.g, d, `,"role":"${i === 0 ? 'PUBLISHER' : 'DISTRIBUTOR'}"`, cite(p))) await edges.flush();
    }
    for (const a of r.reporters) if (edges.add('AUTHORED', a.g, d, ',"role":"REPORTER"', cite(a))) await edges.flush();
    for (const a of r.photographers) if (edges.add('AUTHORED', a.g, d, ',"role":"PHOTOGRAPHER"', cite(a))) await edges.flush();
    if (r.dateline >= 0) {
      const quote = `{"document":"${naming.id(d)}","quote":${JSON.stringify(r.datelineQuote)}}`;
      if (edges.add('DATELINED', d, r.dateline, '', quote)) await edges.flush();
    }
    const event = offset[EVENT] + r.event;
    for (const who of r.pictured) {
      if (!pairs.add(1, who.g, event)) continue;
      if (edges.add('PARTICIPATED_IN', who.g, event, `,"role":"PICTURED","position":"${who.position[0]}"`, cite(who))) await edges.flush();
    }
  }
}
