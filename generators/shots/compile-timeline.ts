/**
 * ShotPlan + World → Timeline: everything the cutscene needs, frame by frame. In order:
 *   1. check every reference (subjects, destinations, what characters face) — errors before work;
 *   2. lay the shots end to end in frames;
 *   3. stage the characters (walks on the navmesh, idles; `stage-characters.ts`);
 *   4. frame each shot: its rig from the shot type, the subject's size and the plan's own rig
 *      values, checked and searched against the World (`frame-shots.ts`); unfixable ⇒ ShotPlanError;
 *   5. the frames' layers, with transitions (cuts, crossfades, fades through black);
 *   6. each shot's light at its hour, its ambience and mood; footsteps; the cut times.
 * Deterministic: no randomness at all. Also returns the rig each shot ended up with, so `worldsmith
 * plan` can write the chosen framing into the plan.
 */
import { designCharacter } from '../characters/design-character.ts';
import { WorldQuery } from '../world/world-query.ts';
import type { World } from '../world/world.ts';
import { cameraAt, CHARACTER_RELATIVE, defaultRig, focalLength, verticalFov, type ResolvedRig, type SubjectPose } from './camera-rigs.ts';
import { findFootsteps } from './footsteps.ts';
import { chooseFraming, isAcceptable, type FramingInput } from './frame-shots.ts';
import { resolveSubject, type SubjectRef } from './resolve-subject.ts';
import { shotAmbience } from './shot-ambience.ts';
import { shotLighting } from './shot-lighting.ts';
import type { Shot, ShotPlan } from './shot-plan-schema.ts';
import { ShotPlanError } from './shot-plan-error.ts';
import { stageCharacters, type ShotSpan } from './stage-characters.ts';
import { TIMELINE_VERSION, type CharacterFrame, type FrameLayer, type Mood, type Timeline, type TimelineCamera, type TimelineShot, type Vec3 } from './timeline.ts';
import { WalkPaths } from './walk-paths.ts';

export const FPS_CHOICES = [24, 30] as const;
/** Default length of a crossfade or fade when the plan gives none, seconds. */
export const DEFAULT_TRANSITION_SECONDS = 0.5;

export interface CompiledTimeline {
  timeline: Timeline;
  /** Per shot, the rig used (the plan's values, and those framing chose). */
  rigs: ResolvedRig[];
  notes: string[];
}

