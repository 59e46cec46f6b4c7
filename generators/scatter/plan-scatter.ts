/**
 * Where every tree, bush, fern, grass clump, flower patch, rock and boulder goes. Per family: a
 * Poisson-disk set at the family's spacing, thinned by a density built from
 *   - the cover level (the spec's number, or "auto": the natural cover of the biome there),
 *   - clustering noise (groves and clearings for trees, patches for flowers, scree under cliffs
 *     for rocks),
 *   - masks: slope, ground (little grows on bare rock, beach or snow), water (nothing under it or
 *     on its very edge), and `blocked` ground (structures, paths, the spawn clearing).
 * Each point gets a species (trees: by biome, or the spec's kinds), a variant, a yaw and a scale;
 * points are grouped by variant so the exporter can instance them.
 *
 * Points are thinned from a full Poisson-disk set, so counts follow density exactly in expectation.
 * Per-family caps keep files and frame times sane: per km² trees 25k, bushes 15k, grass 60k,
 * flowers 10k, rocks 8k, boulders 1.5k, and at most 40k, 25k, 80k, 15k, 15k and 3k in any world.
 */
import { resolveCover } from '../biomes/natural-cover.ts';
import type { BiomeMap } from '../biomes/classify-biomes.ts';
import type { GroundSurface } from '../biomes/paint-ground.ts';
import { deriveSeed } from '../seed/derive-seed.ts';
import type { Rng } from '../seed/rng.ts';
import type { Biome, TreeKind, WorldSpec } from '../spec/world-spec-schema.ts';
import { createGradientNoise, fbm, smoothstep, type Noise2D } from '../terrain/gradient-noise.ts';
import { heightAt, type Heightfield } from '../terrain/heightfield.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import { poissonDisk } from './poisson-disk.ts';
import { BIOME_CLUMPING, BIOME_FERNS, pickWeighted, treeWeights } from './species.ts';

export const SCATTER_FAMILIES = ['tree', 'bush', 'fern', 'grass', 'flowers', 'rock', 'boulder'] as const;
export type ScatterFamily = (typeof SCATTER_FAMILIES)[number];

/** Which asset an instance shows: the factory (family and kind) and the individual (seed). */
export interface VariantKey {
  family: ScatterFamily;
  /** Tree species for trees; the family name otherwise. */
  kind: string;
  seed: number;
}

export interface PlannedInstances {
  variant: VariantKey;
  count: number;
  /** xyz per instance, world metres (y on the ground, less a small sink). */
  positions: Float32Array;
  /** Radians about +Y. */
  yaws: Float32Array;
  /** Uniform scale. */
  scales: Float32Array;
}

export interface ScatterPlan {
  sets: PlannedInstances[];
  counts: Record<ScatterFamily, number>;
}

export interface ScatterInputs {
  field: Heightfield;
  water: WaterBodies;
  biomes: BiomeMap;
  ground: GroundSurface;
  /** 1 where nothing may grow: structure footprints, paths, the spawn clearing. */
  blocked: Uint8Array;
  spec: WorldSpec;
}

interface FamilyRule {
  family: ScatterFamily;
  /** Poisson-disk spacing at full density, metres. */
  radius: number;
  perKm2: number;
  /** Whatever the world's size. */
  max: number;
  variants: number;
  scale: [number, number];
  /** Sink into the ground, metres. */
  sink: number;
}

const RULES: FamilyRule[] = [
  { family: 'tree', radius: 6, perKm2: 25_000, max: 40_000, variants: 4, scale: [0.8, 1.25], sink: 0.15 },
  { family: 'bush', radius: 3.5, perKm2: 15_000, max: 25_000, variants: 4, scale: [0.7, 1.3], sink: 0.05 },
  { family: 'grass', radius: 2.2, perKm2: 60_000, max: 80_000, variants: 4, scale: [0.7, 1.35], sink: 0.02 },
  { family: 'flowers', radius: 4, perKm2: 10_000, max: 15_000, variants: 3, scale: [0.8, 1.2], sink: 0.02 },
  { family: 'rock', radius: 5, perKm2: 8_000, max: 15_000, variants: 5, scale: [0.6, 1.5], sink: 0.08 },
  { family: 'boulder', radius: 16, perKm2: 1_500, max: 3_000, variants: 3, scale: [0.7, 1.3], sink: 0.25 },
];

