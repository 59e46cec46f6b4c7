/**
 * Levels of detail per instance, for a camera. Babylon.js reads MSFT_lod as progressive loading: it
 * loads LOD2, then LOD1, then LOD0, and disposes each lower level as the next arrives — every plant
 * ends up drawn at full detail. Here the lower levels are kept (`keepLowerLods`, hooked into the
 * loader) and, once the camera is known, every instance is sent to one level by its distance: the
 * asset's own switch distances (the `lodDistances` the export writes in the node's extras), dropped
 * when it would cover less than a pixel or two on screen, or when its bounding sphere is outside
 * the view.
 *
 * `prepareInstanceLods` does the per-world work once — the instances' world-space centres and
 * radii, one updatable instance buffer per level with the bounding box of every instance — so that
 * `apply` per camera is a distance and frustum test per instance and one buffer upload per level
 * (a video calls it every frame). `applyInstanceLods` is both, for a single frame.
 */
import * as BABYLON from '@babylonjs/core';

/** Lower levels the loader would have disposed, kept disabled instead. */
export function keepLowerLods(loader: BABYLON.ISceneLoaderPlugin | BABYLON.ISceneLoaderPluginAsync, kept: BABYLON.TransformNode[]): void {
  const gltf = loader as unknown as { onExtensionLoadedObservable?: BABYLON.Observable<{ name: string }> };
  gltf.onExtensionLoadedObservable?.add((extension) => {
    if (extension.name !== 'MSFT_lod') return;
    (extension as unknown as { _disposeTransformNode: (node: BABYLON.TransformNode) => void })._disposeTransformNode = (node) => {
      node.setEnabled(false);
      kept.push(node);
    };
  });
}

export interface LodCounts {
  /** Instances drawn at each level (0 = full detail). */
  perLevel: number[];
  /** Instances left out: too small to see, or outside the view. */
  culled: number;
}

export interface InstanceLods {
  /**
   * Sends every instance to its level for this camera (the scene's active camera). The asset's
   * switch distances are multiplied by `distanceScale` (default 1): small frames (a world model's
   * 64² dataset) pass less than 1 to switch to coarser levels sooner.
   */
  apply(camera: BABYLON.Camera, viewHeight: number, distanceScale?: number): LodCounts;
  /** Instances under LOD control. */
  readonly instances: number;
}

/** The smallest an instance may be on screen, in pixels of height, and still be drawn. */
const MIN_PIXELS = 1.5;

interface AssetLods {
  levels: BABYLON.Node[];
  meshes: BABYLON.Mesh[][];
  switches: number[];
  /** The instances' matrices as loaded (local to the mesh). */
  local: Float32Array;
  count: number;
  /** World-space bounding sphere per instance (float64: the same numbers on every call). */
  centres: Float64Array;
  radii: Float64Array;
  /** Per level: the picked instances' matrices, capacity `count`. */
  buffers: Float32Array[];
}

export function applyInstanceLods(scene: BABYLON.Scene, camera: BABYLON.Camera, kept: readonly BABYLON.TransformNode[], viewHeight: number): LodCounts {
  return prepareInstanceLods(scene, kept).apply(camera, viewHeight);
}

