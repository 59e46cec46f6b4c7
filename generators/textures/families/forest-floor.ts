/**
 * Forest floor: dark crumbly humus under a litter of fallen leaves. Each leaf is a stamped outline
 * (oval, pointed, round or lobed) at its own angle and size, in browns, ochres, rust and a few dull
 * greens, with a midrib, side veins, cupped edges and its own depth in the pile, so overlapping
 * leaves cast relief on each other. Bent twigs and scattered pine needles lie among them. Stamps
 * wrap around the edges and the humus is periodic noise, so the litter tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, forEachInDisc, forEachNearSegment, resampleWrapped, sampleWrapped } from '../field-ops.ts';

const HUMUS = [0.13, 0.09, 0.06] as const;
/** Leaf colours and how often each falls: browns, dark browns, ochre, rust, dry tan, dull greens. */
const LEAVES: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.36, 0.22, 0.11, 30],
  [0.22, 0.13, 0.07, 18],
  [0.56, 0.39, 0.16, 15],
  [0.52, 0.26, 0.1, 10],
  [0.58, 0.47, 0.32, 12],
  [0.3, 0.32, 0.13, 9],
  [0.47, 0.43, 0.18, 6],
];
const LEAF_WEIGHT = LEAVES.reduce((sum, c) => sum + c[3], 0);
const TWIG = [0.3, 0.23, 0.17] as const;
const NEEDLE = [0.45, 0.27, 0.13] as const;

/** Leaf outlines: half-width (0..1 of the leaf's width) at u, 0 at the stalk .. 1 at the tip. */
const OUTLINES: ReadonlyArray<(u: number) => number> = [
  (u) => Math.sin(Math.PI * u) ** 0.7, // oval
  (u) => Math.sin(Math.PI * u ** 0.8) * (1 - 0.35 * u), // pointed
  (u) => Math.sin(Math.PI * u) ** 0.45, // round
  (u) => Math.sin(Math.PI * u) ** 0.6 * (0.78 + 0.22 * Math.cos(u * Math.PI * 9)), // lobed
];
/** The outlines as lookup tables (STEPS + 1 entries over u), so stamping costs no pow or sin. */
const STEPS = 128;
const SHAPES: readonly Float32Array[] = OUTLINES.map((outline) => Float32Array.from({ length: STEPS + 2 }, (_, k) => outline(Math.min(1, k / STEPS))));
/** How a leaf arches along its length (high in the middle). */
const ARCH = Float32Array.from({ length: STEPS + 2 }, (_, k) => Math.sin(Math.PI * Math.min(1, k / STEPS)));

