/**
 * Which tree species grow in which biome, and how much each biome's plants cluster. When the spec
 * names tree kinds, those are used, weighted by how well each suits the biome.
 */
import type { Biome, TreeKind } from '../spec/world-spec-schema.ts';

export const BIOME_TREES: Record<Biome, Array<[TreeKind, number]>> = {
  'temperate-forest': [['broadleaf', 0.6], ['birch', 0.2], ['maple', 0.2]],
  taiga: [['conifer', 0.85], ['birch', 0.15]],
  jungle: [['broadleaf', 0.55], ['palm', 0.3], ['twisted', 0.15]],
  desert: [['palm', 0.7], ['dead', 0.3]],
  savanna: [['acacia', 0.9], ['dead', 0.1]],
  tundra: [['conifer', 0.6], ['dead', 0.25], ['birch', 0.15]],
  swamp: [['twisted', 0.7], ['dead', 0.15], ['broadleaf', 0.15]],
  mountains: [['conifer', 0.85], ['dead', 0.15]],
  canyon: [['dead', 0.5], ['acacia', 0.3], ['conifer', 0.2]],
  coast: [['conifer', 0.35], ['broadleaf', 0.35], ['palm', 0.3]],
  volcanic: [['dead', 0.5], ['conifer', 0.3], ['palm', 0.2]],
  grassland: [['broadleaf', 0.55], ['birch', 0.25], ['maple', 0.2]],
};

/** How strongly trees gather into groves (0 evenly spread, 1 tight groves with clearings). */
export const BIOME_CLUMPING: Record<Biome, number> = {
  'temperate-forest': 0.5,
  taiga: 0.35,
  jungle: 0.2,
  desert: 0.9,
  savanna: 0.8,
  tundra: 0.7,
  swamp: 0.6,
  mountains: 0.6,
  canyon: 0.8,
  coast: 0.6,
  volcanic: 0.8,
  grassland: 0.85,
};

/** Ferns instead of bushes, as a share, by biome. */
export const BIOME_FERNS: Record<Biome, number> = {
  'temperate-forest': 0.4,
  taiga: 0.3,
  jungle: 0.7,
  desert: 0,
  savanna: 0,
  tundra: 0,
  swamp: 0.5,
  mountains: 0.15,
  canyon: 0.1,
  coast: 0.15,
  volcanic: 0.1,
  grassland: 0.05,
};

/**
 * Species weights for a biome: the spec's kinds when it names any (those the biome suits weigh
 * more, but every named kind can grow), else the biome's own.
 */
export function treeWeights(biome: Biome, named: readonly TreeKind[]): Array<[TreeKind, number]> {
  if (named.length === 0) return BIOME_TREES[biome];
  const native = new Map(BIOME_TREES[biome]);
  return named.map((kind) => [kind, 0.25 + (native.get(kind) ?? 0)]);
}

export function pickWeighted<T>(options: ReadonlyArray<[T, number]>, u: number): T {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let x = u * total;
  for (const [value, w] of options) {
    x -= w;
    if (x < 0) return value;
  }
  return options[options.length - 1][0];
}
