/**
 * Walls and loose stone, the pieces most structures share: a wall run between two points (with
 * doorways, windows, crenellations, or broken into uneven chunks when ruined; a log palisade when
 * timber), rubble, and the openings set into a wall face.
 *
 * LODs: LOD0 has merlons, window holes with recessed panes, stepped broken tops; LOD1 swaps merlons
 * for a plain parapet and holes for dark panes on the face; LOD2 keeps doorways and the masses.
 */
import type { Rgb } from '../biomes/color.ts';
import type { Vec3 } from '../assets/asset.ts';
import { box, frustum, shade } from '../assets/mesh-builder.ts';
import type { AssetMaterialName } from '../assets/asset-materials.ts';
import { compose, rotationX, rotationY, translation } from '../assets/transform.ts';
import type { Rng } from '../seed/rng.ts';
import { facet, type BuildContext } from './build-context.ts';
import { extrudedProfile } from './profile.ts';

export interface Opening {
  /** Centre along the wall, metres from its start. */
  at: number;
  width: number;
  /** Sill height (0 for a doorway). */
  bottom: number;
  /** Lintel height. */
  top: number;
  kind: 'door' | 'gate' | 'window';
}

export interface WallRunOptions {
  height: number;
  thickness: number;
  material?: AssetMaterialName;
  color?: Rgb;
  /** The outside face: +1 the run's left (+z when it runs along +x), −1 the right. */
  outside?: 1 | -1;
  crenels?: boolean;
  openings?: Opening[];
  /** 0 whole … 1 razed to stubs: how far a ruined top is broken down. */
  broken?: number;
  /** A stockade of sharpened logs instead of masonry or planks. */
  palisade?: boolean;
  /** Leave out of the collider (low garden walls). */
  walkThrough?: boolean;
}

/** A straight wall from `from` to `to` (x, z on the ground), standing on y = 0. */
export function wallRun(ctx: BuildContext, key: string, from: [number, number], to: [number, number], options: WallRunOptions): void {
  const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
  if (length < 0.2) return;
  const yaw = Math.atan2(-(to[1] - from[1]), to[0] - from[0]);
  ctx.at(from[0], 0, from[1], yaw, () => {
    if (options.palisade) palisade(ctx, key, length, options);
    else if ((options.broken ?? 0) > 0) brokenWall(ctx, key, length, options);
    else wholeWall(ctx, key, length, options);
  });
}

function wholeWall(ctx: BuildContext, key: string, length: number, o: WallRunOptions): void {
  const { b, lod, look } = ctx;
  const material = o.material ?? look.wall.material;
  const base = o.color ?? look.wall.color;
  const t = o.thickness;
  const h = o.height;
  const rng = ctx.random(`${key}/tint`);
  const tint = () => shade(base, rng.range(0.93, 1.07));
  const slab = (x0: number, x1: number, y0: number, y1: number) => {
    if (x1 - x0 < 0.01 || y1 - y0 < 0.01) return;
    box(b, material, [x1 - x0, y1 - y0, t], tint(), [(x0 + x1) / 2, (y0 + y1) / 2, 0]);
    if (!o.walkThrough) ctx.solid([(x0 + x1) / 2, (y0 + y1) / 2, 0], [x1 - x0, y1 - y0, t]);
  };
  const openings = (o.openings ?? []).filter((w) => w.kind !== 'window' || lod === 0).sort((a, c) => a.at - c.at);
  const solidSpans: Array<[number, number]> = [];
  let cursor = 0;
  for (const w of openings) {
    const x0 = Math.max(cursor, w.at - w.width / 2);
    const x1 = Math.min(length, w.at + w.width / 2);
    slab(cursor, x0, 0, h);
    solidSpans.push([cursor, x0]);
    slab(x0, x1, 0, w.bottom);
    slab(x0, x1, w.top, h);
    if (w.kind === 'window') box(b, 'stone', [x1 - x0, 0.1, t + 0.04], look.stone, [(x0 + x1) / 2, w.bottom + 0.05, 0]);
    paneOrDoor(ctx, w, (x0 + x1) / 2, x1 - x0, t);
    if (w.bottom > 0.01) solidSpans.push([x0, x1]);
    cursor = x1;
  }
  slab(cursor, length, 0, h);
  solidSpans.push([cursor, length]);
  // Windows a LOD0 cuts as holes are dark panes on both faces further away.
  if (lod === 1) {
    for (const w of o.openings ?? []) {
      if (w.kind !== 'window') continue;
      for (const side of [1, -1]) box(b, 'stone', [w.width, w.top - w.bottom, 0.04], look.glass, [w.at, (w.bottom + w.top) / 2, side * (t / 2 + 0.01)]);
    }
  }
  if (o.crenels) crenellate(ctx, key, solidSpans, o, material, base);
}

