/**
 * The page the still renderer runs in headless Chromium (bundled by esbuild, served from
 * 127.0.0.1). It reads its job from `window.__job`, loads the .glb with Babylon.js (WebGL2), lights
 * it as the world says (its sun from KHR_lights_punctual; sky colour, ambient light and fog from the
 * scene's extras), waits until every level of detail and texture is in, draws one frame, and sets
 * `window.__done` (or `window.__failed` with a message). Time never advances by the wall clock.
 * The scene set-up is shared with the video page (`world-scene.ts`).
 */
import { applyInstanceLods } from './instance-lods.ts';
import type { RenderJob } from './render-job.ts';
import { applyEnvironment, createCamera, createWorldScene, loadGlb } from './world-scene.ts';

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
  const { scene } = createWorldScene(canvas, job.width, job.height);
  applyEnvironment(scene, job.environment);
  const { lowerLods } = await loadGlb(scene, job.url);
  const camera = createCamera(scene, job.camera);
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

run(window.__job).then(
  () => {
    window.__done = true;
  },
  (error: unknown) => {
    window.__failed = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  },
);
