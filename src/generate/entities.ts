// Entity lines: type, kind, names (a name a document mentions cites that passage), a few
// descriptions, partial dates, counts, and the dataset record as the source of everything else.
import { codePointLength } from '../shared/text';
import { type Context, passageCitation, recordCitation } from './context';
import { dateJson, type PartialDate } from './dates';
import { AGREEMENT, EVENT, ORG, PERSON, PLACE, PROJECT, TYPE_NAMES, typeOf } from './layout';
import type { Lang } from './mentions';
import type { Names } from './naming';
import { Rng } from './random';
import { ORG_KINDS } from './world';

const DESCRIBED_AS: Record<string, [string, string]> = {
  GOVERNMENT_BODY: ['A government body', '政府机构'], COMPANY: ['A company', '企业'], UNIVERSITY: ['A university', '大学'],
  MEDIA: ['A news organisation', '媒体'], COMMITTEE: ['A committee', '委员会'], INCUBATOR: ['An incubator', '孵化器'],
  OTHER: ['An organisation', '机构'],
};

const rng = new Rng();

function nameJson(ctx: Context, g: number, value: string, lang: Lang, kind: 'primary' | 'alias'): string {
  const at = kind === 'primary' ? ctx.mentions.nameAt(g, lang) : null;
  const source = at ? `,"source":${passageCitation(ctx, at.doc, at.start, at.start + codePointLength(value))}` : '';
  return `{"value":${JSON.stringify(value)},"lang":"${lang}","kind":"${kind}"${source}}`;
}

function namesJson(ctx: Context, g: number, n: Names): string {
  const out: string[] = [];
  if (n.en !== null) out.push(nameJson(ctx, g, n.en, 'en', 'primary'));
  if (n.zh !== null) out.push(nameJson(ctx, g, n.zh, 'zh', 'primary'));
  if (n.aliasEn !== null) out.push(nameJson(ctx, g, n.aliasEn, 'en', 'alias'));
  if (n.aliasZh !== null) out.push(nameJson(ctx, g, n.aliasZh, 'zh', 'alias'));
  return `[${out.join(',')}]`;
}

/** Some organisations say what they are and where, or whose unit they are, in one of their languages. */
function orgDescription(ctx: Context, o: number, n: Names): string {
  const { world, naming } = ctx;
  if (!rng.at(world.bases.DESCRIPTION, o).chance(0.4)) return '';
  const lang: Lang = n.en !== null ? 'en' : 'zh';
  const kind = ORG_KINDS[world.orgKind[o]];
  const nameIn = (g: number): string => {
    const other = naming.names(g);
    return (lang === 'en' ? other.en ?? other.zh : other.zh ?? other.en)!;
  };
  let value: string;
  if (kind === 'UNIT') {
    const parent = nameIn(world.layout.offset[ORG] + world.orgParent[o]);
    value = lang === 'en' ? `A unit of ${parent}.` : `${parent}下属单位。`;
  } else {
    const place = world.orgPlace(o);
    if (place < 0) return '';
    const [en, zh] = DESCRIBED_AS[kind];
    value = lang === 'en' ? `${en} based in ${nameIn(place)}.` : `位于${nameIn(place)}的${zh}。`;
  }
  return `,"description":{"value":${JSON.stringify(value)},"lang":"${lang}"}`;
}

export function entityLine(ctx: Context, g: number): string {
  const { world, naming } = ctx;
  const { layout } = world;
  const t = typeOf(layout, g);
  const local = g - layout.offset[t];
  const n = naming.names(g);
  let kind: string | null = null;
  let date: PartialDate | null = null;
  let extra = '';
  switch (t) {
    case PLACE:
      kind = local < layout.countries ? 'COUNTRY' : local < layout.countries + layout.regions ? 'REGION' : 'CITY';
      break;
    case ORG:
      kind = ORG_KINDS[world.orgKind[local]];
      extra = orgDescription(ctx, local, n);
      break;
    case EVENT: {
      const facts = world.eventFacts(local);
      [kind, date] = [facts.kind, facts.date];
      break;
    }
    case AGREEMENT: {
      const facts = world.agreementFacts(local);
      [kind, date] = ['MOU', facts.date];
      if (facts.count) extra = `,"count":{"value":${facts.count.value},"qualifier":"${facts.count.qualifier}"}`;
      break;
    }
    case PROJECT: {
      const facts = world.projectFacts(local);
      [kind, date] = [facts.kind, facts.date];
      break;
    }
    case PERSON:
      break;
  }
  return `{"entity":{"id":"${naming.id(g)}","type":"${TYPE_NAMES[t]}"${kind ? `,"kind":"${kind}"` : ''},` +
    `"names":${namesJson(ctx, g, n)}${extra}${date ? `,"date":${dateJson(date)}` : ''},"sources":[${recordCitation(ctx)}]}}`;
}
