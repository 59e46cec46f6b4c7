/**
 * The cost of walking each cell of a coarse grid (at most ~256 cells a side): 1 on level ground,
 * growing with the square of the slope, 40× at a 45° slope and impassable beyond ~50°; impassable
 * on water deeper than 0.3 m and inside buildings; a bridge deck is walkable whatever is below it.
 */
import { bilinear, type Heightfield } from '../terrain/heightfield.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import type { CostGrid } from './find-path.ts';
import type { Footprint } from './gameplay.ts';

export function walkCostGrid(field: Heightfield, water: WaterBodies, footprints: readonly Footprint[]): CostGrid {
  const extent = Math.max(field.width, field.depth);
  const cell = Math.max(field.dx, extent / 256);
  const nx = Math.max(2, Math.floor(field.width / cell) + 1);
  const nz = Math.max(2, Math.floor(field.depth / cell) + 1);
  const originX = -field.width / 2;
  const originZ = -field.depth / 2;
  const cost = new Float32Array(nx * nz);
  const toSample = (x: number, z: number): [number, number] => [(x + field.width / 2) / field.dx, (z + field.depth / 2) / field.dz];

  for (let iz = 0; iz < nz; iz++) {
    for (let ix = 0; ix < nx; ix++) {
      const x = originX + ix * cell;
      const z = originZ + iz * cell;
      const [fx, fz] = toSample(x, z);
      const h = bilinear(field.heights, field.nx, field.nz, fx, fz);
      const hx = bilinear(field.heights, field.nx, field.nz, fx + cell / field.dx, fz);
      const hz = bilinear(field.heights, field.nx, field.nz, fx, fz + cell / field.dz);
      const slope = Math.hypot(hx - h, hz - h) / cell;
      const si = Math.min(field.nz - 1, Math.round(fz)) * field.nx + Math.min(field.nx - 1, Math.round(fx));
      const depth = water.surface[si] - field.heights[si];
      let c = slope > 1.2 ? Infinity : 1 + 40 * slope * slope;
      if (!Number.isNaN(water.surface[si]) && depth > 0.3) c = Infinity;
      cost[iz * nx + ix] = c;
    }
  }
  for (const f of footprints) {
    const reach = Math.hypot(f.halfWidth, f.halfDepth);
    const cos = Math.cos(f.yaw);
    const sin = Math.sin(f.yaw);
    const ix0 = Math.max(0, Math.floor((f.x - reach - originX) / cell));
    const ix1 = Math.min(nx - 1, Math.ceil((f.x + reach - originX) / cell));
    const iz0 = Math.max(0, Math.floor((f.z - reach - originZ) / cell));
    const iz1 = Math.min(nz - 1, Math.ceil((f.z + reach - originZ) / cell));
    for (let iz = iz0; iz <= iz1; iz++) {
      for (let ix = ix0; ix <= ix1; ix++) {
        const dx = originX + ix * cell - f.x;
        const dz = originZ + iz * cell - f.z;
        // Into the footprint's frame: its local x along (cos, −sin), z along (sin, cos).
        const lx = dx * cos - dz * sin;
        const lz = dx * sin + dz * cos;
        if (Math.abs(lx) > f.halfWidth || Math.abs(lz) > f.halfDepth) continue;
        cost[iz * nx + ix] = f.walkable ? 1 : Infinity;
      }
    }
  }
  return { nx, nz, cell, originX, originZ, cost };
}
