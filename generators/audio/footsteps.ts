/**
 * Every footstep of the timeline, heard from the camera of the frame it falls in (the layer most
 * seen, during a crossfade): panned by its angle from the view direction (equal power, sin of the
 * azimuth, so a step behind the camera sits at the side it is on), quieter with distance (1/r from
 * 3 m, then faded out between 40 and 60 m), and duller with distance (a one-pole low-pass from 16
 * kHz near to ~3 kHz at 60 m, the air's absorption). No propagation delay: film sound keeps steps
 * on the picture's beat.
 */
import type { FrameLayer, Timeline, TimelineCamera, Vec3 } from '../shots/timeline.ts';
import type { Rng } from '../seed/rng.ts';
import { synthesizeFootstep } from './footstep-sound.ts';
import { addPanned, createStereoBuffer, type StereoBuffer } from './stereo-buffer.ts';

/** Peak of a step heard at the reference distance. */
const FOOTSTEP_GAIN = 0.8;
export const FOOTSTEP_REFERENCE_METRES = 3;
export const FOOTSTEP_FADE_FROM_METRES = 40;
export const FOOTSTEP_SILENT_BEYOND_METRES = 60;

export interface StepPlacement {
  gain: number;
  pan: number;
  /** Cut-off of the distance low-pass, Hz. */
  airCutoff: number;
}

export function renderFootsteps(timeline: Timeline, rng: Rng, sampleRate: number, frameCount: number): StereoBuffer {
  const out = createStereoBuffer(frameCount);
  timeline.footsteps.forEach((step, index) => {
    const start = Math.round(step.time * sampleRate);
    if (start < 0 || start >= frameCount) return;
    const camera = cameraAt(timeline, step.time);
    const placement = placeStep(step.position, camera);
    if (placement.gain <= 0) return;
    const sound = synthesizeFootstep(step.surface, rng.fork('step', index), sampleRate);
    airAbsorb(sound, placement.airCutoff, sampleRate);
    addPanned(out, sound, start, FOOTSTEP_GAIN * placement.gain, placement.pan);
  });
  return out;
}

/** Where a sound at `position` sits for a listener at the camera. */
export function placeStep(position: Vec3, camera: TimelineCamera | null): StepPlacement {
  if (!camera) return { gain: 0.3, pan: 0, airCutoff: 8000 };
  const d: Vec3 = [position[0] - camera.position[0], position[1] - camera.position[1], position[2] - camera.position[2]];
  const distance = Math.hypot(d[0], d[1], d[2]);
  const forward = normalise([camera.target[0] - camera.position[0], camera.target[1] - camera.position[1], camera.target[2] - camera.position[2]], [0, 0, -1]);
  // forward × up (+y) points to the camera's right.
  const right = normalise([-forward[2], 0, forward[0]], [1, 0, 0]);
  const along = d[0] * forward[0] + d[1] * forward[1] + d[2] * forward[2];
  const side = d[0] * right[0] + d[2] * right[2];
  const pan = distance > 1e-6 ? Math.sin(Math.atan2(side, along)) : 0;
  const fade = smoothstep(FOOTSTEP_SILENT_BEYOND_METRES, FOOTSTEP_FADE_FROM_METRES, distance);
  const gain = Math.min(1, FOOTSTEP_REFERENCE_METRES / Math.max(distance, 1e-6)) * fade;
  return { gain, pan: Math.max(-1, Math.min(1, pan)), airCutoff: 16000 / (1 + distance / 12) };
}

/** The camera of the layer most seen at `seconds` (searching outward past black frames). */
function cameraAt(timeline: Timeline, seconds: number): TimelineCamera | null {
  const frame = Math.min(timeline.frameCount - 1, Math.max(0, Math.floor(seconds * timeline.fps)));
  for (let offset = 0; offset < timeline.frameCount; offset++) {
    for (const f of offset === 0 ? [frame] : [frame - offset, frame + offset]) {
      if (f < 0 || f >= timeline.frameCount) continue;
      const layer = mostSeen(timeline.frames[f]);
      if (layer) return layer.camera;
    }
  }
  return null;
}

function mostSeen(layers: FrameLayer[]): FrameLayer | null {
  let best: FrameLayer | null = null;
  let bestWeight = 0;
  let remaining = 1;
  for (let k = layers.length - 1; k >= 0; k--) {
    const w = remaining * layers[k].opacity;
    remaining -= w;
    if (w > bestWeight) {
      bestWeight = w;
      best = layers[k];
    }
  }
  return best;
}

function airAbsorb(sound: Float32Array, cutoff: number, sampleRate: number): void {
  const a = Math.exp((-2 * Math.PI * cutoff) / sampleRate);
  let y = 0;
  for (let i = 0; i < sound.length; i++) {
    y = sound[i] * (1 - a) + y * a;
    sound[i] = y;
  }
}

function normalise(v: Vec3, fallback: Vec3): Vec3 {
  const length = Math.hypot(v[0], v[1], v[2]);
  return length > 1e-6 ? [v[0] / length, v[1] / length, v[2] / length] : fallback;
}

function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
