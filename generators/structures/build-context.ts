/**
 * What a structure's drawing code works with: the MeshBuilder of one LOD, which LOD it is, the
 * look, the condition, named random streams and the collider boxes.
 *
 * A factory draws the same structure three times, once per LOD, with the same seed. Random
 * choices come from `random(name)` — a fresh stream per name — so a choice never depends on
 * how much an earlier, LOD-dependent detail drew: LOD2's tower stands where LOD0's does.
 * Colliders are recorded on the LOD0 pass only.
 */
import type { Rgb } from '../biomes/color.ts';
import type { Vec3 } from '../assets/asset.ts';
import { MeshBuilder } from '../assets/mesh-builder.ts';
import type { AssetMaterialName } from '../assets/asset-materials.ts';
import { compose, normalize, rotationY, translation } from '../assets/transform.ts';
import { deriveSeed } from '../seed/derive-seed.ts';
import { Rng } from '../seed/rng.ts';
import type { STRUCTURE_CONDITIONS } from '../spec/world-spec-schema.ts';
import type { Look } from './structure-look.ts';

/** Intact, weathered (darker, mossy) or ruined (broken tops, missing blocks, rubble, no roof). */
export type StructureCondition = (typeof STRUCTURE_CONDITIONS)[number];

export type Lod = 0 | 1 | 2;

export interface ColliderBox {
  center: Vec3;
  size: Vec3;
  yaw: number;
}

interface Frame {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

export class BuildContext {
  readonly b = new MeshBuilder();
  readonly colliders: ColliderBox[] = [];
  /**
   * Drawing one of many (a village's houses): leave out the fine LOD0 trim — frames, sills,
   * corner stones — that a single building shows, so the cluster keeps to its budget.
   */
  crowd = false;
  private readonly frames: Frame[] = [{ x: 0, y: 0, z: 0, yaw: 0 }];
  private readonly scopes: string[] = [];

  constructor(
    readonly lod: Lod,
    readonly seed: number,
    readonly look: Look,
    readonly condition: StructureCondition,
  ) {}

  get ruined(): boolean {
    return this.condition === 'ruined';
  }

  /** A random stream of its own for a named part (within the current scope). */
  random(name: string): Rng {
    return new Rng(deriveSeed(this.seed, ...this.scopes, name));
  }

  /** Segments for a round shape: `n` at LOD0, fewer further away. */
  segments(n: number): number {
    return this.lod === 0 ? n : this.lod === 1 ? Math.max(6, Math.round(n * 0.6)) : Math.max(5, Math.round(n * 0.35));
  }

  /** Draws (and records colliders) moved to (x, y, z) and turned `yaw` about +Y; names inside get `scope`. */
  at<T>(x: number, y: number, z: number, yaw: number, draw: () => T, scope?: string): T {
    const parent = this.frames[this.frames.length - 1];
    const c = Math.cos(parent.yaw);
    const s = Math.sin(parent.yaw);
    this.frames.push({ x: parent.x + x * c + z * s, y: parent.y + y, z: parent.z - x * s + z * c, yaw: parent.yaw + yaw });
    if (scope !== undefined) this.scopes.push(scope);
    try {
      return this.b.within(compose(translation(x, y, z), rotationY(yaw)), draw);
    } finally {
      this.frames.pop();
      if (scope !== undefined) this.scopes.pop();
    }
  }

  /** A solid box for the collider, in the current frame (LOD0 pass only). */
  solid(center: Vec3, size: Vec3, yaw = 0): void {
    if (this.lod !== 0 || size[0] <= 0.05 || size[1] <= 0.05 || size[2] <= 0.05) return;
    const f = this.frames[this.frames.length - 1];
    const c = Math.cos(f.yaw);
    const s = Math.sin(f.yaw);
    this.colliders.push({
      center: [f.x + center[0] * c + center[2] * s, f.y + center[1], f.z - center[0] * s + center[2] * c],
      size,
      yaw: f.yaw + yaw,
    });
  }
}

/**
 * A flat convex polygon, fanned from its first corner; the winding is chosen so the face looks
 * along `outward` (so callers give corners in any order around the polygon).
 */
export function facet(b: MeshBuilder, material: AssetMaterialName, corners: Vec3[], outward: Vec3, color: Rgb): void {
  // Newell's normal: robust when the first corners happen to be nearly in line.
  const sum: Vec3 = [0, 0, 0];
  for (let i = 0; i < corners.length; i++) {
    const a = corners[i];
    const c = corners[(i + 1) % corners.length];
    sum[0] += (a[1] - c[1]) * (a[2] + c[2]);
    sum[1] += (a[2] - c[2]) * (a[0] + c[0]);
    sum[2] += (a[0] - c[0]) * (a[1] + c[1]);
  }
  let n = normalize(sum);
  const flip = n[0] * outward[0] + n[1] * outward[1] + n[2] * outward[2] < 0;
  if (flip) n = [-n[0], -n[1], -n[2]];
  const ids = corners.map((p) => b.vertex(material, p, n, color));
  for (let i = 1; i < ids.length - 1; i++) {
    if (flip) b.triangle(material, ids[0], ids[i + 1], ids[i]);
    else b.triangle(material, ids[0], ids[i], ids[i + 1]);
  }
}
