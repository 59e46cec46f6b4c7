/**
 * A shot's light in the video page: the world's directional key light moved and recoloured (sun or
 * moon), the hemispheric ambient, the clear colour from the horizon and exponential fog — the same
 * conversions the still page makes from a world's extras (light colours linear; clear and fog
 * colours to sRGB, as Babylon puts them on screen as they are).
 */
import * as BABYLON from '@babylonjs/core';
import type { TimelineLighting } from '../../../generators/shots/timeline.ts';
import type { GlbEnvironment } from '../glb-info.ts';
import { toGamma } from './world-scene.ts';

export interface ShotLights {
  key: BABYLON.DirectionalLight;
  ambient: BABYLON.HemisphericLight;
}

/** The environment part of a shot's lighting, for `applyEnvironment` before the world loads. */
export function environmentOfLighting(lighting: TimelineLighting): GlbEnvironment {
  return { zenith: lighting.zenith, horizon: lighting.horizon, ambient: lighting.ambient, fog: lighting.fog };
}

/**
 * The lights a shot changes: the world's key light (its KHR_lights_punctual sun or moon, detached
 * from its node so its direction is in scene space) or a new one, and the ambient light named
 * 'ambient' that `applyEnvironment` made.
 */
export function findShotLights(scene: BABYLON.Scene): ShotLights {
  const found = scene.lights.find((l): l is BABYLON.DirectionalLight => l instanceof BABYLON.DirectionalLight);
  const key = found ?? new BABYLON.DirectionalLight('key', new BABYLON.Vector3(0, -1, 0), scene);
  key.parent = null;
  const ambient = scene.getLightByName('ambient');
  if (!(ambient instanceof BABYLON.HemisphericLight)) throw new Error('The video page lost its ambient light: applyEnvironment must run with an ambient light before findShotLights.');
  return { key, ambient };
}

export function applyShotLighting(scene: BABYLON.Scene, lights: ShotLights, lighting: TimelineLighting): void {
  const [dx, dy, dz] = lighting.key.direction;
  // glTF's "toward the sun" (dx, dy, dz) is (−dx, dy, dz) in the scene; the light travels the other way.
  lights.key.direction = new BABYLON.Vector3(dx, -dy, -dz);
  lights.key.diffuse = new BABYLON.Color3(...lighting.key.color);
  lights.key.intensity = lighting.key.intensity;
  lights.ambient.diffuse = new BABYLON.Color3(...lighting.ambient.sky);
  lights.ambient.groundColor = new BABYLON.Color3(...lighting.ambient.ground);
  lights.ambient.intensity = lighting.ambient.intensity;
  scene.clearColor = new BABYLON.Color4(...toGamma(lighting.horizon), 1);
  if (lighting.fog && lighting.fog.density > 0) {
    scene.fogMode = BABYLON.Scene.FOGMODE_EXP;
    scene.fogDensity = lighting.fog.density;
    scene.fogColor = new BABYLON.Color3(...toGamma(lighting.fog.color));
  } else {
    scene.fogMode = BABYLON.Scene.FOGMODE_NONE;
  }
}
