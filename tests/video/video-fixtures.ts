/**
 * What the video tests draw: a small textured world, a skinned stand-in actor with a 'cutscene'
 * animation, and a hand-built Timeline of two shots — the first fading in from black at noon near
 * the spawn, the second an evening overview crossfading in — with still cameras, so a frame of each
 * shot can stand for its whole shot.
 */
import { Document, NodeIO } from '@gltf-transform/core';
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import { readGlbInfo } from '../../engine-bridge/render/glb-info.ts';
import { overviewCamera } from '../../engine-bridge/render/render-still.ts';
import { buildWorldDocument } from '../../generators/export/build-world-document.ts';
import { encodeWorldTextures } from '../../generators/export/world-textures.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { TIMELINE_VERSION, type FrameLayer, type Timeline, type TimelineCamera, type TimelineLighting, type TimelineShot, type Vec3 } from '../../generators/shots/timeline.ts';
import { lightTheSky, type Sky } from '../../generators/sky/light-the-sky.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { WorldQuery } from '../../generators/world/world-query.ts';
import { smallSpec } from '../helpers/world-specs.ts';

export const FPS = 12;
/** Shot A: frames 0–9, fading in over frames 0–3. Shot B: frames 10–17, crossfading in over 10–13. */
export const SHOT_A_FRAMES = 10;
export const SHOT_B_FRAMES = 8;
export const FADE_FRAMES = 4;
export const CROSSFADE_FRAMES = 4;
export const FRAME_COUNT = SHOT_A_FRAMES + SHOT_B_FRAMES;

export interface VideoScene {
  world: Uint8Array;
  actors: Uint8Array;
  timeline: Timeline;
}

export async function makeVideoScene(): Promise<VideoScene> {
  const spec = smallSpec({ size: { width: 256, depth: 256, cellSize: 2 }, time: { hour: 12 }, weather: { kind: 'clear' }, water: { rivers: 1 }, structures: [{ type: 'house' }] });
  const { world } = await generateWorld(spec);
  const textures = await encodeWorldTextures(world.textures!, encodeImageWithSharp);
  const glb = await writeGlb((await buildWorldDocument(world, { textures })).doc);
  const info = readGlbInfo(glb);
  const query = WorldQuery.of(world);
  const spawn = info.spawn!;
  const [sx, , sz] = spawn.position;
  // Face the first way from the spawn's own where the walk stays on dry ground (not in the river).
  const yaw = Array.from({ length: 16 }, (_, k) => spawn.yaw + (k * Math.PI) / 8).find((y) =>
    [-3, 0, 3, 6, 8].every((ahead) => [-2.5, 0, 2.5].every((across) => {
      const x = sx + Math.sin(y) * ahead + Math.cos(y) * across;
      const z = sz + Math.cos(y) * ahead - Math.sin(y) * across;
      return query.waterAt(x, z) === null;
    })),
  ) ?? spawn.yaw;
  const forward: [number, number] = [Math.sin(yaw), Math.cos(yaw)];
  const side: [number, number] = [forward[1], -forward[0]];
  // The actor walks 4 m across the view, 6 m in front of the spawn.
  const along = (t: number): Vec3 => {
    const x = sx + forward[0] * 6 + side[0] * (t - 0.5) * 4;
    const z = sz + forward[1] * 6 + side[1] * (t - 0.5) * 4;
    return [x, query.heightAt(x, z), z];
  };
  const seconds = FRAME_COUNT / FPS;
  const actors = await makeActorsGlb(along, seconds);
  const middle = along(0.5);
  const eye: [number, number] = [sx - forward[0] * 3, sz - forward[1] * 3];
  const cameraA: TimelineCamera = {
    // A crane's height over the higher of the two grounds: the ground between may rise.
    position: [eye[0], Math.max(query.heightAt(eye[0], eye[1]), middle[1]) + 4, eye[1]],
    target: [middle[0], middle[1] + 0.9, middle[2]],
    fovDegrees: 50,
  };
  const cameraB: TimelineCamera = overviewCamera(info.size, info.heightRange);
  const noon = lightingOf(world.sky, 12);
  const evening = lightingOf(lightTheSky({ ...spec, time: { ...spec.time, hour: 18.2 } }), 18.2);
  const frames: FrameLayer[][] = [];
  for (let i = 0; i < FRAME_COUNT; i++) {
    if (i < SHOT_A_FRAMES) frames.push([{ shot: 0, camera: cameraA, opacity: Math.min(1, i / FADE_FRAMES) }]);
    else if (i < SHOT_A_FRAMES + CROSSFADE_FRAMES) {
      const k = i - SHOT_A_FRAMES;
      frames.push([{ shot: 0, camera: cameraA, opacity: 1 }, { shot: 1, camera: cameraB, opacity: (k + 1) / (CROSSFADE_FRAMES + 1) }]);
    } else frames.push([{ shot: 1, camera: cameraB, opacity: 1 }]);
  }
  const shot = (index: number, start: number, count: number, lighting: TimelineLighting, transitionIn: TimelineShot['transitionIn']): TimelineShot => ({
    id: `shot-${index + 1}`,
    type: index === 0 ? 'dolly' : 'establishing',
    subject: index === 0 ? 'character:walker' : 'world',
    startFrame: start,
    frameCount: count,
    startSeconds: start / FPS,
    durationSeconds: count / FPS,
    transitionIn,
    lighting,
    ambience: { wind: 0.3, water: 0.2, birds: 0.5, rain: 0, insects: 0.1 },
    mood: 'calm',
    description: index === 0 ? 'a walker crosses the meadow' : 'the valley at dusk',
  });
  const timeline: Timeline = {
    version: TIMELINE_VERSION,
    fps: FPS,
    frameCount: FRAME_COUNT,
    durationSeconds: seconds,
    shots: [
      shot(0, 0, SHOT_A_FRAMES, noon, { kind: 'fade', frames: FADE_FRAMES }),
      shot(1, SHOT_A_FRAMES, SHOT_B_FRAMES, evening, { kind: 'crossfade', frames: CROSSFADE_FRAMES }),
    ],
    frames,
    characters: [],
    footsteps: [],
    cuts: [0, SHOT_A_FRAMES / FPS],
  };
  return { world: glb, actors, timeline };
}

