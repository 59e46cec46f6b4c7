/**
 * Timelines by hand, for the sound track's tests: a few shots with moods and ambience levels,
 * frames with a fixed camera per shot (crossfades as two layers, fades as opacity through black,
 * half before the cut and half after), and footsteps along a straight walk.
 */
import type { Ambience, Footstep, FootstepSurface, FrameLayer, Mood, Timeline, TimelineCamera, TimelineLighting, TimelineShot, TransitionKind, Vec3 } from '../../generators/shots/timeline.ts';

export const SILENT_AMBIENCE: Ambience = { wind: 0, water: 0, birds: 0, rain: 0, insects: 0 };

/** Looks north (−z) from 5 m south of the origin, eyes 1.7 m up. */
export const DEFAULT_CAMERA: TimelineCamera = { position: [0, 1.7, 5], target: [0, 1, 0], fovDegrees: 50 };

export interface ShotSketch {
  seconds: number;
  mood?: Mood;
  ambience?: Partial<Ambience>;
  /** How the shot begins (ignored for the first). */
  transition?: { kind: TransitionKind; seconds: number };
  camera?: TimelineCamera;
}

export interface TimelineSketch {
  fps?: number;
  shots: ShotSketch[];
  footsteps?: Footstep[];
}

const LIGHTING: TimelineLighting = {
  hour: 12,
  key: { direction: [0.3, 0.9, 0.3], color: [1, 0.95, 0.9], intensity: 3 },
  zenith: [0.3, 0.5, 0.9],
  horizon: [0.7, 0.8, 0.9],
  ambient: { sky: [0.5, 0.6, 0.8], ground: [0.3, 0.25, 0.2], intensity: 0.5 },
  fog: null,
};

export function buildTimeline(sketch: TimelineSketch): Timeline {
  const fps = sketch.fps ?? 30;
  const shots: TimelineShot[] = [];
  let startFrame = 0;
  sketch.shots.forEach((s, index) => {
    const frameCount = Math.round(s.seconds * fps);
    const transition = index === 0 || !s.transition ? { kind: 'cut' as const, frames: 0 } : { kind: s.transition.kind, frames: Math.round(s.transition.seconds * fps) };
    shots.push({
      id: `shot-${index}`,
      type: 'establishing',
      subject: 'world',
      startFrame,
      frameCount,
      startSeconds: startFrame / fps,
      durationSeconds: frameCount / fps,
      transitionIn: transition,
      lighting: LIGHTING,
      ambience: { ...SILENT_AMBIENCE, ...s.ambience },
      mood: s.mood ?? 'calm',
      description: `shot ${index}`,
    });
    startFrame += frameCount;
  });
  const frameCount = startFrame;
  const cameraOf = (s: number): TimelineCamera => sketch.shots[s].camera ?? DEFAULT_CAMERA;
  const frames: FrameLayer[][] = [];
  for (let f = 0; f < frameCount; f++) {
    let s = shots.length - 1;
    while (f < shots[s].startFrame) s--;
    frames.push([{ shot: s, camera: cameraOf(s), opacity: 1 }]);
  }
  shots.forEach((shot, s) => {
    const { kind, frames: length } = shot.transitionIn;
    if (s === 0 || kind === 'cut' || length === 0) return;
    if (kind === 'crossfade') {
      for (let k = 0; k < length && shot.startFrame + k < frameCount; k++) {
        frames[shot.startFrame + k] = [
          { shot: s - 1, camera: cameraOf(s - 1), opacity: 1 },
          { shot: s, camera: cameraOf(s), opacity: (k + 1) / (length + 1) },
        ];
      }
    } else {
      const half = Math.floor(length / 2);
      for (let k = 1; k <= half; k++) frames[shot.startFrame - k] = [{ shot: s - 1, camera: cameraOf(s - 1), opacity: (k - 1) / half }];
      for (let k = 0; k < half; k++) frames[shot.startFrame + k] = [{ shot: s, camera: cameraOf(s), opacity: k / half }];
    }
  });
  return {
    version: 1,
    fps,
    frameCount,
    durationSeconds: frameCount / fps,
    shots,
    frames,
    characters: [],
    footsteps: sketch.footsteps ?? [],
    cuts: shots.map((s) => s.startSeconds),
  };
}

/** Steps every `interval` seconds from `from` to `to`, walking from `start` at `velocity` m/s. */
export function walk(options: { from: number; to: number; interval?: number; start: Vec3; velocity?: Vec3; surface: FootstepSurface }): Footstep[] {
  const interval = options.interval ?? 0.5;
  const velocity = options.velocity ?? [0, 0, 0];
  const steps: Footstep[] = [];
  for (let k = 0, t = options.from; t < options.to; k++, t = options.from + k * interval) {
    const dt = t - options.from;
    steps.push({
      time: t,
      character: 'walker',
      foot: k % 2 === 0 ? 'left' : 'right',
      position: [options.start[0] + velocity[0] * dt, options.start[1] + velocity[1] * dt, options.start[2] + velocity[2] * dt],
      surface: options.surface,
    });
  }
  return steps;
}
