// Streams a file line by line (1-based numbers), never holding more than a chunk of it, and says
// how many bytes have been read so far, for progress.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface LineSource {
  lines: AsyncIterable<{ no: number; text: string }>;
  bytesRead(): number;
}

export function readLines(path: string): LineSource {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  async function* lines() {
    let no = 0;
    for await (const text of reader) {
      no += 1;
      if (text.trim() !== '') yield { no, text };
    }
  }
  return { lines: lines(), bytesRead: () => stream.bytesRead };
}
