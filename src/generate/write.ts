// Buffered NDJSON output with backpressure: lines are joined into chunks of about 64 KiB, and a
// chunk the stream cannot take yet is awaited ('drain'), so memory stays flat at any size.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const CHUNK_CHARS = 1 << 16;

export class LineWriter {
  /** Lines written so far; the next line is number `lines + 1` (1-based, as citations count). */
  lines = 0;
  bytes = 0;
  private chunk = '';

  constructor(private readonly out: Writable) {}

  /** Adds a line (without its '\n'); true when the caller should `await flush()`. */
  add(line: string): boolean {
    this.lines++;
    this.chunk += line + '\n';
    return this.chunk.length >= CHUNK_CHARS;
  }

  async flush(): Promise<void> {
    if (!this.chunk) return;
    const chunk = this.chunk;
    this.chunk = '';
    this.bytes += Buffer.byteLength(chunk);
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
