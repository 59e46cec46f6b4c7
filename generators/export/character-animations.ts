/**
 * Character motion as glTF animations, sampled from the clips (generators/characters/
 * character-clips.ts) — rotation channels for every joint and a translation channel for the hips,
 * LINEAR, times strictly increasing, quaternions normalised and kept in one hemisphere from key to
 * key so interpolation never takes the long way round.
 *
 * addClipAnimation: one looping clip ('idle', 'walk') as its own Animation, keyed over exactly one
 *   cycle with the last key equal to the first, so an engine looping it shows no seam.
 * addPerformance: a whole timeline's performance baked into an existing Animation (the cutscene's):
 *   per frame, the root's translation and yaw from the CharacterFrame and every joint from the
 *   frame's clip at its clipTime.
 */
import type { Accessor, Animation, Document, Node } from '@gltf-transform/core';
import { CLIP_NAMES, clipDuration, sampleClip, type ClipName } from '../characters/character-clips.ts';
import type { CharacterModel } from '../characters/character-model.ts';
import type { CharacterPose } from '../characters/character-pose.ts';
import { quatAlign, quatNormalize, rotY, type Quat } from '../characters/quaternion.ts';
import type { CharacterFrame } from '../shots/timeline.ts';
import type { CharacterNodes } from './character-nodes.ts';
import { ExportError } from './export-error.ts';

export interface ClipAnimationOptions {
  /** The Animation's name; default the clip's ('idle', 'walk'). */
  name?: string;
  /** Keys per second (default 30). */
  fps?: number;
}

export function addClipAnimation(doc: Document, nodes: CharacterNodes, model: CharacterModel, clip: ClipName, options: ClipAnimationOptions = {}): Animation {
  if (!(CLIP_NAMES as readonly string[]).includes(clip)) throw new ExportError(`addClipAnimation: no clip "${clip}"; use one of ${CLIP_NAMES.join(', ')}.`);
  const fps = options.fps ?? 30;
  checkFps(fps, 'addClipAnimation');
  const duration = clipDuration(clip);
  const keys = Math.max(2, Math.round(duration * fps));
  const times: number[] = [];
  const poses: CharacterPose[] = [];
  for (let k = 0; k <= keys; k++) {
    times.push((k * duration) / keys);
    // The last key is the first pose again: the loop closes exactly.
    poses.push(sampleClip(model, clip, k === keys ? 0 : (k * duration) / keys));
  }
  const animation = doc.createAnimation(options.name ?? clip).setExtras({ worldsmith: { role: 'character-clip', clip, character: nodes.root.getName(), loop: true, durationSeconds: duration } });
  writeChannels(doc, animation, nodes, model, times, poses, null);
  return animation;
}

export function addPerformance(doc: Document, animation: Animation, nodes: CharacterNodes, model: CharacterModel, frames: readonly CharacterFrame[], fps: number): void {
  checkFps(fps, 'addPerformance');
  if (frames.length === 0) throw new ExportError(`addPerformance: character "${nodes.root.getName()}" has no frames; give one CharacterFrame per timeline frame.`);
  const times: number[] = [];
  const poses: CharacterPose[] = [];
  const root: Array<{ position: [number, number, number]; yaw: number }> = [];
  frames.forEach((frame, i) => {
    const where = `character "${nodes.root.getName()}", frame ${i}`;
    if (!(CLIP_NAMES as readonly string[]).includes(frame.clip)) throw new ExportError(`addPerformance: ${where}: clip "${frame.clip}" is not one of ${CLIP_NAMES.join(', ')}.`);
    if (![...frame.position, frame.yaw, frame.clipTime].every(Number.isFinite)) {
      throw new ExportError(`addPerformance: ${where}: position, yaw and clipTime must be finite numbers (got ${JSON.stringify(frame)}).`);
    }
    times.push(i / fps);
    poses.push(sampleClip(model, frame.clip, frame.clipTime));
    root.push({ position: [...frame.position], yaw: frame.yaw });
  });
  writeChannels(doc, animation, nodes, model, times, poses, root);
}

function checkFps(fps: number, where: string): void {
  if (!Number.isFinite(fps) || fps <= 0 || fps > 240) throw new ExportError(`${where}: fps ${fps} is not allowed; give frames per second from 1 to 240 (e.g. 30).`);
}

function writeChannels(
  doc: Document,
  animation: Animation,
  nodes: CharacterNodes,
  model: CharacterModel,
  times: number[],
  poses: CharacterPose[],
  root: Array<{ position: [number, number, number]; yaw: number }> | null,
): void {
  const buffer = doc.getRoot().listBuffers()[0] ?? doc.createBuffer();
  const prefix = `${animation.getName()}/${nodes.root.getName()}`;
  const input = doc.createAccessor(`${prefix}/time`, buffer).setType('SCALAR').setArray(new Float32Array(times));
  const channel = (node: Node, path: 'translation' | 'rotation', output: Accessor) => {
    const sampler = doc.createAnimationSampler().setInput(input).setOutput(output).setInterpolation('LINEAR');
    animation.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(node).setTargetPath(path).setSampler(sampler));
  };
  const rotations = (name: string, quats: (k: number) => Quat) => {
    const values = new Float32Array(times.length * 4);
    let previous: Quat | undefined;
    for (let k = 0; k < times.length; k++) {
      const q = quatAlign(quatNormalize(quats(k)), previous);
      values.set(q, k * 4);
      previous = q;
    }
    return doc.createAccessor(`${prefix}/${name}/rotation`, buffer).setType('VEC4').setArray(values);
  };
  if (root) {
    const translation = new Float32Array(times.length * 3);
    root.forEach((r, k) => translation.set(r.position, k * 3));
    channel(nodes.root, 'translation', doc.createAccessor(`${prefix}/root/translation`, buffer).setType('VEC3').setArray(translation));
    channel(nodes.root, 'rotation', rotations('root', (k) => rotY(root[k].yaw)));
  }
  const hips = model.joints[0].translation;
  const hipsTranslation = new Float32Array(times.length * 3);
  poses.forEach((pose, k) => hipsTranslation.set([hips[0] + pose.hipsOffset[0], hips[1] + pose.hipsOffset[1], hips[2] + pose.hipsOffset[2]], k * 3));
  channel(nodes.joints[0], 'translation', doc.createAccessor(`${prefix}/hips/translation`, buffer).setType('VEC3').setArray(hipsTranslation));
  model.joints.forEach((joint, j) => channel(nodes.joints[j], 'rotation', rotations(joint.name, (k) => poses[k].rotations[j])));
}
