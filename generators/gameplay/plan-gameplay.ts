/**
 * The gameplay stage: the walk-cost grid (slopes, water, buildings), the region players can reach,
 * points of interest, the spawn, paths between them (carved into the terrain), and the `blocked`
 * mask that keeps scatter off structures, paths and the spawn clearing.
 */
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import { heightAt, sampleWindow, type Heightfield } from '../terrain/heightfield.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import { carvePaths } from './carve-paths.ts';
import { chooseSpawn, largestRegion } from './choose-spawn.ts';
import type { Footprint, Gameplay } from './gameplay.ts';
import { planPaths } from './plan-paths.ts';
import { collectPointsOfInterest, type StructureSite } from './points-of-interest.ts';
import { walkCostGrid } from './walk-cost.ts';

export interface GameplayInputs {
  field: Heightfield;
  water: WaterBodies;
  spec: WorldSpec;
  footprints: readonly Footprint[];
  structures: readonly StructureSite[];
  vent?: { x: number; z: number };
}

export interface GameplayStage {
  gameplay: Gameplay;
  /** 1 on path treads, fading to 0 at their edges. */
  pathMask: Float32Array;
  /** 1 where scatter must not place anything. */
  blocked: Uint8Array;
}

const SPAWN_CLEARING = 6;
const FOOTPRINT_MARGIN = 2.5;

export function planGameplay(inputs: GameplayInputs): GameplayStage {
  const { field, water, spec } = inputs;
  const grid = walkCostGrid(field, water, inputs.footprints);
  const reachable = largestRegion(grid);
  const pointsOfInterest = collectPointsOfInterest({ field, water, grid, reachable, spec, structures: inputs.structures, vent: inputs.vent });
  const preliminary = chooseSpawn(field, grid, spec);
  const nearest = [...pointsOfInterest].sort(
    (a, b) => Math.hypot(a.x - preliminary.x, a.z - preliminary.z) - Math.hypot(b.x - preliminary.x, b.z - preliminary.z),
  )[0];
  const spawn = chooseSpawn(field, grid, spec, nearest);
  const { paths, notes } = spec.gameplay.paths ? planPaths(grid, field, spawn, pointsOfInterest) : { paths: [], notes: [] };
  const pathMask = carvePaths(field, water, paths);
  // Carving moved the ground: read heights again.
  spawn.y = heightAt(field, spawn.x, spawn.z);
  for (const p of pointsOfInterest) {
    p.y = heightAt(field, p.x, p.z);
    p.approach.y = heightAt(field, p.approach.x, p.approach.z);
  }
  return { gameplay: { spawn, pointsOfInterest, paths, notes }, pathMask, blocked: blockedMask(field, inputs.footprints, pathMask, spawn) };
}

function blockedMask(field: Heightfield, footprints: readonly Footprint[], pathMask: Float32Array, spawn: { x: number; z: number }): Uint8Array {
  const blocked = new Uint8Array(field.nx * field.nz);
  for (let i = 0; i < blocked.length; i++) if (pathMask[i] > 0.05) blocked[i] = 1;
  const stamp = (cx: number, cz: number, halfWidth: number, halfDepth: number, yaw: number) => {
    const reach = Math.hypot(halfWidth, halfDepth);
    const cos = Math.cos(yaw);
    const sin = Math.sin(yaw);
    const { ix0, ix1, iz0, iz1 } = sampleWindow(field, cx, cz, reach);
    for (let iz = iz0; iz <= iz1; iz++) {
      for (let ix = ix0; ix <= ix1; ix++) {
        const dx = -field.width / 2 + ix * field.dx - cx;
        const dz = -field.depth / 2 + iz * field.dz - cz;
        const lx = dx * cos - dz * sin;
        const lz = dx * sin + dz * cos;
        if (Math.abs(lx) <= halfWidth && Math.abs(lz) <= halfDepth) blocked[iz * field.nx + ix] = 1;
      }
    }
  };
  for (const f of footprints) stamp(f.x, f.z, f.halfWidth + FOOTPRINT_MARGIN, f.halfDepth + FOOTPRINT_MARGIN, f.yaw);
  stamp(spawn.x, spawn.z, SPAWN_CLEARING, SPAWN_CLEARING, 0);
  return blocked;
}
