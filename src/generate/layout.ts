// How many entities of each type a graph of N gets, and where each type sits in one global index
// space (documents first). Shares follow the reference graph: Person 45%, Organisation 20%,
// Event 12%, Project 8%, Agreement 6%, Place 3%, Document 6%; every type gets at least one,
// places at least three (countries), and Person takes whatever remains.

export const DOC = 0;
export const PLACE = 1;
export const ORG = 2;
export const EVENT = 3;
export const AGREEMENT = 4;
export const PROJECT = 5;
export const PERSON = 6;
export type TypeCode = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const TYPE_NAMES = ['Document', 'Place', 'Organisation', 'Event', 'Agreement', 'Project', 'Person'] as const;
export const ID_PREFIXES = ['doc-gen', 'place', 'org', 'event', 'agreement', 'project', 'person'] as const;

const SHARES = [0.06, 0.03, 0.2, 0.12, 0.06, 0.08, 0.45];
const MINIMUMS = [1, 3, 2, 1, 1, 1, 1];

export interface Layout {
  /** Entities plus documents: the N asked for. */
  total: number;
  count: Int32Array;
  offset: Int32Array;
  /** Places split: countries first, then regions, then cities. */
  countries: number;
  regions: number;
  cities: number;
}

export const MIN_ENTITIES = 10;

export function planLayout(total: number, countryNames: number): Layout {
  const count = new Int32Array(7);
  let rest = total;
  for (let t = 0; t < PERSON; t++) {
    count[t] = Math.max(MINIMUMS[t], Math.round(total * SHARES[t]));
    rest -= count[t];
  }
  count[PERSON] = rest;
  const offset = new Int32Array(7);
  for (let t = 1; t < 7; t++) offset[t] = offset[t - 1] + count[t - 1];
  const places = count[PLACE];
  const countries = Math.min(countryNames, Math.max(3, Math.round(places * 0.02)));
  const regions = Math.round((places - countries) * 0.15);
  return { total, count, offset, countries, regions, cities: places - countries - regions };
}

/** The type of a global index (seven ranges, checked from the largest offset down). */
export function typeOf(layout: Layout, g: number): TypeCode {
  for (let t = PERSON; t > DOC; t--) if (g >= layout.offset[t]) return t as TypeCode;
  return DOC;
}
