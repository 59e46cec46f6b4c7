/**
 * Collects a character's pieces into skinned parts. Each piece is drawn with the world's
 * MeshBuilder shapes (boxes, frustums, ellipsoids…) in bind-pose space, then every vertex gets its
 * joint weights from the piece's weighing function. The MeshBuilder's own material slot is not
 * used here: a piece names one CharacterMaterialName instead.
 */
import type { AssetMaterialName } from '../assets/asset-materials.ts';
import { MeshBuilder } from '../assets/mesh-builder.ts';
import type { CharacterMaterialName, CharacterPart } from './character-model.ts';
import type { Vec3 } from './quaternion.ts';
import { topFour, type Weigh } from './skin-weights.ts';

/** The one MeshBuilder material every piece is drawn in (a placeholder; see above). */
export const PIECE: AssetMaterialName = 'stone';

interface Buffers {
  positions: number[];
  normals: number[];
  colors: number[];
  joints: number[];
  weights: number[];
  indices: number[];
}

export class SkinnedMeshBuilder {
  private readonly parts = new Map<CharacterMaterialName, Buffers>();

  piece(material: CharacterMaterialName, weigh: Weigh, draw: (b: MeshBuilder) => void): void {
    const builder = new MeshBuilder();
    draw(builder);
    const lod = builder.build();
    let part = this.parts.get(material);
    if (!part) this.parts.set(material, (part = { positions: [], normals: [], colors: [], joints: [], weights: [], indices: [] }));
    for (const drawn of lod.parts) {
      const base = part.positions.length / 3;
      const count = drawn.positions.length / 3;
      for (let v = 0; v < count; v++) {
        const p: Vec3 = [drawn.positions[v * 3], drawn.positions[v * 3 + 1], drawn.positions[v * 3 + 2]];
        const { joints, weights } = topFour(weigh(p));
        part.positions.push(...p);
        part.normals.push(drawn.normals[v * 3], drawn.normals[v * 3 + 1], drawn.normals[v * 3 + 2]);
        part.colors.push(drawn.colors[v * 3], drawn.colors[v * 3 + 1], drawn.colors[v * 3 + 2]);
        part.joints.push(...joints);
        part.weights.push(...weights);
      }
      for (const index of drawn.indices) part.indices.push(base + index);
    }
  }

  build(): { parts: CharacterPart[]; triangles: number } {
    const parts: CharacterPart[] = [];
    let triangles = 0;
    for (const [material, b] of [...this.parts.entries()].sort((x, y) => x[0].localeCompare(y[0]))) {
      if (b.indices.length === 0) continue;
      const weights = Float32Array.from(b.weights);
      // Float32 rounding can leave a sum a few ulps from 1: give the remainder to the strongest.
      for (let i = 0; i < weights.length; i += 4) weights[i] = Math.fround(1 - (weights[i + 1] + weights[i + 2] + weights[i + 3]));
      parts.push({
        material,
        positions: Float32Array.from(b.positions),
        normals: Float32Array.from(b.normals),
        colors: Float32Array.from(b.colors),
        joints: Uint8Array.from(b.joints),
        weights,
        indices: Uint32Array.from(b.indices),
      });
      triangles += b.indices.length / 3;
    }
    return { parts, triangles };
  }
}
