// Names and ids of generated entities, recomputed from (seed, index) on demand so no string is
// kept per entity: the id is the type prefix, a slug of the English name and the index within the
// type; which languages are shown (about 10% Chinese only, some English only) is drawn separately.
import { AGREEMENT, EVENT, ID_PREFIXES, ORG, PERSON, PLACE, PROJECT, typeOf } from './layout';
import { drawPersonName } from './person-names';
import { COUNTRIES, drawPlaceWord } from './place-names';
import { Rng } from './random';
import { ORG_KINDS, type World } from './world';
import {
  EVENT_WORDS, FIELDS, INDUSTRIES, ORDINALS, PORTFOLIOS, PROJECT_WORDS, TOPICS, acronym, slugify, type Pair,
} from './words';

export interface Names {
  en: string | null;
  zh: string | null;
  aliasEn: string | null;
  aliasZh: string | null;
}

/** Names before the language choice: English always exists here (it makes the id's slug). */
interface RawNames {
  en: string;
  zh: string | null;
  aliasEn: string | null;
  aliasZh: string | null;
  /** What the id's slug is made from, when not the English name. */
  slug?: string;
}

const raw = (en: string, zh: string | null, aliasEn: string | null = null, aliasZh: string | null = null): RawNames => ({ en, zh, aliasEn, aliasZh });

export class Naming {
  private readonly rng = new Rng();
  private readonly langRng = new Rng();
  private readonly placeRng = new Rng();

  constructor(private readonly world: World) {}

  id(g: number): string {
    const t = typeOf(this.world.layout, g);
    const local = g - this.world.layout.offset[t];
    const suffix = String(local).padStart(6, '0');
    if (t === 0) return `${ID_PREFIXES[0]}-${suffix}`;
    const r = this.raw(g);
    return `${ID_PREFIXES[t]}-${slugify(r.slug ?? r.en)}-${suffix}`;
  }

  /** The names an entity is published with. */
  names(g: number): Names {
    const r = this.raw(g);
    const { layout, bases } = this.world;
    const isCountry = typeOf(layout, g) === PLACE && g - layout.offset[PLACE] < layout.countries;
    const u = this.langRng.at(bases.NAME_LANG, g).next();
    if (r.zh === null || (u >= 0.1 && u < 0.18 && !isCountry)) return { en: r.en, zh: null, aliasEn: r.aliasEn, aliasZh: null };
    if (u < 0.1 && !isCountry) return { en: null, zh: r.zh, aliasEn: null, aliasZh: r.aliasZh };
    return { en: r.en, zh: r.zh, aliasEn: r.aliasEn, aliasZh: r.aliasZh };
  }

  /** A place's bare word, for composing other names: "Jiangning" / "江宁", "China" / "中国". */
  placeWord(g: number): Pair {
    const local = g - this.world.layout.offset[PLACE];
    if (local < this.world.layout.countries) return [COUNTRIES[local][0], COUNTRIES[local][1]];
    return drawPlaceWord(this.placeRng.at(this.world.bases.PLACE_NAME, local));
  }

  private raw(g: number): RawNames {
    const { layout, bases } = this.world;
    const t = typeOf(layout, g);
    const local = g - layout.offset[t];
    switch (t) {
      case PLACE: return this.place(local, g);
      case ORG: return this.org(local, this.rng.at(bases.ORG_NAME, local));
      case EVENT: return this.event(local, this.rng.at(bases.EVENT_NAME, local));
      case AGREEMENT: return this.agreement(local, this.rng.at(bases.AGREEMENT_NAME, local));
      case PROJECT: return this.project(local, this.rng.at(bases.PROJECT_NAME, local));
      case PERSON: {
        const p = drawPersonName(this.rng.at(bases.PERSON_NAME, local));
        return raw(p.en, p.zh, p.alias);
      }
      default: return raw(`Document ${local}`, null);
    }
  }

  private place(local: number, g: number): RawNames {
    const { countries, regions } = this.world.layout;
    if (local < countries) {
      const [en, zh, alias] = COUNTRIES[local];
      return raw(en, zh, alias ?? null, local === 0 ? '中华人民共和国' : null);
    }
    const [en, zh] = this.placeWord(g);
    if (local < countries + regions) return raw(`${en} Province`, `${zh}省`);
    return raw(en, zh, null, local % 5 === 0 ? `${zh}市` : null);
  }

  private where(placeG: number, rng: Rng): Pair {
    return placeG >= 0 ? this.placeWord(placeG) : drawPlaceWord(rng);
  }

