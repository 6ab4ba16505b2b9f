// Source documents and citations: the text, its metadata, and the passage behind every fact.
import type { RequestContext } from '../../api/context';
import type { Resolvers } from '../../generated/resolvers';
import { badInput } from '../../shared/errors';
import { entityFields } from '../entity/fields';
import { documentFilter } from '../entity/filters';
import { listOf } from '../entity/lists';
import type { EntityModel } from '../entity/model';
import { entitiesVia } from '../relationship/connections';
import { codePointLength, sliceCodePoints } from '../../shared/text';

const text = (e: EntityModel) => e.document?.text ?? '';

async function documentText(key: string, ctx: RequestContext): Promise<string> {
  const doc = await ctx.loaders.entity.byKey.load(key);
  if (!doc?.document) throw new Error(`cited document ${key} not found`);
  return doc.document.text;
}

export const documentResolvers: Resolvers = {
  Query: { documents: listOf('Document', documentFilter) },
  Document: {
    ...entityFields,
    languages: (e) => e.document?.languages ?? [],
    published: (e) => e.date,
    text,
    length: (e) => codePointLength(text(e)),
    sha256: (e) => e.document?.sha256 ?? '',
    excerpt: (e, { start, end }) => {
      const length = codePointLength(text(e));
      if (start < 0 || start >= length) throw badInput(`start must be in 0..${length - 1}, got ${start}`, 'start');
      if (end <= start || end > length) throw badInput(`end must be in ${start + 1}..${length}, got ${end}`, 'end');
      return sliceCodePoints(text(e), start, end);
    },
    publishers: entitiesVia({ types: ['PUBLISHED'], direction: 'IN', otherType: 'Organisation' }),
    authors: entitiesVia({ types: ['AUTHORED'], direction: 'IN', otherType: 'Person' }),
    dateline: entitiesVia({ types: ['DATELINED'], direction: 'OUT', otherType: 'Place' }),
  },
  Citation: {
    document: (c, _, ctx) =>
      ctx.loaders.entity.byKey.load(c.documentKey).then((d) => {
        if (!d) throw new Error(`cited document ${c.documentKey} not found`);
        return d;
      }),
    field: (c) => c.field,
    start: (c) => c.start,
    end: (c) => c.end,
    excerpt: async (c, _, ctx) => sliceCodePoints(await documentText(c.documentKey, ctx), c.start, c.end),
  },
};