/** The glass of a window or the leaf of a door, set into an opening centred at `x`. */
function paneOrDoor(ctx: BuildContext, w: Opening, x: number, width: number, thickness: number): void {
  const { b, look } = ctx;
  if (w.kind === 'window') box(b, 'stone', [width, w.top - w.bottom, 0.06], look.glass, [x, (w.bottom + w.top) / 2, 0]);
  else if (w.kind === 'door' && ctx.lod < 2) box(b, 'wood', [width, w.top - w.bottom, 0.08], look.darkWood, [x, (w.top - w.bottom) / 2, -thickness * 0.1]);
  else if (w.kind === 'gate' && ctx.lod < 2) box(b, 'wood', [width, (w.top - w.bottom) * 0.98, 0.12], shade(look.darkWood, 0.8), [x, (w.top - w.bottom) / 2, 0]);
}

function crenellate(ctx: BuildContext, key: string, spans: Array<[number, number]>, o: WallRunOptions, material: AssetMaterialName, color: Rgb): void {
  const { b, lod } = ctx;
  if (lod === 2) return;
  const side = o.outside ?? 1;
  const depth = Math.min(0.55, o.thickness * 0.35);
  const z = side * (o.thickness / 2 - depth / 2);
  const rng = ctx.random(`${key}/merlons`);
  for (const [x0, x1] of spans) {
    const span = x1 - x0;
    if (span < 0.8) continue;
    if (lod === 1) {
      box(b, material, [span, 0.9, depth], shade(color, 0.97), [(x0 + x1) / 2, o.height + 0.45, z]);
      continue;
    }
    const count = Math.max(1, Math.floor((span + 0.7) / 1.6));
    const pitch = span / count;
    for (let i = 0; i < count; i++) {
      const missing = ctx.condition === 'weathered' && rng.chance(0.15);
      if (missing) continue;
      box(b, material, [Math.min(0.95, pitch * 0.6), 0.95, depth], shade(color, rng.range(0.92, 1.06)), [x0 + pitch * (i + 0.5), o.height + 0.47, z]);
    }
  }
  if (!o.walkThrough) ctx.solid([spans[0][0] + (spans[spans.length - 1][1] - spans[0][0]) / 2, o.height + 0.45, z], [spans[spans.length - 1][1] - spans[0][0], 0.9, depth]);
}

/**
 * A broken wall: its top a jagged line sampled every 1.5 m at LOD0 (3 m, 6 m further away)
 * from one height function, so every LOD shows the same ruin; whole stretches missing where it
 * has fallen, and the doorways still open.
 */
