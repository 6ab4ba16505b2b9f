// Top-level list filters and orders: each type's typed input (schema/filters.graphql) becomes one
// shape of query parameters that the list Cypher reads. Ids are decoded and type-checked and
// dates validated here, so a bad input fails before the database is asked.
import type {
  AgreementFilter, DatedEntityOrder, DocumentFilter, EntityOrder, EventFilter, OrganisationFilter, PersonFilter,
  PlaceFilter, ProjectFilter,
} from '../../generated/resolvers';
import { toDateRange, type DateRangeInput, type DateRange } from '../../shared/date-range';
import { badInput } from '../../shared/errors';
import { fromGlobalId, type GlobalId, type NodeType } from '../../shared/global-id';

/** Criteria as the list Cypher reads them; null (or an empty list) means "any". Keys are entity keys. */
export interface ListFilter {
  kinds: string[];
  /** Seated or held in this place or a place within it; units and sessions where their parent is. */
  place: string | null;
  /** A unit of this organisation, at any depth. */
  parent: string | null;
  participant: string | null;
  /** A party: PARTY_TO an agreement; INVOLVED_IN or GOVERNS a project. */
  party: string | null;
  /** One post meeting all of these (people). */
  post: { organisation: string | null; title: string | null; place: string | null } | null;
  date: DateRange | null;
}

export interface ListOrder {
  field: 'NAME' | 'DATE';
  descending: boolean;
}

export const NO_FILTER: ListFilter = {
  kinds: [], place: null, parent: null, participant: null, party: null, post: null, date: null,
};

export const BY_NAME: ListOrder = { field: 'NAME', descending: false };

const MAX_TITLE_LENGTH = 200;

/** Each kind once, in a stable order: the list reads one index range per kind. */
function distinctKinds(kinds: Maybe<readonly string[]>): string[] {
  return [...new Set(kinds ?? [])].sort();
}

type Maybe<T> = T | null | undefined;

export function personFilter(f: Maybe<PersonFilter>): ListFilter {
  if (!f || (f.organisation == null && f.postTitle == null && f.country == null)) return NO_FILTER;
  return {
    ...NO_FILTER,
    post: {
      organisation: entityKey(f.organisation, 'filter.organisation', ['Organisation']),
      title: postTitle(f.postTitle),
      place: entityKey(f.country, 'filter.country', ['Place']),
    },
  };
}

export function organisationFilter(f: Maybe<OrganisationFilter>): ListFilter {
  return {
    ...NO_FILTER,
    kinds: distinctKinds(f?.kinds),
    place: entityKey(f?.place, 'filter.place', ['Place']),
    parent: entityKey(f?.parent, 'filter.parent', ['Organisation']),
  };
}

export function eventFilter(f: Maybe<EventFilter>): ListFilter {
  return {
    ...NO_FILTER,
    place: entityKey(f?.place, 'filter.place', ['Place']),
    participant: entityKey(f?.participant, 'filter.participant', ['Person', 'Organisation']),
    date: dateRange(f?.date),
  };
}

export function agreementFilter(f: Maybe<AgreementFilter>): ListFilter {
  return { ...NO_FILTER, party: entityKey(f?.party, 'filter.party', ['Organisation', 'Place']), date: dateRange(f?.date) };
}

export function projectFilter(f: Maybe<ProjectFilter>): ListFilter {
  return { ...NO_FILTER, party: entityKey(f?.party, 'filter.party', ['Organisation', 'Place']), kinds: distinctKinds(f?.kinds), date: dateRange(f?.date) };
}

export function placeFilter(f: Maybe<PlaceFilter>): ListFilter {
  // A place's own LOCATED_IN chain is what `place` follows for every type: "within" is the same test.
  return { ...NO_FILTER, kinds: distinctKinds(f?.kinds), place: entityKey(f?.within, 'filter.within', ['Place']) };
}

export function documentFilter(f: Maybe<DocumentFilter>): ListFilter {
  return { ...NO_FILTER, date: dateRange(f?.date) };
}

export function listOrder(o: Maybe<EntityOrder | DatedEntityOrder>): ListOrder {
  if (!o) return BY_NAME;
  return { field: o.field ?? 'NAME', descending: o.direction === 'DESC' };
}

function dateRange(date: Maybe<DateRangeInput>): DateRange | null {
  return date ? toDateRange(date) : null;
}

/** A global id naming an entity of one of `types`; an id of another type is the caller's error. */
function entityKey(id: Maybe<string>, argument: string, types: NodeType[]): string | null {
  if (id == null) return null;
  let decoded: GlobalId;
  try {
    decoded = fromGlobalId(id);
  } catch {
    throw badInput(`${argument}: malformed id ${JSON.stringify(id)}`, argument);
  }
  if (!types.includes(decoded.type)) {
    throw badInput(`${argument} must be the id of ${types.join(' or ')}, got the id of ${decoded.type}`, argument);
  }
  return decoded.key;
}

function postTitle(title: Maybe<string>): string | null {
  if (title == null) return null;
  if (title.trim() === '') throw badInput('filter.postTitle is blank', 'filter.postTitle');
  if (title.length > MAX_TITLE_LENGTH) throw badInput(`filter.postTitle is longer than ${MAX_TITLE_LENGTH} characters`, 'filter.postTitle');
  return title;
}
