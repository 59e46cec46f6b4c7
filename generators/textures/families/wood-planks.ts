/**
 * Wood planks: parallel boards running down the image, a whole number across the tile, with dark
 * gaps between them and staggered end joints (each column of boards has one or two butt joints at
 * its own heights). Every board has its own tone and its own cut of grain: growth rings are the
 * contours of a periodic noise stretched along the board (long lines, with cathedral arches where
 * the noise turns), sampled at a per-board offset so neighbours differ; fine fibres run along it,
 * and knots bend the rings around a dark core. Board edges are eased (bevelled). Layout and noise
 * are periodic with whole counts across the tile, so it tiles. The tint mask covers the boards, not
 * the gaps.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, forEachInDisc, formSizes, sampleWrapped, smoothstep } from '../field-ops.ts';

const WOOD = [0.57, 0.39, 0.23] as const;
const LATE = [0.36, 0.21, 0.11] as const;
const KNOT = [0.22, 0.13, 0.07] as const;

export const woodPlanks: MaterialFamily = {
  id: 'wood-planks',
  phrases: ['wood planks', 'planks', 'plank', 'wooden planks', 'floorboards', 'boards', 'decking', 'wood', 'wooden', 'timber'],
  tileMetres: 2,
  normalStrength: 4,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const across = cellsFor(7, scale);
    const plankW = size / across;
    // Boards start a third of a board in, so no gap falls on the tile's edge.
    const start = plankW * 0.37;
    const gapW = Math.max(0.6, size * 0.0035);
    const endW = Math.max(0.5, size * 0.0025);
    const bevel = size * 0.01;
    const layout = rng.fork('boards');
    // End joints per column (1 or 2, at heights away from the tile's edge), and per board (column,
    // piece) its look. Piece p of a column runs from joint p − 1 to joint p; the piece before the
    // first joint is the same board as the piece after the last (it wraps).
    const maxJoints = 2;
    const joints = new Float64Array(across * maxJoints);
    const jointCount = new Int32Array(across);
    for (let c = 0; c < across; c++) {
      const n = layout.chance(0.55) ? 1 : 2;
      jointCount[c] = n;
      const first = layout.range(0.08, n === 1 ? 0.92 : 0.42);
      joints[c * maxJoints] = first;
      if (n === 2) joints[c * maxJoints + 1] = first + layout.range(0.35, 0.5);
    }
    const boards = across * maxJoints;
    const tone = new Float32Array(boards);
    const hue = new Float32Array(boards);
    const offsetX = new Int32Array(boards);
    const offsetY = new Int32Array(boards);
    const rings = new Float32Array(boards);
    const slant = new Float32Array(boards);
    for (let b = 0; b < boards; b++) {
      tone[b] = layout.range(0.78, 1.14);
      hue[b] = layout.range(-0.05, 0.05);
      offsetX[b] = layout.int(0, size - 1);
      offsetY[b] = layout.int(0, size - 1);
      const quarterSawn = layout.chance(0.35);
      rings[b] = quarterSawn ? layout.range(1.5, 3) : layout.range(7, 12);
      slant[b] = quarterSawn ? layout.range(14, 22) : layout.range(-4, 4);
    }

    // Growth-ring noise: stretched along the boards (few cells down, many across).
    const { half } = formSizes(size);
    const growth = noiseField(half, rng.fork('growth'), { cells: across * 2, cellsY: 1, octaves: 3, gain: 0.3 });
    const fibres = noiseField(size, rng.fork('fibres'), { cells: across * 18, cellsY: 6, octaves: 2, gain: 0.6 });
    const stain = noiseField(Math.min(size, 256), rng.fork('stain'), { cells: 3, octaves: 3 });

    // Knots: a few per tile, each inside one board, bending the rings and darkening a core.
    const bend = new Float32Array(size * size);
    const knotCore = new Float32Array(size * size);
    const knots = rng.fork('knots');
    const knotCount = Math.round((knots.range(1.5, 4.5) * (across * across)) / 25);
    for (let n = 0; n < knotCount; n++) {
      const column = knots.int(0, across - 1);
      const cx = start + (column + 0.5 + knots.range(-0.22, 0.22)) * plankW;
      const cy = knots.range(0, size);
      const radius = plankW * knots.range(0.06, 0.13);
      const stretch = knots.range(1.2, 1.8);
      const reach = radius * 4 * stretch;
      forEachInDisc(size, cx, cy, reach, (index, dx, dy) => {
        // Only within the knot's own board.
        let bx = (index % size) + 0.5 - start;
        if (bx < 0) bx += size;
        if (Math.min(across - 1, Math.floor(bx / plankW)) !== column) return;
        const e = Math.hypot(dx, dy / stretch) / radius;
        const fade = 1 - smoothstep(0.5, 1, Math.hypot(dx, dy) / reach);
        bend[index] += 2 * Math.exp(-e * e * 0.3) * fade;
        // A dark core inside a darker rim of tight rings.
        const rim = Math.exp(-(((e - 1.25) / 0.3) ** 2)) * 0.45;
        knotCore[index] = Math.max(knotCore[index], 1 - smoothstep(0.7, 1.1, e), rim);
      });
    }

    // Per column of pixels: the board column, the position across it, the side gap and easing;
    // per board column and row of pixels: the piece, the end-joint gap and easing.
    const columnOf = new Int32Array(size);
    const inXOf = new Float32Array(size);
    const sideGap = new Float32Array(size);
    const sideEase = new Float32Array(size);
    for (let x = 0; x < size; x++) {
      let bx = x + 0.5 - start;
      if (bx < 0) bx += size;
      const column = Math.min(across - 1, Math.floor(bx / plankW));
      const inX = bx - column * plankW;
      const toSide = Math.min(inX, plankW - inX);
      columnOf[x] = column;
      inXOf[x] = inX / plankW - 0.5;
      sideGap[x] = 1 - smoothstep(gapW * 0.5, gapW, toSide);
      sideEase[x] = Math.min(1, toSide / bevel);
    }
    const pieceOf = new Int32Array(across * size);
    const endGap = new Float32Array(across * size);
    const endEase = new Float32Array(across * size);
    for (let column = 0; column < across; column++) {
      for (let y = 0; y < size; y++) {
        const v = (y + 0.5) / size;
        const nj = jointCount[column];
        let piece = 0;
        let toEnd = size;
        for (let j = 0; j < nj; j++) {
          const jy = joints[column * maxJoints + j];
          if (v >= jy) piece = j + 1;
          let d = Math.abs(v - jy);
          if (d > 0.5) d = 1 - d;
          if (d * size < toEnd) toEnd = d * size;
        }
        const k = column * size + y;
        pieceOf[k] = column * maxJoints + (piece === nj ? 0 : piece);
        endGap[k] = 1 - smoothstep(endW * 0.5, endW, toEnd);
        endEase[k] = Math.min(1, toEnd / bevel);
      }
    }

    const { height, albedo, roughness } = layers;
    const tintMask = new Float32Array(size * size);
    const m = size - 1;
    const kh = half / size;
    const small = Math.min(size, 256);
    const ks = small / size;
    for (let y = 0, i = 0; y < size; y++) {
      const hy = (y + 0.5) * kh - 0.5;
      const sy = (y + 0.5) * ks - 0.5;
      for (let x = 0; x < size; x++, i++) {
        const ck = columnOf[x] * size + y;
        const b = pieceOf[ck];
        const gap = Math.max(sideGap[x], endGap[ck]);
        const eased = Math.min(sideEase[x], endEase[ck]);
        // Rings: contours of the growth noise at this board's offset, slanted across the board.
        const gx = (x + offsetX[b]) * kh - 0.5;
        const gy = hy + offsetY[b] * kh;
        const grow = sampleWrapped(growth, half, gx, gy);
        const phase = grow * rings[b] + inXOf[x] * slant[b] * 0.5 + bend[i];
        const ring = phase - Math.floor(phase);
        const fib = fibres[((y + offsetY[b]) & m) * size + ((x + offsetX[b]) & m)];
        const late = smoothstep(0.68, 0.86, ring) * (1 - smoothstep(0.88, 1, ring)) * (0.75 + 0.25 * fib);
        const core = knotCore[i];
        const st = sampleWrapped(stain, small, (x + 0.5) * ks - 0.5, sy);
        height[i] = clamp01((0.62 + 0.03 * (tone[b] - 1) + 0.12 * (1 - (1 - eased) * (1 - eased)) + 0.025 * late + 0.02 * fib - 0.04 * core) * (1 - gap) + 0.04 * gap);
        const s = tone[b] * (1 + 0.07 * fib) * (1 - 0.06 * st) * (0.9 + 0.1 * eased) * (0.93 + 0.1 * ring);
        const lr = WOOD[0] + (LATE[0] - WOOD[0]) * late * 0.75;
        const lg = WOOD[1] + (LATE[1] - WOOD[1]) * late * 0.75;
        const lb = WOOD[2] + (LATE[2] - WOOD[2]) * late * 0.75;
        const r = (lr + (KNOT[0] - lr) * core) * s * (1 + hue[b]);
        const g = (lg + (KNOT[1] - lg) * core) * s;
        const bl = (lb + (KNOT[2] - lb) * core) * s * (1 - hue[b]);
        const open = 1 - gap * 0.85;
        albedo[i * 3] = clamp01(r * open);
        albedo[i * 3 + 1] = clamp01(g * open);
        albedo[i * 3 + 2] = clamp01(bl * open);
        roughness[i] = clamp01(0.6 + 0.08 * late + 0.04 * fib + 0.05 * core + 0.25 * gap);
        tintMask[i] = 1 - gap;
      }
    }
    layers.tintMask = tintMask;
    return layers;
  },
};

