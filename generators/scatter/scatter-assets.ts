/**
 * The assets scatter instances show: each planned variant (family, kind, seed) made by its factory,
 * styled by the world — its season, palette colours (foliage, grass, rock), and snow lying on
 * foliage in winter or under snowfall. Rocks take the main biome's rock colour.
 */
import { BIOME_TABLE } from '../biomes/biome-table.ts';
import type { Asset } from '../assets/asset.ts';
import { createBoulder, createRock } from '../assets/rocks/index.ts';
import { createBush, createFern, createFlowers, createGrassClump } from '../assets/plants/index.ts';
import { createTree } from '../assets/trees/index.ts';
import type { Biome, TreeKind, WorldSpec } from '../spec/world-spec-schema.ts';
import type { InstanceSet } from '../export/instanced-scatter.ts';
import type { ScatterPlan, VariantKey } from './plan-scatter.ts';

export function attachScatterAssets(plan: ScatterPlan, spec: WorldSpec): InstanceSet[] {
  const cache = new Map<string, Asset>();
  return plan.sets.map((set) => {
    const key = `${set.variant.family}/${set.variant.kind}/${set.variant.seed}`;
    let asset = cache.get(key);
    if (!asset) cache.set(key, (asset = createScatterAsset(set.variant, spec)));
    return { ...set, asset };
  });
}

export function createScatterAsset(variant: VariantKey, spec: WorldSpec): Asset {
  const season = spec.time.season;
  const snow = spec.weather.kind === 'snow' ? Math.min(1, 0.3 + spec.weather.intensity) : season === 'winter' ? 0.35 : 0;
  const plantStyle = { season, snow, foliage: spec.palette.colors.foliage ?? null, grass: spec.palette.colors.grass ?? null };
  switch (variant.family) {
    case 'tree':
      return createTree(variant.kind as TreeKind, variant.seed, { season, snow, foliage: spec.palette.colors.foliage ?? null });
    case 'bush':
      return createBush(variant.seed, plantStyle);
    case 'fern':
      return createFern(variant.seed, plantStyle);
    case 'grass':
      return createGrassClump(variant.seed, plantStyle);
    case 'flowers':
      return createFlowers(variant.seed, plantStyle);
    case 'rock':
      return createRock(variant.seed, { color: rockColor(spec), size: spec.rocks.size });
    case 'boulder':
      return createBoulder(variant.seed, { color: rockColor(spec), size: spec.rocks.size });
  }
}

function rockColor(spec: WorldSpec): string {
  if (spec.palette.colors.rock) return spec.palette.colors.rock;
  const main = (Object.entries(spec.biomes) as Array<[Biome, number]>).sort((a, b) => b[1] - a[1])[0][0];
  return BIOME_TABLE[main].rock;
}
