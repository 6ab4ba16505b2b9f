// Partial dates as sources give them: mostly full, some year-only or year-month, some month-day
// with no year at all (the year is then absent, never invented), some none. Years 1990..2026,
// weighted towards recent ones.
import type { Rng } from './random';

export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number | undefined, month: number): number {
  const leap = year !== undefined && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && (leap || year === undefined) ? 29 : DAYS[month - 1];
}

export function drawDate(rng: Rng): PartialDate | null {
  const u = rng.next();
  if (u >= 0.94) return null;
  const year = 2026 - Math.floor(37 * Math.pow(rng.next(), 1.6));
  const month = 1 + rng.int(12);
  const day = 1 + rng.int(daysIn(year, month));
  if (u < 0.7) return { year, month, day };
  if (u < 0.8) return { year };
  if (u < 0.88) return { year, month };
  return { month, day };
}

export function dateJson(d: PartialDate): string {
  const parts: string[] = [];
  if (d.year !== undefined) parts.push(`"year":${d.year}`);
  if (d.month !== undefined) parts.push(`"month":${d.month}`);
  if (d.day !== undefined) parts.push(`"day":${d.day}`);
  return `{${parts.join(',')}}`;
}

/** "9 March 2021", "March 2021", "2021", "9 March". */
export function dateEn(d: PartialDate): string {
  const month = d.month !== undefined ? MONTHS_EN[d.month - 1] : '';
  return [d.day, month, d.year].filter((p) => p !== undefined && p !== '').join(' ');
}

/** "2021年3月9日", "2021年3月", "2021年", "3月9日". */
export function dateZh(d: PartialDate): string {
  return (d.year !== undefined ? `${d.year}年` : '') + (d.month !== undefined ? `${d.month}月` : '') + (d.day !== undefined ? `${d.day}日` : '');
}