/** Random sequential addition fills about one point per 1.6 r². */
const POINTS_PER_SQUARE_RADIUS = 1 / 1.6;
/** Full Poisson sets larger than this many times the cap are sampled at a wider spacing. */
const CANDIDATE_MARGIN = 6;

export function planScatter(inputs: ScatterInputs, rng: Rng): ScatterPlan {
  const { field, spec } = inputs;
  const counts = Object.fromEntries(SCATTER_FAMILIES.map((f) => [f, 0])) as Record<ScatterFamily, number>;
  const groups = new Map<string, { variant: VariantKey; x: number[]; y: number[]; z: number[]; yaw: number[]; scale: number[] }>();
  const site = new SiteSampler(inputs, rng.fork('site'));
  const area = field.width * field.depth;

  for (const rule of RULES) {
    const familyRng = rng.fork(rule.family);
    const thin = familyRng.fork('thin');
    const limit = Math.min(rule.max, Math.ceil((rule.perKm2 * area) / 1e6));
    // Bounded work: when the full set at this spacing would dwarf the cap, sample wider.
    const full = (area * POINTS_PER_SQUARE_RADIUS) / (rule.radius * rule.radius);
    const radius = full > CANDIDATE_MARGIN * limit ? rule.radius * Math.sqrt(full / (CANDIDATE_MARGIN * limit)) : rule.radius;
    // Thinning: keep each Poisson point with the local density's probability, until the cap.
    const keptX: number[] = [];
    const keptZ: number[] = [];
    poissonDisk({
      minX: -field.width / 2,
      minZ: -field.depth / 2,
      maxX: field.width / 2,
      maxZ: field.depth / 2,
      radius,
      rng: familyRng.fork('points'),
      visit: (x, z) => {
        if (thin.float() < site.density(rule.family, x, z)) {
          keptX.push(x);
          keptZ.push(z);
        }
        return keptX.length < limit;
      },
    });
    const pick = familyRng.fork('pick');
    for (let p = 0; p < keptX.length; p++) {
      const x = keptX[p];
      const z = keptZ[p];
      const biome = site.biomeAt(x, z);
      let family = rule.family;
      let kind: string = rule.family;
      if (rule.family === 'tree') kind = site.treeKind(biome, pick.float(), pick.float());
      if (rule.family === 'bush' && pick.float() < BIOME_FERNS[biome]) family = kind = 'fern';
      const index = pick.int(0, rule.variants - 1);
      const variant: VariantKey = { family, kind, seed: deriveSeed(spec.seed, 'asset', family, kind, index) };
      const key = `${family}/${kind}/${index}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { variant, x: [], y: [], z: [], yaw: [], scale: [] }));
      const scale = pick.range(rule.scale[0], rule.scale[1]);
      group.x.push(x);
      group.y.push(heightAt(field, x, z) - rule.sink * scale);
      group.z.push(z);
      group.yaw.push(pick.range(0, Math.PI * 2));
      group.scale.push(scale);
      counts[family]++;
    }
  }

  const sets: PlannedInstances[] = [...groups.keys()].sort().map((key) => {
    const g = groups.get(key)!;
    const positions = new Float32Array(g.x.length * 3);
    for (let i = 0; i < g.x.length; i++) positions.set([g.x[i], g.y[i], g.z[i]], i * 3);
    return { variant: g.variant, count: g.x.length, positions, yaws: Float32Array.from(g.yaw), scales: Float32Array.from(g.scale) };
  });
  return { sets, counts };
}

/** Per-point facts the density rules read: biome, slope, ground class, water, clustering. */
class SiteSampler {
  private readonly groveNoise: Noise2D;
  private readonly patchNoise: Noise2D;
  private readonly rockClass: number;
  private readonly sandClass: number;
  private readonly snowClass: number;
  private readonly namedKinds: readonly TreeKind[];

  constructor(
    private readonly inputs: ScatterInputs,
    rng: Rng,
  ) {
    this.groveNoise = createGradientNoise(rng.fork('groves'));
    this.patchNoise = createGradientNoise(rng.fork('patches'));
    const ids = inputs.ground.materials.map((m) => m.id);
    this.rockClass = ids.indexOf('rock');
    this.sandClass = ids.indexOf('sand');
    this.snowClass = ids.indexOf('snow');
    this.namedKinds = inputs.spec.vegetation.treeKinds;
  }

  private index(x: number, z: number): number {
    const { field } = this.inputs;
    const ix = Math.min(field.nx - 1, Math.max(0, Math.round((x + field.width / 2) / field.dx)));
    const iz = Math.min(field.nz - 1, Math.max(0, Math.round((z + field.depth / 2) / field.dz)));
    return iz * field.nx + ix;
  }

  biomeAt(x: number, z: number): Biome {
    return this.inputs.biomes.biomes[this.inputs.biomes.dominant[this.index(x, z)]];
  }

  treeKind(biome: Biome, speciesRoll: number, deadRoll: number): TreeKind {
    if (deadRoll < this.inputs.spec.vegetation.dead) return 'dead';
    return pickWeighted(treeWeights(biome, this.namedKinds), speciesRoll);
  }

  /** Probability of keeping a candidate of this family here, 0..1. */
  density(family: ScatterFamily, x: number, z: number): number {
    const { spec, water, biomes, ground, blocked, field } = this.inputs;
    const i = this.index(x, z);
    if (blocked[i]) return 0;
    const surface = water.surface[i];
    if (!Number.isNaN(surface) && surface > field.heights[i] - 0.05) return 0;
    const shore = water.distance[i];
    const slope = biomes.slope[i];
    const biome = biomes.biomes[biomes.dominant[i]];
    const cls = ground.material[i];
    const onRock = cls === this.rockClass;
    const onSand = cls === this.sandClass;
    const onSnow = cls === this.snowClass;
    const veg = spec.vegetation;
    const rockLevel = spec.rocks.density;

    const grove = () => {
      const clump = BIOME_CLUMPING[biome];
      const g = fbm(this.groveNoise, x / 70, z / 70, { octaves: 3, gain: 0.5 });
      return 1 - clump + clump * smoothstep(-0.15, 0.35, g);
    };
    const canopy = () => resolveCover(veg.trees, 'trees', biome) * grove();

    switch (family) {
      case 'tree': {
        if (shore < 2.5) return 0;
        const ground = onRock ? 0.05 : onSand ? 0.2 : onSnow ? 0.35 : 1;
        return resolveCover(veg.trees, 'trees', biome) * ground * (1 - smoothstep(0.55, 1.0, slope)) * grove();
      }
      case 'bush':
      case 'fern': {
        if (shore < 1.5) return 0;
        const ground = onRock ? 0.15 : onSand ? 0.3 : onSnow ? 0.2 : 1;
        return resolveCover(veg.shrubs, 'shrubs', biome) * ground * (1 - smoothstep(0.7, 1.1, slope)) * (0.5 + 0.5 * grove());
      }
      case 'grass': {
        if (shore < 0.8) return 0;
        const ground = onRock ? 0.08 : onSand ? 0.15 : onSnow ? 0.1 : 1;
        return resolveCover(veg.grass, 'grass', biome) * ground * (1 - smoothstep(0.7, 1.1, slope)) * (1 - 0.6 * canopy());
      }
      case 'flowers': {
        if (shore < 1 || onRock || onSand || onSnow) return 0;
        const patch = smoothstep(0.05, 0.4, fbm(this.patchNoise, x / 40, z / 40, { octaves: 2, gain: 0.5 }));
        return resolveCover(veg.flowers, 'flowers', biome) * patch * (1 - 0.7 * canopy()) * (1 - smoothstep(0.5, 0.9, slope));
      }
      case 'rock': {
        if (shore < 0.5) return 0;
        // Scree gathers on and under steep ground.
        return resolveCover(rockLevel, 'rocks', biome) * (0.35 + 0.65 * smoothstep(0.25, 0.9, slope)) * (onRock ? 1.4 : 1);
      }
      case 'boulder':
        if (shore < 2 || slope > 1.0) return 0;
        return 0.5 * resolveCover(rockLevel, 'rocks', biome) * (0.25 + 0.75 * spec.rocks.size);
    }
  }
}
