/**
 * Thermal erosion: material on slopes steeper than the angle of repose (the talus angle) slides
 * to lower neighbours until the slope settles. Softens noise spikes into scree, and leaves cliffs
 * where the spec asks for them (a steeper talus angle).
 */
import type { Heightfield } from './heightfield.ts';

export interface ThermalErosionOptions {
  strength: number;
  /** 0..1: raises the talus angle from ~40° to ~62°, keeping steeper walls. */
  cliffs: number;
}

export function erodeThermal(field: Heightfield, options: ThermalErosionOptions): void {
  if (options.strength <= 0) return;
  const { nx, nz, heights: h } = field;
  const iterations = Math.round(2 + 10 * options.strength);
  const talus = 0.85 + 1.0 * options.cliffs;
  const stepX = talus * field.dx;
  const stepZ = talus * field.dz;
  const rate = 0.25;
  for (let it = 0; it < iterations; it++) {
    for (let iz = 1; iz < nz - 1; iz++) {
      for (let ix = 1; ix < nx - 1; ix++) {
        const i = iz * nx + ix;
        const c = h[i];
        const dl = c - h[i - 1] - stepX;
        const dr = c - h[i + 1] - stepX;
        const du = c - h[i - nx] - stepZ;
        const dd = c - h[i + nx] - stepZ;
        let total = 0;
        let most = 0;
        if (dl > 0) { total += dl; most = Math.max(most, dl); }
        if (dr > 0) { total += dr; most = Math.max(most, dr); }
        if (du > 0) { total += du; most = Math.max(most, du); }
        if (dd > 0) { total += dd; most = Math.max(most, dd); }
        if (total <= 0) continue;
        const moved = rate * most;
        h[i] -= moved;
        if (dl > 0) h[i - 1] += (moved * dl) / total;
        if (dr > 0) h[i + 1] += (moved * dr) / total;
        if (du > 0) h[i - nx] += (moved * du) / total;
        if (dd > 0) h[i + nx] += (moved * dd) / total;
      }
    }
  }
}
