/**
 * Vertex normals for the whole heightfield at once, by central differences. Computing them on the
 * global grid (not per chunk) gives identical normals on both sides of a chunk seam.
 */
import type { Heightfield } from '../terrain/heightfield.ts';

export function terrainNormals(field: Heightfield): Float32Array {
  const { nx, nz, heights: h } = field;
  const normals = new Float32Array(nx * nz * 3);
  for (let iz = 0; iz < nz; iz++) {
    const zu = iz > 0 ? iz - 1 : iz;
    const zd = iz < nz - 1 ? iz + 1 : iz;
    for (let ix = 0; ix < nx; ix++) {
      const xl = ix > 0 ? ix - 1 : ix;
      const xr = ix < nx - 1 ? ix + 1 : ix;
      const gx = (h[iz * nx + xr] - h[iz * nx + xl]) / ((xr - xl) * field.dx);
      const gz = (h[zd * nx + ix] - h[zu * nx + ix]) / ((zd - zu) * field.dz);
      const length = Math.hypot(gx, 1, gz);
      const o = (iz * nx + ix) * 3;
      normals[o] = -gx / length;
      normals[o + 1] = 1 / length;
      normals[o + 2] = -gz / length;
    }
  }
  return normals;
}
