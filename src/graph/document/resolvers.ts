// Source documents and citations: the text, its metadata, and the passage behind every fact.
import type { RequestContext } from '../../api/context';
import type { Resolvers } from '../../generated/resolvers';
import { badInput } from '../../shared/errors';
import { entityFields } from '../entity/fields';
import { documentFilter } from '../entity/filters';
import { listOf } from '../entity/lists';
import type { EntityModel } from '../entity/model';
import { entitiesVia } from '../relationship/connections';

const text = (e: EntityModel) => e.document?.text ?? '';

// A document's text split into code points once per request (the loader caches the model), not
// once per citation: a provenance query slices the same few documents hundreds of times.
const codePoints = new WeakMap<object, string[]>();
function codePointsOf(e: EntityModel): string[] {
  const key = e.document ?? e;
  let points = codePoints.get(key);
  if (!points) codePoints.set(key, (points = Array.from(text(e))));
  return points;
}

async function citedDocument(key: string, ctx: RequestContext): Promise<EntityModel> {
  const doc = await ctx.loaders.entity.byKey.load(key);
  if (!doc?.document) throw new Error(`cited document ${key} not found`);
  return doc;
}

export const documentResolvers: Resolvers = {
  Query: { documents: listOf('Document', documentFilter) },
  Document: {
    ...entityFields,
    languages: (e) => e.document?.languages ?? [],
    published: (e) => e.date,
    text,
    length: (e) => codePointsOf(e).length,
    sha256: (e) => e.document?.sha256 ?? '',
    excerpt: (e, { start, end }) => {
      const length = codePointsOf(e).length;
      if (start < 0 || start >= length) throw badInput(`start must be in 0..${length - 1}, got ${start}`, 'start');
      if (end <= start || end > length) throw badInput(`end must be in ${start + 1}..${length}, got ${end}`, 'end');
      return codePointsOf(e).slice(start, end).join('');
    },
    publishers: entitiesVia({ types: ['PUBLISHED'], direction: 'IN', otherType: 'Organisation' }),
    authors: entitiesVia({ types: ['AUTHORED'], direction: 'IN', otherType: 'Person' }),
    dateline: entitiesVia({ types: ['DATELINED'], direction: 'OUT', otherType: 'Place' }),
  },
  Citation: {
    document: (c, _, ctx) => citedDocument(c.documentKey, ctx),
    field: (c) => c.field,
    start: (c) => c.start,
    end: (c) => c.end,
    excerpt: async (c, _, ctx) => codePointsOf(await citedDocument(c.documentKey, ctx)).slice(c.start, c.end).join(''),
  },
};
