// The keys an import file defines (entity and document ids), with their type and line, in about
// 13 bytes a key whatever the key's length: a 64-bit hash in an open-addressing table, so a
// file of millions of entities is validated without holding its ids as strings. Two keys whose
// 64-bit hashes collide would be taken for one (odds about n²/2⁶⁵: nil at these sizes); the writer
// still refuses a relationship whose endpoint is not in the graph.

export interface KeyEntry {
  /** Index into the caller's list of types. */
  type: number;
  /** 1-based line that defined it; 0 when found in the graph rather than the file. */
  line: number;
}

export class KeyIndex {
  private capacity = 1 << 12;
  private hashes = new Uint32Array(this.capacity * 2);
  private types = new Uint8Array(this.capacity);
  private lines = new Uint32Array(this.capacity);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds a key; returns the existing entry instead when the key is already there. */
  add(key: string, type: number, line: number): KeyEntry | null {
    const [h1, h2] = keyHash(key);
    const slot = this.find(h1, h2);
    if (this.hashes[slot * 2] !== 0) return { type: this.types[slot], line: this.lines[slot] };
    this.hashes[slot * 2] = h1;
    this.hashes[slot * 2 + 1] = h2;
    this.types[slot] = type;
    this.lines[slot] = line;
    if (++this.count * 2 > this.capacity) this.grow();
    return null;
  }

  get(key: string): KeyEntry | null {
    const [h1, h2] = keyHash(key);
    const slot = this.find(h1, h2);
    return this.hashes[slot * 2] === 0 ? null : { type: this.types[slot], line: this.lines[slot] };
  }

  /** The slot holding this hash, or the empty slot where it would go (linear probing). */
  private find(h1: number, h2: number): number {
    const mask = this.capacity - 1;
    let slot = h2 & mask;
    for (;;) {
      const a = this.hashes[slot * 2];
      if (a === 0 || (a === h1 && this.hashes[slot * 2 + 1] === h2)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { hashes, types, lines, capacity } = this;
    this.capacity = capacity * 2;
    this.hashes = new Uint32Array(this.capacity * 2);
    this.types = new Uint8Array(this.capacity);
    this.lines = new Uint32Array(this.capacity);
    for (let old = 0; old < capacity; old++) {
      const h1 = hashes[old * 2];
      if (h1 === 0) continue;
      const slot = this.find(h1, hashes[old * 2 + 1]);
      this.hashes[slot * 2] = h1;
      this.hashes[slot * 2 + 1] = hashes[old * 2 + 1];
      this.types[slot] = types[old];
      this.lines[slot] = lines[old];
    }
  }
}

/** Two independent 32-bit FNV-1a style hashes over UTF-16 units; the first is never 0 (0 marks an empty slot). */
export function keyHash(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  return [(a >>> 0) || 1, b >>> 0];
}
