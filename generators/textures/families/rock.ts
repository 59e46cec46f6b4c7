/**
 * Rock: bare grey stone. The relief is ridged fBm looked up through a periodic warp, so crests and
 * hollows meander like weathered stone rather than lying on a grid, with angular facets (cones of
 * a cellular field's F1: each facet slopes down to the border it shares with the next) and shallow
 * shelves (a terrace of the broad form) where flakes have spalled off. Fractures follow the borders
 * of a second cellular field (wobbled by the warp, present only in patches) and are cut in as dark
 * grooves; a fine mineral speckle of light and dark grains sits on top, with faint warm and cool
 * patches in the grey. Every field is periodic with whole cells across the tile, and the warp only
 * moves lookups inside periodic fields, so the tile repeats seamlessly.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField, warpField } from '../periodic-noise.ts';
import { cellularField } from '../cellular-noise.ts';
import { clamp01, smoothstep } from '../field-ops.ts';

const STONE = [0.5, 0.49, 0.47] as const;
const WARM = [0.53, 0.5, 0.45] as const;
const COOL = [0.46, 0.47, 0.48] as const;

export const rock: MaterialFamily = {
  id: 'rock',
  phrases: ['rock', 'rocks', 'stone', 'boulder', 'granite', 'basalt', 'slate'],
  tileMetres: 3,
  normalStrength: 14,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const cells = cellsFor(4, scale);
    // The form is composed at half size (a quarter of the pixels) and enlarged; smooth fields are
    // drawn at 256² at most. Only the finest detail and the speckle are drawn at full size.
    const half = size > 512 ? size / 2 : size;
    const small = Math.min(half, 256);
    const [warpX, warpY] = warpField(small, rng.fork('warp'), 3, 1);
    const broad = noiseField(small, rng.fork('broad'), { cells: Math.max(1, Math.round(cells / 2)), octaves: 3 });
    const tone = noiseField(small, rng.fork('tone'), { cells: 3, octaves: 3 });
    const presence = noiseField(small, rng.fork('presence'), { cells: 3, octaves: 2 });
    const ridges = noiseField(half, rng.fork('ridges'), { cells, octaves: 4, ridged: true, gain: 0.6 });
    const cone = cellularField(half, rng.fork('facets'), { cells: cellsFor(9, scale), jitter: 1 }).f1;
    const fracture = cellularField(half, rng.fork('fractures'), { cells: cellsFor(3, scale), jitter: 1 });
    const border = new Float32Array(half * half);
    for (let i = 0; i < border.length; i++) border[i] = fracture.f2[i] - fracture.f1[i];

    // Form, shade and cracks at half size.
    const formH = new Float32Array(half * half);
    const formShade = new Float32Array(half * half);
    const formCrack = new Float32Array(half * half);
    const ks = small / half;
    const warpAmount = 0.22 / cells; // tile fractions: about a fifth of a relief cell
    const crackWidth = 0.03;
    const steps = 4;
    for (let y = 0, i = 0; y < half; y++) {
      const sy = (y + 0.5) * ks - 0.5;
      for (let x = 0; x < half; x++, i++) {
        const sx = (x + 0.5) * ks - 0.5;
        const wx = bilinear(warpX, small, sx, sy) * warpAmount;
        const wy = bilinear(warpY, small, sx, sy) * warpAmount;
        const b = bilinear(broad, small, sx + wx * small, sy + wy * small);
        const r = bilinear(ridges, half, x + wx * half, y + wy * half);
        const f = bilinear(cone, half, x + wx * half * 0.5, y + wy * half * 0.5);
        const p = smoothstep(-0.1, 0.2, bilinear(presence, small, sx, sy));
        const d = bilinear(border, half, x + wx * half * 0.6, y + wy * half * 0.6);
        const crack = (1 - smoothstep(crackWidth * 0.35, crackWidth, d)) * p;
        const lip = (1 - smoothstep(crackWidth, crackWidth * 4, d)) * p;
        // Shelves: the broad form, terraced, so flakes step down in ledges.
        const level = (0.5 + 0.45 * b + 0.2 * r) * steps;
        const step = Math.floor(level);
        const shelf = (step + smoothstep(0.75, 1, level - step)) / steps;
        const facet = 1 - Math.min(1, f * 1.2);
        formH[i] = 0.05 + 0.28 * shelf + 0.3 * r * r + 0.3 * facet - 0.25 * crack - 0.04 * lip;
        formShade[i] = (0.66 + 0.35 * r + 0.12 * shelf + 0.12 * facet) * (1 - 0.6 * crack);
        formCrack[i] = crack;
      }
    }
    const form = enlarge(formH, half, size);
    const shadeOf = enlarge(formShade, half, size);
    const crackOf = enlarge(formCrack, half, size);
    const toneOf = enlarge(tone, small, size);
    const detail = noiseField(size, rng.fork('detail'), { cells: cells * 16, octaves: 2, gain: 0.6 });
    const speckle = noiseField(size, rng.fork('speckle'), { cells: Math.max(8, Math.round(128 / scale)), octaves: 1 });

    const { height, albedo, roughness } = layers;
    for (let i = 0; i < size * size; i++) {
      const dt = detail[i];
      const crack = crackOf[i];
      height[i] = clamp01(form[i] + 0.06 * dt);
      const t = toneOf[i];
      const warm = smoothstep(-0.1, 0.5, t);
      const cool = smoothstep(-0.1, 0.5, -t);
      const shade = shadeOf[i] + 0.06 * dt;
      let red = (STONE[0] + (WARM[0] - STONE[0]) * warm + (COOL[0] - STONE[0]) * cool) * shade;
      let green = (STONE[1] + (WARM[1] - STONE[1]) * warm + (COOL[1] - STONE[1]) * cool) * shade;
      let blue = (STONE[2] + (WARM[2] - STONE[2]) * warm + (COOL[2] - STONE[2]) * cool) * shade;
      // Mineral grains: light feldspar and quartz, dark mica; denser in patches.
      const s = speckle[i] + 0.12 * t;
      const light = smoothstep(0.55, 0.72, s) * 0.35 * (1 - crack);
      const dark = smoothstep(0.55, 0.72, -s) * 0.4;
      red += (0.78 - red) * light - red * dark;
      green += (0.77 - green) * light - green * dark;
      blue += (0.74 - blue) * light - blue * dark;
      albedo[i * 3] = clamp01(red);
      albedo[i * 3 + 1] = clamp01(green);
      albedo[i * 3 + 2] = clamp01(blue);
      roughness[i] = clamp01(0.8 + 0.1 * (1 - shade) + 0.08 * crack - 0.05 * light + 0.03 * dt);
    }
    return layers;
  },
};

/** Bilinear lookup at pixel coordinates (x, y) of an n² field (n a power of two), wrapping. */
function bilinear(field: Float32Array, n: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const tx = x - x0;
  const ty = y - y0;
  const m = n - 1;
  const c0 = x0 & m;
  const c1 = (x0 + 1) & m;
  const r0 = (y0 & m) * n;
  const r1 = ((y0 + 1) & m) * n;
  const top = field[r0 + c0] + (field[r0 + c1] - field[r0 + c0]) * tx;
  const bottom = field[r1 + c0] + (field[r1 + c1] - field[r1 + c0]) * tx;
  return top + (bottom - top) * ty;
}

/** Enlarges an n² field to size² bilinearly, wrapping, pixel centres aligned (n, size powers of two). */
function enlarge(field: Float32Array, n: number, size: number): Float32Array {
  if (n === size) return field;
  const out = new Float32Array(size * size);
  const k = n / size;
  const m = n - 1;
  const c0 = new Int32Array(size);
  const c1 = new Int32Array(size);
  const tx = new Float32Array(size);
  for (let x = 0; x < size; x++) {
    const f = (x + 0.5) * k - 0.5;
    const x0 = Math.floor(f);
    c0[x] = x0 & m;
    c1[x] = (x0 + 1) & m;
    tx[x] = f - x0;
  }
  for (let y = 0, i = 0; y < size; y++) {
    const r0 = c0[y] * n;
    const r1 = c1[y] * n;
    const ty = tx[y];
    for (let x = 0; x < size; x++, i++) {
      const a = field[r0 + c0[x]];
      const top = a + (field[r0 + c1[x]] - a) * tx[x];
      const c = field[r1 + c0[x]];
      out[i] = top + (c + (field[r1 + c1[x]] - c) * tx[x] - top) * ty;
    }
  }
  return out;
}
