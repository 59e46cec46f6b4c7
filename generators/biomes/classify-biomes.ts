/**
 * Where each biome of the mix goes. Every sample scores each biome by its affinity to the site
 * (height, slope, moisture, temperature, water, coast, volcano) plus a regional noise so borders
 * wander, plus a per-biome offset. The offsets are calibrated on a subsample of the land so that each biome
 * covers about its weight's share of it — the mix says *how much*, the affinities say *where*
 * (with mountains and grassland at equal weight, mountains take the high half). A softmax of the
 * scores gives smooth blend weights for colouring; the highest score names the sample's biome.
 */
import type { Rng } from '../seed/rng.ts';
import type { Biome, WorldSpec } from '../spec/world-spec-schema.ts';
import { createGradientNoise, fbm, type Noise2D } from '../terrain/gradient-noise.ts';
import { sampleX, sampleZ, slopeMap, type Heightfield } from '../terrain/heightfield.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import { BIOME_TABLE, type SiteConditions } from './biome-table.ts';

export interface BiomeMap {
  /** The biomes in use, in spec order; indices below point into this list. */
  biomes: Biome[];
  /** Per sample: index of the biome that scored highest. */
  dominant: Uint8Array;
  /** Per sample, `biomes.length` softmax weights (row-major). */
  weights: Float32Array;
  /** Per sample: slope (rise over run). */
  slope: Float32Array;
  /** Per sample: height above the sea or lowest ground as a share of the usable height. */
  elevation: Float32Array;
}

/** How sharp biome borders are: lower is sharper. */
const BORDER_SOFTNESS = 0.18;
const CALIBRATION_SAMPLES = 6000;
const CALIBRATION_SWEEPS = 3;
const BISECTION_STEPS = 22;

export function classifyBiomes(
  field: Heightfield,
  water: WaterBodies,
  spec: Pick<WorldSpec, 'biomes' | 'terrain' | 'time'>,
  rng: Rng,
  vent?: { x: number; z: number },
): BiomeMap {
  const mix = (Object.entries(spec.biomes) as Array<[Biome, number | undefined]>).filter((e): e is [Biome, number] => (e[1] ?? 0) > 0);
  const biomes = mix.map(([b]) => b);
  const k = biomes.length;
  const n = field.nx * field.nz;
  const slope = slopeMap(field);
  const elevation = new Float32Array(n);
  const dominant = new Uint8Array(n);
  const weights = new Float32Array(n * k);

  const base = water.seaLevel ?? minimum(field.heights);
  const usable = Math.max(1, spec.terrain.maxHeight - base);
  for (let i = 0; i < n; i++) elevation[i] = Math.max(0, Math.min(1, (field.heights[i] - base) / usable));
  if (k === 1) {
    weights.fill(1);
    return { biomes, dominant, weights, slope, elevation };
  }

  const scorer = new SiteScorer(field, water, slope, elevation, biomes, rng, vent, spec.terrain.maxHeight, spec.time.season);
  const offsets = calibrateOffsets(scorer, field, water, mix.map(([, w]) => w));
  const scores = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    scorer.score(i, offsets, scores);
    let best = 0;
    for (let b = 1; b < k; b++) if (scores[b] > scores[best]) best = b;
    dominant[i] = best;
    let sum = 0;
    for (let b = 0; b < k; b++) {
      const w = Math.exp((scores[b] - scores[best]) / BORDER_SOFTNESS);
      weights[i * k + b] = w;
      sum += w;
    }
    for (let b = 0; b < k; b++) weights[i * k + b] /= sum;
  }
  return { biomes, dominant, weights, slope, elevation };
}

/**
 * Offsets that make each biome win about its weight's share of the land samples. A biome's share
 * only grows as its offset grows, so each offset is found by bisection with the others held, and a
 * few sweeps over the biomes settle them together. (A proportional step oscillates when many
 * samples score alike.)
 */
