/**
 * Turns traced river courses into rivers with water in them: smooth the course (less when
 * `meander` is high), swing it into meanders where the ground lets it, give it a width and depth
 * that grow downstream with drainage area, a water level that never rises downstream, optional
 * waterfalls, and carve the channel and its banks into the terrain.
 *
 * Meanders: a traced course follows the drainage grid, which runs dead straight across flats
 * (a lake's shore apron, a filled hollow). Each point is pushed sideways by smooth noise along the
 * river — wavelength six mouth widths (at least 60 m), amplitude up to a fifth of it × `meander`,
 * so bends stay wide enough for a bridge's straight stretch; only where the course falls gently,
 * as real rivers meander on low gradients and run straight down steep ones — and pulled back wherever the push
 * would climb more than 1.5 m above the course's own ground, so meanders swing across floors and
 * never up valley sides. Both ends stay put. Courses that follow a landform's axis
 * (`meanders: false`) already meander.
 *
 * Lakes: where a course crosses a lake (`lakeSurface`), the river's level is the lake's level,
 * not the carved lake bed's, so downstream of the lake it leaves at the outlet's height rather
 * than trenching through the rim at the depth of the bed.
 *
 * Each terrain sample is shaped by its *nearest* river point only. That keeps a bend from cutting
 * into the bank of the stretch next to it, and gives a waterfall a clean face: samples nearest the
 * raised ledge above the fall keep the high water, samples nearest the pool below are cut down.
 */
import { heightAt, sampleWindow, sampleX, sampleZ, type Heightfield } from '../terrain/heightfield.ts';
import { createGradientNoise, smoothstep, type Noise2D } from '../terrain/gradient-noise.ts';
import { chaikin, resample } from '../terrain/polyline.ts';
import type { Rng } from '../seed/rng.ts';
import type { RiverCourse } from './trace-rivers.ts';
import type { River, RiverPoint, Waterfall } from './water-bodies.ts';

export interface CarveRiversOptions {
  seaLevel: number | null;
  meander: number;
  waterfalls: number;
  /** Lake water level per grid sample, NaN outside lakes. */
  lakeSurface?: Float32Array;
  /** Draws the meanders' noise. */
  rng: Rng;
}

export interface CarvedRivers {
  rivers: River[];
  waterfalls: Waterfall[];
  /** Per grid sample: river water level where a channel runs, NaN elsewhere. */
  surface: Float32Array;
}

/** Banks rise to this height above the water before blending into the terrain. */
const FREEBOARD = 0.3;

