// Where documents mention entities, noted while the documents are written (they come first in the
// file) so that entity names and posts written later can cite the exact passage. An entity keeps
// the last document that mentions it; within that document, the first place per language.

export type Lang = 'en' | 'zh';

export class Mentions {
  private readonly doc: Int32Array;
  private readonly startEn: Int32Array;
  private readonly startZh: Int32Array;
  private readonly postDoc: Int32Array;
  private readonly postLangs: Uint8Array;

  /** `total` global indexes; `people` persons, indexed locally, for the pictured posts. */
  constructor(total: number, people: number) {
    this.doc = new Int32Array(total).fill(-1);
    this.startEn = new Int32Array(total);
    this.startZh = new Int32Array(total);
    this.postDoc = new Int32Array(people).fill(-1);
    this.postLangs = new Uint8Array(people);
  }

  /** Entity g's name in `lang` starts at code point `start` of document d's text. */
  name(g: number, d: number, lang: Lang, start: number): void {
    if (this.doc[g] !== d) {
      this.doc[g] = d;
      this.startEn[g] = -1;
      this.startZh[g] = -1;
    }
    const starts = lang === 'en' ? this.startEn : this.startZh;
    if (starts[g] === -1) starts[g] = start;
  }

  /** Document d states person p's first post in `lang` (see postPhrase). */
  post(p: number, d: number, lang: Lang): void {
    if (this.postDoc[p] !== d) {
      this.postDoc[p] = d;
      this.postLangs[p] = 0;
    }
    this.postLangs[p] |= lang === 'en' ? 1 : 2;
  }

  /** The document and start of entity g's name in `lang`, or null. */
  nameAt(g: number, lang: Lang): { doc: number; start: number } | null {
    const d = this.doc[g];
    if (d < 0) return null;
    const start = lang === 'en' ? this.startEn[g] : this.startZh[g];
    return start < 0 ? null : { doc: d, start };
  }

  /** The document stating person p's first post and in which languages, or null. */
  postAt(p: number): { doc: number; en: boolean; zh: boolean } | null {
    const d = this.postDoc[p];
    return d < 0 ? null : { doc: d, en: (this.postLangs[p] & 1) !== 0, zh: (this.postLangs[p] & 2) !== 0 };
  }
}
