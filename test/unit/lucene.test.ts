// User text becomes a literal Lucene query: syntax characters escaped, operators neutralised.
import { escapeLucene, toLuceneQuery } from '../../src/graph/search/lucene';

test('every word is required; Latin words of three letters or more also match as prefixes', () => {
  expect(toLuceneQuery('Leong')).toBe('+(Leong OR leong*)');
  expect(toLuceneQuery('Ian Mak')).toBe('+(Ian OR ian*) +(Mak OR mak*)');
  expect(toLuceneQuery('Ministry of X')).toBe('+(Ministry OR ministry*) +(of) +(X)');
});

test('Chinese text goes to the CJK analyzer as is; a single character also as a prefix', () => {
  expect(toLuceneQuery('麦重乙')).toBe('+(麦重乙)');
  expect(toLuceneQuery('梁')).toBe('+(梁 OR 梁*)');
});

test.each([
  ['a:b', '+(a\\:b)'],
  ['(', null],
  ['"', null],
  ['IMDA)', '+(IMDA\\))'],
  ['C++', '+(C\\+\\+)'],
])('%p becomes %p', (input, expected) => {
  expect(toLuceneQuery(input)).toBe(expected);
});

test('operator words are lower-cased so they match as words', () => {
  expect(toLuceneQuery('AND')).toBe('+(and OR and*)');
});

test('blank text has nothing to search', () => {
  expect(toLuceneQuery('   ')).toBeNull();
});

test('every special character is escaped', () => {
  expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
});
