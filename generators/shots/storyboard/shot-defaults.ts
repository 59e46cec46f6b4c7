/**
 * What a shot type means when no word says otherwise: how long it lasts, the lens, and how a
 * transition lasts. Durations follow common edit rhythm (a close-up reads in 3 s, a move wants
 * 5–6 s); lenses are full-frame focal lengths (24 mm wide, 35 mm natural, 50 mm for an
 * over-the-shoulder, 85 mm portrait).
 */
import type { ShotType, TransitionKind } from '../timeline.ts';

export const DEFAULT_SECONDS: Record<ShotType, number> = {
  establishing: 5,
  aerial: 5,
  dolly: 4,
  orbit: 6,
  tracking: 6,
  'over-the-shoulder': 4,
  'close-up': 3,
  pov: 5,
};

/** The lens per shot type is the camera rigs' own (camera-rigs.ts), so plan and film agree. */
export { DEFAULT_FOCAL_LENGTH as DEFAULT_FOCAL_LENGTH_MM } from '../camera-rigs.ts';

/** Seconds a crossfade or a fade through black takes, when it fits (at most half its shot). */
export const TRANSITION_SECONDS: Record<Exclude<TransitionKind, 'cut'>, number> = { crossfade: 1, fade: 1 };

/** A shot lasts at least this long and at most the ShotPlan's 60 s. */
export const MIN_SHOT_SECONDS = 0.5;
/** The whole plan: longer storyboards are scaled down to this, keeping each shot's share. */
export const MAX_TOTAL_SECONDS = 180;
export const MIN_FOCAL_LENGTH_MM = 8;
export const MAX_FOCAL_LENGTH_MM = 400;
/** A trailing "fade to black": how long the fade-out should take (see the README). */
export const FADE_OUT_SECONDS = 1;
