/**
 * Assets as glTF meshes: one mesh per LOD, one primitive per material part, cached by asset id so
 * every instance and every placed piece shares them. Materials come from ASSET_MATERIALS, named
 * `Asset/<name>`: white, vertex-coloured, with the material's roughness and metalness.
 *
 * With the world's textures, materials that have a set (bark, rock, stone, wood, roof tiles,
 * plaster, metal) wear it as detail (world-textures.ts); their parts get TEXCOORD_0 by box mapping
 * — each vertex projected along its normal's strongest axis, in metres of the asset's own space —
 * and their vertex colours raised by 1 / DETAIL_LEVEL.
 */
import type { Buffer, Document, Material, Mesh } from '@gltf-transform/core';
import type { Asset } from '../assets/asset.ts';
import { ASSET_MATERIALS, type AssetMaterialName } from '../assets/asset-materials.ts';
import { DETAIL_LEVEL, type WorldTextureBinder } from './world-textures.ts';

export class AssetMeshes {
  private readonly meshes = new Map<string, Mesh>();
  private readonly materials = new Map<AssetMaterialName, Material>();

  constructor(
    private readonly doc: Document,
    private readonly buffer: Buffer,
    private readonly textures?: WorldTextureBinder,
  ) {}

  /** The asset's meshes, LOD0 first. */
  lods(asset: Asset): Mesh[] {
    return asset.lods.map((_, level) => this.lod(asset, level));
  }

  /** One level's mesh (levels past the last give the last). */
  lod(asset: Asset, level: number): Mesh {
    const key = `${asset.id}#${Math.min(level, asset.lods.length - 1)}`;
    let mesh = this.meshes.get(key);
    if (!mesh) {
      mesh = this.build(asset, Math.min(level, asset.lods.length - 1));
      this.meshes.set(key, mesh);
    }
    return mesh;
  }

  private build(asset: Asset, level: number): Mesh {
    const mesh = this.doc.createMesh(`${asset.id}/lod${level}`);
    for (const part of asset.lods[level].parts) {
      const name = `${asset.id}/lod${level}/${part.material}`;
      const vertexCount = part.positions.length / 3;
      const indices = vertexCount > 65535 ? Uint32Array.from(part.indices) : Uint16Array.from(part.indices);
      const textured = this.textures?.has(`asset/${part.material}`) ?? false;
      const colors = Float32Array.from(part.colors);
      if (textured) for (let i = 0; i < colors.length; i++) colors[i] = Math.min(1, colors[i] / DETAIL_LEVEL);
      const primitive = this.doc
        .createPrimitive()
        .setAttribute('POSITION', this.doc.createAccessor(`${name}/POSITION`, this.buffer).setType('VEC3').setArray(Float32Array.from(part.positions)))
        .setAttribute('NORMAL', this.doc.createAccessor(`${name}/NORMAL`, this.buffer).setType('VEC3').setArray(Float32Array.from(part.normals)))
        .setAttribute('COLOR_0', this.doc.createAccessor(`${name}/COLOR_0`, this.buffer).setType('VEC3').setArray(colors))
        .setIndices(this.doc.createAccessor(`${name}/indices`, this.buffer).setType('SCALAR').setArray(indices))
        .setMaterial(this.material(part.material));
      if (textured) {
        const mapped = boxMapping(part.positions, part.normals);
        primitive.setAttribute('TEXCOORD_0', this.doc.createAccessor(`${name}/TEXCOORD_0`, this.buffer).setType('VEC2').setArray(mapped.uvs));
        primitive.setAttribute('TANGENT', this.doc.createAccessor(`${name}/TANGENT`, this.buffer).setType('VEC4').setArray(mapped.tangents));
      }
      mesh.addPrimitive(primitive);
    }
    return mesh;
  }

  private material(name: AssetMaterialName): Material {
    let material = this.materials.get(name);
    if (!material) {
      const def = ASSET_MATERIALS[name] as { roughness: number; metallic: number; doubleSided: boolean; emissive?: boolean };
      material = this.doc
        .createMaterial(`Asset/${name}`)
        .setBaseColorFactor([1, 1, 1, 1])
        .setRoughnessFactor(def.roughness)
        .setMetallicFactor(def.metallic)
        .setDoubleSided(def.doubleSided);
      if (def.emissive) material.setEmissiveFactor([1, 0.85, 0.55]);
      this.textures?.bind(material, `asset/${name}`, 1);
      this.materials.set(name, material);
    }
    return material;
  }
}

/**
 * MSFT_screencoverage thresholds from LOD switch distances: the share of a 60° vertical view an
 * object `height` tall fills at each distance; the last (cull) threshold is at 4× the last switch.
 */
export function screenCoverage(height: number, lodDistances: readonly number[]): number[] {
  const view = (d: number) => Math.min(1, height / (2 * Math.tan(Math.PI / 6) * Math.max(d, 1e-3)));
  const distances = [...lodDistances, 4 * (lodDistances[lodDistances.length - 1] ?? 100)];
  return distances.map((d) => Number(view(d).toFixed(5)));
}

/**
 * Box mapping: each vertex projected along its normal's strongest axis, in metres of asset space —
 * up/down faces take (x, z), faces along x take (z, −y), faces along z take (x, −y), so V grows
 * downward on walls as it does down an image. Tangents follow U, made perpendicular to the normal,
 * with w chosen so the bitangent points where V falls ("up" in the image, as glTF expects).
 */
export function boxMapping(positions: Float32Array, normals: Float32Array): { uvs: Float32Array<ArrayBuffer>; tangents: Float32Array<ArrayBuffer> } {
  const count = positions.length / 3;
  const uvs = new Float32Array(count * 2);
  const tangents = new Float32Array(count * 4);
  for (let v = 0; v < count; v++) {
    const n = [normals[v * 3], normals[v * 3 + 1], normals[v * 3 + 2]];
    const p = [positions[v * 3], positions[v * 3 + 1], positions[v * 3 + 2]];
    const [ax, ay, az] = n.map(Math.abs);
    // Axes of U and V in asset space, and the UVs.
    let uAxis: number[];
    let vAxis: number[];
    if (ay >= ax && ay >= az) {
      uAxis = [1, 0, 0];
      vAxis = [0, 0, 1];
    } else if (ax >= az) {
      uAxis = [0, 0, 1];
      vAxis = [0, -1, 0];
    } else {
      uAxis = [1, 0, 0];
      vAxis = [0, -1, 0];
    }
    uvs[v * 2] = p[0] * uAxis[0] + p[1] * uAxis[1] + p[2] * uAxis[2];
    uvs[v * 2 + 1] = p[0] * vAxis[0] + p[1] * vAxis[1] + p[2] * vAxis[2];
    const dot = n[0] * uAxis[0] + n[1] * uAxis[1] + n[2] * uAxis[2];
    let t = [uAxis[0] - n[0] * dot, uAxis[1] - n[1] * dot, uAxis[2] - n[2] * dot];
    const length = Math.hypot(t[0], t[1], t[2]) || 1;
    t = t.map((c) => c / length);
    const b = [n[1] * t[2] - n[2] * t[1], n[2] * t[0] - n[0] * t[2], n[0] * t[1] - n[1] * t[0]];
    const w = b[0] * vAxis[0] + b[1] * vAxis[1] + b[2] * vAxis[2] < 0 ? 1 : -1;
    tangents.set([t[0], t[1], t[2], w], v * 4);
  }
  return { uvs, tangents };
}
