/**
 * The next seed when the seed is not locked: one step of a 32-bit integer hash (the finaliser of
 * MurmurHash3) of the current seed, so rerolling is repeatable — the same seed always rolls to the
 * same next one — and never uses Math.random.
 */

export const MAX_SEED = 4294967295;

export function nextSeed(seed: number): number {
  let x = (Math.floor(seed) + 0x9e3779b9) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}
