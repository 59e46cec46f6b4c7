/**
 * The sun (or moon) as a KHR_lights_punctual directional light. A glTF directional light shines
 * along its node's −Z axis, so the node is turned to point −Z from the sky toward the ground.
 */
import type { Document, Node } from '@gltf-transform/core';
import { KHRLightsPunctual } from '@gltf-transform/extensions';
import type { Sky } from '../sky/light-the-sky.ts';
import { roleExtras } from './node-roles.ts';

export function addKeyLight(doc: Document, sky: Sky): Node {
  const lights = doc.createExtension(KHRLightsPunctual);
  const key = sky.key;
  const light = lights
    .createLight(key.body === 'sun' ? 'Sun' : 'Moon')
    .setType('directional')
    .setColor(key.color)
    .setIntensity(key.intensity);
  const travel: [number, number, number] = [-key.direction[0], -key.direction[1], -key.direction[2]];
  return doc
    .createNode(key.body === 'sun' ? 'Sun' : 'Moon')
    .setRotation(rotationFromTo([0, 0, -1], travel))
    .setExtension('KHR_lights_punctual', light)
    .setExtras(roleExtras('key-light', { body: key.body, elevationDegrees: sky.sunElevationDegrees }));
}

/** The unit quaternion [x, y, z, w] turning unit vector `from` onto unit vector `to`. */
export function rotationFromTo(from: [number, number, number], to: [number, number, number]): [number, number, number, number] {
  const d = from[0] * to[0] + from[1] * to[1] + from[2] * to[2];
  if (d < -0.999999) return [0, 1, 0, 0]; // Opposite: half a turn about Y.
  const cx = from[1] * to[2] - from[2] * to[1];
  const cy = from[2] * to[0] - from[0] * to[2];
  const cz = from[0] * to[1] - from[1] * to[0];
  const w = 1 + d;
  const length = Math.hypot(cx, cy, cz, w);
  return [cx / length, cy / length, cz / length, w / length];
}
