// Date ranges over partial dates. A caller's bounds ("2022", "2022-11", "2022-11-25") become
// sortable yyyymmdd integers, so Cypher compares an item's period with the range through
// parameters alone; the rules for which matches a filter keeps live here, not in the query.
import { badInput } from './errors';

export type DateMatch = 'WITHIN' | 'OVERLAPS' | 'UNDATED';
export type UndatedPolicy = 'EXCLUDE' | 'INCLUDE' | 'ONLY';

export interface DateRangeInput {
  from?: string | null;
  to?: string | null;
  overlapping?: boolean | null;
  undated?: UndatedPolicy | null;
}

/** What the list query receives: inclusive bounds (yyyymmdd) and the kinds of match it keeps. */
export interface DateRange {
  start: number;
  end: number;
  accept: DateMatch[];
}

/** Bounds of an open range: before and after every date with a four-digit year. */
export const EARLIEST = 0;
export const LATEST = 99_999_999;

/**
 * The period a partial date stands for, as [first day, last day] in yyyymmdd. A month ends on
 * "day 31" whatever its length: it sorts after every real day of the month and before the next
 * month, which is all a comparison needs (the list Cypher computes an item's period the same way).
 */
export function periodOf(iso: string, argument: string): { first: number; last: number } {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  const [year, month, day] = (match?.slice(1) ?? []).map((part) => (part === undefined ? null : Number(part)));
  if (!match || year === null) throw malformed(iso, argument);
  if (month === null) return { first: year * 10000 + 101, last: year * 10000 + 1231 };
  if (month < 1 || month > 12) throw malformed(iso, argument);
  const base = year * 10000 + month * 100;
  if (day === null) return { first: base + 1, last: base + 31 };
  if (day < 1 || day > daysInMonth(year, month)) throw malformed(iso, argument);
  return { first: base + day, last: base + day };
}

/** Validates a date filter and turns it into query parameters. */
export function toDateRange(input: DateRangeInput, argument = 'filter.date'): DateRange {
  const start = input.from == null ? EARLIEST : periodOf(input.from, `${argument}.from`).first;
  const end = input.to == null ? LATEST : periodOf(input.to, `${argument}.to`).last;
  if (start > end) throw badInput(`${argument}: from ${input.from} is after to ${input.to}`, argument);
  return { start, end, accept: acceptedMatches(input) };
}

function acceptedMatches(input: DateRangeInput): DateMatch[] {
  const undated = input.undated ?? 'EXCLUDE';
  if (undated === 'ONLY') return ['UNDATED'];
  const accept: DateMatch[] = ['WITHIN'];
  if (input.overlapping ?? true) accept.push('OVERLAPS');
  if (undated === 'INCLUDE') accept.push('UNDATED');
  return accept;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Proleptic Gregorian, by arithmetic: Date maps the years 0..99 to 1900..1999.
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

function malformed(iso: string, argument: string) {
  return badInput(`${argument}: ${JSON.stringify(iso)} is not a date of the form 2022, 2022-11 or 2022-11-25`, argument);
}
