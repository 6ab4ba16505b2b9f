// Turns a curator's quote into a character range of its source document, in code points.
import { codePointLength } from '../shared/text';

export interface TextRange {
  start: number;
  end: number;
}

export class QuoteNotFoundError extends Error {}

/** Code-point range of the `occurrence`-th (1-based) appearance of `quote` in `text`. */
export function locateQuote(text: string, quote: string, occurrence = 1): TextRange {
  let from = 0;
  let at = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    at = text.indexOf(quote, from);
    if (at < 0) {
      const found = seen === 0 ? 'not found' : `found only ${seen} time(s), occurrence ${occurrence} asked`;
      throw new QuoteNotFoundError(`quote ${JSON.stringify(quote)} ${found}`);
    }
    from = at + 1;
  }
  const start = codePointLength(text.slice(0, at));
  return { start, end: start + codePointLength(quote) };
}
