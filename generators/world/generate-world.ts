/**
 * spec → World. Stages, each with its own seed derived from the world seed by name, so adding a
 * stage never changes another's output:
 *   shape (landform + noise + volcano, dunes) → erosion (stream power, raindrops, scree) →
 *   features (mesas, terraces) → water (sea, lakes, rivers, waterfalls) → biomes → ground
 *   (colours, material classes) → sky.
 */
import { classifyBiomes } from '../biomes/classify-biomes.ts';
import { paintGround } from '../biomes/paint-ground.ts';
import { Rng } from '../seed/rng.ts';
import { lightTheSky } from '../sky/light-the-sky.ts';
import { parseWorldSpec } from '../spec/parse-world-spec.ts';
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import { erodeFluvial } from '../terrain/erode-fluvial.ts';
import { erodeHydraulic } from '../terrain/erode-hydraulic.ts';
import { erodeThermal } from '../terrain/erode-thermal.ts';
import { shapeTerrain } from '../terrain/shape-terrain.ts';
import { stampFeatures } from '../terrain/stamp-features.ts';
import { generateWater } from '../water/generate-water.ts';
import { defaultClock, StageRunner, type Clock, type ProgressListener } from './progress.ts';
import type { World } from './world.ts';

export interface GenerateWorldOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  clock?: Clock;
}

export interface GeneratedWorld {
  world: World;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export async function generateWorld(spec: WorldSpec, options: GenerateWorldOptions = {}): Promise<GeneratedWorld> {
  // Library callers may hand in an unchecked object: validate before any work.
  const checked = parseWorldSpec(spec);
  const stages = new StageRunner(options.onProgress, options.clock ?? defaultClock, options.signal);
  const rng = new Rng(checked.seed);

  const shaped = await stages.step('shape', () => shapeTerrain(checked, rng.fork('terrain')));
  const field = shaped.field;
  await stages.step('erosion', (report) => {
    const t = checked.terrain;
    // Progress in thousandths: valleys the first half, raindrops the second.
    erodeFluvial(field, { strength: t.erosion, onIteration: (done, total) => report(Math.round((500 * done) / total), 1000) });
    erodeHydraulic(field, {
      strength: t.erosion,
      rng: rng.fork('raindrops'),
      onProgress: (done, total) => report(500 + Math.round((500 * done) / total), 1000),
    });
    erodeThermal(field, { strength: t.thermalErosion, cliffs: t.cliffs });
  });
  await stages.step('features', () => stampFeatures(field, checked.terrain, rng.fork('features')));
  const water = await stages.step('water', () => generateWater(field, checked, rng.fork('water'), { axis: shaped.axis }));
  const biomes = await stages.step('biomes', () => classifyBiomes(field, water, checked, rng.fork('biomes'), shaped.vent));
  const ground = await stages.step('ground', () => paintGround(field, biomes, water, checked, rng.fork('ground')));
  const sky = await stages.step('sky', () => lightTheSky(checked));
  return {
    world: { spec: checked, terrain: field, water, biomes, ground, sky, landmarks: { vent: shaped.vent, axis: shaped.axis } },
    timings: stages.timings,
  };
}
