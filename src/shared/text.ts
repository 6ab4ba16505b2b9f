// Text offsets in Unicode code points (not UTF-16 units), the unit every citation range uses,
// so clients in any language slice a document the same way.

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
