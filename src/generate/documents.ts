// Synthetic news reports (English, Chinese or both) on an event: dateline, the people pictured
// with their first post, other entities mentioned, reporter and publisher. Composing a report also
// yields the code-point ranges that its relationships and the mentioned names cite.
import { codePointLength } from '../shared/text';
import { type Context, recordCitation } from './context';
import { dateEn, dateJson, dateZh, type PartialDate } from './dates';
import { EVENT, ORG, PERSON, PLACE } from './layout';
import type { Lang } from './mentions';
import { drawPosts } from './posts';
import { Rng } from './random';
import { ORG_KINDS } from './world';
import { POSITIONS, TITLES, type Pair } from './words';

const MEDIA = ORG_KINDS.indexOf('MEDIA');

export interface Span {
  start: number;
  end: number;
}

/** An entity the report names, with the passages that state its part in it (one per language). */
export interface Role {
  g: number;
  spans: Span[];
}

export interface Report {
  languages: Lang[];
  titles: [string, Lang][];
  date: PartialDate | null;
  text: string;
  /** Global index of the dateline place and its name as first written, or -1 / null. */
  dateline: number;
  datelineQuote: string | null;
  publishers: Role[];
  reporters: Role[];
  photographers: Role[];
  pictured: (Role & { position: Pair })[];
  /** Local index of the event reported on, and the global index of the place it was held in. */
  event: number;
  place: number;
  /** Other entities the report names. */
  mentioned: number[];
}

/** Appends one language's part while counting code points, and notes where names land. */
class Builder {
  text = '';
  /** Code point offset in the whole document, where this part starts + its length so far. */
  pos: number;
  /** The name `name()` wrote last. */
  written = '';

  constructor(private readonly ctx: Context, private readonly d: number, private readonly lang: Lang, private readonly record: boolean, base: number) {
    this.pos = base;
  }

  add(s: string): this {
    this.text += s;
    this.pos += codePointLength(s);
    return this;
  }

  /** Writes g's name in this language (or its other one) and returns its span. */
  name(g: number): Span {
    const n = this.ctx.naming.names(g);
    const own = this.lang === 'en' ? n.en : n.zh;
    const start = this.pos;
    this.written = own ?? (n.en ?? n.zh)!;
    this.add(this.written);
    if (own !== null && this.record) this.ctx.mentions.name(g, this.d, this.lang, start);
    return { start, end: this.pos };
  }

  /** Notes that this part states person g's first post (as postPhrase has it). */
  statesPost(g: number): void {
    if (this.record) this.ctx.mentions.post(g - this.ctx.world.layout.offset[PERSON], this.d, this.lang);
  }
}

const rng = new Rng();
const postRng = new Rng();

/** The report of document d; `record` notes its mentions (done once, when the document is written). */
export function composeReport(ctx: Context, d: number, record: boolean): Report {
  const { world } = ctx;
  const { offset, count } = world.layout;
  rng.at(world.bases.DOCUMENT, d);
  const u = rng.next();
  const languages: Lang[] = u < 0.45 ? ['en'] : u < 0.8 ? ['zh'] : ['en', 'zh'];
  const event = world.sampleEvent(rng, 0.5);
  const facts = world.eventFacts(event);
  const place = facts.place >= 0 ? facts.place : world.samplePlace(rng);
  const dateline = rng.chance(0.9) ? place : -1;
  const distinct = (n: number, draw: () => number): number[] => {
    const out: number[] = [];
    for (let tries = 0; out.length < n && tries < 4 * n; tries++) {
      const g = draw();
      if (!out.includes(g)) out.push(g);
    }
    return out;
  };
  const people = distinct(rng.int(3), () => offset[PERSON] + rng.int(count[PERSON]));
  const positions = people.map(() => rng.pick(POSITIONS));
  const mentioned = distinct(1 + rng.int(4), () => offset[PLACE] + rng.int(world.layout.total - offset[PLACE]));
  const authors = distinct(rng.chance(0.4) ? 2 : 1, () => offset[PERSON] + rng.int(count[PERSON]));
  const pickPublisher = (): number => {
    let o = world.sampleOrg(rng, 0.3);
    for (let tries = 0; tries < 4 && world.orgKind[o] !== MEDIA; tries++) o = world.sampleOrg(rng, 0.3);
    return offset[ORG] + o;
  };
  const publishers = distinct(rng.chance(0.3) ? 2 : 1, pickPublisher);

  const report: Report = {
    languages, titles: [], date: facts.date, text: '', dateline, datelineQuote: null, event, place, mentioned,
    publishers: publishers.map((g) => ({ g, spans: [] })),
    reporters: [{ g: authors[0], spans: [] }],
    photographers: authors.slice(1).map((g) => ({ g, spans: [] })),
    pictured: people.map((g, i) => ({ g, spans: [], position: positions[i] })),
  };
  const parts: string[] = [];
  let base = 0;
  for (const lang of languages) {
    const b = new Builder(ctx, d, lang, record, base);
    if (lang === 'en') writeEnglish(ctx, b, report);
    else writeChinese(ctx, b, report);
    parts.push(b.text);
    base = b.pos + 2;
  }
  report.text = parts.join('\n\n');
  return report;
}

