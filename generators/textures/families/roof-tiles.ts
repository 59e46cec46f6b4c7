/**
 * Roof tiles: overlapping rows of terracotta clay tiles seen from above, up-slope at the top of
 * the image. Each tile's bottom edge is rounded (a shallow arc) and lies over the row below, each
 * row staggered by half a tile; a tile rises toward its bottom edge (it rests on the tiles
 * beneath), so every overlap is a step with a shadow cast on the tile under it. Narrow dark gaps
 * separate the tiles of a row, and every tile has its own shade of fired clay. Whole tiles across
 * and an even number of rows, so the stagger tiles. The tint mask covers the tiles, not the gaps.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, sampleWrapped, smoothstep } from '../field-ops.ts';

const CLAY = [0.64, 0.31, 0.19] as const;

export const roofTiles: MaterialFamily = {
  id: 'roof-tiles',
  phrases: ['roof tiles', 'roof tile', 'roofing', 'shingles', 'terracotta tiles', 'clay tiles', 'tiled roof'],
  tileMetres: 2,
  normalStrength: 6,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const across = cellsFor(6, scale);
    const rows = 2 * cellsFor(5, scale);
    const tileW = size / across;
    const rowH = size / rows;
    const bulge = 0.34 * rowH; // how far the rounded edge hangs below the row line
    const gap = 0.022 * tileW;
    const layout = rng.fork('tiles');
    const count = rows * across;
    const shade = new Float32Array(count);
    const hue = new Float32Array(count);
    const drop = new Float32Array(count);
    const tilt = new Float32Array(count);
    for (let k = 0; k < count; k++) {
      const burnt = layout.chance(0.12);
      shade[k] = burnt ? layout.range(0.62, 0.78) : layout.range(0.82, 1.12);
      hue[k] = layout.range(-0.06, 0.06) + (burnt ? -0.05 : 0);
      drop[k] = layout.range(-0.05, 0.05) * rowH;
      tilt[k] = layout.range(-0.04, 0.04);
    }
    // Gaps fall inside the tile, not on its edges (a quarter tile in).
    const rowShift = Float64Array.from({ length: rows }, (_, r) => (r % 2 === 0 ? 0.25 : 0.75) * tileW + layout.range(-0.03, 0.03) * tileW);

    const small = Math.min(size, 256);
    const mottle = noiseField(small, rng.fork('mottle'), { cells: across * 3, cellsY: rows * 2, octaves: 3 });
    const stain = noiseField(small, rng.fork('stain'), { cells: 3, octaves: 3 });
    const grain = noiseField(size, rng.fork('grain'), { cells: cellsFor(96, scale), octaves: 2 });
    const ks = small / size;

    const { height, albedo, roughness } = layers;
    const tintMask = new Float32Array(size * size);
    // Per row and column of pixels: the tile there, the position across it (0..1) and its
    // rounded bottom edge, below the row's line.
    const edgeOf = new Float32Array(rows * size);
    const tileOf = new Int32Array(rows * size);
    const acrossOf = new Float32Array(rows * size);
    for (let r = 0; r < rows; r++) {
      for (let x = 0; x < size; x++) {
        let bx = (x + 0.5 - rowShift[r]) % size;
        if (bx < 0) bx += size;
        const column = Math.min(across - 1, Math.floor(bx / tileW));
        const u = (bx - column * tileW) / tileW;
        const w = 2 * u - 1;
        const k = r * across + column;
        const j = r * size + x;
        edgeOf[j] = drop[k] + bulge * Math.pow(Math.max(0, 1 - w * w), 0.4) + tilt[k] * (u - 0.5) * rowH;
        tileOf[j] = k;
        acrossOf[j] = u;
      }
    }
    for (let y = 0, i = 0; y < size; y++) {
      // Rows are laid half a row down, so no row line falls on the tile's edge.
      const py = y + 0.5 + rowH / 2;
      const r0 = Math.floor(py / rowH);
      const sy = (y + 0.5) * ks - 0.5;
      for (let x = 0; x < size; x++, i++) {
        const g = grain[i];
        // The tile on top is the highest row whose bottom edge is still below this pixel.
        let r = r0 - 1;
        let j = (r < 0 ? r + rows : r) * size + x;
        let edge = (r + 1) * rowH + edgeOf[j];
        let aboveEdge = r * rowH + edgeOf[(r - 1 < 0 ? r - 1 + rows : r - 1) * size + x];
        while (py >= edge + 0.35 * g) {
          aboveEdge = edge;
          r++;
          j = (r >= rows ? r - rows : r) * size + x;
          edge = (r + 1) * rowH + edgeOf[j];
        }
        const k = tileOf[j];
        const u = acrossOf[j];
        // Along the tile: 0 where it comes out from under the row above, 1 at its own edge.
        const visibleTop = aboveEdge;
        const along = clamp01((py - visibleTop + rowH * 0.5) / (edge - visibleTop + rowH * 0.5));
        const toEdge = edge - py;
        const side = Math.min(u, 1 - u) * tileW;
        const inGap = 1 - smoothstep(gap * 0.5, gap * 1.1, side);
        const roll = 1 - smoothstep(0, 0.07 * rowH, toEdge);
        const sideRoll = 1 - smoothstep(gap, gap + 0.05 * tileW, side);
        const camber = Math.sin(Math.PI * u);
        let h = 0.3 + 0.45 * along + 0.06 * camber - 0.22 * roll * roll - 0.06 * sideRoll + 0.015 * g;
        h = h * (1 - inGap) + 0.05 * inGap;
        height[i] = clamp01(h);
        // Shadow cast by the tile above onto this one, just below its edge.
        const below = py - aboveEdge;
        const shadow = Math.exp(-below / (0.1 * rowH)) * 0.6 + Math.exp(-below / (0.35 * rowH)) * 0.2;
        const sx = (x + 0.5) * ks - 0.5;
        const m = sampleWrapped(mottle, small, sx, sy);
        const st = sampleWrapped(stain, small, sx, sy);
        const s = shade[k] * (0.93 + 0.1 * m + 0.04 * g) * (1 - shadow) * (1 - 0.1 * roll) * (1 + 0.06 * camber) * (1 - 0.08 * smoothstep(0, 0.6, st));
        const hShift = hue[k] + 0.03 * m;
        const tile = 1 - inGap;
        albedo[i * 3] = clamp01(CLAY[0] * s * (1 + hShift) * tile + 0.08 * inGap);
        albedo[i * 3 + 1] = clamp01(CLAY[1] * s * (1 + 0.5 * hShift) * tile + 0.06 * inGap);
        albedo[i * 3 + 2] = clamp01(CLAY[2] * s * (1 - hShift) * tile + 0.05 * inGap);
        roughness[i] = clamp01(0.74 + 0.08 * m + 0.05 * g + 0.15 * inGap);
        tintMask[i] = tile;
      }
    }
    layers.tintMask = tintMask;
    return layers;
  },
};