export function prepareInstanceLods(scene: BABYLON.Scene, kept: readonly BABYLON.TransformNode[]): InstanceLods {
  const lowerByBase = new Map<string, BABYLON.TransformNode[]>();
  for (const node of kept) {
    const match = /^(.*)\/lod(\d+)$/.exec(node.name);
    if (!match) continue;
    const list = lowerByBase.get(match[1]) ?? [];
    list[Number(match[2])] = node;
    lowerByBase.set(match[1], list);
  }
  const assets: AssetLods[] = [];
  for (const [base, lower] of lowerByBase) {
    const top = scene.getTransformNodeByName(base) ?? scene.getMeshByName(base);
    if (!top) continue;
    const levels: BABYLON.Node[] = [top, ...lower.slice(1)];
    const extras = (top.metadata as { gltf?: { extras?: { worldsmith?: { lodDistances?: number[] } } } } | null)?.gltf?.extras?.worldsmith;
    // A kept lower level's primitives are no longer its node's children (the loader detaches them
    // when it disposes the level): find them by the names Babylon gives primitives.
    const meshesOf = (node: BABYLON.Node | undefined): BABYLON.Mesh[] => {
      if (!node) return [];
      const children = [node, ...node.getChildMeshes(false)];
      const named = scene.meshes.filter((m) => m.parent === null && (m.name === node.name || m.name.startsWith(`${node.name}_primitive`)));
      return [...new Set([...children, ...named])].filter((m): m is BABYLON.Mesh => m instanceof BABYLON.Mesh && m.thinInstanceCount > 0);
    };
    // The loader may nest one level's node inside another's: each level keeps only the meshes
    // that are not another level's, or it would draw them with its own instance count.
    const meshes = levels.map((node, k) =>
      meshesOf(node).filter((mesh) => !levels.some((other, j) => j !== k && other !== node && (mesh === other || mesh.isDescendantOf(other)) && other.isDescendantOf(node))),
    );
    if (meshes[0].length === 0) continue;
    // Instances and the asset's size, from the full-detail mesh. Every level of an asset carries
    // the same instances (the export writes one batch per level), in the same local space.
    const reference = meshes[0][0];
    const local = (reference as unknown as { _thinInstanceDataStorage: { matrixData: Float32Array } })._thinInstanceDataStorage.matrixData.slice();
    const count = reference.thinInstanceCount;
    const meshWorld = reference.computeWorldMatrix(true);
    const extent = reference.getRawBoundingInfo().boundingSphere;
    const centres = new Float64Array(count * 3);
    const radii = new Float64Array(count);
    const instance = new BABYLON.Matrix();
    const world = new BABYLON.Matrix();
    for (let i = 0; i < count; i++) {
      BABYLON.Matrix.FromArrayToRef(local, i * 16, instance);
      instance.multiplyToRef(meshWorld, world);
      const m = world.m;
      const centre = BABYLON.Vector3.TransformCoordinates(extent.center, world);
      centres[i * 3] = centre.x;
      centres[i * 3 + 1] = centre.y;
      centres[i * 3 + 2] = centre.z;
      radii[i] = extent.radius * Math.hypot(m[0], m[1], m[2]);
    }
    // One updatable buffer per level, filled with every instance first so that each mesh's
    // bounding box covers them all (it is never culled while some instance is in view).
    const buffers = levels.map(() => local.slice());
    levels.forEach((_, level) => {
      for (const mesh of meshes[level]) mesh.thinInstanceSetBuffer('matrix', buffers[level], 16, false);
    });
    assets.push({ levels, meshes, switches: extras?.lodDistances ?? [], local, count, centres, radii, buffers });
  }
  return {
    instances: assets.reduce((sum, a) => sum + a.count, 0),
    apply: (camera, viewHeight, distanceScale = 1) => applyLods(scene, camera, assets, viewHeight, distanceScale),
  };
}

function applyLods(scene: BABYLON.Scene, camera: BABYLON.Camera, assets: readonly AssetLods[], viewHeight: number, distanceScale: number): LodCounts {
  const counts: LodCounts = { perLevel: [0, 0, 0, 0], culled: 0 };
  scene.updateTransformMatrix(true);
  const planes = BABYLON.Frustum.GetPlanes(camera.getTransformationMatrix());
  const eye = camera.globalPosition;
  const pixelsPerUnitAt1m = viewHeight / (2 * Math.tan(camera.fov / 2));
  for (const asset of assets) {
    const { levels, switches, centres, radii, local, buffers } = asset;
    const picked = levels.map(() => 0);
    for (let i = 0; i < asset.count; i++) {
      const cx = centres[i * 3];
      const cy = centres[i * 3 + 1];
      const cz = centres[i * 3 + 2];
      const radius = radii[i];
      const dx = eye.x - cx;
      const dy = eye.y - cy;
      const dz = eye.z - cz;
      const distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
      const pixels = ((2 * radius) / Math.max(distance, 1e-3)) * pixelsPerUnitAt1m;
      if (pixels < MIN_PIXELS || !inFrustum(planes, cx, cy, cz, radius)) {
        counts.culled++;
        continue;
      }
      let level = 0;
      while (level < switches.length && distance >= switches[level] * distanceScale) level++;
      level = Math.min(level, levels.length - 1);
      buffers[level].set(local.subarray(i * 16, i * 16 + 16), picked[level] * 16);
      picked[level]++;
    }
    levels.forEach((node, level) => {
      const n = picked[level];
      node.setEnabled(n > 0);
      for (const mesh of asset.meshes[level]) {
        mesh.thinInstanceCount = n;
        if (n > 0) mesh.thinInstanceBufferUpdated('matrix');
        mesh.setEnabled(n > 0);
      }
      counts.perLevel[level] += n;
    });
  }
  return counts;
}

function inFrustum(planes: BABYLON.Plane[], x: number, y: number, z: number, radius: number): boolean {
  for (const plane of planes) if (plane.normal.x * x + plane.normal.y * y + plane.normal.z * z + plane.d < -radius) return false;
  return true;
}
