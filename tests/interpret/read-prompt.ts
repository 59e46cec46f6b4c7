/** Shared look-ups for the interpreter's tests. */
import { interpretPrompt, type Interpretation } from '../../generators/interpret/index.ts';
import type { WorldSpec } from '../../generators/spec/index.ts';

export function read(prompt: string, seed?: number): Interpretation {
  return interpretPrompt(prompt, seed === undefined ? undefined : { seed });
}

/** The biome with the largest weight (ties: the first listed, which the interpreter ranks by first mention). */
export function dominantBiome(spec: WorldSpec): string {
  const entries = Object.entries(spec.biomes).filter(([, w]) => (w ?? 0) > 0) as Array<[string, number]>;
  return entries.reduce((best, e) => (e[1] > best[1] ? e : best))[0];
}

export function conceptsOf(i: Interpretation): string[] {
  return i.explanation.matches.map((m) => m.concept);
}

export function unusedWords(i: Interpretation): string[] {
  return i.explanation.unused.map((u) => u.word);
}

/** Relative luminance 0 … 1 of a #rrggbb colour (sRGB weights, no gamma: enough to tell near-black from near-white). */
export function luminance(hex: string | undefined): number {
  if (!hex) return Number.NaN;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function rgb(hex: string | undefined): { r: number; g: number; b: number } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt((hex ?? '#000000').slice(i, i + 2), 16));
  return { r, g, b };
}

/** A cover level that must be a number here (a word set it); fails the test if it is "auto". */
export function level(value: number | 'auto'): number {
  if (value === 'auto') throw new Error('expected a number, got "auto"');
  return value;
}
