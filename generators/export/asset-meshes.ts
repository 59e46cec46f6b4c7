/**
 * Assets as glTF meshes: one mesh per LOD, one primitive per material part, cached by asset id so
 * every instance and every placed piece shares them. Materials come from ASSET_MATERIALS, named
 * `Asset/<name>`: white, vertex-coloured, with the material's roughness and metalness.
 */
import type { Buffer, Document, Material, Mesh } from '@gltf-transform/core';
import type { Asset } from '../assets/asset.ts';
import { ASSET_MATERIALS, type AssetMaterialName } from '../assets/asset-materials.ts';

export class AssetMeshes {
  private readonly meshes = new Map<string, Mesh>();
  private readonly materials = new Map<AssetMaterialName, Material>();

  constructor(
    private readonly doc: Document,
    private readonly buffer: Buffer,
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
      mesh.addPrimitive(
        this.doc
          .createPrimitive()
          .setAttribute('POSITION', this.doc.createAccessor(`${name}/POSITION`, this.buffer).setType('VEC3').setArray(Float32Array.from(part.positions)))
          .setAttribute('NORMAL', this.doc.createAccessor(`${name}/NORMAL`, this.buffer).setType('VEC3').setArray(Float32Array.from(part.normals)))
          .setAttribute('COLOR_0', this.doc.createAccessor(`${name}/COLOR_0`, this.buffer).setType('VEC3').setArray(Float32Array.from(part.colors)))
          .setIndices(this.doc.createAccessor(`${name}/indices`, this.buffer).setType('SCALAR').setArray(indices))
          .setMaterial(this.material(part.material)),
      );
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