export const forestFloor: MaterialFamily = {
  id: 'forest-floor',
  phrases: ['forest floor', 'leaf litter', 'fallen leaves', 'leaves', 'dead leaves', 'woodland floor', 'pine needles'],
  tileMetres: 1.5,
  normalStrength: 3,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const { height, albedo, roughness } = layers;
    const n = size * size;
    const tintMask = new Float32Array(n);

    // Humus: dark, crumbly, a little uneven (lumps and crumbs in one field, drawn at a lower
    // resolution and upsampled).
    const lo = Math.min(size, 512);
    const humusRng = rng.fork('humus');
    const humus = noiseField(lo, humusRng, { cells: cellsFor(48, scale), octaves: 2 });
    const lumps = noiseField(lo, humusRng, { cells: cellsFor(6, scale), octaves: 3 });
    for (let i = 0; i < humus.length; i++) humus[i] = 0.45 * humus[i] + 0.55 * lumps[i];
    const soil = resampleWrapped(humus, lo, size);
    for (let i = 0; i < n; i++) {
      height[i] = 0.12 + 0.1 * soil[i];
      const shade = 0.85 + 0.4 * soil[i];
      albedo[i * 3] = HUMUS[0] * shade;
      albedo[i * 3 + 1] = HUMUS[1] * shade;
      albedo[i * 3 + 2] = HUMUS[2] * shade;
      roughness[i] = 0.92;
    }

    // Leaves. One visitor; the current leaf's state lives in these variables.
    let halfWidth = 1;
    let ribWidth = 1;
    let shape = SHAPES[0];
    let base = 0.5;
    let cup = 0;
    let r = 0;
    let g = 0;
    let b = 0;
    let veins = 7;
    let gloss = 0.7;
    let cos = 1;
    let sin = 0;
    let length = 1;
    const leafVisit = (i: number, dx: number, dy: number): void => {
      const u = (dx * cos + dy * sin) / length + 0.5;
      if (u <= 0 || u >= 1) return;
      const step = u * STEPS;
      const k = step | 0;
      const w = halfWidth * (shape[k] + (shape[k + 1] - shape[k]) * (step - k));
      const across = Math.abs(dy * cos - dx * sin);
      let cover = w - across + 0.5;
      if (cover <= 0) return;
      if (cover > 1) cover = 1;
      const v = across / (w + 0.5);
      const h = base + cup * v * v + 0.04 * ARCH[k];
      if (h <= height[i]) return;
      // Midrib, side veins running out toward the tip, and browner, darker edges.
      const rib = Math.max(0, 1 - across / ribWidth);
      let side = u * veins - v * 1.3;
      side -= Math.floor(side);
      const vein = Math.max(0, 1 - Math.abs(side - 0.5) * 14) * (1 - v) * 0.5;
      // Damp patches (the humus field, shared by everything lying there) darken leaves too.
      const shade = (1 + 0.18 * rib - 0.12 * vein) * (1 - 0.3 * v * v * v) * (0.95 + 0.3 * soil[i]);
      height[i] += (h + 0.015 * rib - height[i]) * cover;
      albedo[i * 3] += (r * shade - albedo[i * 3]) * cover;
      albedo[i * 3 + 1] += (g * shade * (1 - 0.08 * v) - albedo[i * 3 + 1]) * cover;
      albedo[i * 3 + 2] += (b * shade * (1 - 0.15 * v) - albedo[i * 3 + 2]) * cover;
      roughness[i] += (gloss + 0.1 * v - roughness[i]) * cover;
      if (cover > tintMask[i]) tintMask[i] = cover;
    };

    // Twigs and needles: rounded sticks.
    let radius = 1;
    let top = 0.5;
    let tr = 0;
    let tg = 0;
    let tb = 0;
    const stickVisit = (i: number, t: number, across: number): void => {
      const a = Math.abs(across) / radius;
      if (a >= 1) return;
      const round = Math.sqrt(1 - a * a);
      const h = top + 0.06 * round * Math.min(1, radius / (size * 0.004));
      if (h <= height[i]) return;
      const cover = clamp01((1 - a) * radius + 0.3);
      const shade = 0.7 + 0.4 * round + 0.06 * Math.sin(t * 40);
      height[i] += (h - height[i]) * cover;
      albedo[i * 3] += (tr * shade - albedo[i * 3]) * cover;
      albedo[i * 3 + 1] += (tg * shade - albedo[i * 3 + 1]) * cover;
      albedo[i * 3 + 2] += (tb * shade - albedo[i * 3 + 2]) * cover;
      roughness[i] += (0.8 - roughness[i]) * cover;
    };

    const leafRng = rng.fork('leaves');
    const stickRng = rng.fork('sticks');
    const leafCount = Math.round(1300 / (scale * scale));
    const twigCount = Math.round(26 / (scale * scale));
    const needleCount = Math.round(260 / (scale * scale));
    // Leaves, twigs and needles are scattered at random depths in the pile, interleaved so each can
    // lie above or below the others; the height test decides what shows.
    const total = leafCount + twigCount + needleCount;
    for (let k = 0; k < total; k++) {
      const kind = leafRng.float() * total;
      const x = leafRng.float() * size;
      const y = leafRng.float() * size;
      const depth = leafRng.float();
      if (kind < leafCount) {
        const angle = leafRng.float() * 2 * Math.PI;
        cos = Math.cos(angle);
        sin = Math.sin(angle);
        length = size * scale * leafRng.range(0.04, 0.085);
        const shapeIndex = leafRng.int(0, SHAPES.length - 1);
        shape = SHAPES[shapeIndex];
        halfWidth = length * (shapeIndex === 1 ? leafRng.range(0.16, 0.24) : leafRng.range(0.24, 0.36));
        ribWidth = Math.max(0.6, halfWidth * 0.07);
        base = 0.2 + 0.65 * depth;
        cup = leafRng.range(-0.05, 0.09);
        veins = leafRng.range(5, 9);
        gloss = leafRng.range(0.55, 0.8);
        let pick = leafRng.float() * LEAF_WEIGHT;
        let c = LEAVES[0];
        for (const candidate of LEAVES) {
          c = candidate;
          pick -= candidate[3];
          if (pick < 0) break;
        }
        // Deeper leaves are older and darker.
        const shade = (0.62 + 0.45 * depth) * leafRng.range(0.85, 1.12);
        r = c[0] * shade;
        g = c[1] * shade;
        b = c[2] * shade;
        forEachInDisc(size, x, y, length / 2 + 0.5, leafVisit);
      } else {
        const isTwig = kind < leafCount + twigCount;
        radius = isTwig ? Math.max(0.6, size * scale * stickRng.range(0.0025, 0.005)) : Math.max(0.5, size * scale * 0.0011);
        top = isTwig ? 0.3 + 0.6 * depth : 0.25 + 0.7 * depth;
        const shade = isTwig ? stickRng.range(0.7, 1.2) : stickRng.range(0.75, 1.25);
        const colour = isTwig ? TWIG : NEEDLE;
        tr = colour[0] * shade;
        tg = colour[1] * shade;
        tb = colour[2] * shade;
        const length = size * scale * (isTwig ? stickRng.range(0.08, 0.22) : stickRng.range(0.028, 0.045));
        const angle = stickRng.float() * 2 * Math.PI;
        const turns = Array.from({ length: isTwig ? 4 : 2 }, () => stickRng.normal(0, isTwig ? 0.5 : 0.25));
        drawBent(size, x, y, length, angle, turns, radius, stickVisit);
      }
    }
    // Heights stay within 0..1 by construction: the deepest humus is above 0, the top leaf below 1.
    layers.tintMask = tintMask;
    return layers;
  },
};

/** A stick from (x, y): straight pieces, each turned from the last by the next of `turns`. */
function drawBent(
  size: number,
  x: number,
  y: number,
  length: number,
  angle: number,
  turns: readonly number[],
  radius: number,
  visit: (index: number, along: number, across: number) => void,
): void {
  let px = x;
  let py = y;
  let a = angle;
  for (const turn of turns) {
    const qx = px + (Math.cos(a) * length) / turns.length;
    const qy = py + (Math.sin(a) * length) / turns.length;
    forEachNearSegment(size, px, py, qx, qy, radius, visit);
    px = qx;
    py = qy;
    a += turn;
  }
}