/** Person g's first post, when person, title and organisation all have names in `lang`: [organisation, title]. */
function firstPost(ctx: Context, g: number, lang: Lang): [number, string] | null {
  const { naming, world } = ctx;
  const post = drawPosts(world, g - world.layout.offset[PERSON], postRng)[0];
  const org = world.layout.offset[ORG] + post.org;
  const [person, where] = [naming.names(g), naming.names(org)];
  const ok = lang === 'en' ? post.hasEn && person.en !== null && where.en !== null : post.hasZh && person.zh !== null && where.zh !== null;
  return ok ? [org, TITLES[post.title][lang === 'en' ? 0 : 1]] : null;
}

/** How a report states a post, and how the post's citation quotes it. */
export function postPhrase(lang: Lang, person: string, title: string, org: string): string {
  return lang === 'en' ? `${person}, ${title} of ${org}` : `${org}${title}${person}`;
}

function writeEnglish(ctx: Context, b: Builder, r: Report): void {
  const eventG = ctx.world.layout.offset[EVENT] + r.event;
  if (r.dateline >= 0) {
    b.name(r.dateline);
    r.datelineQuote ??= b.written;
    if (r.date) b.add(`, ${dateEn(r.date)}`);
    b.add(' — ');
  } else if (r.date) b.add(`${dateEn(r.date)} — `);
  b.add('The ');
  b.name(eventG);
  const eventName = b.written;
  b.add(' took place in ');
  b.name(r.place);
  r.titles.push([`${eventName} held in ${b.written}`, 'en']);
  b.add(', bringing together officials, researchers and business representatives. ');
  for (const who of r.pictured) {
    const start = b.pos;
    b.add('Pictured: ');
    b.name(who.g);
    const post = firstPost(ctx, who.g, 'en');
    if (post) {
      b.add(`, ${post[1]} of `);
      b.name(post[0]);
      b.statesPost(who.g);
    }
    b.add(` (${who.position[0].toLowerCase()}) at the event.`);
    who.spans.push({ start, end: b.pos });
    b.add(' ');
  }
  const { mentioned } = r;
  if (mentioned.length > 0) {
    b.add('The report also mentions ');
    mentioned.forEach((g, i) => {
      if (i > 0) b.add(i === mentioned.length - 1 ? ' and ' : ', ');
      b.name(g);
    });
    b.add('. ');
  }
  b.add('Reported by ');
  r.reporters[0].spans.push(b.name(r.reporters[0].g));
  for (const ph of r.photographers) {
    b.add('; photo by ');
    ph.spans.push(b.name(ph.g));
  }
  b.add('. Published by ');
  r.publishers[0].spans.push(b.name(r.publishers[0].g));
  for (const dist of r.publishers.slice(1)) {
    b.add(' and distributed by ');
    dist.spans.push(b.name(dist.g));
  }
  b.add('.');
}

function writeChinese(ctx: Context, b: Builder, r: Report): void {
  const eventG = ctx.world.layout.offset[EVENT] + r.event;
  if (r.dateline >= 0) {
    b.name(r.dateline);
    r.datelineQuote ??= b.written;
    b.add(`${r.date ? dateZh(r.date) : ''}电 `);
  } else if (r.date) b.add(`${dateZh(r.date)} `);
  b.name(eventG);
  const eventName = b.written;
  b.add('在');
  b.name(r.place);
  r.titles.push([`${eventName}在${b.written}举行`, 'zh']);
  b.add('举行，政府、学界和企业界代表出席。');
  for (const who of r.pictured) {
    const start = b.pos;
    b.add('图为');
    const post = firstPost(ctx, who.g, 'zh');
    if (post) {
      b.name(post[0]);
      b.add(post[1]);
      b.statesPost(who.g);
    }
    b.name(who.g);
    b.add(`（${who.position[1]}）出席活动。`);
    who.spans.push({ start, end: b.pos });
  }
  const { mentioned } = r;
  if (mentioned.length > 0) {
    b.add('报道还提到了');
    mentioned.forEach((g, i) => {
      if (i > 0) b.add(i === mentioned.length - 1 ? '和' : '、');
      b.name(g);
    });
    b.add('。');
  }
  b.add('（记者 ');
  r.reporters[0].spans.push(b.name(r.reporters[0].g));
  for (const ph of r.photographers) {
    b.add('；摄影 ');
    ph.spans.push(b.name(ph.g));
  }
  b.add('）');
  r.publishers[0].spans.push(b.name(r.publishers[0].g));
  b.add('发布');
  for (const dist of r.publishers.slice(1)) {
    b.add('，');
    dist.spans.push(b.name(dist.g));
    b.add('转载');
  }
  b.add('。');
}

/** The document line of document d (noting its mentions for the entities written later). */
export function documentLine(ctx: Context, d: number): string {
  const r = composeReport(ctx, d, true);
  const titles = r.titles.map(([value, lang]) => `{"value":${JSON.stringify(value)},"lang":"${lang}"}`).join(',');
  const published = r.date ? `,"published":${dateJson(r.date)}` : '';
  return `{"document":{"id":"${ctx.naming.id(d)}","languages":${JSON.stringify(r.languages)},"titles":[${titles}]${published},` +
    `"text":${JSON.stringify(r.text)},"sources":[${recordCitation(ctx)}]}}`;
}
