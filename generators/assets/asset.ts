/**
 * An asset: one procedurally made object (a tree, a bush, a rock, a house…) with its levels of
 * detail, bounds and collider, in its own space: metres, +Y up, origin on the ground at its base,
 * facing +Z. Scatter and structure placement position it in the world; the exporter instances it.
 *
 * Contract every factory keeps (tests hold it):
 *  - at least 3 LODs, triangle counts strictly falling from LOD0;
 *  - every part has a material from ASSET_MATERIALS, finite positions/normals/colours, more than
 *    2 vertices, indices in range, unit normals, colours linear RGB in 0..1;
 *  - bounds contain every LOD's vertices; the same seed gives the same numbers.
 */
import type { AssetMaterialName } from './asset-materials.ts';

export type Vec3 = [number, number, number];

export type AssetKind = 'tree' | 'bush' | 'grass' | 'flowers' | 'rock' | 'boulder' | 'structure';

/** One material's triangles within a LOD. */
export interface AssetPart {
  material: AssetMaterialName;
  /** xyz per vertex, metres. */
  positions: Float32Array;
  /** Unit normal per vertex. */
  normals: Float32Array;
  /** Linear RGB per vertex, 0..1 (glTF COLOR_0; the material is white, so this is the colour). */
  colors: Float32Array;
  indices: Uint32Array;
}

export interface AssetLod {
  parts: AssetPart[];
  triangles: number;
}

export interface Bounds {
  min: Vec3;
  max: Vec3;
}

/** Collision shapes in the asset's space; engines read them from the glb's extras. */
export type Collider =
  /** Vertical capsule standing on the origin (trees). */
  | { shape: 'capsule'; radius: number; height: number }
  | { shape: 'sphere'; center: Vec3; radius: number }
  /** Boxes, each turned `yaw` radians about +Y (structures). */
  | { shape: 'boxes'; boxes: Array<{ center: Vec3; size: Vec3; yaw: number }> }
  /** Walk-through (grass, flowers). */
  | { shape: 'none' };

export interface Asset {
  /** Stable id: `<family>/<variant>/<seed>`, e.g. `tree/conifer/1234`. */
  id: string;
  kind: AssetKind;
  /** LOD0 first. */
  lods: AssetLod[];
  /** Containing every LOD (see boundsOf). */
  bounds: Bounds;
  collider: Collider;
  /** Distance in metres at which each LOD after LOD0 takes over (length = lods.length − 1, rising). */
  lodDistances: number[];
}

export function boundsOf(lods: readonly AssetLod[]): Bounds {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const lod of lods) {
    for (const part of lod.parts) {
      const p = part.positions;
      for (let i = 0; i < p.length; i += 3) {
        for (let a = 0; a < 3; a++) {
          if (p[i + a] < min[a]) min[a] = p[i + a];
          if (p[i + a] > max[a]) max[a] = p[i + a];
        }
      }
    }
  }
  return { min, max };
}
