/**
 * Scattered plants and rocks as GPU instances: one node per asset variant whose LOD0 mesh is drawn
 * at every instance (EXT_mesh_gpu_instancing: TRANSLATION, ROTATION about +Y, uniform SCALE), and
 * an MSFT_lod chain to nodes holding LOD1 and LOD2 with the same instances. Each node says in
 * `extras.worldsmith`: role `instances`, the family, asset id, count, the asset-space collider
 * (scale it per instance) and the LOD distances.
 */
import type { Document, Node } from '@gltf-transform/core';
import { EXTMeshGPUInstancing } from '@gltf-transform/extensions';
import type { Asset } from '../assets/asset.ts';
import type { PlannedInstances } from '../scatter/plan-scatter.ts';
import { AssetMeshes, screenCoverage } from './asset-meshes.ts';
import { MSFT_LOD, MSFTLod } from './msft-lod.ts';
import { roleExtras } from './node-roles.ts';

export interface InstanceSet extends PlannedInstances {
  asset: Asset;
}

/** A rectangle of the world, metres. */
export interface Region {
  minX: number;
  minZ: number;
  maxX: number;
  maxZ: number;
}

export interface ScatterExportOptions {
  /** Write only this level of detail, without an MSFT_lod chain (chunked export). */
  level?: number;
  /** Only instances inside this rectangle (half-open: min inclusive, max exclusive). */
  region?: Region;
  /** Families left out (small plants in distant chunks). */
  skipFamilies?: readonly string[];
}

export function addInstancedScatter(
  doc: Document,
  parent: Node,
  allSets: readonly InstanceSet[],
  meshes: AssetMeshes,
  options: ScatterExportOptions = {},
): { nodes: number; instances: number } {
  const sets = allSets
    .filter((set) => !options.skipFamilies?.includes(set.variant.family))
    .map((set) => (options.region ? clip(set, options.region) : set))
    .filter((set) => set.count > 0);
  if (sets.length === 0) return { nodes: 0, instances: 0 };
  const buffer = doc.getRoot().listBuffers()[0];
  const instancing = doc.createExtension(EXTMeshGPUInstancing);
  const lodExtension = options.level === undefined ? doc.createExtension(MSFTLod) : undefined;
  let nodes = 0;
  let instances = 0;
  for (const set of sets) {
    const name = `Scatter/${set.asset.id}`;
    const rotation = new Float32Array(set.count * 4);
    const scale = new Float32Array(set.count * 3);
    for (let i = 0; i < set.count; i++) {
      rotation[i * 4 + 1] = Math.sin(set.yaws[i] / 2);
      rotation[i * 4 + 3] = Math.cos(set.yaws[i] / 2);
      scale.fill(set.scales[i], i * 3, i * 3 + 3);
    }
    const translation = doc.createAccessor(`${name}/TRANSLATION`, buffer).setType('VEC3').setArray(Float32Array.from(set.positions));
    const rotations = doc.createAccessor(`${name}/ROTATION`, buffer).setType('VEC4').setArray(rotation);
    const scales = doc.createAccessor(`${name}/SCALE`, buffer).setType('VEC3').setArray(scale);
    const batch = () =>
      instancing.createInstancedMesh().setAttribute('TRANSLATION', translation).setAttribute('ROTATION', rotations).setAttribute('SCALE', scales);
    const node = doc.createNode(name).setExtension('EXT_mesh_gpu_instancing', batch());
    if (options.level !== undefined) {
      node.setMesh(meshes.lod(set.asset, options.level));
    } else {
      const lods = meshes.lods(set.asset);
      const lod = lodExtension!.createLod().setCoverage(screenCoverage(set.asset.bounds.max[1] - set.asset.bounds.min[1], set.asset.lodDistances));
      for (let level = 1; level < lods.length; level++) {
        lod.addLod(doc.createNode(`${name}/lod${level}`).setMesh(lods[level]).setExtension('EXT_mesh_gpu_instancing', batch()));
      }
      node.setMesh(lods[0]).setExtension(MSFT_LOD, lod);
    }
    node.setExtras(
        roleExtras('instances', {
          family: set.variant.family,
          kind: set.variant.kind,
          asset: set.asset.id,
          count: set.count,
          collider: set.asset.collider,
          lodDistances: set.asset.lodDistances,
        }),
      );
    parent.addChild(node);
    nodes++;
    instances += set.count;
  }
  return { nodes, instances };
}

/** The instances of a set that stand inside a region. */
function clip(set: InstanceSet, region: Region): InstanceSet {
  const keep: number[] = [];
  for (let i = 0; i < set.count; i++) {
    const x = set.positions[i * 3];
    const z = set.positions[i * 3 + 2];
    if (x >= region.minX && x < region.maxX && z >= region.minZ && z < region.maxZ) keep.push(i);
  }
  const positions = new Float32Array(keep.length * 3);
  keep.forEach((i, k) => positions.set(set.positions.subarray(i * 3, i * 3 + 3), k * 3));
  return {
    ...set,
    count: keep.length,
    positions,
    yaws: Float32Array.from(keep, (i) => set.yaws[i]),
    scales: Float32Array.from(keep, (i) => set.scales[i]),
  };
}