export async function compileTimeline(plan: ShotPlan, world: World, options: { fps: number }): Promise<CompiledTimeline> {
  const fps = options.fps;
  if (!Number.isInteger(fps) || fps < 1 || fps > 120) throw new ShotPlanError('PLAN_OPTIONS', `fps ${fps} is not allowed: give a whole number from 1 to 120 (24 or 30 for film and video).`);
  if (plan.world && plan.world.seed !== world.spec.seed) {
    throw new ShotPlanError('PLAN_WORLD_MISMATCH', `the plan was made for the world with seed ${plan.world.seed}, but this world's seed is ${world.spec.seed}. Plan again against this world (worldsmith plan … --world DIR), or remove /world from the plan.`, { path: '/world/seed' });
  }
  const query = WorldQuery.of(world);
  const characterIds = new Set(plan.characters.map((c) => c.id));
  const resolve = (ref: string, path: string): SubjectRef => resolveSubject(ref, world, query, characterIds, path);
  // 1. Every reference, before any work.
  plan.shots.forEach((shot, k) => {
    resolve(shot.subject, `/shots/${k}/subject`);
    shot.actions?.forEach((a, j) => {
      for (const key of ['to', 'via', 'face'] as const) if (a[key]) resolve(a[key]!, `/shots/${k}/actions/${j}/${key}`);
    });
  });

  // 2. Shots end to end.
  const spans: ShotSpan[] = [];
  let frame = 0;
  for (const shot of plan.shots) {
    const frameCount = Math.max(1, Math.round(shot.durationSeconds * fps));
    spans.push({ startFrame: frame, frameCount });
    frame += frameCount;
  }
  const totalFrames = frame;

  // 3. Characters.
  const paths = await WalkPaths.of(world, query);
  let staged;
  try {
    staged = stageCharacters(plan, spans, fps, world, query, paths, resolve);
  } finally {
    paths.destroy();
  }
  const notes = [...staged.notes];
  if (!paths.onNavMesh && plan.shots.some((s) => s.actions?.some((a) => a.do === 'walk'))) notes.push('this world has no navmesh: walks go straight over the ground.');
  const headings = new Map([...staged.frames].map(([id, frames]) => [id, smoothHeadings(frames.map((f) => f.yaw), fps)]));

  // 4. Framing.
  const rigs: ResolvedRig[] = [];
  const cameraOf: Array<(t: number) => TimelineCamera> = [];
  plan.shots.forEach((shot, k) => {
    const span = spans[k];
    const seconds = span.frameCount / fps;
    const subject = resolve(shot.subject, `/shots/${k}/subject`);
    const subjectAt = subjectTrack(plan, shot, subject, span, fps, totalFrames, staged.frames, headings, resolve, world, query);
    const fovDegrees = round(verticalFov(focalLength(shot)), 3);
    const isCharacter = subject.kind === 'character';
    const input: FramingInput = {
      type: shot.type,
      seconds,
      fovDegrees,
      subjectAt,
      subjectKind: subject.kind === 'world' ? 'world' : isCharacter ? 'character' : 'place',
      ownObjects: subject.kind === 'structure' ? ownPrefix(world, subject.base) : undefined,
    };
    const defaults = defaultRig(shot.type, subjectAt(0), isCharacter, subject.kind === 'world');
    const framing = chooseFraming(input, defaults, shot.rig, query);
    if (!isAcceptable(framing)) {
      const fixed = Object.keys(shot.rig ?? {});
      throw new ShotPlanError(
        'PLAN_CAMERA_BLOCKED',
        `shot "${shot.id}" (${shot.type} of ${shot.subject}) cannot be framed in this world: ${framing.problems.slice(0, 3).join('; ')}. ` +
          (fixed.length ? `The plan fixes ${fixed.map((f) => `rig.${f}`).join(', ')}: remove or change them so framing can search, ` : 'Try another shot type, ') +
          'or another subject.',
        { path: `/shots/${k}${fixed.length ? '/rig' : ''}` },
      );
    }
    if (framing.score < 1) notes.push(`shot ${shot.id}: the subject is hidden for a moment (${framing.problems[0]}).`);
    if (framing.lift > 0.05) notes.push(`shot ${shot.id}: camera raised ${framing.lift.toFixed(1)} m to clear the ground.`);
    const rig = { ...framing.rig, height: round(framing.rig.height + framing.lift, 3) };
    rigs.push({ distance: round(rig.distance, 3), height: rig.height, azimuthDegrees: round(rig.azimuthDegrees, 3), orbitDegrees: rig.orbitDegrees, travel: round(rig.travel, 3) });
    cameraOf.push((t) => roundCamera(cameraAt(shot.type, rig, subjectAt(t), t, seconds, fovDegrees)));
  });

  // 5. Layers and transitions.
  const frames: FrameLayer[][] = [];
  plan.shots.forEach((shot, k) => {
    const span = spans[k];
    const transition = transitionOf(shot, fps, k);
    const next = plan.shots[k + 1];
    const nextTransition = next ? transitionOf(next, fps, k + 1) : null;
    const fadeOut = nextTransition?.kind === 'fade' ? Math.floor(nextTransition.frames / 2) : 0;
    const fadeIn = transition.kind === 'fade' ? (k === 0 ? transition.frames : transition.frames - Math.floor(transition.frames / 2)) : 0;
    for (let f = 0; f < span.frameCount; f++) {
      const camera = cameraOf[k](f / fps);
      let opacity = 1;
      if (f < fadeIn) opacity = Math.min(opacity, (f + 0.5) / fadeIn);
      const fromEnd = span.frameCount - 1 - f;
      if (fromEnd < fadeOut) opacity = Math.min(opacity, (fromEnd + 0.5) / fadeOut);
      const layers: FrameLayer[] = [];
      if (transition.kind === 'crossfade' && f < transition.frames && k > 0) {
        const previous = spans[k - 1];
        layers.push({ shot: k - 1, camera: cameraOf[k - 1]((previous.frameCount + f) / fps), opacity: 1 });
        opacity = (f + 0.5) / transition.frames;
      }
      layers.push({ shot: k, camera, opacity: round(opacity, 4) });
      frames.push(layers);
    }
  });

  // 6. Light, sound, cuts.
  const shots: TimelineShot[] = plan.shots.map((shot, k) => {
    const span = spans[k];
    const hour = shot.timeOfDay?.hour ?? world.spec.time.hour;
    const middle = frames[span.startFrame + Math.floor(span.frameCount / 2)];
    const camera = middle[middle.length - 1].camera;
    const transition = transitionOf(shot, fps, k);
    return {
      id: shot.id,
      type: shot.type,
      subject: shot.subject,
      startFrame: span.startFrame,
      frameCount: span.frameCount,
      startSeconds: round(span.startFrame / fps, 6),
      durationSeconds: round(span.frameCount / fps, 6),
      transitionIn: transition,
      lighting: shotLighting(world.spec, hour),
      ambience: shotAmbience(world, query, camera.position, camera.target, hour),
      mood: shot.mood ?? defaultMood(shot, hour, world),
      description: shot.description ?? `${shot.type} of ${shot.subject}`,
    };
  });
  const footsteps = [...staged.frames]
    .flatMap(([id, characterFrames]) => findFootsteps(id, characterFrames, fps, world, query))
    .sort((a, b) => a.time - b.time || a.character.localeCompare(b.character));
  const timeline: Timeline = {
    version: TIMELINE_VERSION,
    fps,
    frameCount: totalFrames,
    durationSeconds: round(totalFrames / fps, 6),
    shots,
    frames,
    characters: plan.characters.map((c) => ({
      identity: { id: c.id, archetype: c.archetype, identitySeed: c.identitySeed, ...(c.name ? { name: c.name } : {}), ...(c.traits ? { traits: c.traits } : {}) },
      frames: staged.frames.get(c.id)!,
    })),
    footsteps,
    cuts: shots.map((s) => s.startSeconds),
  };
  return { timeline, rigs, notes };
}

