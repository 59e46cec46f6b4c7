/**
 * River courses from the terrain's own drainage: route flow over a coarse copy of the terrain
 * (priority-flood, so water crosses pits), find the land samples that empty the largest basins
 * into the sea or off the map, and walk each one's main stem upstream — always into the donor
 * with the longest flow path above it (the hydrologists' main stem), among donors still big
 * enough to be a river. Rivers therefore run the whole length of the valleys erosion cut, and a
 * valley landform gets its river along its floor rather than up a short side valley.
 */
import { resampleHeightfield, sampleX, sampleZ, type Heightfield } from '../terrain/heightfield.ts';
import { drainageArea, priorityFlood } from '../terrain/priority-flood.ts';

export interface RiverCourse {
  /** World positions from source to mouth. */
  points: Array<{ x: number; z: number; area: number }>;
  mouth: 'sea' | 'edge';
  /** Drainage area at the mouth as a share of the map. */
  share: number;
  /** False for a course that already meanders (a landform's floor line): carving leaves its line. */
  meanders?: boolean;
}

export interface TraceRiversOptions {
  count: number;
  seaLevel: number | null;
  /** The sea's samples on the full grid (1 = sea); without it, everything below seaLevel counts. */
  seaMask?: Uint8Array;
  /** Mouths already taken by rivers placed another way; traced rivers keep their distance. */
  avoid?: Array<{ x: number; z: number }>;
  /** Samples along the drainage grid's longer side. */
  gridSamples?: number;
}

export function traceRivers(field: Heightfield, options: TraceRiversOptions): RiverCourse[] {
  if (options.count <= 0) return [];
  const longer = Math.max(field.nx, field.nz);
  const target = Math.min(longer, options.gridSamples ?? 385);
  const nx = Math.max(3, Math.round(((field.nx - 1) * (target - 1)) / (longer - 1)) + 1);
  const nz = Math.max(3, Math.round(((field.nz - 1) * (target - 1)) / (longer - 1)) + 1);
  const grid = resampleHeightfield(field, nx, nz);
  const sea = options.seaLevel;
  const h = grid.heights;
  const mask = options.seaMask;
  const isSea = (i: number): boolean => {
    if (sea === null || h[i] > sea) return false;
    if (!mask) return true;
    // The nearest full-grid sample decides.
    const ix = i % nx;
    const iz = (i - ix) / nx;
    const fx = Math.round((ix * (field.nx - 1)) / (nx - 1));
    const fz = Math.round((iz * (field.nz - 1)) / (nz - 1));
    return mask[fz * field.nx + fx] === 1;
  };
  const flood = priorityFlood(h, nx, nz, sea === null ? undefined : isSea);
  const area = drainageArea(flood);
  const cells = nx * nz;
  // Longest flow path above each cell, in samples (sources first: reverse flood order).
  const upstreamLength = new Float32Array(cells);
  for (let k = cells - 1; k >= 0; k--) {
    const c = flood.order[k];
    const r = flood.receivers[c];
    if (r < 0) continue;
    const step = Math.abs(c - r) === 1 || Math.abs(c - r) === nx ? 1 : Math.SQRT2;
    if (upstreamLength[c] + step > upstreamLength[r]) upstreamLength[r] = upstreamLength[c] + step;
  }

  // Donors of each cell, as a compressed list (counting sort by receiver).
  const donorStart = new Int32Array(cells + 1);
  for (let c = 0; c < cells; c++) if (flood.receivers[c] >= 0) donorStart[flood.receivers[c] + 1]++;
  for (let c = 0; c < cells; c++) donorStart[c + 1] += donorStart[c];
  const donors = new Int32Array(donorStart[cells]);
  const fill = donorStart.slice(0, cells);
  for (let c = 0; c < cells; c++) {
    const r = flood.receivers[c];
    if (r >= 0) donors[fill[r]++] = c;
  }

  // Mouths: land samples that drain straight into an outlet (sea or map border).
  const mouths: number[] = [];
  for (let c = 0; c < cells; c++) {
    const r = flood.receivers[c];
    if (r >= 0 && flood.receivers[r] < 0 && !isSea(c) && !onBorder(c, nx, nz)) mouths.push(c);
  }
  mouths.sort((a, b) => area[b] - area[a] || a - b);

  const shorter = Math.min(nx, nz);
  const minSpacing = shorter * 0.18;
  const minArea = Math.max(30, cells * 0.004);
  const courses: RiverCourse[] = [];
  const taken: number[] = (options.avoid ?? []).map((p) => {
    const ix = Math.min(nx - 1, Math.max(0, Math.round((p.x + grid.width / 2) / grid.dx)));
    const iz = Math.min(nz - 1, Math.max(0, Math.round((p.z + grid.depth / 2) / grid.dz)));
    return iz * nx + ix;
  });
  const used = new Uint8Array(cells);
  for (const mouth of mouths) {
    if (courses.length >= options.count) break;
    if (area[mouth] < minArea * 4) break;
    const mx = mouth % nx;
    const mz = (mouth - mx) / nx;
    if (taken.some((t) => Math.hypot((t % nx) - mx, Math.floor(t / nx) - mz) < minSpacing)) continue;

    const stem = [mouth];
    let current = mouth;
    for (;;) {
      let best = -1;
      for (let k = donorStart[current]; k < donorStart[current + 1]; k++) {
        const d = donors[k];
        if (area[d] < minArea || used[d]) continue;
        if (best < 0 || upstreamLength[d] > upstreamLength[best]) best = d;
      }
      if (best < 0) break;
      stem.push(best);
      current = best;
    }
    if (stem.length < shorter * 0.15) continue;
    for (const c of stem) used[c] = 1;
    taken.push(mouth);
    stem.reverse();
    const outlet = flood.receivers[mouth];
    const points = stem.map((c) => toWorld(grid, c, area[c]));
    points.push(toWorld(grid, outlet, area[mouth]));
    courses.push({ points, mouth: isSea(outlet) ? 'sea' : 'edge', share: area[mouth] / cells });
  }
  return courses;
}

function onBorder(c: number, nx: number, nz: number): boolean {
  const x = c % nx;
  const z = (c - x) / nx;
  return x === 0 || z === 0 || x === nx - 1 || z === nz - 1;
}

function toWorld(grid: Heightfield, c: number, area: number): { x: number; z: number; area: number } {
  const ix = c % grid.nx;
  const iz = (c - ix) / grid.nx;
  return { x: sampleX(grid, ix), z: sampleZ(grid, iz), area };
}