function brokenWall(ctx: BuildContext, key: string, length: number, o: WallRunOptions): void {
  const { lod, look } = ctx;
  const material = o.material ?? look.wall.material;
  const base = o.color ?? look.wall.color;
  const broken = o.broken ?? 0.7;
  const rng = ctx.random(`${key}/profile`);
  // Height: a slow swell every 3 m, a jag every 1.5 m, and one slumped stretch.
  const swell = Array.from({ length: Math.ceil(length / 3) + 2 }, () => rng.range(0, 1));
  const jag = Array.from({ length: Math.ceil(length / 1.5) + 2 }, () => rng.range(-1, 1));
  // Where the courses broke off square: a step instead of a crumbled slope.
  const steps = Array.from({ length: Math.ceil(length / 1.5) + 2 }, () => (rng.chance(0.55) ? rng.range(-1, 1) : 0));
  const slump = rng.range(0, length);
  const slumpWidth = rng.range(2, 5);
  const heightAt = (x: number) => {
    const f = x / 3;
    const i = Math.floor(f);
    const t = f - i;
    const s = swell[i] + (swell[i + 1] - swell[i]) * t * t * (3 - 2 * t);
    const j = jag[Math.round(x / 1.5)];
    const low = Math.abs(x - slump) < slumpWidth ? 0.4 : 1;
    const h = o.height * (1 - broken * (0.2 + 0.8 * s)) * low + j * 0.12 * o.height * broken;
    return Math.min(o.height, Math.max(0.3, h));
  };
  // Fallen stretches (more, the more broken), and the doorways.
  const gaps: Array<[number, number]> = (o.openings ?? []).filter((w) => w.kind !== 'window').map((w) => [w.at - w.width / 2, w.at + w.width / 2]);
  const fallen = Math.floor(Math.max(0, broken - 0.45) * (length / 6) + rng.float());
  for (let i = 0; i < fallen; i++) {
    const at = rng.range(0, length);
    const w = rng.range(1, 2.4);
    gaps.push([at - w / 2, at + w / 2]);
  }
  gaps.sort((a, c) => a[0] - c[0]);
  const pieces: Array<[number, number]> = [];
  let cursor = 0;
  for (const [g0, g1] of gaps) {
    if (g0 - cursor > 0.4) pieces.push([cursor, Math.min(g0, length)]);
    cursor = Math.max(cursor, g1);
  }
  if (length - cursor > 0.4) pieces.push([cursor, length]);
  // One of many (a village) is sampled more coarsely.
  const step = 1.5 * 2 ** lod * (ctx.crowd ? 1.5 : 1);
  const t = o.thickness;
  const colors = { side: base, top: shade(base, 1.08) };
  for (const [p0, p1] of pieces) {
    const xs = [p0];
    for (let x = Math.ceil(p0 / step + 1e-6) * step; x < p1 - 0.3; x += step) xs.push(x);
    xs.push(p1);
    // Courses break square: where the top would slope steeper than 40°, it runs level and drops
    // (or rises) at the next sample instead; at LOD0 some samples step anyway.
    const profile: number[] = [];
    const tops: number[] = [];
    for (const [i, x] of xs.entries()) {
      const h = heightAt(x);
      if (i > 0) {
        const previous = tops[tops.length - 1];
        if (Math.abs(h - previous) > 0.84 * (x - profile[profile.length - 1])) {
          profile.push(x);
          tops.push(previous);
        }
      }
      profile.push(x);
      tops.push(h);
      const step = lod === 0 && !ctx.crowd && i > 0 && i < xs.length - 1 ? steps[Math.round(x / 1.5)] * 0.18 * o.height * broken : 0;
      if (Math.abs(step) > 0.05) {
        profile.push(x);
        tops.push(Math.min(o.height, Math.max(0.3, h + step)));
      }
    }
    extrudedProfile(ctx, material, profile, profile.map(() => 0), tops, -t / 2, t / 2, colors);
    // Collider: a box per drawn stretch of up to 3 m, as high as the top gets along it.
    let from = 0;
    for (let k = 1; k < profile.length; k++) {
      if (k < profile.length - 1 && profile[k + 1] - profile[from] <= 3) continue;
      const h = Math.max(...tops.slice(from, k + 1));
      if (profile[k] - profile[from] > 0.05) ctx.solid([(profile[from] + profile[k]) / 2, h / 2, 0], [profile[k] - profile[from], h, t]);
      from = k;
    }
  }
}

function palisade(ctx: BuildContext, key: string, length: number, o: WallRunOptions): void {
  const { b, lod, look } = ctx;
  const color = o.color && o.material === 'wood' ? o.color : look.wood;
  const rng = ctx.random(`${key}/logs`);
  const broken = o.broken ?? 0;
  const diameter = 0.42;
  const count = Math.max(2, Math.round(length / diameter));
  const pitch = length / count;
  const gaps = (o.openings ?? []).filter((w) => w.kind !== 'window');
  const logs: Array<{ x: number; h: number; lean: number; tint: number; missing: boolean }> = [];
  for (let i = 0; i < count; i++) {
    const x = pitch * (i + 0.5);
    const h = o.height * rng.range(0.94, 1.06) * (broken > 0 ? 1 - broken * rng.range(0, 0.7) : 1);
    const lean = broken > 0 && rng.chance(0.25) ? rng.range(-0.35, 0.35) : rng.range(-0.03, 0.03);
    const tint = rng.range(0.85, 1.1);
    const missing = broken > 0 && rng.chance(0.1 + 0.35 * broken);
    const gap = gaps.some((g) => Math.abs(x - g.at) < g.width / 2);
    logs.push({ x, h, lean, tint, missing: missing || gap });
  }
  if (lod === 2) {
    // Runs of standing logs become one board fence block.
    let start = -1;
    for (let i = 0; i <= logs.length; i++) {
      const standing = i < logs.length && !logs[i].missing;
      if (standing && start < 0) start = i;
      if (!standing && start >= 0) {
        const x0 = logs[start].x - pitch / 2;
        const x1 = logs[i - 1].x + pitch / 2;
        const h = logs.slice(start, i).reduce((s, l) => s + l.h, 0) / (i - start);
        box(b, 'wood', [x1 - x0, h, diameter * 0.8], color, [(x0 + x1) / 2, h / 2, 0]);
        start = -1;
      }
    }
    return;
  }
  const segments = lod === 0 ? 6 : 4;
  for (const log of logs) {
    if (log.missing) continue;
    const c = shade(color, log.tint);
    b.within(compose(translation(log.x, 0, 0), rotationX(log.lean)), () => {
      frustum(b, 'wood', [0, 0, 0], [0, log.h, 0], diameter / 2, diameter * 0.45, segments, c);
      if (lod === 0) frustum(b, 'wood', [0, log.h, 0], [0, log.h + 0.45, 0], diameter * 0.45, 0.01, segments, shade(c, 1.1));
    });
    if (Math.abs(log.lean) < 0.1) ctx.solid([log.x, log.h / 2, 0], [pitch, log.h, diameter]);
  }
  if (lod === 0 && broken === 0) {
    const side = -(o.outside ?? 1);
    for (const y of [o.height * 0.3, o.height * 0.75]) box(b, 'wood', [length, 0.2, 0.16], shade(color, 0.8), [length / 2, y, side * (diameter / 2 + 0.08)]);
  }
}