export function carveRivers(field: Heightfield, courses: RiverCourse[], options: CarveRiversOptions): CarvedRivers {
  const surface = new Float32Array(field.nx * field.nz).fill(NaN);
  const rivers: River[] = [];
  const plans: Array<{ points: RiverPoint[]; ledge: Uint8Array; mouth: River['mouth'] }> = [];
  const shorter = Math.min(field.width, field.depth);

  const noise = createGradientNoise(options.rng);
  courses.forEach((course, c) => {
    const smoothing = 1 + Math.round(3 * (1 - options.meander));
    let path = course.points;
    for (let s = 0; s < smoothing; s++) path = chaikin(path, weighPoint);
    const spacing = Math.max(1, Math.min(field.dx, field.dz) * 1.5);
    path = resample(path, spacing, 0.25, pointAlong);
    // The drainage grid's 45° steps survive corner cutting: average them out over two cells.
    if (course.meanders !== false) path = averageAlong(path, Math.max(1, Math.round((2 * gridStep(course.points)) / spacing)));
    const mouthWidth = Math.min(4 + 90 * course.share, 4 + 0.03 * shorter);
    if (course.meanders !== false && options.meander > 0) {
      const wavelength = Math.max(60, 6 * mouthWidth);
      path = resample(chaikin(swing(field, path, noise, c, options.meander * 0.2 * wavelength, wavelength), weighPoint), spacing, 0.25, pointAlong);
    }
    const mouthArea = path[path.length - 1].area;
    const points: RiverPoint[] = [];
    let level = Infinity;
    for (const p of path) {
      const a = Math.sqrt(Math.min(1, p.area / mouthArea));
      const lake = options.lakeSurface ? lakeLevelAt(field, options.lakeSurface, p.x, p.z) : Number.NaN;
      // In a lake the water is the lake's; elsewhere it stays under the ground it runs through.
      level = Math.min(level - 0.0005 * spacing, Number.isNaN(lake) ? heightAt(field, p.x, p.z) - FREEBOARD : lake);
      if (options.seaLevel !== null && level <= options.seaLevel) {
        points.push({ x: p.x, z: p.z, level: options.seaLevel - 0.05, width: (0.35 + 0.65 * a) * mouthWidth, depth: 0.6 + 1.6 * a });
        break;
      }
      points.push({ x: p.x, z: p.z, level, width: (0.35 + 0.65 * a) * mouthWidth, depth: 0.6 + 1.6 * a });
    }
    if (points.length >= 4) plans.push({ points, ledge: new Uint8Array(points.length), mouth: course.mouth });
  });

  const falls = planWaterfalls(plans, options.waterfalls, spacingOf(field));
  plans.forEach((plan, i) => {
    carveChannel(field, plan.points, plan.ledge, surface);
    rivers.push({ id: `river-${i + 1}`, points: plan.points, mouth: plan.mouth });
  });
  const waterfalls = falls.map((f, i) => ({
    id: `waterfall-${i + 1}`,
    riverId: `river-${f.plan + 1}`,
    x: f.x,
    z: f.z,
    top: f.top,
    bottom: f.bottom,
  }));
  return { rivers, waterfalls, surface };
}

function spacingOf(field: Heightfield): number {
  return Math.max(1, Math.min(field.dx, field.dz) * 1.5);
}

interface PlannedFall {
  plan: number;
  index: number;
  x: number;
  z: number;
  top: number;
  bottom: number;
}

/**
 * Waterfalls go where the river already drops most over a short run. The water is held at the
 * top level on the ledge above and dropped to the bottom level below, with a vertical step (two
 * points at the same place) between them. Mutates the plans' points and ledge marks.
 */
function planWaterfalls(plans: Array<{ points: RiverPoint[]; ledge: Uint8Array }>, count: number, spacing: number): PlannedFall[] {
  if (count <= 0) return [];
  const half = Math.max(3, Math.round(18 / spacing));
  const candidates: Array<{ plan: number; index: number; drop: number }> = [];
  plans.forEach((plan, p) => {
    const pts = plan.points;
    const from = Math.max(half, Math.floor(pts.length * 0.15));
    const to = Math.min(pts.length - half, Math.ceil(pts.length * 0.85));
    for (let k = from; k < to; k++) candidates.push({ plan: p, index: k, drop: pts[k - half].level - pts[k + half].level });
  });
  candidates.sort((a, b) => b.drop - a.drop || a.plan - b.plan || a.index - b.index);

  const falls: PlannedFall[] = [];
  for (const c of candidates) {
    if (falls.length >= count) break;
    if (falls.some((f) => f.plan === c.plan && Math.abs(f.index - c.index) < half * 4)) continue;
    const pts = plans[c.plan].points;
    const top = pts[c.index - half].level;
    const bottom = Math.min(pts[c.index + half].level, top - 3);
    for (let i = c.index - half; i < c.index; i++) {
      pts[i].level = top - 0.0005 * (i - c.index + half);
      plans[c.plan].ledge[i] = 1;
    }
    for (let i = c.index; i <= c.index + half; i++) pts[i].level = Math.min(pts[i].level, bottom);
    for (let i = c.index + half + 1; i < pts.length; i++) pts[i].level = Math.min(pts[i].level, pts[i - 1].level);
    falls.push({ plan: c.plan, index: c.index, x: pts[c.index].x, z: pts[c.index].z, top, bottom });
  }
  // The vertical step: a copy of the fall's point at the top level, inserted downstream-first so
  // earlier indices stay valid.
  for (const fall of [...falls].sort((a, b) => b.index - a.index)) {
    const plan = plans[fall.plan];
    // The step's top takes the last ledge point's level, so the water never rises.
    fall.top = plan.points[fall.index - 1].level;
    plan.points.splice(fall.index, 0, { ...plan.points[fall.index], level: fall.top });
    const ledge = new Uint8Array(plan.points.length);
    ledge.set(plan.ledge.subarray(0, fall.index), 0);
    ledge[fall.index] = 1;
    ledge.set(plan.ledge.subarray(fall.index), fall.index + 1);
    plan.ledge = ledge;
  }
  return falls;
}

