// The shape of a seed file (seeds/*.yaml), validated on load so a curation mistake fails loudly
// with the path of the bad value instead of landing in the graph. See seeds/README.md.
import { z } from 'zod';
import { LIST_BOUNDS } from '../shared/list-bounds';

export const ENTITY_TYPES = ['Person', 'Organisation', 'Event', 'Agreement', 'Project', 'Place'] as const;
export type SeedEntityType = (typeof ENTITY_TYPES)[number];

export const KINDS: Record<SeedEntityType, readonly string[]> = {
  Person: [],
  Organisation: ['GOVERNMENT_BODY', 'UNIT', 'COMPANY', 'UNIVERSITY', 'MEDIA', 'COMMITTEE', 'INCUBATOR', 'OTHER'],
  Event: ['CONFERENCE', 'MEETING', 'SIGNING'],
  Agreement: ['MOU'],
  Project: ['INITIATIVE', 'PROGRAMME', 'PROJECT', 'PROJECT_GROUP', 'FUND', 'TRIAL', 'FRAMEWORK', 'INFRASTRUCTURE'],
  Place: ['COUNTRY', 'CITY', 'REGION'],
};

export const RELATIONSHIP_TYPES = [
  'HOLDS_POST', 'PART_OF', 'LOCATED_IN', 'PARTICIPATED_IN', 'ORGANISED', 'PARTY_TO', 'SIGNED_AT',
  'LAUNCHED_AT', 'INVOLVED_IN', 'GOVERNS', 'COOPERATES_WITH', 'PUBLISHED', 'AUTHORED', 'DATELINED',
] as const;
export type SeedRelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Which entity types each relationship may join; `Document` is the source document itself. */
export const ENDPOINTS: Record<SeedRelationshipType, { from: string[]; to: string[] }> = {
  HOLDS_POST: { from: ['Person'], to: ['Organisation'] },
  PART_OF: { from: ['Organisation', 'Event', 'Project'], to: ['Organisation', 'Event', 'Project'] },
  LOCATED_IN: { from: ['Organisation', 'Event', 'Place'], to: ['Place'] },
  PARTICIPATED_IN: { from: ['Person', 'Organisation'], to: ['Event'] },
  ORGANISED: { from: ['Organisation'], to: ['Event'] },
  PARTY_TO: { from: ['Organisation', 'Place'], to: ['Agreement'] },
  SIGNED_AT: { from: ['Agreement'], to: ['Event'] },
  LAUNCHED_AT: { from: ['Project'], to: ['Event'] },
  INVOLVED_IN: { from: ['Organisation', 'Place'], to: ['Project'] },
  GOVERNS: { from: ['Organisation'], to: ['Project'] },
  COOPERATES_WITH: { from: ['Organisation', 'Place'], to: ['Organisation', 'Place'] },
  PUBLISHED: { from: ['Organisation'], to: ['Document'] },
  AUTHORED: { from: ['Person'], to: ['Document'] },
  DATELINED: { from: ['Document'], to: ['Place'] },
};

export const ROLES = [
  'SPEAKER', 'CO_CHAIR', 'ATTENDEE', 'SIGNATORY', 'PICTURED', 'REPRESENTATIVE',
  'PARTY', 'OWNER', 'PARTNER', 'OPERATOR', 'PUBLISHER', 'DISTRIBUTOR', 'REPORTER', 'PHOTOGRAPHER',
] as const;

export const lang = z.enum(['en', 'zh']);
const quoteRef = z.strictObject({ quote: z.string().min(1), occurrence: z.number().int().min(1).optional() });
export const localized = z.strictObject({ value: z.string().min(1), lang });

/** The parts of a partial date; shared with the NDJSON import shape. */
export const dateParts = {
  year: z.number().int().min(1000).max(9999).optional(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
};

/** No year is ever guessed, but a date must say something, and a day needs its month. */
export function withDateRules<T extends z.ZodType<{ year?: number; month?: number; day?: number }>>(date: T) {
  return date
    .refine((d) => d.year !== undefined || d.month !== undefined, 'a date needs at least a year or a month')
    .refine((d) => d.day === undefined || d.month !== undefined, 'a day needs a month');
}

const partialDate = withDateRules(
  z.strictObject({ ...dateParts, quote: z.string().min(1), occurrence: z.number().int().min(1).optional() }),
);

const name = z.strictObject({
  value: z.string().min(1),
  lang,
  kind: z.enum(['primary', 'alias']),
  quote: z.string().min(1),
  occurrence: z.number().int().min(1).optional(),
});

export const ENTITY_ID = /^(person|org|event|agreement|project|place)-[a-z0-9-]+$/;
export const DOCUMENT_ID = /^doc-[a-z0-9-]+$/;

const entity = z.strictObject({
  id: z.string().regex(ENTITY_ID),
  type: z.enum(ENTITY_TYPES),
  kind: z.string().optional(),
  names: z.array(name).min(1).max(LIST_BOUNDS.names),
  description: localized.extend({ quote: z.string().min(1), occurrence: z.number().int().min(1).optional() }).optional(),
  date: partialDate.optional(),
  count: z
    .strictObject({
      value: z.number().int().min(0),
      qualifier: z.enum(['EXACT', 'MORE_THAN']),
      quote: z.string().min(1),
      occurrence: z.number().int().min(1).optional(),
    })
    .optional(),
  notes: z.array(z.string().min(1)).max(LIST_BOUNDS.notes).optional(),
});

const relationship = z.strictObject({
  type: z.enum(RELATIONSHIP_TYPES),
  from: z.string().min(1),
  to: z.string().min(1),
  title: z.array(localized).max(LIST_BOUNDS.titles).optional(),
  role: z.enum(ROLES).optional(),
  mode: z.enum(['IN_PERSON', 'VIDEO']).optional(),
  position: z.string().min(1).optional(),
  quotes: z.array(quoteRef).min(1).max(LIST_BOUNDS.sources),
  notes: z.array(z.string().min(1)).max(LIST_BOUNDS.notes).optional(),
});

export const seedFileShape = z.strictObject({
  document: z.strictObject({
    id: z.string().regex(DOCUMENT_ID),
    file: z.string().regex(/^documents\/[^/]+\.txt$/),
    languages: z.array(lang).min(1).max(LIST_BOUNDS.languages),
    titles: z.array(localized.extend({ quote: z.string().min(1) })).min(1).max(LIST_BOUNDS.titles),
    published: partialDate.optional(),
    notes: z.array(z.string().min(1)).max(LIST_BOUNDS.notes).optional(),
  }),
  entities: z.array(entity),
  relationships: z.array(relationship),
});

export type SeedFile = z.infer<typeof seedFileShape>;
export type SeedEntity = SeedFile['entities'][number];
export type SeedRelationship = SeedFile['relationships'][number];
