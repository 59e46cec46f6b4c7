/**
 * Distance from every grid sample to the nearest marked sample, in metres: a two-pass chamfer
 * transform (3-4 weights; within about 8% of the Euclidean distance), O(N).
 */
export function distanceToMarked(marked: (i: number) => boolean, nx: number, nz: number, dx: number, dz: number): Float32Array {
  const n = nx * nz;
  const d = new Float32Array(n);
  const far = 1e30;
  for (let i = 0; i < n; i++) d[i] = marked(i) ? 0 : far;
  const diagonal = Math.hypot(dx, dz);
  for (let iz = 0; iz < nz; iz++) {
    for (let ix = 0; ix < nx; ix++) {
      const i = iz * nx + ix;
      let v = d[i];
      if (ix > 0) v = Math.min(v, d[i - 1] + dx);
      if (iz > 0) {
        v = Math.min(v, d[i - nx] + dz);
        if (ix > 0) v = Math.min(v, d[i - nx - 1] + diagonal);
        if (ix < nx - 1) v = Math.min(v, d[i - nx + 1] + diagonal);
      }
      d[i] = v;
    }
  }
  for (let iz = nz - 1; iz >= 0; iz--) {
    for (let ix = nx - 1; ix >= 0; ix--) {
      const i = iz * nx + ix;
      let v = d[i];
      if (ix < nx - 1) v = Math.min(v, d[i + 1] + dx);
      if (iz < nz - 1) {
        v = Math.min(v, d[i + nx] + dz);
        if (ix < nx - 1) v = Math.min(v, d[i + nx + 1] + diagonal);
        if (ix > 0) v = Math.min(v, d[i + nx - 1] + diagonal);
      }
      d[i] = v;
    }
  }
  return d;
}
