/** A shot's light: the world's sky stage at the shot's hour (same season, weather and moon). */
import { lightTheSky } from '../sky/light-the-sky.ts';
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import type { TimelineLighting, Vec3 } from './timeline.ts';

export function shotLighting(spec: Pick<WorldSpec, 'time' | 'weather'>, hour: number): TimelineLighting {
  const sky = lightTheSky({ time: { ...spec.time, hour }, weather: spec.weather });
  const v = (c: readonly number[]): Vec3 => [round(c[0]), round(c[1]), round(c[2])];
  return {
    hour,
    key: { direction: v(sky.key.direction), color: v(sky.key.color), intensity: round(sky.key.intensity) },
    zenith: v(sky.zenith),
    horizon: v(sky.horizon),
    ambient: { sky: v(sky.ambient.sky), ground: v(sky.ambient.ground), intensity: round(sky.ambient.intensity) },
    fog: sky.fog.density > 0 ? { color: v(sky.fog.color), density: sky.fog.density } : null,
  };
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
