/**
 * The water stage: sea level from the requested coverage, lakes, rivers (traced after the lakes
 * so they run through them) and waterfalls; then one water-surface grid and a distance-to-water
 * field for the stages after (biomes, colours, scatter).
 */
import type { Rng } from '../seed/rng.ts';
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import type { Heightfield } from '../terrain/heightfield.ts';
import { carveLakes, floodBelow } from './carve-lakes.ts';
import { carveRivers } from './carve-rivers.ts';
import { distanceToMarked } from './distance-field.ts';
import { floodSea } from './sea-level.ts';
import { traceRivers, type RiverCourse } from './trace-rivers.ts';
import type { WaterBodies } from './water-bodies.ts';

export interface GenerateWaterOptions {
  /** A valley's or canyon's floor line (high end first): the first river follows it. */
  axis?: Array<{ x: number; z: number }>;
}

export function generateWater(
  field: Heightfield,
  spec: Pick<WorldSpec, 'water' | 'terrain' | 'biomes'>,
  rng: Rng,
  options: GenerateWaterOptions = {},
): WaterBodies {
  const sea = floodSea(field.heights, field.nx, field.nz, spec.water.sea);
  const seaLevel = sea?.level ?? null;
  const weights = spec.biomes as Record<string, number | undefined>;
  const total = Object.values(weights).reduce<number>((s, w) => s + (w ?? 0), 0);
  const pools = (weights.swamp ?? 0) / total >= 0.5;

  const lakes = carveLakes(field, {
    count: spec.water.lakes,
    seaLevel,
    maxHeight: spec.terrain.maxHeight,
    rng: rng.fork('lakes'),
    pools,
  });
  const courses: RiverCourse[] = [];
  if (options.axis && spec.water.rivers > 0) {
    // Drainage area grows along the floor: the river widens downstream.
    const n = options.axis.length;
    courses.push({ points: options.axis.map((p, k) => ({ ...p, area: 1 + (k / (n - 1)) * 9 })), mouth: 'edge', share: 0.25, meanders: false });
  }
  courses.push(
    ...traceRivers(field, {
      count: spec.water.rivers - courses.length,
      seaLevel,
      seaMask: sea?.mask,
      avoid: options.axis ? [options.axis[options.axis.length - 1]] : [],
    }),
  );
  const { nx, heights } = field;
  const floodLakes = (visit: (i: number, level: number) => void) => {
    for (const lake of lakes) {
      const start = Math.round((lake.centre.z + field.depth / 2) / field.dz) * nx + Math.round((lake.centre.x + field.width / 2) / field.dx);
      floodBelow(heights, nx, start, lake.level, lake.bounds, (i) => visit(i, lake.level));
    }
  };
  // Rivers crossing a lake take its level there (see carveRivers).
  const lakeSurface = new Float32Array(heights.length).fill(Number.NaN);
  floodLakes((i, level) => (lakeSurface[i] = level));
  const carved = carveRivers(field, courses, {
    seaLevel,
    meander: spec.water.meander,
    waterfalls: spec.water.waterfalls,
    lakeSurface,
    rng: rng.fork('meanders'),
  });

  const surface = carved.surface;
  floodLakes((i, level) => {
    surface[i] = Number.isNaN(surface[i]) ? level : Math.max(surface[i], level);
  });
  if (sea) {
    // River carving after the flood may have cut new ground below sea level next to the sea.
    for (let i = 0; i < heights.length; i++) {
      if (sea.mask[i] && (Number.isNaN(surface[i]) || surface[i] < sea.level)) surface[i] = sea.level;
    }
  }
  const distance = distanceToMarked((i) => !Number.isNaN(surface[i]) && surface[i] > heights[i], field.nx, field.nz, field.dx, field.dz);
  return {
    seaLevel,
    seaMask: sea?.mask ?? null,
    lakes,
    rivers: carved.rivers,
    waterfalls: carved.waterfalls,
    frozen: spec.water.frozen,
    surface,
    distance,
  };
}
