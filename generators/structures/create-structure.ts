/**
 * `createStructure(type, seed, options)`: one structure as an Asset — three LODs, bounds, a box
 * collider — in its own space: origin at the centre of its footprint on the ground, front +z.
 *
 * Each LOD is drawn by the type's function with the same seed (see BuildContext), then aged by
 * its condition. A `foundationDepth` adds a stone plinth (or timber stilts) under the footprint
 * reaching that far down, for ground that falls away too much to level; bridges and piers use it
 * for their piers and posts instead.
 *
 * CONTRIBUTOR NOTES
 *  - LOD0 ≤ 6000 triangles (castle, fortress ≤ 12000); LOD1 drops merlons, frames, window holes
 *    and half the rubble and uses ~60% of the segments; LOD2 is the masses. Tests hold it.
 *  - The id carries everything that changes the geometry, so the exporter may instance by id.
 */
import type { Asset } from '../assets/asset.ts';
import { boundsOf } from '../assets/asset.ts';
import { box, frustum, shade } from '../assets/mesh-builder.ts';
import { deriveSeed } from '../seed/derive-seed.ts';
import { Rng } from '../seed/rng.ts';
import { BIOMES, STRUCTURE_CONDITIONS, STRUCTURE_TYPES, type Biome, type StructureType } from '../spec/world-spec-schema.ts';
import { BuildContext, type Lod, type StructureCondition } from './build-context.ts';
import { drawBridge } from './bridge.ts';
import { drawCastle } from './castle.ts';
import { drawChapel } from './chapel.ts';
import { STRUCTURE_FOOTPRINTS } from './footprints.ts';
import { drawFarmhouse, drawHouse, drawWell } from './house.ts';
import { drawLighthouse } from './lighthouse.ts';
import { drawPier } from './pier.ts';
import { resolveMaterial, type RequestedMaterial } from './resolve-material.ts';
import { drawRuins } from './ruins.ts';
import { drawStandingStones } from './standing-stones.ts';
import { StructureError } from './structure-error.ts';
import { lookFor, type StructurePalette } from './structure-look.ts';
import type { StructureParams } from './structure-params.ts';
import { drawTemple } from './temple.ts';
import { drawVillage } from './village.ts';
import { drawWall } from './wall.ts';
import { drawWatchtower } from './watchtower.ts';
import { weatherLod } from './weathering.ts';
import { drawWindmill } from './windmill.ts';

export const NAME = 'createStructure';

export interface StructureOptions {
  condition?: StructureCondition;
  /** What it is built of; "auto" picks by type and `biome` (see resolveMaterial). */
  material?: RequestedMaterial;
  /** Biome for an "auto" material. */
  biome?: Biome;
  /** Bridges and piers: end-to-end length in metres; 0 for the type's default. */
  span?: number;
  /** sRGB hex overrides. */
  palette?: StructurePalette;
  /** Metres the structure must reach below its origin (plinth, stilts, bridge piers, pier posts). */
  foundationDepth?: number;
}

export const STRUCTURE_DEFAULTS: Required<StructureOptions> = {
  condition: 'intact',
  material: 'auto',
  biome: 'temperate-forest',
  span: 0,
  palette: {},
  foundationDepth: 0,
};

/** LOD0 triangle budgets. */
export const STRUCTURE_TRIANGLE_BUDGET: Record<StructureType, number> = Object.fromEntries(
  STRUCTURE_TYPES.map((t) => [t, t === 'castle' || t === 'fortress' ? 12000 : 6000]),
) as Record<StructureType, number>;

type Draw = (ctx: BuildContext, p: StructureParams) => void;

const DRAW: Record<StructureType, Draw> = {
  ruins: drawRuins,
  tower: drawWatchtower,
  castle: drawCastle,
  fortress: drawCastle,
  village: drawVillage,
  house: drawHouse,
  farmhouse: drawFarmhouse,
  bridge: drawBridge,
  temple: drawTemple,
  chapel: drawChapel,
  lighthouse: drawLighthouse,
  pier: drawPier,
  'standing-stones': drawStandingStones,
  wall: drawWall,
  windmill: drawWindmill,
};

/** Types whose own drawing uses `foundationDepth` (the rest get a plinth or stilts). */
const REACHES_DOWN: ReadonlySet<StructureType> = new Set<StructureType>(['bridge', 'pier']);

export function createStructure(type: StructureType, seed: number, options: StructureOptions = {}): Asset {
  const o = normalise(type, seed, options);
  const material = resolveMaterial(type, o.material, o.biome);
  const params: StructureParams = { type, material, span: o.span, foundationDepth: o.foundationDepth };
  const itemSeed = deriveSeed(seed >>> 0, 'structure', type);
  const look = lookFor(material, o.palette, new Rng(deriveSeed(itemSeed, 'look')));
  const contexts = ([0, 1, 2] as Lod[]).map((lod) => {
    const ctx = new BuildContext(lod, itemSeed, look, o.condition);
    DRAW[type](ctx, params);
    if (o.foundationDepth > 0 && !REACHES_DOWN.has(type)) drawFoundation(ctx, type, o.foundationDepth);
    return ctx;
  });
  const lods = contexts.map((ctx) => weatherLod(ctx.b.build(), o.condition, o.biome, deriveSeed(itemSeed, 'age')));
  const bounds = boundsOf(lods);
  const radius = Math.hypot(bounds.max[0] - bounds.min[0], bounds.max[1] - bounds.min[1], bounds.max[2] - bounds.min[2]) / 2;
  return {
    id: `structure/${variantName(type, material, o)}/${seed >>> 0}`,
    kind: 'structure',
    lods,
    bounds,
    collider: { shape: 'boxes', boxes: contexts[0].colliders },
    lodDistances: [Math.round(Math.max(30, radius * 4)), Math.round(Math.max(80, radius * 10))],
  };
}

