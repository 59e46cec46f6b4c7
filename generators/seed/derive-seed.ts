/**
 * Seeds derived by name: `deriveSeed(worldSeed, "terrain")`. Each stage and each item gets its own
 * seed from its name, never from how many numbers an earlier stage drew, so adding a stage or an
 * item never changes the output of the others.
 *
 * The hash is FNV-1a over the UTF-16 code units of each part, folded into the parent seed with
 * murmur3's 32-bit finaliser: cheap, well mixed, and identical on every JavaScript engine.
 */

/** A 32-bit unsigned seed. */
export type Seed = number;

export const MAX_SEED = 0xffff_ffff;

export function deriveSeed(seed: Seed, ...parts: Array<string | number>): Seed {
  let h = mix32(seed >>> 0);
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part}` : part;
    let fnv = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      fnv ^= text.charCodeAt(i);
      fnv = Math.imul(fnv, 0x01000193);
    }
    h = mix32((h ^ mix32(fnv >>> 0)) + 0x9e3779b9);
  }
  return h >>> 0;
}

/** murmur3 fmix32: every input bit affects every output bit. */
export function mix32(x: number): number {
  x >>>= 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A seed from free text, used when a prompt comes without `--seed`. */
export function seedFromText(text: string): Seed {
  return deriveSeed(0x5eed, text);
}