/** The subject at `t` seconds into the shot: a place stands still; a character moves. */
function subjectTrack(
  plan: ShotPlan,
  shot: Shot,
  subject: SubjectRef,
  span: ShotSpan,
  fps: number,
  totalFrames: number,
  characterFrames: ReadonlyMap<string, CharacterFrame[]>,
  headings: ReadonlyMap<string, number[]>,
  resolve: (ref: string, path: string) => SubjectRef,
  world: World,
  query: WorldQuery,
): (t: number) => SubjectPose {
  if (subject.kind !== 'character') {
    if (shot.type === 'pov') {
      // Nobody's eyes: a walker starting at the place, heading the spawn's way.
      const start = subject.approach;
      const yaw = world.gameplay.spawn.yaw;
      return (t) => {
        const pose = query.moveWithCollision({ x: start[0], y: start[1], z: start[2], yaw }, { forward: t * 1.2 });
        return { base: [pose.x, pose.y, pose.z], aim: [pose.x, pose.y + 1.6, pose.z], radius: 0.4, height: 1.8, heading: yaw, lookAt: null };
      };
    }
    return () => ({ base: subject.base, aim: subject.aim, radius: subject.radius, height: subject.height });
  }
  const frames = characterFrames.get(subject.id)!;
  const heading = headings.get(subject.id)!;
  // Aim at their own face or chest: heights differ (a child, a tall knight).
  const identity = plan.characters.find((c) => c.id === subject.id)!;
  const stature = designCharacter({ id: identity.id, archetype: identity.archetype, identitySeed: identity.identitySeed, traits: identity.traits }).proportions.height;
  const action = shot.actions?.find((a) => a.character === subject.id);
  const face = action?.face ? resolve(action.face, '') : null;
  const lookAt: Vec3 | null = face && face.kind !== 'character' ? face.aim : null;
  const aimHeight = shot.type === 'close-up' ? stature * 0.93 : stature * 0.7;
  return (t) => {
    const f = Math.min(totalFrames - 1, span.startFrame + Math.max(0, Math.round(t * fps)));
    const c = frames[f];
    const [x, y, z] = c.position;
    return {
      base: [x, y, z],
      aim: [x, y + aimHeight, z],
      radius: 0.5,
      height: stature,
      heading: CHARACTER_RELATIVE.has(shot.type) ? heading[f] : undefined,
      lookAt: shot.type === 'pov' || shot.type === 'over-the-shoulder' ? lookAt : null,
    };
  };
}

/** A calm camera: the way a character faces, smoothed over about a second, unwrapped. */
function smoothHeadings(yaws: readonly number[], fps: number): number[] {
  const out: number[] = [];
  const k = 1 - Math.exp(-1 / (0.8 * fps));
  let value = yaws[0] ?? 0;
  for (const yaw of yaws) {
    const delta = Math.atan2(Math.sin(yaw - value), Math.cos(yaw - value));
    value += delta * (out.length === 0 ? 1 : k);
    out.push(value);
  }
  return out;
}

function transitionOf(shot: Shot, fps: number, index: number): TimelineShot['transitionIn'] {
  const kind = shot.transition?.kind ?? 'cut';
  if (kind === 'cut' || (index === 0 && kind === 'crossfade')) return { kind: 'cut', frames: 0 };
  const seconds = shot.transition?.durationSeconds ?? DEFAULT_TRANSITION_SECONDS;
  return { kind, frames: Math.max(1, Math.round(seconds * fps)) };
}

function defaultMood(shot: Shot, hour: number, world: World): Mood {
  const weather = world.spec.weather.kind;
  if (weather === 'storm') return 'tense';
  if (weather === 'fog' || hour < 5 || hour > 21) return 'mysterious';
  if (hour < 8.5) return 'hopeful';
  if (hour > 17.5) return 'sombre';
  return shot.type === 'aerial' || shot.type === 'establishing' ? 'hopeful' : 'calm';
}

/** The prefix of the object ids of the structure standing at `base` ("structure-2/"). */
function ownPrefix(world: World, base: Vec3): string | undefined {
  const structure = world.structures.find((s) => Math.abs(s.centre.x - base[0]) < 1e-6 && Math.abs(s.centre.z - base[2]) < 1e-6);
  return structure ? `${structure.id}/` : undefined;
}

function roundCamera(c: TimelineCamera): TimelineCamera {
  const v = (p: Vec3): Vec3 => [round(p[0], 4), round(p[1], 4), round(p[2], 4)];
  return { position: v(c.position), target: v(c.target), fovDegrees: c.fovDegrees };
}

function round(x: number, digits: number): number {
  const m = 10 ** digits;
  return Math.round(x * m) / m;
}

