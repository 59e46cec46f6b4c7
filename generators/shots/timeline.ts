/**
 * The timeline: a ShotPlan compiled against a World into everything the cutscene needs, frame by
 * frame — the contract between the shot planner (which writes it), the renderer (which draws it),
 * the sound track (which scores it) and the cutscene glb (which stores it as glTF animations).
 * Written to disk as timeline.json. All positions are world metres in glTF axes (+x east, +y up,
 * +z south; the World's and the .glb's frame); yaw is radians from +z toward +x.
 */
import type { CharacterIdentity } from '../characters/character-identity.ts';

export type Vec3 = [number, number, number];

export const TIMELINE_VERSION = 1;

export const SHOT_TYPES = ['establishing', 'aerial', 'dolly', 'orbit', 'tracking', 'over-the-shoulder', 'close-up', 'pov'] as const;
export type ShotType = (typeof SHOT_TYPES)[number];

export const TRANSITION_KINDS = ['cut', 'crossfade', 'fade'] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

export const MOODS = ['calm', 'hopeful', 'mysterious', 'tense', 'sombre', 'triumphant'] as const;
export type Mood = (typeof MOODS)[number];

export const FOOTSTEP_SURFACES = ['grass', 'dirt', 'stone', 'sand', 'snow', 'water', 'wood'] as const;
export type FootstepSurface = (typeof FOOTSTEP_SURFACES)[number];

export interface TimelineCamera {
  position: Vec3;
  target: Vec3;
  /** Vertical field of view, degrees. */
  fovDegrees: number;
}

/** The light of one time of day: what `lightTheSky` gives, in the renderer's terms. */
export interface TimelineLighting {
  hour: number;
  /** Sun or moon: unit vector from the ground toward it, linear RGB colour, glTF intensity (lux). */
  key: { direction: Vec3; color: Vec3; intensity: number };
  zenith: Vec3;
  horizon: Vec3;
  ambient: { sky: Vec3; ground: Vec3; intensity: number };
  fog: { color: Vec3; density: number } | null;
}

/** How loud each ambience bed is during a shot, 0 (none) … 1 (full). */
export interface Ambience {
  wind: number;
  water: number;
  birds: number;
  rain: number;
  insects: number;
}

export interface TimelineShot {
  id: string;
  type: ShotType;
  /** What the shot looks at, as the plan names it ("character:knight", "structure:tower", "world"). */
  subject: string;
  /** First frame (inclusive) and the number of frames; shots tile the timeline without gaps. */
  startFrame: number;
  frameCount: number;
  startSeconds: number;
  durationSeconds: number;
  /** How this shot begins: a cut, a crossfade from the previous shot, or a fade through black. */
  transitionIn: { kind: TransitionKind; frames: number };
  lighting: TimelineLighting;
  ambience: Ambience;
  mood: Mood;
  /** The storyboard words this shot came from. */
  description: string;
}

/** One character's state at one frame. */
export interface CharacterFrame {
  /** Feet position (on the ground). */
  position: Vec3;
  yaw: number;
  clip: 'idle' | 'walk';
  /** Seconds into that clip (the walk clip loops every WALK_CYCLE_SECONDS). */
  clipTime: number;
}

export interface TimelineCharacter {
  identity: CharacterIdentity;
  /** One entry per frame of the whole timeline. */
  frames: CharacterFrame[];
}

/** What is drawn in one output frame: one layer, or two during a crossfade, over black. */
export interface FrameLayer {
  /** Index into `shots`: whose camera and lighting this layer uses. */
  shot: number;
  camera: TimelineCamera;
  /** 0…1: composited over black (fades) or over the layer before (crossfades). */
  opacity: number;
}

export interface Footstep {
  /** Seconds from the start. */
  time: number;
  character: string;
  foot: 'left' | 'right';
  position: Vec3;
  surface: FootstepSurface;
}

export interface Timeline {
  version: typeof TIMELINE_VERSION;
  fps: number;
  frameCount: number;
  durationSeconds: number;
  shots: TimelineShot[];
  /** One entry per output frame (frame i shows time i / fps). */
  frames: FrameLayer[][];
  characters: TimelineCharacter[];
  footsteps: Footstep[];
  /** Seconds at which a shot begins (the music bed changes here). */
  cuts: number[];
}
