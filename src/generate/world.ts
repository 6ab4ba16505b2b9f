// The skeleton of a synthetic graph: the few facts kept in typed arrays (the organisation trees),
// the Zipf samplers that make hubs, and pure functions that recompute any other fact of an entity
// (kind, date, place, parent event, signing event) from (seed, index) whenever it is needed.
import { KINDS } from '../seed/shape';
import { drawDate, type PartialDate } from './dates';
import { EVENT, ORG, PLACE, PROJECT, type Layout, planLayout } from './layout';
import { COUNTRIES } from './place-names';
import { AliasTable, Rng, streamBase, zipfTable } from './random';

/** Named streams of decisions; each entity draws from its own position in each. */
export const STREAM = {
  ORG_TREE: 1, ORG_PLACE: 2, ORG_NAME: 3, PLACE: 4, EVENT: 5, EVENT_NAME: 6, AGREEMENT: 7,
  PROJECT: 8, PERSON_NAME: 9, NAME_LANG: 10, POSTS: 11, PERSON_EVENTS: 12, ORG_EVENTS: 13,
  ORGANISED: 14, PARTIES: 15, INVOLVED: 16, COOPERATION: 17, DOCUMENT: 18, DESCRIPTION: 19,
  AGREEMENT_DATE: 20, AGREEMENT_NAME: 21, PROJECT_NAME: 22, PLACE_NAME: 23,
} as const;

export const ORG_KINDS = KINDS.Organisation;
const UNIT = ORG_KINDS.indexOf('UNIT');
const GOVERNMENT_BODY = ORG_KINDS.indexOf('GOVERNMENT_BODY');
/** Kinds of organisations that are not units, by weight (UNIT only comes from the trees). */
const ORG_KIND_WEIGHTS: Record<string, number> = { GOVERNMENT_BODY: 30, COMPANY: 30, UNIVERSITY: 10, MEDIA: 8, COMMITTEE: 8, INCUBATOR: 6, OTHER: 8 };
const MAX_ORG_DEPTH = 6;

export interface EventFacts {
  kind: 'CONFERENCE' | 'MEETING' | 'SIGNING';
  date: PartialDate | null;
  /** Global index of its place, or -1. */
  place: number;
  /** Local index of the bigger event it is part of, or -1. */
  parent: number;
}

export interface ProjectFacts {
  kind: string;
  launchEvent: number;
  parent: number;
  date: PartialDate | null;
}

export interface AgreementFacts {
  /** Local index of the signing event, or -1. */
  event: number;
  date: PartialDate | null;
  count: { value: number; qualifier: 'EXACT' | 'MORE_THAN' } | null;
}

export class World {
  readonly layout: Layout;
  readonly bases: Record<keyof typeof STREAM, number>;
  readonly orgParent: Int32Array;
  readonly orgKind: Uint8Array;
  /** Big conferences: the first events, never part of another; the others may be part of one. */
  readonly majorEvents: number;
  /** Programmes: the first projects, never part of another. */
  readonly topProjects: number;
  private readonly orgZipf: AliasTable;
  private readonly eventZipf: AliasTable;
  private readonly majorZipf: AliasTable;
  private readonly cityZipf: AliasTable;
  private readonly countryZipf: AliasTable;
  private readonly orgKindTable = new AliasTable(ORG_KINDS.map((k) => ORG_KIND_WEIGHTS[k] ?? 0));
  // One generator per method, so a method calling another never disturbs its caller's draws.
  private readonly rngTree = new Rng();
  private readonly rngPlace = new Rng();
  private readonly rngOrgPlace = new Rng();
  private readonly rngEvent = new Rng();
  private readonly rngAgreement = new Rng();
  private readonly rngProject = new Rng();

  constructor(readonly seed: number, total: number) {
    this.layout = planLayout(total, COUNTRIES.length);
    this.bases = Object.fromEntries(Object.entries(STREAM).map(([k, v]) => [k, streamBase(seed, v)])) as World['bases'];
    const { count } = this.layout;
    this.majorEvents = Math.max(1, Math.round(count[EVENT] * 0.05));
    this.topProjects = Math.max(1, Math.round(count[PROJECT] * 0.1));
    this.orgZipf = zipfTable(count[ORG], 1.05);
    this.eventZipf = zipfTable(count[EVENT], 1.0);
    this.majorZipf = zipfTable(this.majorEvents, 0.8);
    this.cityZipf = zipfTable(Math.max(1, this.layout.cities), 1.0);
    this.countryZipf = zipfTable(this.layout.countries, 1.2);
    this.orgParent = new Int32Array(count[ORG]).fill(-1);
    this.orgKind = new Uint8Array(count[ORG]);
    this.buildOrgTrees();
  }

