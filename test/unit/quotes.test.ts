// Quotes resolve to code-point ranges of their document, and a missing quote fails loudly.
import { locateQuote, QuoteNotFoundError } from '../../src/seed/quotes';
import { codePointLength, sliceCodePoints } from '../../src/shared/text';

const text = 'Mr Ian Mak 麦重乙 and Mr Ian Mak again 𝒳 Ian Mak';

test('the first occurrence by default, later ones on request', () => {
  const first = locateQuote(text, 'Ian Mak');
  const second = locateQuote(text, 'Ian Mak', 2);
  expect(first).toEqual({ start: 3, end: 10 });
  expect(second.start).toBeGreaterThan(first.start);
  expect(sliceCodePoints(text, second.start, second.end)).toBe('Ian Mak');
});

test('offsets count code points, not UTF-16 units', () => {
  const third = locateQuote(text, 'Ian Mak', 3);
  expect(sliceCodePoints(text, third.start, third.end)).toBe('Ian Mak');
  expect(codePointLength('𝒳')).toBe(1);
});

test('a quote that is not in the text is an error', () => {
  expect(() => locateQuote(text, 'Joseph Leong')).toThrow(QuoteNotFoundError);
  expect(() => locateQuote(text, 'Ian Mak', 4)).toThrow(/found only 3 time/);
});
