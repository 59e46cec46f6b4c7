/**
 * spec → World. Stages, each with its own seed derived from the world seed by name, so adding a
 * stage never changes another's output:
 *   shape (landform + noise + volcano, dunes) → erosion (stream power, raindrops, scree) →
 *   features (mesas, terraces) → water (sea, lakes, rivers, waterfalls) → structures (placed,
 *   foundations levelled) → gameplay (spawn, points of interest, paths carved) → biomes → ground
 *   (colours, material classes, trodden paths) → scatter (plants and rocks) → objects (colliders)
 *   → sky; the navmesh is built on the other core (a worker thread) from the moment the terrain
 *   is final, and collected at the end. The world's texture sets (ground per biome, bark, stone…)
 *   depend only on the spec: they are made on the other core from the start, before the navmesh.
 * Structures come before gameplay (paths lead to them) and paths before ground painting (they are
 * trodden into it) and scatter (nothing grows on them).
 */
import { classifyBiomes } from '../biomes/classify-biomes.ts';
import { paintGround } from '../biomes/paint-ground.ts';
import { buildNavMeshInWorker } from '../gameplay/navmesh-in-worker.ts';
import { planGameplay } from '../gameplay/plan-gameplay.ts';
import type { StructureSite } from '../gameplay/points-of-interest.ts';
import { attachScatterAssets } from '../scatter/scatter-assets.ts';
import { planScatter } from '../scatter/plan-scatter.ts';
import { Rng } from '../seed/rng.ts';
import { lightTheSky } from '../sky/light-the-sky.ts';
import { parseWorldSpec } from '../spec/parse-world-spec.ts';
import { SpecError } from '../spec/spec-error.ts';
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import { checkStructuresFit, levelFoundations, placeStructures, type PlacedStructure } from '../structures/index.ts';
import { structureFootprints } from '../structures/structure-footprints.ts';
import { erodeFluvial } from '../terrain/erode-fluvial.ts';
import { erodeHydraulic } from '../terrain/erode-hydraulic.ts';
import { erodeThermal } from '../terrain/erode-thermal.ts';
import { shapeTerrain } from '../terrain/shape-terrain.ts';
import { stampFeatures } from '../terrain/stamp-features.ts';
import { generateWater } from '../water/generate-water.ts';
import { makeWorldTexturesInWorker } from '../textures/textures-in-worker.ts';
import { worldTextureRequests } from '../textures/world-texture-recipes.ts';
import { buildWorldObjects } from './build-world-objects.ts';
import { defaultClock, StageRunner, type Clock, type ProgressListener } from './progress.ts';
import type { World } from './world.ts';

export interface GenerateWorldOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  clock?: Clock;
  /** Build the navmesh (default true). */
  navmesh?: boolean;
  /** Make the world's texture sets (default true). */
  textures?: boolean;
}

export interface GeneratedWorld {
  world: World;
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export async function generateWorld(spec: WorldSpec, options: GenerateWorldOptions = {}): Promise<GeneratedWorld> {
  // Library callers may hand in an unchecked object: validate before any work, including the
  // checks that need structure sizes (a castle that cannot fit fails here, not halfway).
  const checked = parseWorldSpec(spec);
  const fit = checkStructuresFit(checked);
  if (fit.length > 0) throw new SpecError(fit);
  const stages = new StageRunner(options.onProgress, options.clock ?? defaultClock, options.signal);
  const rng = new Rng(checked.seed);
  const texturesJob = options.textures === false ? null : makeWorldTexturesInWorker(worldTextureRequests(checked), options.signal);
  texturesJob?.catch(() => undefined);

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
  const structures = await stages.step('structures', () => {
    const placed = placeStructures(field, water, checked, rng.fork('structures'));
    levelFoundations(field, placed, water);
    return placed;
  });
  const gameplayStage = await stages.step('gameplay', () =>
    planGameplay({ field, water, spec: checked, footprints: structureFootprints(structures), structures: sitesOf(structures), vent: shaped.vent }),
  );
  // The terrain is final from here on: the navmesh starts on the other core and is collected last.
  const navmeshJob =
    options.navmesh === false ? null : buildNavMeshInWorker(field, water, buildWorldObjects([], structures), options.signal);
  navmeshJob?.catch(() => undefined);
  const biomes = await stages.step('biomes', () => classifyBiomes(field, water, checked, rng.fork('biomes'), shaped.vent));
  const ground = await stages.step('ground', () => paintGround(field, biomes, water, checked, rng.fork('ground'), gameplayStage.pathMask));
  const scatter = await stages.step('scatter', () =>
    attachScatterAssets(planScatter({ field, water, biomes, ground, blocked: gameplayStage.blocked, spec: checked }, rng.fork('scatter')), checked),
  );
  const objects = await stages.step('objects', () => buildWorldObjects(scatter, structures));
  const navmesh = navmeshJob ? await stages.step('navmesh', () => navmeshJob) : null;
  const sky = await stages.step('sky', () => lightTheSky(checked));
  const textures = texturesJob ? await stages.step('textures', () => texturesJob) : null;
  return {
    world: {
      spec: checked,
      terrain: field,
      water,
      biomes,
      ground,
      sky,
      structures,
      gameplay: gameplayStage.gameplay,
      scatter,
      objects,
      navmesh,
      textures,
      landmarks: { vent: shaped.vent, axis: shaped.axis },
    },
    timings: stages.timings,
  };
}

/** A structure as a destination: its centre, and an entrance in front of its first piece. */
function sitesOf(structures: readonly PlacedStructure[]): StructureSite[] {
  // A structure that fitted nowhere has no pieces (and a note): nothing to walk to.
  return structures.filter((s) => s.pieces.length > 0).map((s) => {
    const p = s.pieces[0];
    const reach = p.halfDepth + 2.5;
    return { id: s.id, type: s.type, x: s.centre.x, z: s.centre.z, entrance: { x: p.x + Math.sin(p.yaw) * reach, z: p.z + Math.cos(p.yaw) * reach } };
  });
}