function carveChannel(field: Heightfield, points: RiverPoint[], ledge: Uint8Array, surface: Float32Array): void {
  const { nx, nz, heights: h } = field;
  // Nearest river point per touched sample.
  const nearest = new Map<number, { index: number; distance: number }>();
  points.forEach((p, index) => {
    const reach = reachOf(p);
    const { ix0, ix1, iz0, iz1 } = sampleWindow(field, p.x, p.z, reach);
    for (let iz = iz0; iz <= iz1; iz++) {
      for (let ix = ix0; ix <= ix1; ix++) {
        const distance = Math.hypot(sampleX(field, ix) - p.x, sampleZ(field, iz) - p.z);
        if (distance > reach) continue;
        const i = iz * nx + ix;
        const best = nearest.get(i);
        // Ties go to the later (downstream) point, so a fall's face sits on the step.
        if (!best || distance <= best.distance) nearest.set(i, { index, distance });
      }
    }
  });
  const sorted = [...nearest.entries()].sort((a, b) => a[0] - b[0]);
  for (const [i, { index, distance }] of sorted) {
    const p = points[index];
    const halfWidth = p.width / 2;
    const bank = bankOf(p);
    if (distance <= halfWidth) {
      const across = distance / halfWidth;
      const bed = p.level - p.depth * (1 - across * across);
      h[i] = Math.max(0, ledge[index] ? bed : Math.min(h[i], bed));
      surface[i] = Number.isNaN(surface[i]) ? p.level : Math.max(surface[i], p.level);
    } else {
      const t = (distance - halfWidth) / bank;
      const cut = p.level + FREEBOARD + Math.max(2, 2 * p.depth) * Math.pow(t, 1.3);
      const target = cut + (h[i] - cut) * smoothstep(0.6, 1, t);
      h[i] = Math.max(0, ledge[index] ? Math.max(h[i], target, p.level + 0.6 * (1 - t)) : Math.min(h[i], target));
    }
  }
}

function bankOf(p: RiverPoint): number {
  return Math.max(3, p.width * 0.75);
}

function reachOf(p: RiverPoint): number {
  return p.width / 2 + bankOf(p);
}

type PathPoint = { x: number; z: number; area: number };

/** The lake level at the nearest grid sample, NaN when that sample is no lake. */
function lakeLevelAt(field: Heightfield, lakeSurface: Float32Array, x: number, z: number): number {
  const ix = Math.min(field.nx - 1, Math.max(0, Math.round((x + field.width / 2) / field.dx)));
  const iz = Math.min(field.nz - 1, Math.max(0, Math.round((z + field.depth / 2) / field.dz)));
  return lakeSurface[iz * field.nx + ix];
}

/**
 * Meanders (see the file comment). Each point's push along the path's normal is noise of the
 * distance along it, tapered to nothing over the first and last half wavelength and where the
 * ground falls steeply along the course (more than 1–4% over a quarter wavelength). Then the
 * climb limit: each point's largest allowed share of its push (1, ½, ¼, … or none) keeping it at
 * most 1.5 m above the course's ground, taken as the minimum over a quarter wavelength and
 * smoothed, so the pull-back is as gradual as the push and the line stays smooth.
 */
