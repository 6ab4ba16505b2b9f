// A person's posts (HOLDS_POST), drawn from the person's own stream so that a document picturing
// the person can name the first post and the post can later cite that document.
import type { Rng } from './random';
import { ORG_KINDS, type World } from './world';
import { TITLES, TITLES_BY_KIND } from './words';

export interface Post {
  /** Local index of the organisation. */
  org: number;
  /** Index into TITLES. */
  title: number;
  hasEn: boolean;
  hasZh: boolean;
}

/** 1 to 8 posts, three on average, at distinct organisations; hubs take about half. */
export function drawPosts(world: World, p: number, rng: Rng): Post[] {
  rng.at(world.bases.POSTS, p);
  const k = 1 + rng.int(4) + (rng.chance(0.25) ? rng.int(5) : 0);
  const posts: Post[] = [];
  for (let tries = 0; posts.length < k && tries < 3 * k; tries++) {
    const org = world.sampleOrg(rng, 0.5);
    const titles = TITLES_BY_KIND[ORG_KINDS[world.orgKind[org]]];
    const title = titles[rng.int(titles.length)];
    const u = rng.next();
    if (posts.some((x) => x.org === org)) continue;
    posts.push({ org, title, hasEn: u < 0.95, hasZh: u < 0.8 || u >= 0.95 });
  }
  return posts;
}

export function titleJson(post: Post): string {
  const [en, zh] = TITLES[post.title];
  const parts: string[] = [];
  if (post.hasEn) parts.push(`{"value":${JSON.stringify(en)},"lang":"en"}`);
  if (post.hasZh) parts.push(`{"value":"${zh}","lang":"zh"}`);
  return `[${parts.join(',')}]`;
}
