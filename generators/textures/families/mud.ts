/**
 * Mud: soft, wet clay pushed into low rounded ridges, scored by smeared skid grooves with a tyre's
 * chevron tread, trodden with boot prints and smeared by stray strokes; murky glossy water stands
 * in the hollows. The body is smooth, so it is drawn at a lower resolution and upsampled; the
 * puddles are cut at full resolution for crisp, mirror-smooth edges. Fields are periodic and
 * every mark is a wrapped stamp, so the mud tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField, warpField } from '../periodic-noise.ts';
import { blurWrapped, clamp01, forEachInDisc, forEachNearSegment, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';
import type { Rng } from '../../seed/rng.ts';

const WET = [0.26, 0.19, 0.13] as const;
const DRIER = [0.37, 0.29, 0.2] as const;
const WATER = [0.22, 0.17, 0.115] as const;
const CLAY = [0.42, 0.36, 0.28] as const;

export const mud: MaterialFamily = {
  id: 'mud',
  phrases: ['mud', 'muddy ground', 'mire', 'clay', 'sludge', 'muck'],
  tileMetres: 2,
  normalStrength: 8,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const { height, albedo, roughness } = layers;
    const n = size * size;

    const lo = Math.min(size, 512);
    const m = lo * lo;
    const fieldRng = rng.fork('fields');
    // Squelched, flowing folds: warped fBm.
    const flow = warpField(lo, fieldRng, cellsFor(3, scale), 0.6);
    const broad = noiseField(lo, fieldRng, { cells: cellsFor(3, scale), octaves: 4 });
    const folds = noiseField(lo, fieldRng, { cells: cellsFor(6, scale), octaves: 3, gain: 0.45, warp: flow });
    const wetness = noiseField(lo, fieldRng, { cells: cellsFor(4, scale), octaves: 3 });

    // Marks pressed into the mud: the deepest cut at each pixel, and the highest lip beside one.
    const cut = new Float32Array(m);
    const lip = new Float32Array(m);
    const marks = rng.fork('marks');
    const unit = lo * scale;
    drawSkids(lo, unit, marks, cut, lip);
    drawFootprints(lo, unit, marks, cut, lip);

    const body = new Float32Array(m);
    for (let i = 0; i < m; i++) {
      const fold = 1 - Math.abs(folds[i]);
      body[i] = 0.5 + 0.28 * broad[i] + 0.14 * fold * fold + 1.1 * cut[i] + 0.9 * lip[i];
    }
    const soft = blurWrapped(body, lo, Math.max(1, lo / 400), 2);
    // Water level: the lowest ~13% of the mud holds water.
    const level = quantile(soft, 0.13);
    const heightUp = resampleWrapped(soft, lo, size);
    const wetUp = resampleWrapped(wetness, lo, size);
    const fine = noiseField(size, rng.fork('fine'), { cells: cellsFor(48, scale), octaves: 3, gain: 0.6 });

    for (let i = 0; i < n; i++) {
      const h = heightUp[i];
      const w = wetUp[i];
      const lvl = level + 0.015 * w;
      // Tops dry a little lighter and duller; hollows stay dark and slick.
      const dry = smoothstep(lvl + 0.02, lvl + 0.25, h) * smoothstep(-0.4, 0.3, -w);
      const tone = 0.9 + 0.1 * fine[i] + 0.3 * (h - 0.5);
      // Greyer clay shows through where it is driest; beside the water the mud is darkest.
      const clay = smoothstep(0.2, 0.6, -w) * dry * 0.4;
      const soak = 1 - 0.15 * smoothstep(0.06, 0, h - lvl);
      let r = (WET[0] + (DRIER[0] - WET[0]) * dry + (CLAY[0] - DRIER[0]) * clay) * tone * soak;
      let g = (WET[1] + (DRIER[1] - WET[1]) * dry + (CLAY[1] - DRIER[1]) * clay) * tone * soak;
      let b = (WET[2] + (DRIER[2] - WET[2]) * dry + (CLAY[2] - DRIER[2]) * clay) * tone * soak;
      let rough = 0.3 + 0.35 * dry + 0.06 * fine[i];
      let top = h + 0.014 * fine[i];
      const depth = lvl - h;
      if (depth > -0.006) {
        // Water: a flat surface, murky and mirror-smooth, darker the deeper.
        const water = smoothstep(-0.006, 0.01, depth);
        const murk = 1 - 1.5 * Math.min(0.12, Math.max(0, depth));
        r += (WATER[0] * murk - r) * water;
        g += (WATER[1] * murk - g) * water;
        b += (WATER[2] * murk - b) * water;
        rough += (0.03 - rough) * water;
        top += (lvl - top) * water;
      }
      height[i] = clamp01(top);
      albedo[i * 3] = clamp01(r);
      albedo[i * 3 + 1] = clamp01(g);
      albedo[i * 3 + 2] = clamp01(b);
      roughness[i] = clamp01(rough);
    }
    return layers;
  },
};

/**
 * Skid grooves: a few long curving ruts with a chevron tread, shallow at their ends, and a
 * scatter of short smears, each with a lip of pushed-up mud along its sides.
 */
