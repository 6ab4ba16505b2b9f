// What organisations and places do together: organisations attending events (PARTICIPATED_IN),
// organising them (ORGANISED), and cooperating with each other and with places (COOPERATES_WITH,
// one per unordered pair, whichever side drew it first).
import type { Context } from './context';
import type { KeySet, Marks } from './dedupe';
import type { Edges } from './edges';
import { EVENT, ORG, PLACE } from './layout';
import { Rng } from './random';

export async function writeOrganisations(ctx: Context, edges: Edges, marks: Marks, pairs: KeySet): Promise<void> {
  const { world } = ctx;
  const { offset, count } = world.layout;
  const rng = new Rng();
  for (let o = 0; o < count[ORG]; o++) {
    rng.at(world.bases.ORG_EVENTS, o);
    const k = Math.min(count[EVENT], rng.powerLaw(1, 3, 50));
    marks.next();
    for (let made = 0, tries = 0; made < k && tries < 3 * k + 5; tries++) {
      const e = world.sampleEvent(rng);
      const u = rng.next();
      const fields = (u < 0.5 ? ',"role":"ATTENDEE"' : u < 0.65 ? ',"role":"SIGNATORY"' : '') + (rng.chance(0.05) ? ',"mode":"VIDEO"' : '');
      if (!marks.mark(e)) continue;
      made++;
      if (edges.add('PARTICIPATED_IN', offset[ORG] + o, offset[EVENT] + e, fields)) await edges.flush();
    }
  }
  for (let e = 0; e < count[EVENT]; e++) {
    rng.at(world.bases.ORGANISED, e);
    const k = 1 + (rng.chance(0.4) ? 1 : 0) + (rng.chance(0.15) ? 1 : 0);
    marks.next();
    for (let i = 0; i < k; i++) {
      const o = world.sampleOrg(rng);
      if (marks.mark(o) && edges.add('ORGANISED', offset[ORG] + o, offset[EVENT] + e)) await edges.flush();
    }
  }
  const cooperate = async (from: number, k: number, orgShare: number): Promise<void> => {
    for (let i = 0; i < k; i++) {
      const to = rng.chance(orgShare) ? offset[ORG] + world.sampleOrg(rng) : world.samplePlace(rng, 0.5);
      if (to === from || !pairs.add(0, Math.min(from, to), Math.max(from, to))) continue;
      if (edges.add('COOPERATES_WITH', from, to)) await edges.flush();
    }
  };
  for (let o = 0; o < count[ORG]; o++) {
    rng.at(world.bases.COOPERATION, offset[ORG] + o);
    await cooperate(offset[ORG] + o, rng.powerLaw(2, 2.4, 300), 0.85);
  }
  for (let l = 0; l < count[PLACE]; l++) {
    rng.at(world.bases.COOPERATION, offset[PLACE] + l);
    await cooperate(offset[PLACE] + l, rng.int(3), 0.4);
  }
}
