// mulberry32: small, fast, good enough for demo data, identical on every platform.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** mulberry32 (rng.ts), its seed spread first. */
export class Rng {
  readonly next: () => number;

  constructor(seed: number) {
    // Small neighbouring seeds (1, 2, 3) start mulberry32 on visibly similar
    // runs; murmur3's finaliser spreads them first.
    let h = (seed ^ 0x9e3779b9) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    this.next = mulberry32((h ^ (h >>> 16)) >>> 0);
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return hi <= lo ? lo : lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Whole yuan in [lo, hi] on a `step` grid, as fen. */
  yuan(lo: number, hi: number, step = 10): number {
    return this.int(Math.ceil(lo / step), Math.floor(hi / step)) * step * 100;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  hex(n: number): string {
    let s = '';
    while (s.length < n) s += Math.floor(this.next() * 0x10000).toString(16).padStart(4, '0');
    return s.slice(0, n);
  }
}

/** Items drawn by weight, with a binary search over the running totals. */
export class Weighted<T> {
  private readonly totals: number[] = [];
  private readonly items: T[] = [];

  constructor(table: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [item, w] of table) {
      sum += w;
      this.items.push(item);
      this.totals.push(sum);
    }
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.totals[this.totals.length - 1]!;
    let lo = 0;
    let hi = this.totals.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.totals[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
