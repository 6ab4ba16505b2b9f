// User text becomes a literal Lucene query: syntax characters escaped, operators neutralised.
import { escapeLucene, toLuceneQuery } from '../../src/graph/search/lucene';

test('Latin words of three letters or more also match as prefixes', () => {
  expect(toLuceneQuery('Leong')).toBe('(Leong OR leong*)');
  expect(toLuceneQuery('Ian Mak')).toBe('(Ian OR ian*) (Mak OR mak*)');
});

test('Chinese text is passed as is for the CJK analyzer', () => {
  expect(toLuceneQuery('麦重乙')).toBe('麦重乙');
});

test.each([
  ['a:b', 'a\\:b'],
  ['(', null],
  ['"', null],
  ['IMDA)', 'IMDA\\)'],
  ['C++', 'C\\+\\+'],
])('%p becomes %p', (input, expected) => {
  expect(toLuceneQuery(input)).toBe(expected);
});

test('operator words are lower-cased so they match as words', () => {
  expect(toLuceneQuery('AND')).toBe('(and OR and*)');
});

test('blank text has nothing to search', () => {
  expect(toLuceneQuery('   ')).toBeNull();
});

test('every special character is escaped', () => {
  expect(escapeLucene('+-&|!(){}[]^"~*?:\\/')).toBe('\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/');
});
