/**
 * A tree as data — its limbs, foliage clumps, hanging strands and any species-specific pieces —
 * and how it is drawn at each level of detail. Every species builds a TreeModel once; the three
 * LODs are drawn from that one model, so they agree in shape and differ only in detail:
 *
 *   LOD0  every limb (trunk 8 sides, main branches 6, then 4 and 3), every clump (80 triangles),
 *         every strand;
 *   LOD1  limbs up to `orders[1]` with half their points (6/4/3 sides), clumps merged into a few
 *         blobs (k-means), every other strand at half its points;
 *   LOD2  a trunk of three or four 4-sided rings, limbs up to `orders[2]` as straight 3-sided
 *         spans, and one or two blobs: a silhouette.
 */
import type { Rgb } from '../../biomes/color.ts';
import type { AssetLod, Vec3 } from '../asset.ts';
import { MeshBuilder, ribbon } from '../mesh-builder.ts';
import { drawLimb, scaleLimb, simplifyLimb, type BarkPaint, type Limb } from './branching.ts';
import { crownCenterOf, drawClump, mergeClumps, snowed, type Clump } from './foliage.ts';

/** A hanging ribbon of foliage (moss, willow-like streamers), top first. */
export interface Strand {
  points: Vec3[];
  widths: number[];
  /** Unit vector across the ribbon. */
  side: Vec3;
  /** Linear RGB. */
  color: Rgb;
}

export interface TreeModel {
  limbs: Limb[];
  clumps: Clump[];
  strands: Strand[];
  paint: BarkPaint;
  /** Highest limb order drawn at LOD0, LOD1, LOD2. */
  orders: [number, number, number];
  /** How many blobs the clumps merge into at LOD1 and LOD2. */
  blobs: [number, number];
  /** The trunk, for the collider. */
  trunk: { radius: number; height: number };
  /** Species pieces drawn at each LOD after the limbs and clumps (conifer tiers, palm fronds). */
  extras?: (b: MeshBuilder, lod: number) => void;
}

const SIDES = [
  [8, 6, 4, 3],
  [6, 4, 3, 3],
  [4, 3, 3, 3],
];

/** LOD0, LOD1 and LOD2 of a tree. */
export function renderTree(model: TreeModel, snow: number): AssetLod[] {
  const trunkTop = model.limbs.length > 0 ? model.limbs[0].points[model.limbs[0].points.length - 1] : ([0, 0, 0] as Vec3);
  const centre = crownCenterOf(model.clumps, trunkTop);
  const lods: AssetLod[] = [];
  for (let lod = 0; lod < 3; lod++) {
    const b = new MeshBuilder();
    for (const limb of model.limbs) {
      if (limb.order > model.orders[lod]) continue;
      const n = limb.points.length;
      // LOD2 keeps a trunk of three or four rings and branches as single straight spans.
      const stride = lod === 0 ? 1 : lod === 1 ? 2 : limb.order === 0 ? Math.max(2, Math.ceil((n - 1) / 2)) : n - 1;
      drawLimb(b, 'bark', simplifyLimb(limb, stride), SIDES[lod][Math.min(3, limb.order)], model.paint);
    }
    // Merged blobs are the ellipsoids inside their members' boxes, grown back a little to keep the
    // crown's size; facing outward all over, they shade lighter than the clumps they stand for,
    // so they are darkened to match.
    const clumps =
      lod === 0
        ? model.clumps
        : mergeClumps(model.clumps, model.blobs[lod - 1], lod === 1 ? 0.96 : 1.02).map((c) => ({ ...c, color: shadeRgb(c.color, lod === 1 ? 0.9 : 0.84) }));
    for (const clump of clumps) drawClump(b, 'foliage', clearOfGround(clump), 1, centre, snow, lod === 0 ? 1 : 0.6);
    if (lod < 2) {
      model.strands.forEach((strand, i) => {
        if (lod === 1 && i % 2 === 1) return;
        const keep = lod === 0 ? strand.points.map((_, j) => j) : strand.points.map((_, j) => j).filter((j) => j % 2 === 0 || j === strand.points.length - 1);
        const points = keep.map((j) => strand.points[j]);
        const widths = keep.map((j) => strand.widths[j]);
        ribbon(b, 'foliage', points, widths, strand.side, (t) => snowed(shadeRgb(strand.color, 0.8 + 0.3 * (1 - t)), 1 - t, snow * 0.5));
      });
    }
    model.extras?.(b, lod);
    lods.push(b.build());
  }
  return lods;
}

/** Clumps scaled about the origin (fitting a tree to its height). */
export function scaleClumps(clumps: readonly Clump[], k: number): Clump[] {
  return clumps.map((c) => ({ ...c, center: [c.center[0] * k, c.center[1] * k, c.center[2] * k], radii: [c.radii[0] * k, c.radii[1] * k, c.radii[2] * k] }));
}

export function scaleLimbs(limbs: readonly Limb[], k: number): Limb[] {
  return limbs.map((limb) => scaleLimb(limb, k));
}

/**
 * Squashes a clump whose underside (bumps included) would reach into the ground: same top, its
 * bottom raised to 0.2 m.
 */
function clearOfGround(clump: Clump): Clump {
  const bumps = 1.15;
  const bottom = clump.center[1] - clump.radii[1] * bumps;
  if (bottom >= 0.2) return clump;
  const top = clump.center[1] + clump.radii[1];
  const radius = Math.max(0.05, (top - 0.2) / (1 + bumps));
  return { ...clump, center: [clump.center[0], top - radius, clump.center[2]], radii: [clump.radii[0], radius, clump.radii[2]] };
}

function shadeRgb(c: Rgb, k: number): Rgb {
  return [c[0] * k, c[1] * k, c[2] * k];
}
