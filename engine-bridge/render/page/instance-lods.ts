/**
 * Levels of detail per instance, for a camera. Babylon.js reads MSFT_lod as progressive loading: it
 * loads LOD2, then LOD1, then LOD0, and disposes each lower level as the next arrives — every plant
 * ends up drawn at full detail. Here the lower levels are kept (`keepLowerLods`, hooked into the
 * loader) and, once the camera is known, every instance is sent to one level by its distance
 * (`applyInstanceLods`): the asset's own switch distances (the `lodDistances` the export writes in
 * the node's extras), dropped when it would cover less than a pixel or two on screen, or when its
 * bounding sphere is outside the view.
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

/** The smallest an instance may be on screen, in pixels of height, and still be drawn. */
const MIN_PIXELS = 1.5;

export function applyInstanceLods(scene: BABYLON.Scene, camera: BABYLON.Camera, kept: readonly BABYLON.TransformNode[], viewHeight: number): LodCounts {
  const counts: LodCounts = { perLevel: [0, 0, 0, 0], culled: 0 };
  const lowerByBase = new Map<string, BABYLON.TransformNode[]>();
  for (const node of kept) {
    const match = /^(.*)\/lod(\d+)$/.exec(node.name);
    if (!match) continue;
    const list = lowerByBase.get(match[1]) ?? [];
    list[Number(match[2])] = node;
    lowerByBase.set(match[1], list);
  }
  scene.updateTransformMatrix(true);
  const planes = BABYLON.Frustum.GetPlanes(camera.getTransformationMatrix());
  const eye = camera.globalPosition;
  const pixelsPerUnitAt1m = viewHeight / (2 * Math.tan(camera.fov / 2));
  for (const [base, lower] of lowerByBase) {
    const top = scene.getTransformNodeByName(base) ?? scene.getMeshByName(base);
    if (!top) continue;
    const levels: BABYLON.Node[] = [top, ...lower.slice(1)];
    const extras = (top.metadata as { gltf?: { extras?: { worldsmith?: { lodDistances?: number[] } } } } | null)?.gltf?.extras?.worldsmith;
    const switches = extras?.lodDistances ?? [];
    const meshesOf = (node: BABYLON.Node | undefined): BABYLON.Mesh[] =>
      node ? [node, ...node.getChildMeshes(false)].filter((m): m is BABYLON.Mesh => m instanceof BABYLON.Mesh && m.thinInstanceCount > 0) : [];
    const full = meshesOf(top);
    if (full.length === 0) continue;
    // Instances and the asset's size, from the full-detail mesh. Every level of an asset carries
    // the same instances (the export writes one batch per level), in the same local space.
    const reference = full[0];
    const localData = (reference as unknown as { _thinInstanceDataStorage: { matrixData: Float32Array } })._thinInstanceDataStorage.matrixData;
    const count = reference.thinInstanceCount;
    const meshWorld = reference.getWorldMatrix();
    const extent = reference.getRawBoundingInfo().boundingSphere;
    const chosen: number[][] = levels.map(() => []);
    const instance = new BABYLON.Matrix();
    const world = new BABYLON.Matrix();
    for (let i = 0; i < count; i++) {
      BABYLON.Matrix.FromArrayToRef(localData, i * 16, instance);
      instance.multiplyToRef(meshWorld, world);
      const m = world.m;
      const scale = Math.hypot(m[0], m[1], m[2]);
      const centre = BABYLON.Vector3.TransformCoordinates(extent.center, world);
      const radius = extent.radius * scale;
      const distance = BABYLON.Vector3.Distance(eye, centre);
      const pixels = ((2 * radius) / Math.max(distance, 1e-3)) * pixelsPerUnitAt1m;
      if (pixels < MIN_PIXELS || !inFrustum(planes, centre, radius)) {
        counts.culled++;
        continue;
      }
      let level = 0;
      while (level < switches.length && distance >= switches[level]) level++;
      level = Math.min(level, levels.length - 1);
      chosen[level].push(i);
    }
    levels.forEach((node, level) => {
      const picked = chosen[level];
      const data = new Float32Array(picked.length * 16);
      picked.forEach((i, k) => data.set(localData.subarray(i * 16, i * 16 + 16), k * 16));
      node.setEnabled(picked.length > 0);
      for (const mesh of meshesOf(node)) {
        mesh.thinInstanceSetBuffer('matrix', data.slice(), 16, true);
        mesh.thinInstanceRefreshBoundingInfo(false);
        mesh.setEnabled(picked.length > 0);
      }
      counts.perLevel[level] += picked.length;
    });
  }
  return counts;
}

function inFrustum(planes: BABYLON.Plane[], centre: BABYLON.Vector3, radius: number): boolean {
  for (const plane of planes) if (plane.dotCoordinate(centre) < -radius) return false;
  return true;
}
