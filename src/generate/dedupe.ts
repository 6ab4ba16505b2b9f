// Keeps a relationship from being emitted twice. Most are drawn by one driver entity (a person's
// posts, an event's organisers), so a per-driver stamp array suffices; the few a second driver can
// draw too (cooperation, pictured participants) go through a compact open-addressing hash set.
import { hash32 } from './random';

/** "Has this driver already picked target t?" in O(1), never cleared: each driver gets a new stamp. */
export class Marks {
  private readonly stamps: Int32Array;
  private stamp = 0;

  constructor(size: number) {
    this.stamps = new Int32Array(size);
  }

  /** Starts a new driver. */
  next(): void {
    this.stamp++;
  }

  /** Marks t; false if the current driver had already marked it. */
  mark(t: number): boolean {
    if (this.stamps[t] === this.stamp) return false;
    this.stamps[t] = this.stamp;
    return true;
  }
}

/** A set of (tag, a, b) keys, a and b below `size`, stored as exact doubles in a Float64Array. */
export class KeySet {
  private table: Float64Array;
  private used = 0;

  constructor(private readonly size: number, expected: number) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.table = new Float64Array(capacity).fill(-1);
  }

  /** Adds the key; false if it was already there. */
  add(tag: number, a: number, b: number): boolean {
    const key = (tag * this.size + a) * this.size + b;
    if (this.used * 10 >= this.table.length * 7) this.grow();
    const mask = this.table.length - 1;
    let i = hash32(hash32(a) ^ Math.imul(b, 0x9e3779b1) ^ tag) & mask;
    for (;;) {
      const v = this.table[i];
      if (v === key) return false;
      if (v === -1) {
        this.table[i] = key;
        this.used++;
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2).fill(-1);
    this.used = 0;
    const size = this.size;
    for (const key of old) {
      if (key === -1) continue;
      const b = key % size;
      const rest = (key - b) / size;
      const a = rest % size;
      this.add((rest - a) / size, a, b);
    }
  }
}