export function lightingOf(sky: Sky, hour: number): TimelineLighting {
  return {
    hour,
    key: { direction: sky.key.direction, color: sky.key.color, intensity: sky.key.intensity },
    zenith: sky.zenith,
    horizon: sky.horizon,
    ambient: sky.ambient,
    fog: { color: sky.fog.color, density: sky.fog.density },
  };
}

/**
 * A red two-bone stand-in (hips at the feet, chest at 0.9 m; a 0.6 × 1.8 × 0.6 m box skinned to
 * them) whose animation 'cutscene' walks the hips along `path(0…1)` over `seconds` and sways the chest.
 */
export async function makeActorsGlb(path: (t: number) => Vec3, seconds: number, animationName = 'cutscene'): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const positions: number[] = [];
  const normals: number[] = [];
  const joints: number[] = [];
  const weights: number[] = [];
  const indices: number[] = [];
  const half = [0.3, 0.9, 0.3];
  // Six faces, four corners each: [normal axis, sign].
  for (const [axis, sign] of [[0, 1], [0, -1], [1, 1], [1, -1], [2, 1], [2, -1]] as const) {
    const u = (axis + 1) % 3;
    const v = (axis + 2) % 3;
    const base = positions.length / 3;
    for (const [a, b] of [[-1, -1], [1, -1], [1, 1], [-1, 1]]) {
      const p = [0, 0, 0];
      p[axis] = sign * half[axis];
      p[u] = a * half[u];
      p[v] = b * half[v];
      p[1] += 0.9;
      positions.push(...p);
      const n = [0, 0, 0];
      n[axis] = sign;
      normals.push(...n);
      joints.push(p[1] > 0.9 ? 1 : 0, 0, 0, 0);
      weights.push(1, 0, 0, 0);
    }
    const quad = sign > 0 ? [0, 1, 2, 0, 2, 3] : [0, 2, 1, 0, 3, 2];
    indices.push(...quad.map((q) => base + q));
  }
  const accessor = (type: 'VEC3' | 'VEC4' | 'SCALAR' | 'MAT4', array: Float32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>) => doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const material = doc.createMaterial('Actor').setBaseColorFactor([0.8, 0.05, 0.04, 1]).setRoughnessFactor(0.6).setMetallicFactor(0);
  const primitive = doc
    .createPrimitive()
    .setAttribute('POSITION', accessor('VEC3', new Float32Array(positions)))
    .setAttribute('NORMAL', accessor('VEC3', new Float32Array(normals)))
    .setAttribute('JOINTS_0', accessor('VEC4', new Uint8Array(joints)))
    .setAttribute('WEIGHTS_0', accessor('VEC4', new Float32Array(weights)))
    .setIndices(accessor('SCALAR', new Uint16Array(indices)))
    .setMaterial(material);
  const mesh = doc.createMesh('Walker').addPrimitive(primitive);
  const hips = doc.createNode('Walker/hips').setTranslation(path(0));
  const chest = doc.createNode('Walker/chest').setTranslation([0, 0.9, 0]);
  hips.addChild(chest);
  const inverseBind = new Float32Array([...identity(), ...identity()]);
  inverseBind[16 + 13] = -0.9;
  const skin = doc.createSkin('Walker').addJoint(hips).addJoint(chest).setSkeleton(hips).setInverseBindMatrices(accessor('MAT4', inverseBind));
  const body = doc.createNode('Walker/body').setMesh(mesh).setSkin(skin);
  doc.createScene('Actors').addChild(hips).addChild(body);
  const steps = 8;
  const times = new Float32Array(steps + 1).map((_, k) => (k / steps) * seconds);
  const translations = new Float32Array((steps + 1) * 3);
  const rotations = new Float32Array((steps + 1) * 4);
  for (let k = 0; k <= steps; k++) {
    translations.set(path(k / steps), k * 3);
    const angle = 0.35 * Math.sin((k / steps) * Math.PI * 2);
    rotations.set([0, 0, Math.sin(angle / 2), Math.cos(angle / 2)], k * 4);
  }
  const input = accessor('SCALAR', times);
  const walk = doc.createAnimationSampler().setInput(input).setOutput(accessor('VEC3', translations)).setInterpolation('LINEAR');
  const sway = doc.createAnimationSampler().setInput(input).setOutput(accessor('VEC4', rotations)).setInterpolation('LINEAR');
  doc
    .createAnimation(animationName)
    .addSampler(walk)
    .addSampler(sway)
    .addChannel(doc.createAnimationChannel().setTargetNode(hips).setTargetPath('translation').setSampler(walk))
    .addChannel(doc.createAnimationChannel().setTargetNode(chest).setTargetPath('rotation').setSampler(sway));
  return new NodeIO().writeBinary(doc);
}

function identity(): number[] {
  return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
}

