// Helpers that bring the three sides' answers to one comparable form: readable keys instead of
// global ids, names and titles as {value, language} lists, dates as ISO text with a placement.
import { fromGlobalId } from '../../src/shared/global-id';
import { toPartialDate } from '../../src/shared/partial-date';

export interface Named {
  value: string;
  language: string;
}

const language = (lang: unknown) => (lang === 'zh' ? 'ZH' : 'EN');

/** Parallel name lists (stored form) as the API's names. */
export function zipNames(values: string[] | null, langs: string[] | null, kinds: string[] | null) {
  return (values ?? []).map((value, i) => ({ value, language: language(langs?.[i]), kind: kinds?.[i] === 'alias' ? 'ALIAS' : 'PRIMARY' }));
}

/** Parallel title lists (stored form) as the API's titles. */
export function zipTitles(values: string[] | null, langs: string[] | null): Named[] {
  return (values ?? []).map((value, i) => ({ value, language: language(langs?.[i]) }));
}

/** The readable key inside this project's opaque global id. */
export function keyOfId(id: string): string {
  return fromGlobalId(id).key;
}

/** ISO text and timeline placement of stored date parts, as this project's API defines them. */
export function datePlacement(year: number | null, month: number | null, day: number | null) {
  const date = toPartialDate(year, month, day);
  const placement = !date?.yearKnown ? 'UNDATED' : date.precision === 'DAY' ? 'EXACT' : 'PARTIAL';
  return { iso: date?.iso ?? null, placement };
}

/** Rounds scores so that float noise between runs does not count as a difference. */
export function roundScore(score: number): number {
  return Math.round(score * 1e4) / 1e4;
}