  private org(o: number, rng: Rng): RawNames {
    const kind = ORG_KINDS[this.world.orgKind[o]];
    const [p, pz] = rng.pick(PORTFOLIOS);
    const [t, tz] = rng.pick(TOPICS);
    const [w, wz] = this.where(this.world.orgPlace(o), rng);
    const v = rng.int(4);
    let en: string;
    let zh: string;
    switch (kind) {
      case 'GOVERNMENT_BODY':
        [en, zh] = [[`Ministry of ${p}`, `${pz}部`], [`${w} Municipal Bureau of ${p}`, `${wz}市${pz}局`],
          [`${w} ${t} Development Authority`, `${wz}${tz}发展局`], [`${w} Municipal People's Government`, `${wz}市人民政府`]][v];
        break;
      case 'UNIT':
        [en, zh] = [[`${p} Division`, `${pz}司`], [`Department of ${t}`, `${tz}处`], [`${t} Office`, `${tz}办公室`], [`${t} Centre`, `${tz}中心`]][v];
        break;
      case 'COMPANY': {
        const [b, bz] = drawPlaceWord(rng);
        const [i, iz] = rng.pick(INDUSTRIES);
        [en, zh] = v < 2 ? [`${b} ${i} Group`, `${bz}${iz}集团`] : [`${b} ${i} Co., Ltd.`, `${bz}${iz}有限公司`];
        break;
      }
      case 'UNIVERSITY': {
        const [f, fz] = rng.pick(FIELDS);
        [en, zh] = v < 2 ? [`${w} University`, `${wz}大学`] : [`${w} University of ${f}`, `${wz}${fz}大学`];
        break;
      }
      case 'MEDIA':
        [en, zh] = [[`${w} Daily`, `${wz}日报`], [`${w} Evening News`, `${wz}晚报`], [`${w} News Service`, `${wz}新闻社`], [`${w} Television`, `${wz}电视台`]][v];
        break;
      case 'COMMITTEE':
        [en, zh] = v < 2 ? [`Joint Committee on ${t}`, `${tz}联合委员会`] : [`${w} ${t} Steering Committee`, `${wz}${tz}指导委员会`];
        break;
      case 'INCUBATOR':
        [en, zh] = v < 2 ? [`${w} ${t} Incubator`, `${wz}${tz}孵化器`] : [`${w} Innovation Hub`, `${wz}创新中心`];
        break;
      default:
        [en, zh] = [[`${t} Association of ${w}`, `${wz}${tz}协会`], [`${w} Foundation`, `${wz}基金会`], [`${w} Chamber of Commerce`, `${wz}商会`], [`${w} ${t} Council`, `${wz}${tz}理事会`]][v];
    }
    const withAlias = kind !== 'UNIT' && kind !== 'COMPANY' && rng.chance(0.35);
    return raw(en, zh, withAlias ? acronym(en) : null);
  }

  private event(e: number, rng: Rng): RawNames {
    const facts = this.world.eventFacts(e);
    const [t, tz] = rng.pick(TOPICS);
    const [w, wz] = this.where(facts.place, rng);
    const year = facts.date?.year;
    if (facts.parent >= 0 && facts.kind !== 'SIGNING') return raw(`Parallel Session on ${t}`, `${tz}分论坛`);
    if (facts.kind === 'CONFERENCE') {
      const [k, kz] = rng.pick(EVENT_WORDS);
      return raw(`${w} ${t} ${k}${year ? ` ${year}` : ''}`, `${year ? `${year}` : ''}${wz}${tz}${kz}`);
    }
    if (facts.kind === 'MEETING') {
      const n = rng.int(ORDINALS.length);
      return raw(`${ORDINALS[n][0]} Meeting of the ${t} Joint Committee`, `${tz}联合委员会第${ORDINALS[n][1]}次会议`);
    }
    return raw(`${w} ${t} Cooperation Signing Ceremony`, `${wz}${tz}合作签约仪式`);
  }

  private agreement(a: number, rng: Rng): RawNames {
    const [t, tz] = rng.pick(TOPICS);
    const plural = this.world.agreementFacts(a).count !== null;
    const en = `${plural ? 'Memoranda' : 'Memorandum'} of Understanding on ${t} Cooperation`;
    return { ...raw(en, `${tz}合作谅解备忘录`, rng.chance(0.3) ? `${t} ${plural ? 'MOUs' : 'MOU'}` : null), slug: `mou ${t}` };
  }

  private project(p: number, rng: Rng): RawNames {
    const [t, tz] = rng.pick(TOPICS);
    const [w, wz] = this.placeWord(this.world.samplePlace(rng, 0.15));
    const [k, kz] = PROJECT_WORDS[this.world.projectFacts(p).kind];
    const en = `${w} ${t} ${k}`;
    return raw(en, `${wz}${tz}${kz}`, rng.chance(0.2) ? acronym(en) : null);
  }
}
