/**
 * What a video is made of, and the checks it must pass before any browser starts: a world glb, an
 * optional actors glb, a timeline with frames and shots that make sense, and a frame size H.264's
 * yuv420p can hold (even sides). Errors are RenderError `RENDER_INPUT`, naming the field.
 */
import type { Timeline } from '../../generators/shots/timeline.ts';
import { readGlbInfo } from '../render/glb-info.ts';
import { RenderError } from '../render/render-error.ts';

export interface VideoInput {
  /** world.glb bytes. */
  world: Uint8Array;
  /**
   * A glb of the cutscene's characters (skinned meshes, their skeletons) with one glTF animation
   * named `cutscene` (VIDEO_ANIMATION_NAME) covering the whole timeline, in the world's metres and
   * axes; the page sets it to t = i / fps at frame i.
   */
  actors?: Uint8Array;
  timeline: Timeline;
  width: number;
  height: number;
}

export const VIDEO_ANIMATION_NAME = 'cutscene';
export const MIN_VIDEO_SIZE = 16;
export const MAX_VIDEO_SIZE = 4096;
export const MAX_VIDEO_FPS = 120;

export function validateVideoInput(input: VideoInput): void {
  const refuse = (message: string): never => {
    throw new RenderError('RENDER_INPUT', message);
  };
  for (const [name, v] of [['width', input.width], ['height', input.height]] as const) {
    if (!Number.isInteger(v) || v < MIN_VIDEO_SIZE || v > MAX_VIDEO_SIZE) refuse(`The video ${name} ${v} is not allowed: give a whole number of pixels from ${MIN_VIDEO_SIZE} to ${MAX_VIDEO_SIZE}.`);
    if (v % 2 !== 0) refuse(`The video ${name} ${v} is odd: H.264 in yuv420p halves the colour resolution, so both sides must be even (try ${v + 1}).`);
  }
  readGlbInfo(input.world, 'the world');
  if (input.actors) readGlbInfo(input.actors, 'the actors');
  const { timeline } = input;
  if (!timeline || typeof timeline !== 'object') refuse('The timeline is missing: give the Timeline the shot planner wrote (timeline.json).');
  if (!Number.isFinite(timeline.fps) || timeline.fps < 1 || timeline.fps > MAX_VIDEO_FPS) refuse(`timeline.fps ${timeline.fps} is not allowed: give frames per second from 1 to ${MAX_VIDEO_FPS}.`);
  if (!Array.isArray(timeline.frames) || timeline.frames.length === 0) refuse('timeline.frames is empty: a video needs at least one frame. Plan at least one shot.');
  if (!Array.isArray(timeline.shots) || timeline.shots.length === 0) refuse('timeline.shots is empty: every frame draws a shot, so the timeline needs at least one.');
  timeline.shots.forEach((shot, s) => {
    const l = shot.lighting;
    const vectors = l ? [l.key?.direction, l.key?.color, l.horizon, l.zenith, l.ambient?.sky, l.ambient?.ground, ...(l.fog ? [l.fog.color] : [])] : [];
    const numbers = l ? [l.key?.intensity, l.ambient?.intensity, ...(l.fog ? [l.fog.density] : [])] : [];
    if (!l || !vectors.every(isVec3) || !numbers.every((n) => Number.isFinite(n) && (n as number) >= 0)) {
      refuse(`timeline.shots[${s}].lighting is incomplete or not finite: it needs key {direction, color, intensity ≥ 0}, zenith, horizon, ambient {sky, ground, intensity ≥ 0} and fog (or null), as lightTheSky gives.`);
    }
  });
  timeline.frames.forEach((layers, i) => {
    if (!Array.isArray(layers)) refuse(`timeline.frames[${i}] is not a list of layers.`);
    layers.forEach((layer, k) => {
      const where = `timeline.frames[${i}][${k}]`;
      if (!Number.isInteger(layer.shot) || layer.shot < 0 || layer.shot >= timeline.shots.length) refuse(`${where}.shot ${layer.shot} is not a shot: give an index from 0 to ${timeline.shots.length - 1}.`);
      if (!Number.isFinite(layer.opacity) || layer.opacity < 0 || layer.opacity > 1) refuse(`${where}.opacity ${layer.opacity} is not allowed: give 0…1.`);
      const c = layer.camera;
      if (!c || !isVec3(c.position) || !isVec3(c.target)) refuse(`${where}.camera needs a finite position and target in metres.`);
      if (!(c.fovDegrees > 0 && c.fovDegrees < 180)) refuse(`${where}.camera.fovDegrees ${c.fovDegrees} is not allowed: give a vertical field of view between 0 and 180 degrees.`);
      if (c.position.every((v, a) => v === c.target[a])) refuse(`${where}.camera looks at its own position: give a target apart from it.`);
    });
  });
}

function isVec3(v: unknown): v is [number, number, number] {
  return Array.isArray(v) && v.length === 3 && v.every((x) => Number.isFinite(x));
}
