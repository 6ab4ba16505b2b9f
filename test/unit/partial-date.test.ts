// Partial dates keep exactly the precision the source gives; no year is ever invented.
import { toPartialDate } from '../../src/shared/partial-date';

test('a full date', () => {
  expect(toPartialDate(2022, 11, 25)).toEqual({ year: 2022, month: 11, day: 25, precision: 'DAY', yearKnown: true, iso: '2022-11-25' });
});

test('a month and day without a year stays without one', () => {
  expect(toPartialDate(null, 10, 28)).toEqual({ year: null, month: 10, day: 28, precision: 'DAY', yearKnown: false, iso: '--10-28' });
});

test('a year alone, a year and month', () => {
  expect(toPartialDate(2019, null, null)).toMatchObject({ precision: 'YEAR', iso: '2019' });
  expect(toPartialDate(2019, 3, null)).toMatchObject({ precision: 'MONTH', iso: '2019-03' });
});

test('no date at all is null, and a day without a month is ignored', () => {
  expect(toPartialDate(null, null, null)).toBeNull();
  expect(toPartialDate(2020, null, 5)).toMatchObject({ day: null, precision: 'YEAR' });
});