function drawSkids(size: number, unit: number, rng: Rng, cut: Float32Array, lip: Float32Array): void {
  let halfWidth = 1;
  let depth = 0.1;
  let s0 = 0;
  let s1 = 1;
  let tread = 0;
  let reach = 1;
  let streaks = 7;
  const visit = (i: number, t: number, across: number): void => {
    const x = Math.abs(across) / halfWidth;
    const s = s0 + (s1 - s0) * t;
    const fade = smoothstep(0, 0.15, s) * smoothstep(0, 0.15, 1 - s);
    if (x < 1) {
      // Rounded trough, its floor ribbed by the tread: chevrons running along the groove.
      let phase = s * tread + x * 0.6;
      phase -= Math.floor(phase);
      // Smears have no tread but are streaked along their length instead.
      const rib = tread > 0 ? 0.25 * smoothstep(0.35, 0.5, phase) * smoothstep(0.8, 0.65, phase) : 0.2 * Math.abs(Math.sin(x * streaks));
      const d = -depth * fade * (1 - x * x) * (1 - rib);
      if (d < cut[i]) cut[i] = d;
    }
    if (x > 0.8 && x < reach) {
      const l = depth * fade * 0.5 * Math.exp(-(((x - 1.15) / 0.25) ** 2));
      if (l > lip[i]) lip[i] = l;
    }
  };
  const skids = rng.int(2, 4);
  const smears = 30;
  for (let k = 0; k < skids + smears; k++) {
    const isSkid = k < skids;
    const length = unit * (isSkid ? rng.range(0.35, 0.7) : rng.range(0.05, 0.16));
    halfWidth = Math.max(1, unit * (isSkid ? rng.range(0.03, 0.045) : rng.range(0.008, 0.02)));
    depth = isSkid ? rng.range(0.1, 0.16) : rng.range(0.03, 0.07);
    tread = isSkid ? Math.round(length / (halfWidth * 0.9)) : 0;
    reach = 1.7;
    streaks = rng.range(5, 12);
    const pieces = isSkid ? 10 : 3;
    let x = rng.float() * size;
    let y = rng.float() * size;
    let angle = rng.float() * 2 * Math.PI;
    const bend = rng.normal(0, isSkid ? 0.5 : 0.8) / pieces;
    for (let p = 0; p < pieces; p++) {
      const qx = x + (Math.cos(angle) * length) / pieces;
      const qy = y + (Math.sin(angle) * length) / pieces;
      s0 = p / pieces;
      s1 = (p + 1) / pieces;
      forEachNearSegment(size, x, y, qx, qy, halfWidth * reach, visit);
      x = qx;
      y = qy;
      angle += bend;
    }
  }
}

/** Boot prints along one or two walking trails: a sole of ball and heel, lugged, with a rim. */
function drawFootprints(size: number, unit: number, rng: Rng, cut: Float32Array, lip: Float32Array): void {
  let cos = 1;
  let sin = 0;
  let footLength = 1;
  let depth = 0.08;
  const visit = (i: number, dx: number, dy: number): void => {
    const u = (dx * cos + dy * sin) / footLength;
    const v = (dy * cos - dx * sin) / footLength;
    // Ball (toe end, +u), waist and heel as ellipses; the sole is wherever any reaches.
    const ball = ((u - 0.17) / 0.3) ** 2 + (v / 0.19) ** 2;
    const heel = ((u + 0.3) / 0.19) ** 2 + (v / 0.15) ** 2;
    const waist = ((u + 0.1) / 0.2) ** 2 + (v / 0.12) ** 2;
    const e = Math.min(ball, heel, waist);
    if (e < 1) {
      let lugs = Math.sin(u * 60) * Math.sin(v * 60);
      lugs = lugs > 0.3 ? 0.2 : 0;
      const d = -depth * smoothstep(1, 0.55, e) * (1 - lugs);
      if (d < cut[i]) cut[i] = d;
    } else if (e < 1.8) {
      const l = depth * 0.35 * smoothstep(1.8, 1.2, e) * smoothstep(0.95, 1.15, e);
      if (l > lip[i]) lip[i] = l;
    }
  };
  const trails = rng.int(2, 3);
  for (let t = 0; t < trails; t++) {
    let x = rng.float() * size;
    let y = rng.float() * size;
    let heading = rng.float() * 2 * Math.PI;
    footLength = unit * rng.range(0.12, 0.15);
    const stride = footLength * rng.range(2.2, 2.8);
    const steps = rng.int(3, 6);
    for (let s = 0; s < steps; s++) {
      const side = s % 2 === 0 ? 1 : -1;
      const px = x - Math.sin(heading) * footLength * 0.45 * side;
      const py = y + Math.cos(heading) * footLength * 0.45 * side;
      const angle = heading + side * 0.12 + rng.normal(0, 0.06);
      cos = Math.cos(angle);
      sin = Math.sin(angle);
      depth = rng.range(0.06, 0.1);
      forEachInDisc(size, px, py, footLength * 0.75, visit);
      x += (Math.cos(heading) * stride) / 2;
      y += (Math.sin(heading) * stride) / 2;
      heading += rng.normal(0, 0.08);
    }
  }
}

/** The value below which a fraction q of the field lies (from a 256-bin histogram). */
function quantile(field: Float32Array, q: number): number {
  let min = Infinity;
  let max = -Infinity;
  for (const v of field) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const bins = new Uint32Array(256);
  const span = Math.max(1e-9, max - min);
  for (const v of field) bins[Math.min(255, Math.floor(((v - min) / span) * 256))]++;
  let count = 0;
  const target = q * field.length;
  for (let k = 0; k < 256; k++) {
    count += bins[k];
    if (count >= target) return min + ((k + 1) / 256) * span;
  }
  return max;
}

