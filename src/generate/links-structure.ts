// The skeleton as relationships: places inside places, organisation trees, events inside bigger
// events, projects inside programmes (PART_OF), and where organisations and events are (LOCATED_IN).
import type { Context } from './context';
import type { Edges } from './edges';
import { EVENT, ORG, PLACE, PROJECT } from './layout';

export async function writeStructure(ctx: Context, edges: Edges): Promise<void> {
  const { world } = ctx;
  const { offset, count } = world.layout;
  for (let l = 0; l < count[PLACE]; l++) {
    const parent = world.placeParent(l);
    if (parent >= 0 && edges.add('LOCATED_IN', offset[PLACE] + l, parent)) await edges.flush();
  }
  for (let o = 0; o < count[ORG]; o++) {
    const parent = world.orgParent[o];
    if (parent >= 0 && edges.add('PART_OF', offset[ORG] + o, offset[ORG] + parent)) await edges.flush();
    const place = world.orgPlace(o);
    if (place >= 0 && edges.add('LOCATED_IN', offset[ORG] + o, place)) await edges.flush();
  }
  for (let e = 0; e < count[EVENT]; e++) {
    const { place, parent } = world.eventFacts(e);
    if (place >= 0 && edges.add('LOCATED_IN', offset[EVENT] + e, place)) await edges.flush();
    if (parent >= 0 && edges.add('PART_OF', offset[EVENT] + e, offset[EVENT] + parent)) await edges.flush();
  }
  for (let p = 0; p < count[PROJECT]; p++) {
    const { parent } = world.projectFacts(p);
    if (parent >= 0 && edges.add('PART_OF', offset[PROJECT] + p, offset[PROJECT] + parent)) await edges.flush();
  }
}
