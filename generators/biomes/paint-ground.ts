/**
 * The colour and material class of the ground at every sample. Layers, bottom to top:
 *  1. the biomes' ground colours, blended by the biome weights, varied by height and noise, and
 *     shifted by the season (autumn browns, winter greys, spring greens);
 *  2. bare rock on steep slopes (with strata bands in canyon and desert rock) and on high
 *     mountain ground;
 *  3. sand on sea shores and the seabed; wet mud on river and lake banks;
 *  4. snow above the snow line (set by the biomes' cold, the season, height and snowfall) and,
 *     under snowfall, on all gentle ground;
 *  5. trodden paths: bare earth (darker sand in sand, packed grey in snow);
 *  6. the palette: mood grading, tint, per-surface overrides, and rain's wet darkening.
 * Colours come out linear, for glTF's COLOR_0.
 */
import type { Rng } from '../seed/rng.ts';
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import { createGradientNoise, fbm, smoothstep } from '../terrain/gradient-noise.ts';
import { sampleX, sampleZ, type Heightfield } from '../terrain/heightfield.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import { BIOME_TABLE, MUD_COLOR, SNOW_COLOR } from './biome-table.ts';
import type { BiomeMap } from './classify-biomes.ts';
import { addScaledInto, gradeInto, hexToRgb, luminance, mixInto, mixRgb, mixScaledInto, scaleInto, srgbToLinearFast, type Rgb } from './color.ts';
import { resolvePalette } from './palette.ts';

export interface GroundMaterial {
  /** Stable id: a biome id, or `rock`, `sand`, `snow`. */
  id: string;
  roughness: number;
}

export interface GroundSurface {
  /** Linear RGB per sample (3 floats). */
  colors: Float32Array;
  /** Per sample: index into `materials`. */
  material: Uint8Array;
  materials: GroundMaterial[];
}

const AUTUMN_GROUND = hexToRgb('#9a6a2e');
const TRODDEN_EARTH = hexToRgb('#8a7455');
const PACKED_SNOW = hexToRgb('#b9b6ae');
const SPRING_GROUND = hexToRgb('#7aa53c');

