/**
 * World: the in-memory result of generation, before export. Everything later stages need — the
 * exporter, previews, queries, the stream server — reads this, so they all see the same world.
 */
import type { BiomeMap } from '../biomes/classify-biomes.ts';
import type { GroundSurface } from '../biomes/paint-ground.ts';
import type { Sky } from '../sky/light-the-sky.ts';
import type { Gameplay } from '../gameplay/gameplay.ts';
import type { NavMeshData } from '../gameplay/build-navmesh.ts';
import type { InstanceSet } from '../export/instanced-scatter.ts';
import type { PlacedStructure } from '../structures/index.ts';
import type { WorldObject } from './world-objects.ts';
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import type { Heightfield } from '../terrain/heightfield.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import type { WorldTextureSet } from '../textures/textures-in-worker.ts';

export interface World {
  spec: WorldSpec;
  terrain: Heightfield;
  water: WaterBodies;
  biomes: BiomeMap;
  ground: GroundSurface;
  sky: Sky;
  /** Buildings and ruins, placed on levelled foundations. */
  structures: PlacedStructure[];
  /** Spawn, points of interest, carved paths. */
  gameplay: Gameplay;
  /** Scattered plants and rocks, grouped by asset for instancing. */
  scatter: InstanceSet[];
  /** Every placed object with its world-space colliders (scatter and structure pieces). */
  objects: WorldObject[];
  navmesh: NavMeshData | null;
  /** Texture sets by `ground/<class>` and `asset/<material>` (world-texture-recipes.ts), or null. */
  textures: ReadonlyMap<string, WorldTextureSet> | null;
  landmarks: {
    /** A volcano's vent, world metres. */
    vent?: { x: number; z: number };
    /** A valley's or canyon's floor line, high end first. */
    axis?: Array<{ x: number; z: number }>;
  };
}

export interface WorldStats {
  samples: { nx: number; nz: number };
  heightRange: [number, number];
  seaLevel: number | null;
  /** Share of samples under sea, lake or river water. */
  waterShare: number;
  lakes: number;
  rivers: number;
  waterfalls: number;
  /** Share of samples where each biome dominates. */
  biomeShares: Record<string, number>;
}

export function describeWorld(world: World): WorldStats {
  const { terrain, water, biomes } = world;
  let min = Infinity;
  let max = -Infinity;
  let wet = 0;
  for (let i = 0; i < terrain.heights.length; i++) {
    const h = terrain.heights[i];
    if (h < min) min = h;
    if (h > max) max = h;
    if (!Number.isNaN(water.surface[i]) && water.surface[i] > h) wet++;
  }
  const counts = new Array<number>(biomes.biomes.length).fill(0);
  for (let i = 0; i < biomes.dominant.length; i++) counts[biomes.dominant[i]]++;
  const n = terrain.heights.length;
  return {
    samples: { nx: terrain.nx, nz: terrain.nz },
    heightRange: [round(min), round(max)],
    seaLevel: water.seaLevel === null ? null : round(water.seaLevel),
    waterShare: round(wet / n, 4),
    lakes: water.lakes.length,
    rivers: water.rivers.length,
    waterfalls: water.waterfalls.length,
    biomeShares: Object.fromEntries(biomes.biomes.map((b, i) => [b, round(counts[i] / n, 4)])),
  };
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
