// Agreements and projects: parties to an MOU (PARTY_TO, 2-4 organisations or places) and where it
// was signed (SIGNED_AT); who is involved in a project (INVOLVED_IN: an owner, partners, sometimes
// an operator), who governs it (GOVERNS) and where it was launched (LAUNCHED_AT).
import type { Context } from './context';
import type { Marks } from './dedupe';
import type { Edges } from './edges';
import { AGREEMENT, EVENT, ORG, PROJECT } from './layout';
import { Rng } from './random';
import { ORG_KINDS } from './world';

const COMMITTEE = ORG_KINDS.indexOf('COMMITTEE');

export async function writeDeals(ctx: Context, edges: Edges, marks: Marks): Promise<void> {
  const { world } = ctx;
  const { offset, count } = world.layout;
  const rng = new Rng();
  const party = (placeShare: number): number => (rng.chance(placeShare) ? world.samplePlace(rng, 0.6) : offset[ORG] + world.sampleOrg(rng));
  for (let a = 0; a < count[AGREEMENT]; a++) {
    const g = offset[AGREEMENT] + a;
    rng.at(world.bases.PARTIES, a);
    const k = 2 + rng.int(3);
    marks.next();
    for (let made = 0, tries = 0; made < k && tries < 4 * k; tries++) {
      const p = party(0.15);
      if (!marks.mark(p)) continue;
      made++;
      if (edges.add('PARTY_TO', p, g, ',"role":"PARTY"')) await edges.flush();
    }
    const signedAt = world.agreementFacts(a).event;
    if (signedAt >= 0 && edges.add('SIGNED_AT', g, offset[EVENT] + signedAt)) await edges.flush();
  }
  for (let p = 0; p < count[PROJECT]; p++) {
    const g = offset[PROJECT] + p;
    rng.at(world.bases.INVOLVED, p);
    const k = 2 + rng.int(5);
    marks.next();
    for (let made = 0, tries = 0; made < k && tries < 4 * k; tries++) {
      const who = party(0.1);
      const role = made === 0 ? 'OWNER' : rng.chance(0.15) ? 'OPERATOR' : 'PARTNER';
      if (!marks.mark(who)) continue;
      made++;
      if (edges.add('INVOLVED_IN', who, g, `,"role":"${role}"`)) await edges.flush();
    }
    if (rng.chance(0.6)) {
      let o = world.sampleOrg(rng);
      for (let tries = 0; tries < 3 && world.orgKind[o] !== COMMITTEE; tries++) o = world.sampleOrg(rng);
      if (edges.add('GOVERNS', offset[ORG] + o, g)) await edges.flush();
    }
    const launch = world.projectFacts(p).launchEvent;
    if (launch >= 0 && edges.add('LAUNCHED_AT', g, offset[EVENT] + launch)) await edges.flush();
  }
}
