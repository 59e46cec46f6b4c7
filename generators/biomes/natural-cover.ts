/**
 * What a cover level means at a place: a number is used as it is, everywhere; "auto" is the
 * natural cover of the biome that is there. Scatter (trees, shrubs, grass, flowers, rocks) reads
 * its densities through this, so a desert ringed by mountains gets desert cover in the desert
 * and mountain cover on the mountains.
 */
import type { Biome, CoverLevel } from '../spec/world-spec-schema.ts';
import { BIOME_TABLE, type NaturalCover } from './biome-table.ts';

export function resolveCover(level: CoverLevel, kind: keyof NaturalCover, biome: Biome): number {
  return level === 'auto' ? BIOME_TABLE[biome].cover[kind] : level;
}
