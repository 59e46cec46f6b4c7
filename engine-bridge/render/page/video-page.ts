/**
 * The page the video renderer runs in headless Chromium. It reads its job from `window.__videoJob`,
 * loads the world (and the actors' glb, if any) like the still page, then draws every frame of the
 * timeline at a fixed time step, never by the wall clock: the actors' animation set to t = i / fps;
 * for each layer, that shot's lighting and camera, per-instance LOD for the camera, a render,
 * composited over black with the layer's opacity (fades and crossfades) onto the output canvas.
 * Each frame is then encoded here (WebCodecs H.264 + mediabunny, the MP4 POSTed at the end), or its
 * RGBA POSTed to the server for ffmpeg, or dropped (drawing only, for benchmarks). It reports
 * through `window.__videoEvent` (exposed by Playwright): loaded, each frame, done or failed.
 */
import * as BABYLON from '@babylonjs/core';
import { prepareInstanceLods } from './instance-lods.ts';
import { applyShotLighting, environmentOfLighting, findShotLights } from './shot-lighting.ts';
import type { VideoJob, VideoPageEvent, VideoPageTimes } from './video-job.ts';
import { createMp4Encoder, type Mp4Encoder } from './webcodecs-mp4.ts';
import { applyEnvironment, createCamera, createWorldScene, GLTF_ANIMATION_FPS, loadGlb, placeCamera } from './world-scene.ts';

declare global {
  interface Window {
    __videoJob: VideoJob;
    __videoEvent: (event: VideoPageEvent) => Promise<void>;
  }
}

async function run(job: VideoJob): Promise<void> {
  const started = performance.now();
  const view = document.getElementById('view') as HTMLCanvasElement;
  const out = document.getElementById('out') as HTMLCanvasElement;
  out.width = job.width;
  out.height = job.height;
  const context = out.getContext('2d', { alpha: false, willReadFrequently: job.encoder === 'ffmpeg' || job.encoder === 'raw' });
  if (!context) throw new Error('The page could not make a 2D canvas to composite frames on.');
  const { scene } = createWorldScene(view, job.width, job.height);
  // Animations move only when the page sets their frame.
  scene.animationsEnabled = false;
  const firstLayer = job.frames.find((layers) => layers.length > 0)?.[0];
  applyEnvironment(scene, environmentOfLighting(job.lighting[firstLayer?.shot ?? 0]));
  const world = await loadGlb(scene, job.worldUrl);
  const actors = job.actorsUrl ? await loadGlb(scene, job.actorsUrl) : null;
  let animation: BABYLON.AnimationGroup | null = null;
  if (actors) {
    for (const group of actors.container.animationGroups) group.stop();
    animation = actors.container.animationGroups.find((g) => g.name === job.animation) ?? null;
    if (!animation) {
      const names = actors.container.animationGroups.map((g) => `'${g.name}'`).join(', ') || 'none';
      throw new Error(`The actors .glb has no animation named '${job.animation}' (it has ${names}). Export the cutscene's characters with one glTF animation named '${job.animation}' covering the whole timeline.`);
    }
    animation.start(false, 1, animation.from, animation.to);
    animation.pause();
  }
  const lights = findShotLights(scene);
  const camera = createCamera(scene, firstLayer?.camera ?? { position: [0, 100, 100], target: [0, 0, 0], fovDegrees: 50 });
  const lods = prepareInstanceLods(scene, [...world.lowerLods, ...(actors?.lowerLods ?? [])]);
  const encoder: Mp4Encoder | null =
    job.encoder === 'webcodecs' ? await createMp4Encoder({ width: job.width, height: job.height, fps: job.fps, bitrate: job.bitrate, keyFrameInterval: job.keyFrameInterval }) : null;
  await window.__videoEvent({ kind: 'loaded', ms: performance.now() - started });

  const times: VideoPageTimes = { lodMs: 0, drawMs: 0, captureMs: 0, encodeMs: 0, finishMs: 0 };
  let renders = 0;
  let triangles = 0;
  let drawnMeshes = 0;
  let litShot = -1;
  try {
    for (let i = 0; i < job.frames.length; i++) {
      const t0 = performance.now();
      animation?.goToFrame((i / job.fps) * GLTF_ANIMATION_FPS);
      context.globalAlpha = 1;
      context.fillStyle = '#000';
      context.fillRect(0, 0, job.width, job.height);
      for (const layer of job.frames[i]) {
        if (layer.opacity <= 0) continue;
        if (layer.shot !== litShot) {
          applyShotLighting(scene, lights, job.lighting[layer.shot]);
          litShot = layer.shot;
        }
        placeCamera(camera, layer.camera);
        const lodStart = performance.now();
        lods.apply(camera, job.height, job.lodDistanceScale);
        times.lodMs += performance.now() - lodStart;
        // A level of detail or a fog setting seen for the first time compiles its shaders first.
        if (!scene.isReady()) await scene.whenReadyAsync();
        scene.render();
        renders++;
        triangles += scene.getActiveIndices() / 3;
        drawnMeshes += scene.getActiveMeshes().length;
        context.globalAlpha = Math.min(1, layer.opacity);
        context.drawImage(view, 0, 0);
      }
      // Wait for the rasteriser (it draws in Chromium's GPU process, asynchronously): reading one
      // pixel back makes drawing time drawing time, not capture or encoding time.
      context.getImageData(0, 0, 1, 1);
      const t1 = performance.now();
      times.drawMs += t1 - t0;
      if (encoder) {
        const { captureMs, encodeMs } = await encoder.encode(out, i);
        times.captureMs += captureMs;
        times.encodeMs += encodeMs;
      } else if (job.encoder === 'ffmpeg' || job.encoder === 'raw') {
        const pixels = context.getImageData(0, 0, job.width, job.height).data;
        const t2 = performance.now();
        await post(job.framePath, pixels);
        times.captureMs += t2 - t1;
        times.encodeMs += performance.now() - t2;
      }
      void window.__videoEvent({ kind: 'frame', frame: i + 1 });
    }
    const finishStart = performance.now();
    if (encoder) await post(job.uploadPath, new Uint8Array(await encoder.finish()));
    times.finishMs = performance.now() - finishStart;
  } finally {
    encoder?.close();
  }
  await window.__videoEvent({
    kind: 'done',
    stats: {
      ...times,
      meshes: scene.meshes.length,
      materials: scene.materials.length,
      textures: scene.textures.length,
      instances: lods.instances,
      renders,
      trianglesPerRender: Math.round(triangles / Math.max(1, renders)),
      meshesPerRender: Math.round(drawnMeshes / Math.max(1, renders)),
      animationSeconds: animation ? (animation.to - animation.from) / GLTF_ANIMATION_FPS : 0,
      codec: encoder?.codec ?? '',
    },
  });
}

async function post(path: string, body: Uint8Array | Uint8ClampedArray): Promise<void> {
  const response = await fetch(path, { method: 'POST', body: body as BodyInit });
  if (!response.ok) throw new Error(`POST ${path} was answered ${response.status}: ${await response.text()}`);
}

run(window.__videoJob).catch((error: unknown) => {
  void window.__videoEvent({ kind: 'failed', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
});
