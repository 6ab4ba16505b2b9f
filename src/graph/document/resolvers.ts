// Source documents and citations: the text, its metadata, and the passage behind every fact.
import type { RequestContext } from '../../api/context';
import type { Resolvers } from '../../generated/resolvers';
import { badInput } from '../../shared/errors';
import { attribute, entityFields } from '../entity/fields';
import { documentFilter } from '../entity/filters';
import { listOf } from '../entity/lists';
import type { EntityModel } from '../entity/model';
import type { CitationModel } from '../../shared/citations';
import { entitiesVia } from '../relationship/connections';

// A document's text is loaded only when asked for (text, length, an excerpt), once per request,
// and split into code points once per request, not once per citation: a provenance query slices
// the same few documents hundreds of times.
const codePoints = new WeakMap<RequestContext, Map<string, Promise<string[]>>>();
function codePointsOf(key: string, ctx: RequestContext): Promise<string[]> {
  let byKey = codePoints.get(ctx);
  if (!byKey) codePoints.set(ctx, (byKey = new Map()));
  let points = byKey.get(key);
  if (!points) byKey.set(key, (points = ctx.loaders.entity.text.load(key).then((t) => Array.from(t))));
  return points;
}

async function citedDocument(key: string, ctx: RequestContext): Promise<EntityModel> {
  const doc = await ctx.loaders.entity.byKey.load(key);
  if (doc?.type !== 'Document') throw new Error(`cited document ${key} not found`);
  return doc;
}

const documentOf = attribute('document');
const passage = (c: CitationModel) => (c.kind === 'PASSAGE' ? c : null);

export const documentResolvers: Resolvers = {
  Query: { documents: listOf('Document', documentFilter) },
  Document: {
    ...entityFields,
    languages: async (e, _, ctx) => (await documentOf(e, _, ctx))?.languages ?? [],
    published: attribute('date'),
    text: (e, _, ctx) => ctx.loaders.entity.text.load(e.key),
    length: async (e, _, ctx) => (await codePointsOf(e.key, ctx)).length,
    sha256: async (e, _, ctx) => (await documentOf(e, _, ctx))?.sha256 ?? '',
    excerpt: async (e, { start, end }, ctx) => {
      const points = await codePointsOf(e.key, ctx);
      if (start < 0 || start >= points.length) throw badInput(`start must be in 0..${points.length - 1}, got ${start}`, 'start');
      if (end <= start || end > points.length) throw badInput(`end must be in ${start + 1}..${points.length}, got ${end}`, 'end');
      return points.slice(start, end).join('');
    },
    publishers: entitiesVia({ types: ['PUBLISHED'], direction: 'IN', otherType: 'Organisation' }),
    authors: entitiesVia({ types: ['AUTHORED'], direction: 'IN', otherType: 'Person' }),
    dateline: entitiesVia({ types: ['DATELINED'], direction: 'OUT', otherType: 'Place' }),
  },
  Citation: {
    kind: (c) => c.kind,
    document: (c, _, ctx) => (c.kind === 'PASSAGE' ? citedDocument(c.documentKey, ctx) : null),
    field: (c) => c.field,
    start: (c) => passage(c)?.start ?? null,
    end: (c) => passage(c)?.end ?? null,
    excerpt: async (c, _, ctx) => (c.kind === 'PASSAGE' ? (await codePointsOf(c.documentKey, ctx)).slice(c.start, c.end).join('') : null),
    dataset: (c, _, ctx) => (c.kind === 'DATASET_RECORD' ? ctx.loaders.document.dataset.load(c.datasetKey) : null),
    record: (c) => (c.kind === 'DATASET_RECORD' ? c.record : null),
  },
};
