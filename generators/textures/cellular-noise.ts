/**
 * Tileable cellular (Worley) noise: one jittered point per cell of a periodic cellsX × cellsY grid;
 * every pixel learns its nearest and second-nearest point. From these come stones (F1 inside a
 * cell), cracks and mortar (F2 − F1 near 0 on the border between two cells), and per-cell colour
 * (each cell's own random value).
 *
 * Distances are in cell units (the width of one cell = 1), so shapes keep their look at any size.
 */
import type { Rng } from '../seed/rng.ts';

export interface CellularField {
  size: number;
  cellsX: number;
  cellsY: number;
  /** Distance to the nearest point. */
  f1: Float32Array;
  /** Distance to the second-nearest point. */
  f2: Float32Array;
  /** Index of the nearest point's cell (cy · cellsX + cx). */
  cell: Int32Array;
  /** A random value in [0, 1) per cell, drawn from the rng: colour or height per stone. */
  cellValue: Float32Array;
}

export interface CellularOptions {
  cells: number;
  cellsY?: number;
  /** 0: points on a regular grid … 1: anywhere in their cell (default 0.9). */
  jitter?: number;
  /** Stretch distances along y (1 = round cells). */
  aspect?: number;
}

export function cellularField(size: number, rng: Rng, options: CellularOptions): CellularField {
  const cx = Math.max(1, Math.round(options.cells));
  const cy = Math.max(1, Math.round(options.cellsY ?? options.cells));
  const jitter = options.jitter ?? 0.9;
  const aspect = options.aspect ?? 1;
  const pointX = new Float64Array(cx * cy);
  const pointY = new Float64Array(cx * cy);
  const cellValue = new Float32Array(cx * cy);
  for (let j = 0; j < cy; j++) {
    for (let i = 0; i < cx; i++) {
      const k = j * cx + i;
      pointX[k] = i + 0.5 + (rng.float() - 0.5) * jitter;
      pointY[k] = j + 0.5 + (rng.float() - 0.5) * jitter;
      cellValue[k] = rng.float();
    }
  }
  const n = size * size;
  const f1 = new Float32Array(n);
  const f2 = new Float32Array(n);
  const cell = new Int32Array(n);
  const sx = cx / size;
  const sy = cy / size;
  for (let y = 0, p = 0; y < size; y++) {
    const ly = (y + 0.5) * sy;
    const j0 = Math.floor(ly);
    for (let x = 0; x < size; x++, p++) {
      const lx = (x + 0.5) * sx;
      const i0 = Math.floor(lx);
      let d1 = Infinity;
      let d2 = Infinity;
      let best = 0;
      for (let dj = -1; dj <= 1; dj++) {
        const jj = j0 + dj;
        const wj = ((jj % cy) + cy) % cy;
        for (let di = -1; di <= 1; di++) {
          const ii = i0 + di;
          const wi = ((ii % cx) + cx) % cx;
          const k = wj * cx + wi;
          const px = pointX[k] + (ii - wi);
          const py = pointY[k] + (jj - wj);
          const ex = px - lx;
          const ey = (py - ly) * aspect;
          const d = ex * ex + ey * ey;
          if (d < d1) {
            d2 = d1;
            d1 = d;
            best = k;
          } else if (d < d2) d2 = d;
        }
      }
      f1[p] = Math.sqrt(d1);
      f2[p] = Math.sqrt(d2);
      cell[p] = best;
    }
  }
  return { size, cellsX: cx, cellsY: cy, f1, f2, cell, cellValue };
}