/** A village's well, which is no structure type of its own. */
export function createWell(seed: number, options: StructureOptions = {}): Asset {
  const o = normalise('house', seed, options);
  const material = resolveMaterial('house', o.material, o.biome);
  const itemSeed = deriveSeed(seed >>> 0, 'structure', 'well');
  const look = lookFor(material, o.palette, new Rng(deriveSeed(itemSeed, 'look')));
  const contexts = ([0, 1, 2] as Lod[]).map((lod) => {
    const ctx = new BuildContext(lod, itemSeed, look, o.condition);
    drawWell(ctx);
    if (o.foundationDepth > 0) drawFoundationRect(ctx, 1.5, 1.5, o.foundationDepth, false);
    return ctx;
  });
  const lods = contexts.map((ctx) => weatherLod(ctx.b.build(), o.condition, o.biome, deriveSeed(itemSeed, 'age')));
  return {
    id: `structure/well-${o.condition}-${material}-${o.biome}${o.foundationDepth > 0 ? `-base${o.foundationDepth.toFixed(2)}` : ''}/${seed >>> 0}`,
    kind: 'structure',
    lods,
    bounds: boundsOf(lods),
    collider: { shape: 'boxes', boxes: contexts[0].colliders },
    lodDistances: [30, 80],
  };
}

function normalise(type: StructureType, seed: number, options: StructureOptions): Required<StructureOptions> {
  const o = { ...STRUCTURE_DEFAULTS, ...options, palette: { ...options.palette } };
  const problems: string[] = [];
  if (!STRUCTURE_TYPES.includes(type)) problems.push(`type "${String(type)}" is not one of ${STRUCTURE_TYPES.join(', ')}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) problems.push(`seed ${seed} is not an integer from 0 to 4294967295`);
  if (!STRUCTURE_CONDITIONS.includes(o.condition)) problems.push(`condition "${o.condition}" is not one of ${STRUCTURE_CONDITIONS.join(', ')}`);
  if (!BIOMES.includes(o.biome)) problems.push(`biome "${o.biome}" is not one of ${BIOMES.join(', ')}`);
  if (!Number.isFinite(o.span) || o.span < 0 || o.span > 400) problems.push(`span ${o.span} is not from 0 to 400 metres`);
  if (!Number.isFinite(o.foundationDepth) || o.foundationDepth < 0 || o.foundationDepth > 80) problems.push(`foundationDepth ${o.foundationDepth} is not from 0 to 80 metres`);
  for (const [key, hex] of Object.entries(o.palette)) {
    if (hex !== undefined && !/^#[0-9a-fA-F]{6}$/.test(hex)) problems.push(`palette.${key} "${hex}" is not a #rrggbb colour`);
  }
  if (problems.length > 0) throw new StructureError(`Cannot build a ${String(type)}: ${problems.join('; ')}.`);
  return o;
}

function variantName(type: StructureType, material: string, o: Required<StructureOptions>): string {
  // The biome changes how much moss grows, so it is part of the name.
  let name = `${type}-${o.condition}-${material}-${o.biome}`;
  if (o.span > 0 && REACHES_DOWN.has(type)) name += `-span${o.span.toFixed(2)}`;
  if (o.foundationDepth > 0) name += `-base${o.foundationDepth.toFixed(2)}`;
  const palette = Object.entries(o.palette).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  if (palette.length > 0) name += `-p${deriveSeed(0, palette.map(([k, v]) => `${k}${v}`).join()).toString(36)}`;
  return name;
}

function drawFoundation(ctx: BuildContext, type: StructureType, depth: number): void {
  const { width, depth: d } = STRUCTURE_FOOTPRINTS[type];
  drawFoundationRect(ctx, width / 2, d / 2, depth, ctx.look.timber);
}

/**
 * A plinth of dressed stone under the footprint from −depth to the floor, with a ledge; or
 * timber stilts on a grid no wider than 3 m under a plank platform.
 */
function drawFoundationRect(ctx: BuildContext, hw: number, hd: number, depth: number, stilts: boolean): void {
  const { b, lod, look } = ctx;
  if (!stilts) {
    box(b, 'stone', [hw * 2, depth, hd * 2], shade(look.stone, 0.85), [0, -depth / 2, 0]);
    if (lod === 0) box(b, 'stone', [hw * 2 + 0.3, 0.3, hd * 2 + 0.3], shade(look.stone, 0.95), [0, -0.15, 0]);
    ctx.solid([0, -depth / 2, 0], [hw * 2, depth, hd * 2]);
    return;
  }
  box(b, 'wood', [hw * 2, 0.3, hd * 2], shade(look.wood, 0.8), [0, -0.15, 0]);
  ctx.solid([0, -0.15, 0], [hw * 2, 0.3, hd * 2]);
  const nx = Math.max(2, Math.ceil((hw * 2) / 3) + 1);
  const nz = Math.max(2, Math.ceil((hd * 2) / 3) + 1);
  for (let i = 0; i < nx; i++) {
    for (let k = 0; k < nz; k++) {
      if (lod === 2 && i !== 0 && i !== nx - 1 && k !== 0 && k !== nz - 1) continue;
      const x = -hw + 0.2 + ((hw * 2 - 0.4) * i) / (nx - 1);
      const z = -hd + 0.2 + ((hd * 2 - 0.4) * k) / (nz - 1);
      frustum(b, 'wood', [x, -depth, z], [x, -0.3, z], 0.16, 0.15, lod === 0 ? 6 : 4, shade(look.wood, 0.7));
      ctx.solid([x, -depth / 2, z], [0.32, depth, 0.32]);
    }
  }
}
