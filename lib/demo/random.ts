// Seeded pseudo-random numbers for the demo data. The seed must give the same rows on every machine and
// every run, so nothing here may read the clock, Math.random or the environment.

/** A 32-bit hash of a label (FNV-1a, then a murmur3 finalizer so nearby labels scatter). */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
  const text = parts.join("\u241f");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: tiny, fast, and good enough for plausible-looking data (not for anything secret). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Something around the middle of [min, max]: the mean of two draws (a triangle distribution). */
  around(min: number, max: number): number {
    return Math.round(min + ((this.next() + this.next()) / 2) * (max - min));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** One item, each as likely as its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of entries) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return entries[entries.length - 1][0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }
}

/**
 * A generator of its own for one labelled concern ("members", "HU.01.04"): the rows of one unit do not
 * shift when another unit draws one number more, so a small change to the generator changes little data.
 */
export function randomFor(...label: ReadonlyArray<string | number>): Random {
  return new Random(hashSeed(...label));
}

/** A number in [0, 1) fixed by its label: a stable "dice roll" for one member in one year. */
export function unitFor(...label: ReadonlyArray<string | number>): number {
  return hashSeed(...label) / 4294967296;
}
