/**
 * Where players start: the spec's spawn if it names one; otherwise the level, dry, open ground
 * nearest the map's centre that belongs to the largest walkable region (so paths reach it). Facing
 * the nearest point of interest, or the centre.
 */
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import { heightAt, type Heightfield } from '../terrain/heightfield.ts';
import { cellCentre, type CostGrid } from './find-path.ts';
import type { Spawn } from './gameplay.ts';

export function chooseSpawn(field: Heightfield, grid: CostGrid, spec: WorldSpec, facing?: { x: number; z: number }): Spawn {
  let x: number;
  let z: number;
  if (spec.gameplay.spawn) {
    ({ x, z } = spec.gameplay.spawn);
  } else {
    const region = largestRegion(grid);
    let best = -1;
    let bestScore = Infinity;
    for (let c = 0; c < grid.cost.length; c++) {
      if (region[c] !== 1 || grid.cost[c] > 1.6) continue;
      const p = cellCentre(grid, c);
      // Near the centre, on gentle ground, away from the map's edges.
      const edge = Math.min(field.width / 2 - Math.abs(p.x), field.depth / 2 - Math.abs(p.z));
      if (edge < 8) continue;
      const score = Math.hypot(p.x, p.z) + 30 * (grid.cost[c] - 1);
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
    }
    ({ x, z } = best >= 0 ? cellCentre(grid, best) : { x: 0, z: 0 });
  }
  const target = facing ?? { x: 0, z: 0 };
  const yaw = Math.hypot(target.x - x, target.z - z) > 1 ? Math.atan2(target.x - x, target.z - z) : 0;
  return { x, y: heightAt(field, x, z), z, yaw };
}

/** 1 for the cells of the largest 8-connected region of walkable cells, 0 elsewhere. */
export function largestRegion(grid: CostGrid): Uint8Array {
  const n = grid.nx * grid.nz;
  const label = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const stack: number[] = [];
  for (let s = 0; s < n; s++) {
    if (label[s] >= 0 || !Number.isFinite(grid.cost[s])) continue;
    const id = sizes.length;
    let size = 0;
    label[s] = id;
    stack.push(s);
    while (stack.length > 0) {
      const c = stack.pop()!;
      size++;
      const cx = c % grid.nx;
      const cz = (c - cx) / grid.nx;
      for (let dz = -1; dz <= 1; dz++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = cx + dx;
          const z = cz + dz;
          if (x < 0 || z < 0 || x >= grid.nx || z >= grid.nz) continue;
          const d = z * grid.nx + x;
          if (label[d] >= 0 || !Number.isFinite(grid.cost[d])) continue;
          label[d] = id;
          stack.push(d);
        }
      }
    }
    sizes.push(size);
  }
  const biggest = sizes.indexOf(Math.max(...sizes, 0));
  return Uint8Array.from(label, (l) => (l === biggest && biggest >= 0 ? 1 : 0));
}

