/**
 * The page the live renderer keeps open in headless Chromium while a world is being streamed. It
 * reads its job from `window.__liveJob`, loads the world like the video page (lit by the world's own
 * hour), then waits: `window.__drawFrames(cameras)` draws one frame per camera, each with
 * per-instance LOD for that camera, reads its pixels back and returns them all as one base64 string
 * of RGB bytes (frame after frame, rows top to bottom). Nothing moves by the wall clock, so the
 * same camera gives the same pixels.
 */
import { prepareInstanceLods } from './instance-lods.ts';
import type { RenderCamera } from './render-job.ts';
import { applyShotLighting, environmentOfLighting, findShotLights } from './shot-lighting.ts';
import type { LiveJob } from './live-job.ts';
import { applyEnvironment, createCamera, createWorldScene, loadGlb, placeCamera } from './world-scene.ts';

declare global {
  interface Window {
    __liveJob: LiveJob;
    __liveReady?: boolean;
    __liveFailed?: string;
    __drawFrames?: (cameras: RenderCamera[]) => Promise<string>;
  }
}

async function run(job: LiveJob): Promise<void> {
  const view = document.getElementById('view') as HTMLCanvasElement;
  const out = document.getElementById('out') as HTMLCanvasElement;
  out.width = job.width;
  out.height = job.height;
  const context = out.getContext('2d', { alpha: false, willReadFrequently: true });
  if (!context) throw new Error('The page could not make a 2D canvas to read frames from.');
  const { scene } = createWorldScene(view, job.width, job.height);
  scene.animationsEnabled = false;
  applyEnvironment(scene, environmentOfLighting(job.lighting));
  const world = await loadGlb(scene, job.worldUrl);
  applyShotLighting(scene, findShotLights(scene), job.lighting);
  const camera = createCamera(scene, { position: [0, 100, 100], target: [0, 0, 0], fovDegrees: job.fovDegrees });
  const lods = prepareInstanceLods(scene, world.lowerLods);
  const pixels = job.width * job.height;

  window.__drawFrames = async (cameras: RenderCamera[]) => {
    const rgb = new Uint8Array(cameras.length * pixels * 3);
    for (let i = 0; i < cameras.length; i++) {
      placeCamera(camera, cameras[i]);
      lods.apply(camera, job.height, job.lodDistanceScale);
      if (!scene.isReady()) await scene.whenReadyAsync();
      scene.render();
      context.drawImage(view, 0, 0);
      const rgba = context.getImageData(0, 0, job.width, job.height).data;
      for (let p = 0, o = i * pixels * 3; p < pixels; p++, o += 3) {
        rgb[o] = rgba[p * 4];
        rgb[o + 1] = rgba[p * 4 + 1];
        rgb[o + 2] = rgba[p * 4 + 2];
      }
    }
    return toBase64(rgb);
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

run(window.__liveJob).then(
  () => {
    window.__liveReady = true;
  },
  (error: unknown) => {
    window.__liveFailed = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  },
);
