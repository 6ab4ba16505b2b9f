// Dates as precise as the source gives them. A month and day without a year is kept as such:
// ISO 8601's "--MM-DD" form, never a guessed year.

export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

export interface PartialDate {
  year: number | null;
  month: number | null;
  day: number | null;
  precision: DatePrecision;
  yearKnown: boolean;
  iso: string;
}

/** From the stored parts; null when the source gives no date at all. */
export function toPartialDate(year: unknown, month: unknown, day: unknown): PartialDate | null {
  const y = typeof year === 'number' ? year : null;
  const m = typeof month === 'number' ? month : null;
  const d = typeof day === 'number' && m !== null ? day : null;
  if (y === null && m === null) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const monthDay = [m, d].filter((n): n is number => n !== null).map(pad).join('-');
  const iso = y === null ? `--${monthDay}` : [String(y).padStart(4, '0'), monthDay].filter(Boolean).join('-');
  return {
    year: y,
    month: m,
    day: d,
    precision: d !== null ? 'DAY' : m !== null ? 'MONTH' : 'YEAR',
    yearKnown: y !== null,
    iso,
  };
}