  /**
   * Units attach to a recent organisation, which is often a unit itself, so chains grow deep; a
   * parent already at the maximum depth hands the unit to its own parent.
   */
  private buildOrgTrees(): void {
    const n = this.layout.count[ORG];
    const depth = new Uint8Array(n);
    const rng = this.rngTree;
    for (let o = 0; o < n; o++) {
      rng.at(this.bases.ORG_TREE, o);
      if (o >= 3 && rng.chance(0.4)) {
        let parent = o - 1 - rng.int(Math.min(o, 30));
        while (depth[parent] >= MAX_ORG_DEPTH) parent = this.orgParent[parent];
        this.orgParent[o] = parent;
        depth[o] = depth[parent] + 1;
        this.orgKind[o] = UNIT;
      } else {
        this.orgKind[o] = o < 3 ? GOVERNMENT_BODY : this.orgKindTable.sample(rng);
      }
    }
  }

  /** An organisation (local index): Zipf hubs half the time, anyone otherwise. */
  sampleOrg(rng: Rng, hubShare = 0.5): number {
    return rng.chance(hubShare) ? this.orgZipf.sample(rng) : rng.int(this.layout.count[ORG]);
  }

  sampleEvent(rng: Rng, hubShare = 0.35): number {
    return rng.chance(hubShare) ? this.eventZipf.sample(rng) : rng.int(this.layout.count[EVENT]);
  }

  /** A place (global index): mostly a city, by Zipf, sometimes a country. */
  samplePlace(rng: Rng, countryShare = 0.1): number {
    const { offset, countries, regions, cities } = this.layout;
    if (cities === 0 || rng.chance(countryShare)) return offset[PLACE] + this.countryZipf.sample(rng);
    return offset[PLACE] + countries + regions + this.cityZipf.sample(rng);
  }

  /** The place a place lies in: region -> country, city -> region (or country if no regions); -1 for countries. */
  placeParent(local: number): number {
    const { offset, countries, regions } = this.layout;
    if (local < countries) return -1;
    const rng = this.rngPlace.at(this.bases.PLACE, local);
    if (local < countries + regions || regions === 0) return offset[PLACE] + this.countryZipf.sample(rng);
    return offset[PLACE] + countries + rng.int(regions);
  }

  /** Where an organisation is (global place index), or -1; most units are only located through their parent. */
  orgPlace(o: number): number {
    const rng = this.rngOrgPlace.at(this.bases.ORG_PLACE, o);
    const located = this.orgKind[o] === UNIT ? rng.chance(0.1) : rng.chance(0.95);
    return located ? this.samplePlace(rng, 0.12) : -1;
  }

  eventFacts(e: number): EventFacts {
    const rng = this.rngEvent.at(this.bases.EVENT, e);
    const u = rng.next();
    const kind = e < this.majorEvents || u < 0.3 ? 'CONFERENCE' : u < 0.8 ? 'MEETING' : 'SIGNING';
    const date = drawDate(rng);
    const place = rng.chance(0.95) ? this.samplePlace(rng, 0.08) : -1;
    const parent = e >= this.majorEvents && rng.chance(0.25) ? this.majorZipf.sample(rng) : -1;
    return { kind, date, place, parent };
  }

  /** The event an agreement was signed at (local index, preferring signing ceremonies), or -1. */
  agreementEvent(a: number): number {
    const rng = this.rngAgreement.at(this.bases.AGREEMENT, a);
    if (!rng.chance(0.85)) return -1;
    let e = rng.int(this.layout.count[EVENT]);
    for (let tries = 0; tries < 3 && this.eventFacts(e).kind !== 'SIGNING'; tries++) e = rng.int(this.layout.count[EVENT]);
    return e;
  }

  projectFacts(p: number): ProjectFacts {
    const rng = this.rngProject.at(this.bases.PROJECT, p);
    const kinds = KINDS.Project;
    const kind = p < this.topProjects ? rng.pick(['PROGRAMME', 'INITIATIVE', 'FRAMEWORK', 'PROJECT_GROUP']) : rng.pick(kinds);
    const launchEvent = rng.chance(0.5) ? this.sampleEvent(rng, 0.5) : -1;
    const parent = p >= this.topProjects && rng.chance(0.25) ? rng.int(this.topProjects) : -1;
    const own = drawDate(rng);
    const date = launchEvent >= 0 ? (this.eventFacts(launchEvent).date ?? own) : own;
    return { kind, launchEvent, parent, date };
  }

  /** The signing event's date when there is one, else a date of its own; a few stand for several MOUs (count). */
  agreementFacts(a: number): AgreementFacts {
    const event = this.agreementEvent(a);
    const rng = this.rngAgreement.at(this.bases.AGREEMENT_DATE, a);
    const own = drawDate(rng);
    const count = rng.chance(0.08) ? { value: 2 + rng.int(11), qualifier: rng.chance(0.7) ? 'EXACT' : 'MORE_THAN' } as const : null;
    return { event, date: event >= 0 ? (this.eventFacts(event).date ?? own) : own, count };
  }
}
