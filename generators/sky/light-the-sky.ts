/**
 * Sun, moon, sky and fog from the spec's time and weather.
 *
 * Sun path: day length and noon height by season (summer 14.5 h and 65°, spring/autumn 12 h and
 * 45°, winter 9 h and 22°); it rises in the east, culminates in the south, sets in the west.
 * Axes: +x east, +z south, +y up. Light colour warms as the sun nears the horizon; below −6°
 * the moon lights the world, blue and dim, brighter at full moon. Clouds, rain, snow and storms
 * dim and grey the light. Fog density is given as the distance at which 98% of light is lost.
 * Intensities are glTF `KHR_lights_punctual` values (lux): 3 for a clear noon.
 */
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import { mixRgb, srgbToLinear, type Rgb } from '../biomes/color.ts';

export interface Sky {
  /** The key light: the sun by day, the moon by night. */
  key: {
    body: 'sun' | 'moon';
    /** Unit vector from the ground toward the light. */
    direction: [number, number, number];
    /** Linear RGB. */
    color: Rgb;
    intensity: number;
  };
  sunElevationDegrees: number;
  /** Linear RGB of the sky at the zenith and at the horizon. */
  zenith: Rgb;
  horizon: Rgb;
  /** Ambient (hemispheric) light: sky colour, ground bounce, intensity. */
  ambient: { sky: Rgb; ground: Rgb; intensity: number };
  fog: { color: Rgb; density: number; visibility: number };
}

const SEASON_SUN = {
  summer: { dayLength: 14.5, noonElevation: 65 },
  spring: { dayLength: 12, noonElevation: 45 },
  autumn: { dayLength: 12, noonElevation: 45 },
  winter: { dayLength: 9, noonElevation: 22 },
} as const;

export function lightTheSky(spec: Pick<WorldSpec, 'time' | 'weather'>): Sky {
  const { hour, season, moon } = spec.time;
  const sunPath = SEASON_SUN[season];
  const sunrise = 12 - sunPath.dayLength / 2;
  const dayFraction = (hour - sunrise) / sunPath.dayLength;
  // Below the horizon the same sine continues negative through the night.
  const elevation = sunPath.noonElevation * Math.sin(Math.PI * dayFraction);
  const azimuth = 90 + 180 * dayFraction;
  const weather = spec.weather;
  const gloom = Math.min(
    0.85,
    0.6 * weather.clouds +
      (weather.kind === 'overcast' ? 0.45 : 0) +
      (weather.kind === 'cloudy' ? 0.2 : 0) +
      (weather.kind === 'rain' ? 0.35 + 0.2 * weather.intensity : 0) +
      (weather.kind === 'snow' ? 0.3 + 0.2 * weather.intensity : 0) +
      (weather.kind === 'storm' ? 0.6 : 0) +
      (weather.kind === 'sandstorm' ? 0.45 : 0) +
      (weather.kind === 'fog' ? 0.3 : 0),
  );

  const isNight = elevation < -6;
  let key: Sky['key'];
  if (!isNight) {
    const el = Math.max(elevation, 2);
    const warmth = 1 - smooth(2, 35, el);
    const sunColor = mixRgb(srgb([1, 0.97, 0.92]), srgb([1, 0.55, 0.28]), warmth);
    const grey = srgb([0.85, 0.87, 0.9]);
    key = {
      body: 'sun',
      direction: toDirection(azimuth, el),
      color: mixRgb(sunColor, grey, gloom),
      intensity: 3 * smooth(-6, 10, elevation) * (0.35 + 0.65 * smooth(0, 30, elevation)) * (1 - 0.75 * gloom),
    };
  } else {
    key = {
      body: 'moon',
      direction: toDirection(azimuth + 180, 35),
      color: srgb([0.62, 0.7, 0.95]),
      intensity: (0.12 + 0.45 * moon) * (1 - 0.8 * gloom),
    };
  }

  const day = smooth(-8, 8, elevation);
  const dusk = day * (1 - smooth(4, 25, elevation));
  let zenith = mixRgb(srgb([0.02, 0.03, 0.08]), srgb([0.3, 0.5, 0.85]), day);
  let horizon = mixRgb(srgb([0.05, 0.06, 0.12]), srgb([0.72, 0.8, 0.9]), day);
  horizon = mixRgb(horizon, srgb([0.95, 0.6, 0.4]), dusk * 0.7);
  const overcastGrey = mixRgb(srgb([0.05, 0.05, 0.06]), srgb([0.62, 0.64, 0.67]), day);
  zenith = mixRgb(zenith, overcastGrey, gloom);
  horizon = mixRgb(horizon, overcastGrey, gloom * 0.8);
  if (weather.kind === 'sandstorm') horizon = mixRgb(horizon, srgb([0.75, 0.6, 0.4]), 0.7 * day);

  // The fog field and a fog weather kind say the same thing: take the larger, don't add them.
  const fogAmount = Math.min(
    1,
    Math.max(weather.fog, weather.kind === 'fog' ? 0.5 : 0) +
      (weather.kind === 'rain' ? 0.15 * weather.intensity : 0) +
      (weather.kind === 'storm' ? 0.25 : 0) +
      (weather.kind === 'snow' ? 0.3 * weather.intensity : 0) +
      (weather.kind === 'sandstorm' ? 0.6 : 0),
  );
  // Visibility: clear 8 km, mist (0.35) ≈ 2.8 km, fog (0.6) ≈ 840 m, thick fog (0.85) ≈ 200 m, 1 → 80 m.
  const visibility = 8000 * Math.pow(80 / 8000, Math.pow(fogAmount, 1.4));
  return {
    key,
    sunElevationDegrees: elevation,
    zenith,
    horizon,
    ambient: {
      // At night the sky glow is moonlight: blue, and brighter toward full moon.
      sky: mixRgb(scale(srgb([0.1, 0.13, 0.25]), 0.4 + 0.6 * moon), zenith, day),
      ground: mixRgb(horizon, srgb([0.3, 0.27, 0.22]), 0.5),
      intensity: 0.25 + 0.5 * day,
    },
    fog: { color: horizon, density: 3.912 / visibility, visibility },
  };
}

function toDirection(azimuthDegrees: number, elevationDegrees: number): [number, number, number] {
  const az = (azimuthDegrees * Math.PI) / 180;
  const el = (elevationDegrees * Math.PI) / 180;
  return [Math.sin(az) * Math.cos(el), Math.sin(el), -Math.cos(az) * Math.cos(el)];
}

function scale(c: Rgb, s: number): Rgb {
  return [c[0] * s, c[1] * s, c[2] * s];
}

function srgb(c: Rgb): Rgb {
  return [srgbToLinear(c[0]), srgbToLinear(c[1]), srgbToLinear(c[2])];
}

function smooth(a: number, b: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}
