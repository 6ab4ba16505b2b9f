// What people do: posts in organisations (HOLDS_POST, titles in English and/or Chinese; a first
// post a report states cites it) and taking part in events (PARTICIPATED_IN, heavy-tailed counts).
import { type Context, recordCitation } from './context';
import type { Marks } from './dedupe';
import { postPhrase } from './documents';
import type { Edges } from './edges';
import { EVENT, ORG, PERSON } from './layout';
import type { Lang } from './mentions';
import { drawPosts, titleJson, type Post } from './posts';
import { Rng } from './random';
import { TITLES } from './words';

/** Roles people take at events, by cumulative share; PICTURED comes only from reports. */
const ROLE_CUTS: readonly [number, string][] = [
  [0.1, ',"role":"SPEAKER"'], [0.12, ',"role":"CO_CHAIR"'], [0.8, ',"role":"ATTENDEE"'],
  [0.85, ',"role":"SIGNATORY"'], [0.95, ',"role":"REPRESENTATIVE"'], [1, ''],
];

function role(u: number): string {
  for (const [cut, json] of ROLE_CUTS) if (u < cut) return json;
  return '';
}

function mode(u: number): string {
  return u < 0.06 ? ',"mode":"VIDEO"' : u < 0.1 ? ',"mode":"IN_PERSON"' : '';
}

/** The dataset record, plus the report passages stating the post when this is the person's first post. */
function postCitations(ctx: Context, p: number, post: Post, first: boolean): string | undefined {
  const at = first ? ctx.mentions.postAt(p) : null;
  if (!at) return undefined;
  const { naming, world } = ctx;
  const person = naming.names(world.layout.offset[PERSON] + p);
  const org = naming.names(world.layout.offset[ORG] + post.org);
  const quotes: string[] = [];
  const quote = (lang: Lang, who: string, title: string, where: string): void => {
    quotes.push(`{"document":"${naming.id(at.doc)}","quote":${JSON.stringify(postPhrase(lang, who, title, where))}}`);
  };
  if (at.en) quote('en', person.en!, TITLES[post.title][0], org.en!);
  if (at.zh) quote('zh', person.zh!, TITLES[post.title][1], org.zh!);
  return [recordCitation(ctx), ...quotes].join(',');
}

export async function writePeople(ctx: Context, edges: Edges, marks: Marks): Promise<void> {
  const { world } = ctx;
  const { offset, count } = world.layout;
  const rng = new Rng();
  const cap = Math.min(500, count[EVENT]);
  for (let p = 0; p < count[PERSON]; p++) {
    const g = offset[PERSON] + p;
    const posts = drawPosts(world, p, rng);
    for (let i = 0; i < posts.length; i++) {
      const post = posts[i];
      const citations = postCitations(ctx, p, post, i === 0);
      if (edges.add('HOLDS_POST', g, offset[ORG] + post.org, `,"title":${titleJson(post)}`, citations)) await edges.flush();
    }
    rng.at(world.bases.PERSON_EVENTS, p);
    const k = Math.max(1, rng.powerLaw(3.5, 2.3, cap));
    marks.next();
    for (let made = 0, tries = 0; made < k && tries < 3 * k + 5; tries++) {
      const e = world.sampleEvent(rng);
      const fields = role(rng.next()) + mode(rng.next());
      if (!marks.mark(e)) continue;
      made++;
      if (edges.add('PARTICIPATED_IN', g, offset[EVENT] + e, fields)) await edges.flush();
    }
  }
}
