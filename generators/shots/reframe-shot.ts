/**
 * "Use this camera": a camera position a designer picked (in the editor's preview) → the rig of one
 * shot — distance and height from its subject, and the azimuth it stands at (for shots that follow a
 * character, measured from where the character faces, as camera-rigs.ts reads it). Orbit, travel
 * and the lens stay as the plan has them. Pure: the caller checks the result against the world
 * (settleFraming), which refuses a camera inside a hill with PLAN_CAMERA_BLOCKED.
 */
import type { World } from '../world/world.ts';
import { WorldQuery } from '../world/world-query.ts';
import { CHARACTER_RELATIVE } from './camera-rigs.ts';
import { compileTimeline } from './compile-timeline.ts';
import { resolveSubject } from './resolve-subject.ts';
import { ShotPlanError } from './shot-plan-error.ts';
import type { ShotPlan } from './shot-plan-schema.ts';
import type { Vec3 } from './timeline.ts';

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export async function reframeShot(plan: ShotPlan, world: World, shotId: string, camera: Vec3): Promise<ShotPlan> {
  const index = plan.shots.findIndex((s) => s.id === shotId);
  if (index < 0) throw new ShotPlanError('PLAN_UNKNOWN_SUBJECT', `the plan has no shot "${shotId}"; its shots are ${plan.shots.map((s) => s.id).join(', ')}.`, { path: '/shotId' });
  const shot = plan.shots[index];
  if (shot.type === 'pov') throw new ShotPlanError('PLAN_OPTIONS', `shot "${shot.id}" is a POV shot: its camera is the character's eyes, so it cannot be placed; change its type to reframe it.`, { path: `/shots/${index}/type` });
  if (!camera.every(Number.isFinite)) throw new ShotPlanError('PLAN_OPTIONS', 'the camera position must be three finite numbers.', { path: '/camera/position' });

  // Where the subject stands when the shot starts, and which way it faces.
  let base: Vec3;
  let heading = 0;
  if (shot.subject.startsWith('character:')) {
    const { timeline } = await compileTimeline(plan, world, { fps: 24 });
    const id = shot.subject.slice('character:'.length);
    const character = timeline.characters.find((c) => c.identity.id === id);
    if (!character) throw new ShotPlanError('PLAN_UNKNOWN_SUBJECT', `shot "${shot.id}" follows "${id}", who is not among the plan's characters.`, { path: `/shots/${index}/subject` });
    const frame = character.frames[timeline.shots[index].startFrame];
    base = frame.position;
    if (CHARACTER_RELATIVE.has(shot.type)) heading = frame.yaw;
  } else {
    const subject = resolveSubject(shot.subject, world, WorldQuery.of(world), new Set(plan.characters.map((c) => c.id)), `/shots/${index}/subject`);
    if (subject.kind === 'character') throw new Error('unreachable: character subjects are handled above');
    base = subject.base;
  }
  const dx = camera[0] - base[0];
  const dz = camera[2] - base[2];
  let azimuth = (Math.atan2(dx, dz) - heading) * (180 / Math.PI);
  azimuth = ((((azimuth + 180) % 360) + 360) % 360) - 180;
  const rig = {
    ...shot.rig,
    distance: round(clamp(Math.hypot(dx, dz), 0.3, 3000)),
    height: round(clamp(camera[1] - base[1], -50, 2000)),
    azimuthDegrees: round(azimuth, 1),
  };
  return { ...plan, shots: plan.shots.map((s, k) => (k === index ? { ...s, rig } : s)) };
}
