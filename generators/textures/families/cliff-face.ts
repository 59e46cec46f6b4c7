/**
 * Cliff face: a vertical wall of layered rock. Horizontal strata of varied thickness run across the
 * tile, each with its own tone and hardness: hard beds stand out as ledges (a lit lip on top, a
 * shadow and stain on the softer bed beneath), soft beds are recessed and crumbly. Each bed is
 * broken into blocks by vertical joints spaced to its thickness, every block set a little forward
 * or back; water streaks run down the face and fine laminations run along the beds. The beds are
 * laid out as one whole period down the tile (thicknesses summing to the tile's height), their
 * boundaries only wobbled by periodic noise, and the joints are placed in each bed's own whole
 * tile width, so the wall repeats seamlessly both ways.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, enlargeColour, formSizes, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';

/** Bed colours: grey limestone, buff sandstone, dark shale, rusty iron-stained sandstone. */
const PALETTE = [
  [0.53, 0.51, 0.48],
  [0.6, 0.53, 0.43],
  [0.4, 0.38, 0.36],
  [0.58, 0.45, 0.36],
  [0.5, 0.47, 0.42],
] as const;

/** Entries in the table that maps a height down the tile to its bed. */
const LOOKUP = 4096;

export const cliffFace: MaterialFamily = {
  id: 'cliff-face',
  phrases: ['cliff', 'cliff face', 'rock face', 'cliffside', 'canyon wall', 'layered rock', 'strata'],
  tileMetres: 6,
  normalStrength: 9,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const beds = cellsFor(7, scale);
    const layout = rng.fork('beds');
    // Bed thicknesses, as fractions of the tile's height, summing to exactly 1.
    const weights = Array.from({ length: beds }, () => layout.range(0.3, 1.8));
    const total = weights.reduce((a, b) => a + b, 0);
    const top = new Float64Array(beds + 1);
    for (let k = 0; k < beds; k++) top[k + 1] = top[k] + weights[k] / total;
    top[beds] = 1;
    const phase = layout.float();
    // Hard beds stand forward as ledges; alternate roughly so ledges and recesses interleave.
    const hardness = Array.from({ length: beds }, (_, k) => clamp01((k % 2 === 0 ? 0.62 : 0.3) + layout.range(-0.3, 0.3)));
    const tone = Array.from({ length: beds }, () => layout.range(0.76, 1.16));
    const colour = Array.from({ length: beds }, () => layout.pick(PALETTE));
    const parting = Array.from({ length: beds }, () => layout.range(0, 1));
    const bedOf = new Int32Array(LOOKUP);
    for (let i = 0, k = 0; i < LOOKUP; i++) {
      while (k < beds - 1 && (i + 0.5) / LOOKUP >= top[k + 1]) k++;
      bedOf[i] = k;
    }
    // Vertical joints: each bed gets its own whole set across the tile, spaced to its thickness;
    // some run the bed's full height, others die out part way. Flat tables: bed k's joints are
    // entries jointStart[k] .. jointStart[k + 1] − 1, its blocks the same indices (block j lies
    // to the right of joint j).
    const joints = rng.fork('joints');
    const jointStart = new Int32Array(beds + 1);
    const at: number[] = [];
    const reachList: number[] = [];
    const leanList: number[] = [];
    for (let k = 0; k < beds; k++) {
      const thick = top[k + 1] - top[k];
      const count = Math.max(1, Math.round(1 / (thick * joints.range(1.3, 3.2))));
      const start = joints.float();
      const positions = Array.from({ length: count }, (_, j) => (start + (j + joints.range(0.15, 0.85)) / count) % 1).sort((a, b) => a - b);
      for (const p of positions) {
        at.push(p);
        reachList.push(joints.chance(0.6) ? 1.2 : joints.range(0.35, 0.9));
        leanList.push(joints.range(-0.25, 0.25) * thick);
      }
      jointStart[k + 1] = at.length;
    }
    const jointAt = Float64Array.from(at);
    const jointReach = Float64Array.from(reachList);
    const jointLean = Float64Array.from(leanList);
    const blockLift = Float64Array.from(at, () => joints.range(-1, 1));
    const blockTone = Float64Array.from(at, () => joints.range(0.92, 1.08));
    const face = Float64Array.from(hardness, (h) => 0.18 + 0.5 * h);

    // The form and colour are composed at half size (a quarter of the pixels) and enlarged; only
    // the fine laminations and grit are drawn at full size.
    const { half, small } = formSizes(size);
    const wobble = noiseField(small, rng.fork('wobble'), { cells: 2, cellsY: 5, octaves: 5, gain: 0.5 });
    const jointWobble = noiseField(small, rng.fork('joint-wobble'), { cells: 8, cellsY: 16, octaves: 4, gain: 0.6 });
    const reach = noiseField(small, rng.fork('ledge'), { cells: 6, cellsY: 3, octaves: 3 });
    const streaks = noiseField(small, rng.fork('streaks'), { cells: cellsFor(10, scale), cellsY: 2, octaves: 3 });
    const chunks = noiseField(half, rng.fork('chunks'), { cells: cellsFor(6, scale), cellsY: cellsFor(9, scale), octaves: 4, ridged: true, gain: 0.55 });
    const crumbs = noiseField(half, rng.fork('crumbs'), { cells: cellsFor(24, scale), octaves: 2 });

    const n = half * half;
    const formH = new Float32Array(n);
    const formR = new Float32Array(n);
    const formG = new Float32Array(n);
    const formB = new Float32Array(n);
    const ks = small / half;
    const jointWidth = 0.004;
    const bevel = 0.016;
    for (let y = 0, i = 0; y < half; y++) {
      const sy = (y + 0.5) * ks - 0.5;
      for (let x = 0; x < half; x++, i++) {
        const sx = (x + 0.5) * ks - 0.5;
        const c = chunks[i];
        let v = (y + 0.5) / half + phase + 0.055 * sampleWrapped(wobble, small, sx, sy) + 0.006 * crumbs[i];
        v -= Math.floor(v);
        const k = bedOf[Math.min(LOOKUP - 1, Math.floor(v * LOOKUP))];
        const above = k === 0 ? beds - 1 : k - 1;
        const below = k === beds - 1 ? 0 : k + 1;
        const fromTopAbs = v - top[k];
        const toBottomAbs = top[k + 1] - v;
        const fromTop = fromTopAbs / (top[k + 1] - top[k]);
        // Joints: the nearest joint of this bed, the lookup wobbled sideways.
        let ju = (x + 0.5) / half + 0.01 * sampleWrapped(jointWobble, small, sx, sy) + 0.003 * crumbs[i];
        ju -= Math.floor(ju);
        let dj = 1;
        let nearest = jointStart[k];
        let side = 1;
        for (let j = jointStart[k]; j < jointStart[k + 1]; j++) {
          let d = ju - jointAt[j] - jointLean[j] * (fromTop - 0.5);
          d -= Math.round(d);
          const ad = d < 0 ? -d : d;
          if (ad < dj) {
            dj = ad;
            nearest = j;
            side = d;
          }
        }
        // Block j lies to the right of joint j.
        const block = side >= 0 ? nearest : nearest === jointStart[k] ? jointStart[k + 1] - 1 : nearest - 1;
        const present = smoothstep(jointReach[nearest], jointReach[nearest] - 0.15, fromTop);
        const joint = (1 - smoothstep(jointWidth * 0.3, jointWidth * (1 + 0.8 * c), dj)) * present;
        const rounded = (1 - smoothstep(0, bevel, dj)) * present;
        // Each bed's face: hard beds stand forward with a crisp ledge; the softer side of every
        // boundary slopes back. Heights meet at the boundary, so beds join without a groove.
        const f = face[k] + 0.05 * blockLift[block];
        const fa = face[above];
        const fb = face[below];
        const ledgeReach = 0.6 + 0.5 * sampleWrapped(reach, small, sx, sy);
        const tTop = smoothstep(0, f > fa ? 0.004 : 0.025 * ledgeReach, fromTopAbs);
        const tBottom = smoothstep(0, f > fb ? 0.004 : 0.025 * ledgeReach, toBottomAbs);
        let h = f;
        h += ((f + fa) / 2 - h) * (1 - tTop);
        h += ((f + fb) / 2 - h) * (1 - tBottom);
        const soft = 1 - hardness[k];
        h += (0.22 + 0.14 * soft) * (c - 0.35) + 0.06 * soft * crumbs[i] - 0.12 * rounded - 0.14 * joint;
        // A thin dark bedding plane on some boundaries.
        const plane = parting[k] > 0.5 ? 1 - smoothstep(0.001, 0.006, fromTopAbs) : 0;
        formH[i] = h - 0.05 * plane;
        // Baked light: hard beds catch it on top and fall into shade underneath; shadow and stain
        // under an overhang; a lit, worn lip on a ledge.
        const bulge = hardness[k] * (0.1 - 0.22 * fromTop * fromTop);
        const shadow = Math.min(1, Math.max(0, fa - f) * 4) * Math.exp(-fromTopAbs / 0.03);
        const lip = (1 - smoothstep(0, 0.01, fromTopAbs)) * Math.min(1, Math.max(0, f - fa) * 4);
        const streak = smoothstep(0.15, 0.55, sampleWrapped(streaks, small, sx, sy)) * 0.2;
        const s =
          tone[k] * blockTone[block] * (1 + bulge) * (1 - 0.5 * shadow) * (1 + 0.15 * lip) * (1 - 0.45 * joint) * (1 - 0.1 * rounded) * (1 - 0.35 * plane) * (1 - streak) * (0.8 + 0.32 * c);
        // Colours blend over the boundary ramp too.
        const mixTop = 0.5 * (1 - tTop);
        const mixBottom = 0.5 * (1 - tBottom);
        const ca = colour[above];
        const cb = colour[below];
        const ck = colour[k];
        formR[i] = s * (ck[0] + (ca[0] - ck[0]) * mixTop + (cb[0] - ck[0]) * mixBottom);
        formG[i] = s * (ck[1] + (ca[1] - ck[1]) * mixTop + (cb[1] - ck[1]) * mixBottom);
        formB[i] = s * (ck[2] + (ca[2] - ck[2]) * mixTop + (cb[2] - ck[2]) * mixBottom);
      }
    }
    const { height, albedo, roughness } = layers;
    resampleWrapped(formH, half, size, height);
    enlargeColour(formR, formG, formB, half, size, albedo);
    const lamination = noiseField(size, rng.fork('lamination'), { cells: cellsFor(12, scale), cellsY: cellsFor(96, scale), octaves: 2 });
    const grit = noiseField(size, rng.fork('grit'), { cells: cellsFor(96, scale), octaves: 1 });

    for (let i = 0; i < size * size; i++) {
      const lam = lamination[i];
      const g = grit[i];
      height[i] = clamp01(height[i] + 0.03 * lam + 0.03 * g);
      const s = 1 + 0.07 * lam + 0.06 * g;
      albedo[i * 3] = clamp01(albedo[i * 3] * s);
      albedo[i * 3 + 1] = clamp01(albedo[i * 3 + 1] * s);
      albedo[i * 3 + 2] = clamp01(albedo[i * 3 + 2] * s);
      roughness[i] = clamp01(0.84 + 0.06 * g + 0.04 * lam);
    }
    return layers;
  },
};

