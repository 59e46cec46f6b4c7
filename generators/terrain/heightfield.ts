/**
 * A regular grid of heights in metres: the terrain's one source of truth. Row-major, index
 * `iz * nx + ix`; sample (0, 0) is the north-west corner at (-width/2, -depth/2); Y is up.
 */
export interface Heightfield {
  /** Samples along x (east) and z (south). */
  readonly nx: number;
  readonly nz: number;
  /** World extent in metres. */
  readonly width: number;
  readonly depth: number;
  /** Metres between neighbouring samples along x and z. */
  readonly dx: number;
  readonly dz: number;
  readonly heights: Float32Array;
}

export function createHeightfield(nx: number, nz: number, width: number, depth: number): Heightfield {
  return { nx, nz, width, depth, dx: width / (nx - 1), dz: depth / (nz - 1), heights: new Float32Array(nx * nz) };
}

export function sampleX(field: Heightfield, ix: number): number {
  return -field.width / 2 + ix * field.dx;
}

export function sampleZ(field: Heightfield, iz: number): number {
  return -field.depth / 2 + iz * field.dz;
}

/** Height at a world position, bilinear between samples, clamped to the edges. */
/** The samples (index ranges, inclusive, clamped to the grid) within `reach` metres of (x, z) along each axis. */
export function sampleWindow(field: Heightfield, x: number, z: number, reach: number): { ix0: number; ix1: number; iz0: number; iz1: number } {
  return {
    ix0: Math.max(0, Math.floor((x - reach + field.width / 2) / field.dx)),
    ix1: Math.min(field.nx - 1, Math.ceil((x + reach + field.width / 2) / field.dx)),
    iz0: Math.max(0, Math.floor((z - reach + field.depth / 2) / field.dz)),
    iz1: Math.min(field.nz - 1, Math.ceil((z + reach + field.depth / 2) / field.dz)),
  };
}

export function heightAt(field: Heightfield, x: number, z: number): number {
  return bilinear(field.heights, field.nx, field.nz, (x + field.width / 2) / field.dx, (z + field.depth / 2) / field.dz);
}

/** Bilinear lookup in a row-major grid at fractional sample coordinates, clamped to the edges. */
export function bilinear(values: ArrayLike<number>, nx: number, nz: number, fx: number, fz: number): number {
  const x = Math.min(Math.max(fx, 0), nx - 1);
  const z = Math.min(Math.max(fz, 0), nz - 1);
  const x0 = Math.min(Math.floor(x), nx - 2);
  const z0 = Math.min(Math.floor(z), nz - 2);
  const tx = x - x0;
  const tz = z - z0;
  const i = z0 * nx + x0;
  const top = values[i] + (values[i + 1] - values[i]) * tx;
  const bottom = values[i + nx] + (values[i + nx + 1] - values[i + nx]) * tx;
  return top + (bottom - top) * tz;
}

/** Slope as rise over run (0 flat, 1 = 45°) at a sample, by central differences. */
export function slopeAt(field: Heightfield, ix: number, iz: number): number {
  const { nx, nz, heights: h } = field;
  const xl = ix > 0 ? ix - 1 : ix;
  const xr = ix < nx - 1 ? ix + 1 : ix;
  const zu = iz > 0 ? iz - 1 : iz;
  const zd = iz < nz - 1 ? iz + 1 : iz;
  const gx = (h[iz * nx + xr] - h[iz * nx + xl]) / ((xr - xl) * field.dx);
  const gz = (h[zd * nx + ix] - h[zu * nx + ix]) / ((zd - zu) * field.dz);
  return Math.sqrt(gx * gx + gz * gz);
}

/** Slope at every sample. */
export function slopeMap(field: Heightfield): Float32Array {
  const out = new Float32Array(field.nx * field.nz);
  for (let iz = 0; iz < field.nz; iz++) for (let ix = 0; ix < field.nx; ix++) out[iz * field.nx + ix] = slopeAt(field, ix, iz);
  return out;
}

/** Resamples a heightfield onto a grid of another size over the same extent (bilinear). */
export function resampleHeightfield(field: Heightfield, nx: number, nz: number): Heightfield {
  const out = createHeightfield(nx, nz, field.width, field.depth);
  const sx = (field.nx - 1) / (nx - 1);
  const sz = (field.nz - 1) / (nz - 1);
  for (let iz = 0; iz < nz; iz++) {
    for (let ix = 0; ix < nx; ix++) {
      out.heights[iz * nx + ix] = bilinear(field.heights, field.nx, field.nz, ix * sx, iz * sz);
    }
  }
  return out;
}