function swing(field: Heightfield, path: PathPoint[], noise: Noise2D, course: number, amplitude: number, wavelength: number): PathPoint[] {
  const n = path.length;
  if (n < 3) return path;
  const along = new Float64Array(n);
  for (let k = 1; k < n; k++) along[k] = along[k - 1] + Math.hypot(path[k].x - path[k - 1].x, path[k].z - path[k - 1].z);
  const total = along[n - 1];
  const ground = path.map((p) => heightAt(field, p.x, p.z));
  const quarter = Math.max(1, Math.round(n * (wavelength / 4 / Math.max(1, total))));
  const eighth = Math.max(1, Math.round(quarter / 2));
  const clampX = field.width / 2 - field.dx;
  const clampZ = field.depth / 2 - field.dz;
  const at = (k: number, offset: number, normal: { x: number; z: number }) => ({
    x: Math.max(-clampX, Math.min(clampX, path[k].x + normal.x * offset)),
    z: Math.max(-clampZ, Math.min(clampZ, path[k].z + normal.z * offset)),
  });

  const normals = path.map((_, k) => {
    // Across the line a sixteenth of a wavelength either way: the drainage grid's steps average out.
    const a = path[Math.max(0, k - eighth)];
    const b = path[Math.min(n - 1, k + eighth)];
    const length = Math.hypot(b.x - a.x, b.z - a.z) || 1;
    return { x: -(b.z - a.z) / length, z: (b.x - a.x) / length };
  });
  const offsets = path.map((_, k) => {
    const up = Math.max(0, k - quarter);
    const down = Math.min(n - 1, k + quarter);
    const fall = Math.abs(ground[up] - ground[down]) / Math.max(1, along[down] - along[up]);
    const gentle = 1 - smoothstep(0.01, 0.04, fall);
    const taper = smoothstep(0, wavelength / 2, along[k]) * smoothstep(0, wavelength / 2, total - along[k]);
    return amplitude * taper * gentle * Math.max(-1, Math.min(1, 1.6 * noise(along[k] / wavelength, 7.3 * course + 0.5)));
  });
  const allowed = offsets.map((offset, k) => {
    for (let share = 1; share >= 1 / 16; share /= 2) {
      const p = at(k, offset * share, normals[k]);
      if (heightAt(field, p.x, p.z) - ground[k] <= 1.5) return share;
    }
    return 0;
  });
  const limited = allowed.map((_, k) => Math.min(...allowed.slice(Math.max(0, k - quarter), Math.min(n, k + quarter + 1))));
  return path.map((p, k) => {
    const window = limited.slice(Math.max(0, k - quarter), Math.min(n, k + quarter + 1));
    const share = Math.min(limited[k] === 0 ? 0 : 1, window.reduce((sum, v) => sum + v, 0) / window.length);
    return { ...at(k, offsets[k] * share, normals[k]), area: p.area };
  });
}

/** The typical step between a traced course's points: its drainage grid's cell. */
function gridStep(points: PathPoint[]): number {
  const steps = points.slice(1).map((p, k) => Math.hypot(p.x - points[k].x, p.z - points[k].z)).sort((a, b) => a - b);
  return steps.length > 0 ? steps[Math.floor(steps.length / 2)] : 1;
}

/** Each point moved to the mean of its neighbours within `radius` points (fewer near the ends, which stay put). */
function averageAlong(points: PathPoint[], radius: number): PathPoint[] {
  const n = points.length;
  return points.map((p, k) => {
    const r = Math.min(radius, k, n - 1 - k);
    if (r === 0) return p;
    let x = 0;
    let z = 0;
    for (let j = k - r; j <= k + r; j++) {
      x += points[j].x;
      z += points[j].z;
    }
    return { x: x / (2 * r + 1), z: z / (2 * r + 1), area: p.area };
  });
}

const weighPoint = (a: PathPoint, b: PathPoint, wa: number, wb: number): PathPoint => ({
  x: wa * a.x + wb * b.x,
  z: wa * a.z + wb * b.z,
  area: wa * a.area + wb * b.area,
});

const pointAlong = (a: PathPoint, b: PathPoint, t: number, length: number): PathPoint => {
  const f = t / length;
  return { x: a.x + (b.x - a.x) * f, z: a.z + (b.z - a.z) * f, area: a.area + (b.area - a.area) * f };
};
