// Date ranges over partial dates: what a caller may write, what it means, and what is refused.
import { GraphQLError } from 'graphql';
import { EARLIEST, LATEST, periodOf, toDateRange } from '../../src/shared/date-range';

function refusal(work: () => unknown): GraphQLError {
  try {
    work();
  } catch (e) {
    expect(e).toBeInstanceOf(GraphQLError);
    return e as GraphQLError;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('periodOf: the days a partial date stands for (yyyymmdd)', () => {
  test('a year is the whole year', () => {
    expect(periodOf('2022', 'x')).toEqual({ first: 20220101, last: 20221231 });
  });

  test('a month is the whole month; its end sorts after every day of it and before the next month', () => {
    const november = periodOf('2022-11', 'x');
    expect(november).toEqual({ first: 20221101, last: 20221131 });
    expect(november.last).toBeGreaterThan(periodOf('2022-11-30', 'x').last);
    expect(november.last).toBeLessThan(periodOf('2022-12-01', 'x').first);
    expect(periodOf('2022-12', 'x').last).toBeLessThan(periodOf('2023', 'x').first);
  });

  test('a day is that day', () => {
    expect(periodOf('2022-11-25', 'x')).toEqual({ first: 20221125, last: 20221125 });
    expect(periodOf('2024-02-29', 'x')).toEqual({ first: 20240229, last: 20240229 });
    expect(periodOf('2000-02-29', 'x').first).toBe(20000229);
  });

  test.each([
    '2022-13', '2022-00', '2022-11-31', '2023-02-29', '1900-02-29', '2022-11-00', 'yesterday', '', '22', '20221', '2022-1',
    '2022-11-5', '--10-28', '2022-11-25T00:00', ' 2022', '２０２２',
  ])('%p is refused', (text) => {
    const error = refusal(() => periodOf(text, 'filter.date.from'));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'filter.date.from' });
    expect(error.message).toContain(JSON.stringify(text));
  });
});

describe('toDateRange: a filter as query parameters', () => {
  test('"in 2022" is from the first to the last day of 2022, keeping whole and partial matches', () => {
    expect(toDateRange({ from: '2022', to: '2022' })).toEqual({ start: 20220101, end: 20221231, accept: ['WITHIN', 'OVERLAPS'] });
  });

  test('bounds of different precision: from the start of one, to the end of the other', () => {
    expect(toDateRange({ from: '2019-03', to: '2019-05-15' })).toMatchObject({ start: 20190301, end: 20190515 });
    expect(toDateRange({ from: '2022-11-25', to: '2022' })).toMatchObject({ start: 20221125, end: 20221231 });
  });

  test('a missing bound leaves that side open', () => {
    expect(toDateRange({ from: '2022-11' })).toMatchObject({ start: 20221101, end: LATEST });
    expect(toDateRange({ to: '2019' })).toMatchObject({ start: EARLIEST, end: 20191231 });
    expect(toDateRange({})).toMatchObject({ start: EARLIEST, end: LATEST });
    expect(EARLIEST).toBeLessThan(periodOf('0001', 'x').first);
    expect(LATEST).toBeGreaterThan(periodOf('9999-12', 'x').last);
  });

  test('undated items: left out by default, added or alone on request', () => {
    expect(toDateRange({ from: '2022' }).accept).toEqual(['WITHIN', 'OVERLAPS']);
    expect(toDateRange({ from: '2022', undated: 'EXCLUDE' }).accept).toEqual(['WITHIN', 'OVERLAPS']);
    expect(toDateRange({ from: '2022', undated: 'INCLUDE' }).accept).toEqual(['WITHIN', 'OVERLAPS', 'UNDATED']);
    expect(toDateRange({ from: '2022', undated: 'ONLY' }).accept).toEqual(['UNDATED']);
  });

  test('partial overlaps can be left out: only items wholly within the range', () => {
    expect(toDateRange({ from: '2019-03', to: '2019-05', overlapping: false }).accept).toEqual(['WITHIN']);
    expect(toDateRange({ overlapping: false, undated: 'INCLUDE' }).accept).toEqual(['WITHIN', 'UNDATED']);
    expect(toDateRange({ overlapping: null, undated: null }).accept).toEqual(['WITHIN', 'OVERLAPS']);
  });

  test('a range that ends before it starts is refused; one day, or one month, is not', () => {
    const error = refusal(() => toDateRange({ from: '2023', to: '2022-12' }));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'filter.date' });
    expect(toDateRange({ from: '2022-11-25', to: '2022-11-25' })).toMatchObject({ start: 20221125, end: 20221125 });
    expect(toDateRange({ from: '2022-11-30', to: '2022-11' })).toMatchObject({ start: 20221130, end: 20221131 });
  });

  test('a malformed bound names the argument it came in', () => {
    expect(refusal(() => toDateRange({ from: '2022', to: '2022-13' })).extensions?.argument).toBe('filter.date.to');
    expect(refusal(() => toDateRange({ from: 'yesterday' })).extensions?.argument).toBe('filter.date.from');
  });
});