export function paintGround(
  field: Heightfield,
  biomeMap: BiomeMap,
  water: WaterBodies,
  spec: Pick<WorldSpec, 'terrain' | 'time' | 'weather' | 'palette'>,
  rng: Rng,
  /** 1 on walkable path treads: painted trodden earth (or packed snow, or darker sand). */
  pathMask?: Float32Array,
): GroundSurface {
  const n = field.nx * field.nz;
  const k = biomeMap.biomes.length;
  const looks = biomeMap.biomes.map((b) => BIOME_TABLE[b]);
  const palette = resolvePalette(spec.palette);
  const grounds = looks.map((look) => {
    const override = palette.overrides[look.groundTarget];
    const low = hexToRgb(look.ground[0]);
    const high = hexToRgb(look.ground[1]);
    return override ? [override, mixRgb(override, high, 0.15)] : [low, high];
  });
  const rocks = looks.map((look) => palette.overrides.rock ?? hexToRgb(look.rock));
  const sands = looks.map((look) => palette.overrides.sand ?? hexToRgb(look.sand));
  const snow = palette.overrides.snow ?? hexToRgb(SNOW_COLOR);
  const mud = palette.overrides.soil ?? hexToRgb(MUD_COLOR);
  const grassLike = looks.map((look) => look.groundTarget === 'grass' && !palette.overrides.grass);
  const banded = biomeMap.biomes.map((b) => b === 'canyon' || b === 'desert');
  const mountainsIndex = biomeMap.biomes.indexOf('mountains');

  const season = spec.time.season;
  const snowfall = spec.weather.kind === 'snow' ? smoothstep(0.1, 0.6, spec.weather.intensity) : 0;
  const seasonShift = season === 'winter' ? 0.35 : season === 'autumn' ? 0.1 : season === 'spring' ? 0.05 : 0;
  const heightShift = Math.max(0, (spec.terrain.maxHeight - 150) / 1500);
  // A biome's cold brings snow to its heights only if they are real heights: low hills in a pine
  // forest stay green in summer, 400 m peaks do not.
  const coldReach = Math.min(1, Math.max(0.3, spec.terrain.maxHeight / 400));
  const wet = spec.weather.kind === 'rain' || spec.weather.kind === 'storm' ? 0.85 : 1;

  const detailNoise = createGradientNoise(rng.fork('ground-detail'));
  const patchNoise = createGradientNoise(rng.fork('ground-patches'));
  const colors = new Float32Array(n * 3);
  const material = new Uint8Array(n);
  const ROCK = k;
  const SAND = k + 1;
  const SNOW = k + 2;

  // Scratch colours, reused for every sample (no allocation in the loop).
  const c: Rgb = [0, 0, 0];
  const rock: Rgb = [0, 0, 0];
  const sand: Rgb = [0, 0, 0];
  const ground: Rgb = [0, 0, 0];
  const grey: Rgb = [0, 0, 0];
  for (let iz = 0; iz < field.nz; iz++) {
    const z = sampleZ(field, iz);
    for (let ix = 0; ix < field.nx; ix++) {
      const x = sampleX(field, ix);
      const i = iz * field.nx + ix;
      const h = field.heights[i];
      const e = biomeMap.elevation[i];
      const slope = biomeMap.slope[i];
      const fine = fbm(detailNoise, x / 25, z / 25, { octaves: 2, gain: 0.5 });
      const patch = fbm(patchNoise, x / 70, z / 70, { octaves: 2, gain: 0.5 });

      // 1. Biome grounds, blended.
      c[0] = c[1] = c[2] = 0;
      rock[0] = rock[1] = rock[2] = 0;
      sand[0] = sand[1] = sand[2] = 0;
      let cold = 0;
      let bandedShare = 0;
      for (let b = 0; b < k; b++) {
        const w = biomeMap.weights[i * k + b];
        if (w < 1e-3) continue;
        const g = grounds[b];
        const t = Math.max(0, Math.min(1, e * 1.3 + 0.25 * patch));
        ground[0] = g[0][0] + (g[1][0] - g[0][0]) * t;
        ground[1] = g[0][1] + (g[1][1] - g[0][1]) * t;
        ground[2] = g[0][2] + (g[1][2] - g[0][2]) * t;
        if (grassLike[b]) {
          if (season === 'autumn') mixInto(ground, AUTUMN_GROUND, 0.45 + 0.15 * patch);
          else if (season === 'spring') mixInto(ground, SPRING_GROUND, 0.2);
          else if (season === 'winter') {
            const l = luminance(ground);
            grey[0] = grey[1] = grey[2] = l;
            mixInto(ground, grey, 0.5);
          }
        }
        addScaledInto(c, ground, w);
        addScaledInto(rock, rocks[b], w);
        addScaledInto(sand, sands[b], w);
        cold += looks[b].cold * w;
        if (banded[b]) bandedShare += w;
      }
      scaleInto(c, 1 + 0.08 * fine);

      // 2. Rock on steep and high ground.
      if (bandedShare > 0) scaleInto(rock, 1 - bandedShare * (0.12 - 0.12 * Math.sin((h / 6.5 + 0.4 * patch) * Math.PI * 2)));
      // Grass holds to about 35°; bare rock from about 45°.
      let rockWeight = smoothstep(0.7, 1.05, slope + 0.15 * fine);
      if (mountainsIndex >= 0) rockWeight = Math.max(rockWeight, 0.7 * biomeMap.weights[i * k + mountainsIndex] * smoothstep(0.5, 0.8, e + 0.1 * patch));
      mixScaledInto(c, rock, 1 + 0.1 * fine, rockWeight);

      // 3. Shores, seabed and wet banks.
      let sandWeight = 0;
      const underSea = water.seaMask !== null && water.seaMask[i] === 1;
      if (water.seaLevel !== null) {
        const above = h - water.seaLevel;
        // Beaches only where the sea really is near (not beside a dry hollow below sea level).
        sandWeight = underSea ? 1 : smoothstep(2.5, 0.3, above + 0.8 * fine) * smoothstep(0.6, 0.3, slope) * smoothstep(40, 5, water.distance[i]);
        mixScaledInto(c, sand, underSea ? Math.max(0.55, 1 + above * 0.02) : 1, sandWeight);
      }
      const underFreshWater = !Number.isNaN(water.surface[i]) && water.surface[i] > h && sandWeight < 1;
      const bank = underFreshWater ? 1 : smoothstep(5, 0.5, water.distance[i]) * 0.6 * (1 - sandWeight);
      mixInto(c, mud, bank);

      // 4. Snow.
      const snowLine = 1.1 - 0.55 * cold * coldReach - seasonShift - 0.75 * snowfall - heightShift;
      let snowWeight = smoothstep(snowLine, snowLine + 0.06, e + 0.05 * patch) * smoothstep(1.1, 0.6, slope);
      if (snowfall > 0) snowWeight = Math.max(snowWeight, snowfall * smoothstep(0.75, 0.35, slope) * (0.75 + 0.25 * patch));
      if (underFreshWater || underSea) snowWeight = 0;
      mixScaledInto(c, snow, 1 + 0.03 * fine, snowWeight);

      // 5. Trodden paths.
      if (pathMask && pathMask[i] > 0) {
        const tread = pathMask[i] * 0.85;
        if (snowWeight > 0.5) mixInto(c, PACKED_SNOW, tread);
        else if (sandWeight > 0.5 || bandedShare > 0.5) mixScaledInto(c, sand, 0.78, tread);
        else mixInto(c, TRODDEN_EARTH, tread);
      }

      // 6. Palette.
      gradeInto(c, palette.saturation, palette.brightness * wet, palette.warmth);
      if (palette.tint) mixInto(c, palette.tint, palette.tintAmount);

      colors[i * 3] = srgbToLinearFast(c[0]);
      colors[i * 3 + 1] = srgbToLinearFast(c[1]);
      colors[i * 3 + 2] = srgbToLinearFast(c[2]);
      const m = snowWeight > 0.5 ? SNOW : rockWeight > 0.5 ? ROCK : sandWeight > 0.5 ? SAND : biomeMap.dominant[i];
      material[i] = m;
    }
  }

  const materials: GroundMaterial[] = [
    ...biomeMap.biomes.map((b) => ({ id: b as string, roughness: BIOME_TABLE[b].roughness * (wet < 1 ? 0.7 : 1) })),
    { id: 'rock', roughness: 0.85 * (wet < 1 ? 0.75 : 1) },
    { id: 'sand', roughness: 0.95 },
    { id: 'snow', roughness: 0.6 },
  ];
  return { colors, material, materials };
}
