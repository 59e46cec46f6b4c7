/**
 * The cutscene's cameras as glTF: one perspective camera node per shot (its lens as `yfov`), moved by
 * the timeline's 'cutscene' animation over the frames that shot is on screen (a crossfade keeps the
 * outgoing camera moving while it fades). Which camera is live when is in each node's extras and in
 * timeline.json — glTF itself has no notion of an active camera.
 */
import type { Animation, Document, Node, Scene } from '@gltf-transform/core';
import type { Timeline, Vec3 } from '../shots/timeline.ts';
import { roleExtras } from './node-roles.ts';

export function addShotCameras(doc: Document, scene: Scene, timeline: Timeline, animation: Animation): Node[] {
  const buffer = doc.getRoot().listBuffers()[0] ?? doc.createBuffer();
  const keys = timeline.shots.map(() => ({ times: [] as number[], translations: [] as number[], rotations: [] as number[] }));
  timeline.frames.forEach((layers, frame) => {
    for (const layer of layers) {
      const k = keys[layer.shot];
      k.times.push(frame / timeline.fps);
      k.translations.push(...layer.camera.position);
      const q = lookRotation(layer.camera.position, layer.camera.target);
      // Keep neighbouring keys in one hemisphere, so interpolation takes the short way round.
      const n = k.rotations.length;
      if (n >= 4 && q[0] * k.rotations[n - 4] + q[1] * k.rotations[n - 3] + q[2] * k.rotations[n - 2] + q[3] * k.rotations[n - 1] < 0) q.forEach((v, j) => (q[j] = -v));
      k.rotations.push(...q);
    }
  });
  return timeline.shots.map((shot, i) => {
    const first = timeline.frames[shot.startFrame].find((l) => l.shot === i)!.camera;
    const camera = doc
      .createCamera(`Shot/${shot.id}`)
      .setType('perspective')
      .setYFov((first.fovDegrees * Math.PI) / 180)
      .setZNear(0.3)
      .setZFar(20000);
    const node = doc
      .createNode(`Camera/${shot.id}`)
      .setCamera(camera)
      .setTranslation(first.position)
      .setRotation(lookRotation(first.position, first.target))
      .setExtras(roleExtras('shot-camera', { shot: shot.id, type: shot.type, startSeconds: shot.startSeconds, durationSeconds: shot.durationSeconds, transitionIn: shot.transitionIn }));
    scene.addChild(node);
    const k = keys[i];
    const input = doc.createAccessor().setType('SCALAR').setArray(new Float32Array(k.times)).setBuffer(buffer);
    const channel = (path: 'translation' | 'rotation', values: number[], type: 'VEC3' | 'VEC4') => {
      const sampler = doc
        .createAnimationSampler()
        .setInput(input)
        .setOutput(doc.createAccessor().setType(type).setArray(new Float32Array(values)).setBuffer(buffer))
        .setInterpolation('LINEAR');
      animation.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(node).setTargetPath(path).setSampler(sampler));
    };
    channel('translation', k.translations, 'VEC3');
    channel('rotation', k.rotations, 'VEC4');
    return node;
  });
}

/** The rotation (x, y, z, w) that turns a glTF camera (looking down −Z, +Y up) toward `target`. */
export function lookRotation(position: Vec3, target: Vec3): [number, number, number, number] {
  let fx = target[0] - position[0];
  let fy = target[1] - position[1];
  let fz = target[2] - position[2];
  const fl = Math.hypot(fx, fy, fz) || 1;
  fx /= fl;
  fy /= fl;
  fz /= fl;
  // Camera axes: Z = −forward, X = up × Z, Y = Z × X.
  const zx = -fx, zy = -fy, zz = -fz;
  let xx = zz, xy = 0, xz = -zx; // (0,1,0) × Z
  const xl = Math.hypot(xx, xy, xz);
  if (xl < 1e-6) {
    xx = 1;
    xz = 0;
  } else {
    xx /= xl;
    xz /= xl;
  }
  const yx = zy * xz - zz * xy;
  const yy = zz * xx - zx * xz;
  const yz = zx * xy - zy * xx;
  // Rotation matrix columns X, Y, Z → quaternion.
  const m00 = xx, m01 = yx, m02 = zx;
  const m10 = xy, m11 = yy, m12 = zy;
  const m20 = xz, m21 = yz, m22 = zz;
  const trace = m00 + m11 + m22;
  let q: [number, number, number, number];
  if (trace > 0) {
    const s = Math.sqrt(trace + 1) * 2;
    q = [(m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s, s / 4];
  } else if (m00 > m11 && m00 > m22) {
    const s = Math.sqrt(1 + m00 - m11 - m22) * 2;
    q = [s / 4, (m01 + m10) / s, (m02 + m20) / s, (m21 - m12) / s];
  } else if (m11 > m22) {
    const s = Math.sqrt(1 + m11 - m00 - m22) * 2;
    q = [(m01 + m10) / s, s / 4, (m12 + m21) / s, (m02 - m20) / s];
  } else {
    const s = Math.sqrt(1 + m22 - m00 - m11) * 2;
    q = [(m02 + m20) / s, (m12 + m21) / s, s / 4, (m10 - m01) / s];
  }
  const l = Math.hypot(...q);
  return [q[0] / l, q[1] / l, q[2] / l, q[3] / l];
}