function calibrateOffsets(scorer: SiteScorer, field: Heightfield, water: WaterBodies, mixWeights: number[]): Float64Array {
  const k = mixWeights.length;
  const total = mixWeights.reduce((s, w) => s + w, 0);
  const target = mixWeights.map((w) => w / total);
  const offsets = Float64Array.from(mixWeights, (w) => Math.log(w));
  const stride = Math.max(1, Math.floor((field.nx * field.nz) / CALIBRATION_SAMPLES));
  const land: number[] = [];
  for (let i = 0; i < field.nx * field.nz; i += stride) {
    if (water.seaMask === null || water.seaMask[i] === 0) land.push(i);
  }
  if (land.length === 0) return offsets;
  // Scores without offsets, once; the search only moves the offsets.
  const raw = new Float64Array(land.length * k);
  const zero = new Float64Array(k);
  const scores = new Float64Array(k);
  land.forEach((i, j) => {
    scorer.score(i, zero, scores);
    raw.set(scores, j * k);
  });
  const shareOf = (b: number): number => {
    let wins = 0;
    for (let j = 0; j < land.length; j++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (raw[j * k + c] + offsets[c] > raw[j * k + best] + offsets[best]) best = c;
      if (best === b) wins++;
    }
    return wins / land.length;
  };
  for (let sweep = 0; sweep < CALIBRATION_SWEEPS; sweep++) {
    for (let b = 0; b < k; b++) {
      let low = offsets[b] - 20;
      let high = offsets[b] + 20;
      for (let step = 0; step < BISECTION_STEPS; step++) {
        offsets[b] = (low + high) / 2;
        if (shareOf(b) < target[b]) low = offsets[b];
        else high = offsets[b];
      }
      offsets[b] = (low + high) / 2;
    }
  }
  return offsets;
}

/** Scores every biome at a sample: affinity to the site plus regional noise plus an offset. */
class SiteScorer {
  private readonly moistureNoise: Noise2D;
  private readonly regionNoises: Noise2D[];
  private readonly temperatureNoise: Noise2D;
  private readonly site: SiteConditions = { elevation: 0, slope: 0, moisture: 0, temperature: 0, nearWater: 0, coastal: 0, nearVent: 0 };
  /** Degrees of cooling from the lowest to the highest ground, as a share of the 0..1 scale. */
  private readonly lapse: number;
  private readonly seasonWarmth: number;
  private readonly ventRadius: number;

  constructor(
    private readonly field: Heightfield,
    private readonly water: WaterBodies,
    private readonly slope: Float32Array,
    private readonly elevation: Float32Array,
    private readonly biomes: Biome[],
    rng: Rng,
    private readonly vent: { x: number; z: number } | undefined,
    maxHeight: number,
    season: WorldSpec['time']['season'],
  ) {
    this.moistureNoise = createGradientNoise(rng.fork('moisture'));
    this.temperatureNoise = createGradientNoise(rng.fork('temperature'));
    // About 6.5 °C per km of height on a 0..1 scale spanning ~40 °C: only real heights cool much.
    this.lapse = Math.min(0.6, (0.16 * maxHeight) / 1000 + 0.1);
    this.seasonWarmth = season === 'winter' ? -0.2 : season === 'summer' ? 0.08 : 0;
    this.regionNoises = biomes.map((b) => createGradientNoise(rng.fork('region', b)));
    this.ventRadius = 0.35 * Math.min(field.width, field.depth);
  }

  score(i: number, offsets: Float64Array, out: Float64Array): void {
    const field = this.field;
    const ix = i % field.nx;
    const x = sampleX(field, ix);
    const z = sampleZ(field, (i - ix) / field.nx);
    const h = field.heights[i];
    const nearWater = Math.exp(-this.water.distance[i] / 60);
    const site = this.site;
    site.elevation = this.elevation[i];
    site.slope = this.slope[i];
    site.nearWater = nearWater;
    site.moisture = Math.max(0, Math.min(1, 0.45 + 0.35 * fbm(this.moistureNoise, x / 300, z / 300, { octaves: 3, gain: 0.5 }) + 0.35 * nearWater));
    const drift = 0.15 * fbm(this.temperatureNoise, x / 600, z / 600, { octaves: 2, gain: 0.5 });
    site.temperature = Math.max(0, Math.min(1, 0.6 + this.seasonWarmth + drift - this.lapse * site.elevation));
    const sea = this.water.seaLevel;
    site.coastal = sea === null ? 0 : Math.exp(-this.water.distance[i] / 50) * (h - sea < 8 ? 1 : 0.3);
    site.nearVent = this.vent ? Math.max(0, 1 - Math.hypot(x - this.vent.x, z - this.vent.z) / this.ventRadius) : 0;
    for (let b = 0; b < this.biomes.length; b++) {
      const region = fbm(this.regionNoises[b], x / 260, z / 260, { octaves: 2, gain: 0.5 });
      out[b] = offsets[b] + BIOME_TABLE[this.biomes[b]].affinity(site) + 0.9 * region;
    }
  }
}

function minimum(values: Float32Array): number {
  let min = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] < min) min = values[i];
  return min;
}
