// Turns user text into a Lucene query that matches it literally: every syntax character is
// escaped and the operator words AND/OR/NOT are lower-cased, so "a:b", "(" or '"' never fail.
// Every word is required ("Ministry of X" does not match on "of" alone). Latin words of three or
// more letters also match as prefixes ("Leo" finds "Leong"); a single Chinese character matches
// the bi-grams it starts (the CJK index holds pairs, so "梁" alone would match nothing).

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (c) => `\\${c}`);
}

/** A Lucene query for plain user text; null when the text has nothing to search for. */
export function toLuceneQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => t.replace(SPECIAL, '') !== '');
  if (terms.length === 0) return null;
  return terms
    .map((t) => {
      const escaped = escapeLucene(/^(AND|OR|NOT)$/.test(t) ? t.toLowerCase() : t);
      if (/^[\p{Script=Latin}\d]{3,}$/u.test(t)) return `+(${escaped} OR ${escaped.toLowerCase()}*)`;
      if (/^\p{Script=Han}$/u.test(t)) return `+(${escaped} OR ${escaped}*)`;
      return `+(${escaped})`;
    })
    .join(' ');
}
