/**
 * Cobblestone: rounded stones set in dirt. Each stone is a cell of a cellular field, its outline
 * the cell's border pulled in at the corners (so stones are rounded, not polygons) and roughened
 * by noise, domed from F2 − F1 (highest in the middle, rolling down to the joint). Every stone has
 * its own grey or brown, its own height and a worn, paler, smoother crown; the joints between are
 * filled with dark dirt and sand. Cells are periodic with whole cells across the tile, so the
 * paving tiles. The tint mask covers the stones, not the joints.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { cellularField } from '../cellular-noise.ts';
import { clamp01, enlargeColour, formSizes, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';

/** Stone colours: grey granite, brown-grey, dark basalt, pale sandstone, warm brown. */
const STONES = [
  [0.5, 0.49, 0.47],
  [0.5, 0.46, 0.41],
  [0.4, 0.4, 0.4],
  [0.57, 0.55, 0.5],
  [0.47, 0.42, 0.36],
] as const;
const DIRT = [0.24, 0.2, 0.15] as const;
const SAND = [0.46, 0.41, 0.33] as const;

export const cobblestone: MaterialFamily = {
  id: 'cobblestone',
  phrases: ['cobblestone', 'cobblestones', 'cobbles', 'cobbled', 'paving stones', 'flagstones', 'pavers', 'stone path'],
  tileMetres: 2,
  normalStrength: 8,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const cells = cellsFor(8, scale);
    // The stones are composed at half size (a quarter of the pixels) and enlarged; the joints are
    // wide enough that the half-size cell index never shows. Fine grain is drawn at full size.
    const { half, small } = formSizes(size);
    const stones = cellularField(half, rng.fork('stones'), { cells, jitter: 0.75 });
    const count = stones.cellsX * stones.cellsY;
    const pick = rng.fork('stone-colours');
    const stoneR = new Float32Array(count);
    const stoneG = new Float32Array(count);
    const stoneB = new Float32Array(count);
    const stoneLift = new Float32Array(count);
    for (let k = 0; k < count; k++) {
      const c = pick.pick(STONES);
      const shade = pick.range(0.8, 1.12);
      const warm = pick.range(-0.03, 0.03);
      stoneR[k] = c[0] * shade * (1 + warm);
      stoneG[k] = c[1] * shade;
      stoneB[k] = c[2] * shade * (1 - warm);
      stoneLift[k] = pick.range(-1, 1);
    }
    const edges = noiseField(half, rng.fork('edges'), { cells: cells * 3, octaves: 3, gain: 0.55 });
    const mottle = noiseField(half, rng.fork('mottle'), { cells: cells * 2, octaves: 3 });
    const fill = noiseField(small, rng.fork('fill'), { cells: 5, octaves: 3 });

    const n = half * half;
    const formH = new Float32Array(n);
    const formR = new Float32Array(n);
    const formG = new Float32Array(n);
    const formB = new Float32Array(n);
    const formStone = new Float32Array(n);
    const formCrown = new Float32Array(n);
    const ks = small / half;
    const joint = 0.09;
    const { f1, f2, cell } = stones;
    for (let y = 0, i = 0; y < half; y++) {
      const sy = (y + 0.5) * ks - 0.5;
      for (let x = 0; x < half; x++, i++) {
        const sx = (x + 0.5) * ks - 0.5;
        // Distance in from the stone's edge (cell units): the border, corners rounded off.
        const d = Math.min(f2[i] - f1[i], 1.3 * (0.72 - f1[i])) + 0.045 * edges[i];
        const stone = smoothstep(joint * 0.55, joint * 1.25, d);
        // Dome: a rounded shoulder in from the edge, under a cap centred on the cell's point (F1
        // is smooth inside a cell, so the crown has no creases).
        const shoulder = clamp01((d - joint * 0.55) / 0.2);
        const cap = Math.max(0, 1 - (f1[i] * f1[i]) / 0.5);
        const dome = (1 - (1 - shoulder) * (1 - shoulder)) * (0.35 + 0.65 * cap);
        const k = cell[i];
        const m = mottle[i];
        const crown = smoothstep(0.55, 1, dome) * (0.6 + 0.4 * m);
        const fl = sampleWrapped(fill, small, sx, sy);
        const dirtH = 0.12 + 0.05 * fl + 0.03 * edges[i];
        formH[i] = dirtH + stone * (0.18 + 0.58 * dome + 0.06 * stoneLift[k] + 0.04 * m - dirtH * 0.4);
        const s = (0.86 + 0.16 * dome + 0.1 * m) * (1 + 0.12 * crown);
        const sand = smoothstep(-0.2, 0.4, fl) * 0.7;
        const jr = DIRT[0] + (SAND[0] - DIRT[0]) * sand;
        const jg = DIRT[1] + (SAND[1] - DIRT[1]) * sand;
        const jb = DIRT[2] + (SAND[2] - DIRT[2]) * sand;
        formR[i] = jr + (stoneR[k] * s - jr) * stone;
        formG[i] = jg + (stoneG[k] * s - jg) * stone;
        formB[i] = jb + (stoneB[k] * s - jb) * stone;
        formStone[i] = stone;
        formCrown[i] = crown;
      }
    }
    const { height, albedo, roughness } = layers;
    const stoneness = new Float32Array(size * size);
    resampleWrapped(formH, half, size, height);
    enlargeColour(formR, formG, formB, half, size, albedo);
    resampleWrapped(formStone, half, size, stoneness);
    // The crown (worn, smoother tops) goes into roughness first and is turned into it below.
    resampleWrapped(formCrown, half, size, roughness);
    const grain = noiseField(size, rng.fork('grain'), { cells: cellsFor(112, scale), octaves: 2 });

    for (let i = 0; i < size * size; i++) {
      const st = stoneness[i];
      const g = grain[i];
      // Stones: fine pits; joints: coarse grit.
      const pit = Math.max(0, -g - 0.45);
      height[i] = clamp01(height[i] + st * (0.015 * g - 0.05 * pit) + (1 - st) * 0.05 * g);
      const s = 1 + st * (0.05 * g - 0.15 * pit) + (1 - st) * 0.18 * g;
      albedo[i * 3] = clamp01(albedo[i * 3] * s);
      albedo[i * 3 + 1] = clamp01(albedo[i * 3 + 1] * s);
      albedo[i * 3 + 2] = clamp01(albedo[i * 3 + 2] * s);
      roughness[i] = clamp01(0.93 - st * (0.1 + 0.22 * roughness[i]) + 0.04 * g);
    }
    layers.tintMask = stoneness;
    return layers;
  },
};

