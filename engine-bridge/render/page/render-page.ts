/**
 * The page the renderer runs in headless Chromium (bundled by esbuild, served from 127.0.0.1). It
 * reads its job from `window.__job`, loads the .glb with Babylon.js (WebGL2), lights it as the
 * world says (its sun from KHR_lights_punctual; sky colour, ambient light and fog from the scene's
 * extras), waits until every level of detail and texture is in, draws one frame, and sets
 * `window.__done` (or `window.__failed` with a message). Time never advances by the wall clock.
 */
import * as BABYLON from '@babylonjs/core';
import '@babylonjs/loaders/glTF/index.js';
import { installMeshoptDecoder } from '../../babylon/install-meshopt-decoder.ts';
import { applyInstanceLods, keepLowerLods } from './instance-lods.ts';
import type { RenderJob } from './render-job.ts';

declare global {
  interface Window {
    __job: RenderJob;
    __done?: boolean;
    __failed?: string;
    __stats?: Record<string, number>;
  }
}

async function run(job: RenderJob): Promise<void> {
  const canvas = document.getElementById('view') as HTMLCanvasElement;
  canvas.width = job.width;
  canvas.height = job.height;
  const engine = new BABYLON.Engine(canvas, true, { preserveDrawingBuffer: true, stencil: true, antialias: true }, false);
  engine.setHardwareScalingLevel(1);
  const scene = new BABYLON.Scene(engine);
  // Babylon's own left-handed scene: its glTF loader converts with a root node (turned 180° about Y
  // and mirrored in Z), so a glTF point (x, y, z) is drawn at (−x, y, z); cameras are given in glTF
  // metres and converted here. (A right-handed scene skips the root but shades double-sided
  // foliage from the wrong side.)
  scene.useRightHandedSystem = false;
  // Filmic tone mapping: a low sun and bright snow stay readable instead of clipping.
  scene.imageProcessingConfiguration.toneMappingEnabled = true;
  scene.imageProcessingConfiguration.toneMappingType = BABYLON.ImageProcessingConfiguration.TONEMAPPING_ACES;
  scene.imageProcessingConfiguration.exposure = 1.1;
  const env = job.environment;
  const horizon = env?.horizon ?? [0.7, 0.8, 0.9];
  scene.clearColor = new BABYLON.Color4(...toGamma(horizon), 1);
  if (env?.ambient) {
    const sky = new BABYLON.HemisphericLight('ambient', new BABYLON.Vector3(0, 1, 0), scene);
    sky.diffuse = new BABYLON.Color3(...env.ambient.sky);
    sky.groundColor = new BABYLON.Color3(...env.ambient.ground);
    sky.intensity = env.ambient.intensity;
    sky.specular = BABYLON.Color3.Black();
  }
  if (env?.fog && env.fog.density > 0) {
    // The sky stage's density is for exponential fog: 2% contrast left at the visibility distance.
    scene.fogMode = BABYLON.Scene.FOGMODE_EXP;
    scene.fogDensity = env.fog.density;
    scene.fogColor = new BABYLON.Color3(...toGamma(env.fog.color));
  }
  await installMeshoptDecoder();
  // Every level of detail and texture, not just the first that arrives; lower levels kept.
  const lowerLods: BABYLON.TransformNode[] = [];
  const complete = new Promise<void>((resolve) => {
    BABYLON.SceneLoader.OnPluginActivatedObservable.addOnce((plugin) => {
      keepLowerLods(plugin, lowerLods);
      const loader = plugin as unknown as { onCompleteObservable?: BABYLON.Observable<void> };
      if (loader.onCompleteObservable) loader.onCompleteObservable.addOnce(() => resolve());
      else resolve();
    });
  });
  const container = await BABYLON.LoadAssetContainerAsync(job.url, scene, { pluginExtension: '.glb' });
  container.addAllToScene();
  await complete;
  const fromGltf = ([x, y, z]: readonly [number, number, number]) => new BABYLON.Vector3(-x, y, z);
  const camera = new BABYLON.UniversalCamera('camera', fromGltf(job.camera.position), scene);
  camera.setTarget(fromGltf(job.camera.target));
  camera.fov = (job.camera.fovDegrees * Math.PI) / 180;
  camera.minZ = 0.3;
  camera.maxZ = 20000;
  scene.activeCamera = camera;
  const lods = applyInstanceLods(scene, camera, lowerLods, job.height);
  await scene.whenReadyAsync();
  scene.render();
  window.__stats = {
    meshes: scene.meshes.length,
    materials: scene.materials.length,
    textures: scene.textures.length,
    lights: scene.lights.length,
    instancesLod0: lods.perLevel[0],
    instancesLod1: lods.perLevel[1],
    instancesLod2: lods.perLevel[2],
    instancesCulled: lods.culled,
  };
}

/** Linear → sRGB for colours Babylon puts on screen as they are (clear colour, fog). */
function toGamma(c: number[]): [number, number, number] {
  const f = (x: number) => (x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055);
  return [f(c[0]), f(c[1]), f(c[2])];
}

run(window.__job).then(
  () => {
    window.__done = true;
  },
  (error: unknown) => {
    window.__failed = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  },
);
