/**
 * The scene set-up both pages share (the still in `render-page.ts`, the video in `video-page.ts`):
 * a WebGL2 engine on the page's canvas, Babylon's own left-handed scene with filmic tone mapping,
 * the world's sky colour, ambient light and fog, a .glb loaded with every level of detail and
 * texture (lower LODs kept for per-instance LOD), and cameras given in glTF metres.
 *
 * Handedness: Babylon's glTF loader converts with a root node (turned 180° about Y and mirrored in
 * Z), so a glTF point (x, y, z) is drawn at (−x, y, z); cameras and directions are converted here.
 * (A right-handed scene skips the root but shades double-sided foliage from the wrong side.)
 */
import * as BABYLON from '@babylonjs/core';
import '@babylonjs/loaders/glTF/index.js';
import { installMeshoptDecoder } from '../../babylon/install-meshopt-decoder.ts';
import type { GlbEnvironment } from '../glb-info.ts';
import { keepLowerLods } from './instance-lods.ts';
import type { RenderCamera } from './render-job.ts';

type Vec3 = readonly [number, number, number];

/** glTF animations are sampled in seconds; the loader keys them at this many frames per second. */
export const GLTF_ANIMATION_FPS = 60;

export function createWorldScene(canvas: HTMLCanvasElement, width: number, height: number): { engine: BABYLON.Engine; scene: BABYLON.Scene } {
  canvas.width = width;
  canvas.height = height;
  const engine = new BABYLON.Engine(canvas, true, { preserveDrawingBuffer: true, stencil: true, antialias: true }, false);
  engine.setHardwareScalingLevel(1);
  const scene = new BABYLON.Scene(engine);
  scene.useRightHandedSystem = false;
  // Filmic tone mapping: a low sun and bright snow stay readable instead of clipping.
  scene.imageProcessingConfiguration.toneMappingEnabled = true;
  scene.imageProcessingConfiguration.toneMappingType = BABYLON.ImageProcessingConfiguration.TONEMAPPING_ACES;
  scene.imageProcessingConfiguration.exposure = 1.1;
  return { engine, scene };
}

/** Sky colour behind everything, hemispheric ambient light and exponential fog, as the world's extras say. */
export function applyEnvironment(scene: BABYLON.Scene, env: GlbEnvironment | null): void {
  scene.clearColor = new BABYLON.Color4(...toGamma(env?.horizon ?? [0.7, 0.8, 0.9]), 1);
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
}

export interface LoadedGlb {
  container: BABYLON.AssetContainer;
  /** LOD1/LOD2 nodes the MSFT_lod loader would have disposed, kept disabled. */
  lowerLods: BABYLON.TransformNode[];
}

/**
 * Loads a .glb into the scene and waits for the loader's complete event: every level of detail and
 * texture, not just the first that arrives. Animations are keyed at GLTF_ANIMATION_FPS.
 */
export async function loadGlb(scene: BABYLON.Scene, url: string): Promise<LoadedGlb> {
  await installMeshoptDecoder();
  const lowerLods: BABYLON.TransformNode[] = [];
  const complete = new Promise<void>((resolve) => {
    BABYLON.SceneLoader.OnPluginActivatedObservable.addOnce((plugin) => {
      keepLowerLods(plugin, lowerLods);
      const loader = plugin as unknown as { onCompleteObservable?: BABYLON.Observable<void>; targetFps?: number };
      if ('targetFps' in loader) loader.targetFps = GLTF_ANIMATION_FPS;
      if (loader.onCompleteObservable) loader.onCompleteObservable.addOnce(() => resolve());
      else resolve();
    });
  });
  const container = await BABYLON.LoadAssetContainerAsync(url, scene, { pluginExtension: '.glb' });
  container.addAllToScene();
  await complete;
  return { container, lowerLods };
}

/** A glTF-space point or direction in Babylon's left-handed scene. */
export function fromGltf([x, y, z]: Vec3): BABYLON.Vector3 {
  return new BABYLON.Vector3(-x, y, z);
}

export function createCamera(scene: BABYLON.Scene, view: RenderCamera): BABYLON.UniversalCamera {
  const camera = new BABYLON.UniversalCamera('camera', fromGltf(view.position), scene);
  placeCamera(camera, view);
  camera.minZ = 0.3;
  camera.maxZ = 20000;
  scene.activeCamera = camera;
  return camera;
}

export function placeCamera(camera: BABYLON.UniversalCamera, view: RenderCamera): void {
  camera.position.copyFrom(fromGltf(view.position));
  camera.setTarget(fromGltf(view.target));
  camera.fov = (view.fovDegrees * Math.PI) / 180;
}

/** Linear → sRGB for colours Babylon puts on screen as they are (clear colour, fog). */
export function toGamma(c: Vec3 | number[]): [number, number, number] {
  const f = (x: number) => (x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055);
  return [f(c[0]), f(c[1]), f(c[2])];
}