export interface RubbleOptions {
  count: number;
  /** A random point on the ground where a stone lies. */
  where: (rng: Rng) => [number, number];
  size: [number, number];
  material?: AssetMaterialName;
  color?: Rgb;
  /** The ground they lie on (a riverbed under a broken bridge). */
  groundY?: number;
}

/**
 * Fallen stones lying about, tipped at odd angles, half sunk: each an irregular octahedron
 * (8 flat faces) — rougher than a box for fewer triangles. LOD1 keeps half; LOD2 none.
 */
export function rubble(ctx: BuildContext, key: string, o: RubbleOptions): void {
  const rng = ctx.random(`${key}/rubble`);
  const color = o.color ?? ctx.look.wall.color;
  const material = o.material ?? ctx.look.wall.material;
  const stones = Array.from({ length: o.count }, () => {
    const [x, z] = o.where(rng);
    const s = rng.range(o.size[0], o.size[1]);
    const radii = [s * rng.range(0.5, 0.8), s * rng.range(0.5, 0.8), s * rng.range(0.25, 0.45), s * rng.range(0.2, 0.35), s * rng.range(0.35, 0.6), s * rng.range(0.35, 0.6)];
    return { x, z, radii, yaw: rng.range(0, Math.PI), tilt: rng.range(-0.3, 0.3), tint: rng.range(0.8, 1.05) };
  });
  if (ctx.lod === 2) return;
  stones.forEach((s, i) => {
    if (ctx.lod === 1 && i % 2 === 1) return;
    const [px, nx, py, ny, pz, nz] = s.radii;
    const v: Vec3[] = [[px, 0, 0], [-nx, 0, 0], [0, py, 0], [0, -ny, 0], [0, 0, pz], [0, 0, -nz]];
    ctx.b.within(compose(translation(s.x, (o.groundY ?? 0) + ny * 0.4, s.z), rotationY(s.yaw), rotationX(s.tilt)), () => {
      for (const a of [0, 1]) {
        for (const c of [2, 3]) {
          for (const e of [4, 5]) {
            const hint: Vec3 = [a === 0 ? 1 : -1, c === 2 ? 1 : -1, e === 4 ? 1 : -1];
            facet(ctx.b, material, [v[a], v[c], v[e]], hint, shade(color, s.tint * (c === 2 ? 1.05 : 0.85)));
          }
        }
      }
    });
  });
}

/** A point in a ring around the origin, for rubble about a tower or a ring of stones. */
export function aroundRing(inner: number, outer: number): (rng: Rng) => [number, number] {
  return (rng) => {
    const a = rng.range(0, Math.PI * 2);
    const r = rng.range(inner, outer);
    return [Math.cos(a) * r, Math.sin(a) * r];
  };
}

/** A point in a rectangle, for rubble inside a hall or along a wall. */
export function inRect(x0: number, x1: number, z0: number, z1: number): (rng: Rng) => [number, number] {
  return (rng) => [rng.range(x0, x1), rng.range(z0, z1)];
}

/**
 * A window on a flat face, centred at (x, y) on the plane z = `face` (looking +z, in the current
 * frame): a frame and dark glass at LOD0, the glass alone at LOD1, nothing at LOD2.
 */
export function windowOnFace(ctx: BuildContext, x: number, y: number, face: number, width: number, height: number, frame: Rgb = ctx.look.wood): void {
  const { b, lod, look } = ctx;
  if (lod === 2) return;
  if (lod === 0 && !ctx.crowd) box(b, 'wood', [width + 0.22, height + 0.22, 0.08], frame, [x, y, face + 0.03]);
  box(b, 'stone', [width, height, 0.06], look.glass, [x, y, face + (lod === 0 ? 0.06 : 0.03)]);
}

/** A door on a flat face looking +z at z = `face`: a stone surround at LOD0, the leaf at every LOD. */
export function doorOnFace(ctx: BuildContext, x: number, face: number, width: number, height: number): void {
  const { b, lod, look } = ctx;
  if (lod === 0) box(b, 'stone', [width + 0.35, height + 0.2, 0.1], look.stone, [x, (height + 0.2) / 2, face + 0.03]);
  box(b, 'wood', [width, height, 0.08], look.darkWood, [x, height / 2, face + (lod === 0 ? 0.08 : 0.04)]);
}
