/**
 * Deterministic pseudo-random numbers: mulberry32 seeded per (seed, stream, index), so person 42's
 * data is the same whatever the total count and whichever subgraph generates it.
 */

function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part & 0xffff), 0x01000193);
    h = Math.imul(h ^ (part >>> 16), 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  private state: number;
  constructor(...seedParts: number[]) {
    this.state = hash32(...seedParts);
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** Integer in [range[0], range[1]]. */
  between(range: readonly [number, number]): number {
    return this.int(range[0], range[1]);
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1][0];
  }
  /** Rounds to a multiple of `step` (e.g. 10,000 KRW). */
  amount(min: number, max: number, step: number): number {
    return Math.round(this.int(min, max) / step) * step;
  }
}

/** Streams: one per kind of record, so adding a field to one program never reshuffles another. */
export const Stream = {
  PERSON: 1,
  NESS: 2,
  JOB_SEARCH_GUARANTEE: 3,
  MID_CAREER: 4,
  LEARNING_CARD: 5,
  COURSES: 6,
  /** Circumstances added after the first release, drawn apart so the earlier ones keep their values. */
  PERSON_MORE: 7,
} as const;
