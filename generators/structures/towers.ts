/**
 * Towers, round and square, as castles, watchtowers, chapels and windmills use them: a battered
 * base, a tapering body, arrow slits or windows, a doorway, and a top — crenellations on a corbel
 * band, a cone or pyramid roof, a flat parapet — or, ruined, a jagged broken shell with its hollow
 * inside showing.
 */
import type { Rgb } from '../biomes/color.ts';
import type { Vec3 } from '../assets/asset.ts';
import { box, frustum, shade } from '../assets/mesh-builder.ts';
import type { AssetMaterialName } from '../assets/asset-materials.ts';
import { facet, type BuildContext } from './build-context.ts';
import { coneRoof, pyramidRoof } from './roofs.ts';

export type TowerTop = 'crenels' | 'cone' | 'flat' | 'pyramid';

export interface TowerOptions {
  /** Radius (round) or half the side (square) at the base of the body. */
  radius: number;
  height: number;
  /** Top radius over base radius. */
  taper?: number;
  top: TowerTop;
  /** Levels of slits or windows (heights above the ground). */
  windowLevels?: number[];
  windowKind?: 'slit' | 'window';
  /** Angle (radians about +Y, 0 = +z) of a doorway at the foot; undefined for none. */
  door?: number;
  /** Broken top: 0 whole; ruined towers pass 0.3–0.6 (share of the height lost at the low side). */
  broken?: number;
  material?: AssetMaterialName;
  color?: Rgb;
  /** Height of a cone or pyramid roof (default: a moderate pitch). */
  roofHeight?: number;
  /** No crenels on a flat top, no batter: for towers standing on a wall. */
  plain?: boolean;
}

/**
 * A round mass as two boxes, square and turned 45°: a star octagon that stays within the
 * circle's bounding square (corners at 1.05 r), from the ground up to `height`.
 */
export function cylinderSolid(ctx: BuildContext, r: number, height: number, y0 = 0): void {
  const side = 2 * r * 0.74;
  ctx.solid([0, (y0 + height) / 2, 0], [side, height - y0, side]);
  ctx.solid([0, (y0 + height) / 2, 0], [side, height - y0, side], Math.PI / 4);
}

/** A round tower standing on (x, z). */
export function roundTower(ctx: BuildContext, key: string, x: number, z: number, o: TowerOptions): void {
  const { b, look } = ctx;
  const material = o.material ?? look.wall.material;
  const color = o.color ?? look.wall.color;
  const r = o.radius;
  const rTop = r * (o.taper ?? 0.92);
  const n = ctx.segments(16);
  const rng = ctx.random(`${key}/tower`);
  const brokenTops = Array.from({ length: 16 }, () => rng.range(0, 1));
  const lowSide = rng.range(0, Math.PI * 2);
  const batter = o.plain ? 0 : Math.min(1.4, o.height * 0.12);
  const radiusAt = (y: number) => r + (rTop - r) * (y / o.height);
  ctx.at(x, 0, z, 0, () => {
    if (batter > 0) frustum(b, material, [0, 0, 0], [0, batter, 0], r * 1.12, r, n, shade(color, 0.92), { capTo: false });
    if (o.broken) {
      const tops = Array.from({ length: n }, (_, i) => {
        const a = (i / n) * Math.PI * 2;
        const low = 0.5 + 0.5 * Math.cos(a - lowSide);
        const jag = brokenTops[Math.floor((i / n) * 16)];
        return o.height * (1 - (o.broken ?? 0) * (0.35 + 0.65 * low)) * (0.86 + 0.14 * jag);
      });
      brokenTube(ctx, material, r, rTop, o.height, Math.min(0.9, r * 0.3), tops, batter, color);
      cylinderSolid(ctx, r, Math.max(...tops));
    } else {
      frustum(b, material, [0, batter, 0], [0, o.height, 0], radiusAt(batter), rTop, n, color, { capTo: o.top !== 'cone' });
      cylinderSolid(ctx, r, o.height);
      roundTop(ctx, key, rTop, o, material, color);
    }
    openings(ctx, o, (y) => radiusAt(y), o.broken ? o.height * (1 - (o.broken ?? 0)) : o.height);
  });
}

function roundTop(ctx: BuildContext, key: string, r: number, o: TowerOptions, material: AssetMaterialName, color: Rgb): void {
  const { b, lod } = ctx;
  const h = o.height;
  const n = ctx.segments(16);
  if (o.top === 'cone' || o.top === 'pyramid') {
    // Eaves: a corbelled course the cone sits on.
    if (lod < 2) frustum(b, material, [0, h - 0.5, 0], [0, h, 0], r, r + 0.25, n, shade(color, 0.93), { capTo: true });
    coneRoof(ctx, [0, h, 0], r + 0.45, o.roofHeight ?? r * 1.7, ctx.segments(16));
    return;
  }
  if (o.top === 'flat' && o.plain) return;
  const band = r + 0.35;
  // The corbelled band the parapet stands on.
  frustum(b, material, [0, h - 0.7, 0], [0, h, 0], r, band, n, shade(color, 0.95), { capTo: true });
  if (lod === 2) return;
  if (lod === 1 || o.top === 'flat') {
    frustum(b, material, [0, h, 0], [0, h + 1, 0], band, band, n, color, { capTo: true });
    return;
  }
  const rng = ctx.random(`${key}/merlons`);
  const count = Math.max(6, Math.round((2 * Math.PI * band) / 1.5));
  for (let i = 0; i < count; i++) {
    if (ctx.condition === 'weathered' && rng.chance(0.15)) continue;
    const a = (i / count) * Math.PI * 2;
    ctx.at(Math.sin(a) * (band - 0.25), h, Math.cos(a) * (band - 0.25), a, () =>
      box(b, material, [((2 * Math.PI * band) / count) * 0.55, 1, 0.5], shade(color, rng.range(0.93, 1.05)), [0, 0.5, 0]),
    );
  }
}

/** Slits or windows around the shaft, and the doorway. `surface(y)` is the wall's radius at y. */
function openings(ctx: BuildContext, o: TowerOptions, surface: (y: number) => number, below: number): void {
  const { b, lod, look } = ctx;
  if (o.door !== undefined && lod < 2) {
    const y = 0;
    const r = surface(1.2) + (o.plain ? 0 : 0.05);
    ctx.at(Math.sin(o.door) * r, y, Math.cos(o.door) * r, o.door, () => {
      // A ruin's door has rotted away: a dark doorway.
      if (o.broken) box(b, 'stone', [1.2, 2.4, 0.3], look.opening, [0, 1.2, 0]);
      else {
        if (lod === 0) box(b, 'stone', [1.8, 2.9, 0.3], look.stone, [0, 1.45, 0]);
        box(b, 'wood', [1.2, 2.4, 0.3], look.darkWood, [0, 1.2, 0.06]);
      }
    });
  }
  if (lod !== 0) return;
  for (const [level, y] of (o.windowLevels ?? []).entries()) {
    if (y > below - 1) continue;
    for (let k = 0; k < 4; k++) {
      const a = (k / 4) * Math.PI * 2 + (level % 2) * (Math.PI / 4) + Math.PI / 4;
      const r = surface(y) - 0.05;
      ctx.at(Math.sin(a) * r, y, Math.cos(a) * r, a, () => {
        if (o.windowKind === 'window') {
          box(b, 'stone', [0.9, 1.3, 0.3], look.stone, [0, 0, 0]);
          box(b, 'stone', [0.6, 1.0, 0.34], look.glass, [0, 0, 0]);
        } else box(b, 'stone', [0.22, 1.2, 0.3], look.opening, [0, 0, 0]);
      });
    }
  }
}

/**
 * A hollow shell of a round tower whose top is broken at `tops[i]` per segment: outer wall, inner
 * wall and a rim on top, flat-shaded so the breaks read as broken stone.
 */
export function brokenTube(ctx: BuildContext, material: AssetMaterialName, r: number, rTop: number, height: number, thickness: number, tops: number[], from: number, color: Rgb): void {
  const n = tops.length;
  const outer = (a: number, y: number): Vec3 => {
    const rr = r + (rTop - r) * (y / height);
    return [Math.sin(a) * rr, y, Math.cos(a) * rr];
  };
  const inner = (a: number, y: number): Vec3 => {
    const rr = r + (rTop - r) * (y / height) - thickness;
    return [Math.sin(a) * rr, y, Math.cos(a) * rr];
  };
  for (let i = 0; i < n; i++) {
    const a0 = (i / n) * Math.PI * 2;
    const a1 = ((i + 1) / n) * Math.PI * 2;
    const am = (a0 + a1) / 2;
    const t0 = tops[i];
    const t1 = tops[(i + 1) % n];
    const out: Vec3 = [Math.sin(am), 0, Math.cos(am)];
    const tint = shade(color, 0.95 + 0.1 * ((i * 7) % 5) / 5);
    facet(ctx.b, material, [outer(a0, from), outer(a1, from), outer(a1, t1), outer(a0, t0)], out, tint);
    facet(ctx.b, material, [inner(a0, 0), inner(a1, 0), inner(a1, t1), inner(a0, t0)], [-out[0], 0, -out[2]], shade(tint, 0.7));
    facet(ctx.b, material, [outer(a0, t0), outer(a1, t1), inner(a1, t1), inner(a0, t0)], [0, 1, 0], shade(tint, 1.05));
  }
  // The floor of the shell, rubble-strewn earth.
  if (ctx.lod < 2) {
    const floor: Vec3[] = Array.from({ length: n }, (_, i) => inner((i / n) * Math.PI * 2, 0.05));
    facet(ctx.b, material, floor, [0, 1, 0], shade(color, 0.55));
  }
}

/** A square tower centred on (x, z), `radius` = half its side. */
export function squareTower(ctx: BuildContext, key: string, x: number, z: number, o: TowerOptions): void {
  const { b, lod, look } = ctx;
  const material = o.material ?? look.wall.material;
  const color = o.color ?? look.wall.color;
  const s = o.radius * 2;
  const sTop = s * (o.taper ?? 1);
  const rng = ctx.random(`${key}/tower`);
  const cut = Array.from({ length: 8 }, () => rng.range(0, 1));
  ctx.at(x, 0, z, 0, () => {
    const batter = o.plain || o.broken ? 0 : Math.min(1.2, o.height * 0.1);
    if (batter > 0) box(b, material, [s + 0.5, batter, s + 0.5], shade(color, 0.92), [0, batter / 2, 0]);
    if (o.broken) {
      // Four walls broken at different heights, open at the top.
      const t = Math.min(1, s * 0.15);
      const h = (i: number) => o.height * (1 - (o.broken ?? 0) * (0.3 + 0.7 * cut[i]));
      const walls: Array<[Vec3, Vec3, number]> = [
        [[0, 0, s / 2 - t / 2], [s, 0, t], h(0)],
        [[0, 0, -s / 2 + t / 2], [s, 0, t], h(1)],
        [[s / 2 - t / 2, 0, 0], [t, 0, s - 2 * t], h(2)],
        [[-s / 2 + t / 2, 0, 0], [t, 0, s - 2 * t], h(3)],
      ];
      for (const [i, [c, size, height]] of walls.entries()) {
        box(b, material, [size[0], height, size[2]], shade(color, 0.94 + 0.1 * cut[i + 4]), [c[0], height / 2, c[2]]);
        ctx.solid([c[0], height / 2, c[2]], [size[0], height, size[2]]);
        if (lod === 0 && i < 2) {
          const along = size[0] > size[2];
          const w = (along ? size[0] : size[2]) * (0.3 + 0.3 * cut[(i + 2) % 8]);
          const step = 0.5 + cut[(i + 5) % 8];
          box(b, material, along ? [w, step, size[2]] : [size[0], step, w], shade(color, 0.97), [c[0], height + step / 2, c[2]]);
        }
      }
      if (lod < 2) box(b, material, [s - 2 * t, 0.1, s - 2 * t], shade(color, 0.55), [0, 0.05, 0]);
    } else {
      if (Math.abs(sTop - s) < 1e-3) box(b, material, [s, o.height - batter, s], color, [0, batter + (o.height - batter) / 2, 0]);
      else frustumSquare(ctx, material, s, sTop, batter, o.height, color);
      ctx.solid([0, o.height / 2, 0], [s, o.height, s]);
      if (lod === 0 && material !== 'wood') quoins(ctx, s, sTop, batter, o.height, material, color);
      squareTop(ctx, key, sTop, o, material, color);
    }
    const below = o.broken ? o.height * (1 - (o.broken ?? 0)) : o.height;
    if (o.door !== undefined && lod < 2) {
      ctx.at(0, 0, 0, o.door, () => {
        const face = s / 2 + (batter > 0 ? 0.25 : 0);
        // A ruin's door has rotted away: a dark doorway.
        if (o.broken) box(b, 'stone', [1.2, 2.4, 0.12], look.opening, [0, 1.2, face]);
        else {
          if (lod === 0) box(b, 'stone', [1.8, 2.9, 0.12], look.stone, [0, 1.45, face]);
          box(b, 'wood', [1.2, 2.4, 0.12], look.darkWood, [0, 1.2, face + 0.05]);
        }
      });
    }
    if (lod === 0) {
      for (const [level, y] of (o.windowLevels ?? []).entries()) {
        if (y > below - 1) continue;
        for (let k = 0; k < 4; k++) {
          if (level === 0 && o.door !== undefined && Math.abs(k * (Math.PI / 2) - o.door) < 0.1) continue;
          const face = (s + ((sTop - s) * y) / o.height) / 2;
          ctx.at(0, 0, 0, (k * Math.PI) / 2, () => {
            if (o.windowKind === 'window') {
              box(b, 'stone', [1.0, 1.4, 0.1], look.stone, [0, y, face + 0.02]);
              box(b, 'stone', [0.7, 1.1, 0.1], look.glass, [0, y, face + 0.05]);
            } else box(b, 'stone', [0.24, 1.2, 0.1], look.opening, [0, y, face + 0.02]);
          });
        }
      }
    }
  });
}

/** Dressed corner stones, long and short by turns, proud of the faces (LOD0 detail). */
function quoins(ctx: BuildContext, s0: number, s1: number, from: number, to: number, material: AssetMaterialName, color: Rgb): void {
  const course = 0.9;
  const count = Math.floor((to - from - 1) / (course * 2));
  for (let i = 0; i < count; i++) {
    const y = from + 0.4 + i * course * 2 + course / 2;
    const half = (s0 + ((s1 - s0) * y) / to) / 2;
    const long = i % 2 === 0;
    for (const [sx, sz] of [[-1, -1], [1, -1], [1, 1], [-1, 1]]) {
      const size: Vec3 = long ? [1.1, course * 0.9, 0.7] : [0.7, course * 0.9, 1.1];
      box(ctx.b, material, size, shade(color, 1.08), [sx * (half - size[0] / 2 + 0.06), y, sz * (half - size[2] / 2 + 0.06)]);
    }
  }
}

/** A square shaft tapering from side `s0` to `s1`. */
function frustumSquare(ctx: BuildContext, material: AssetMaterialName, s0: number, s1: number, y0: number, y1: number, color: Rgb): void {
  const h0 = s0 / 2;
  const h1 = s1 / 2;
  const corners = (h: number, y: number): Vec3[] => [[-h, y, -h], [h, y, -h], [h, y, h], [-h, y, h]];
  const bottom = corners(h0, y0);
  const top = corners(h1, y1);
  for (let i = 0; i < 4; i++) {
    const j = (i + 1) % 4;
    const mid: Vec3 = [(bottom[i][0] + bottom[j][0]) / 2, 0, (bottom[i][2] + bottom[j][2]) / 2];
    facet(ctx.b, material, [bottom[i], bottom[j], top[j], top[i]], mid, i % 2 ? shade(color, 0.97) : color);
  }
  facet(ctx.b, material, top, [0, 1, 0], color);
}

function squareTop(ctx: BuildContext, key: string, s: number, o: TowerOptions, material: AssetMaterialName, color: Rgb): void {
  const { b, lod } = ctx;
  const h = o.height;
  if (o.top === 'pyramid' || o.top === 'cone') {
    // Eaves: a corbelled course the roof sits on.
    if (lod < 2) box(b, material, [s + 0.4, 0.5, s + 0.4], shade(color, 0.93), [0, h - 0.25, 0]);
    pyramidRoof(ctx, [0, h, 0], s + 0.7, o.roofHeight ?? s * 0.85);
    if (lod === 0) frustum(b, 'metal', [0, h + (o.roofHeight ?? s * 0.85) - 0.2, 0], [0, h + (o.roofHeight ?? s * 0.85) + 1.2, 0], 0.06, 0.03, 4, ctx.look.metal);
    return;
  }
  if (o.top === 'flat' && o.plain) return;
  const band = s + 0.6;
  box(b, material, [band, 0.7, band], shade(color, 0.95), [0, h - 0.35, 0]);
  if (lod === 2) return;
  if (lod === 1 || o.top === 'flat') {
    for (let k = 0; k < 4; k++)
      ctx.at(0, 0, 0, (k * Math.PI) / 2, () => box(b, material, [band, 0.9, 0.4], color, [0, h + 0.45, band / 2 - 0.2]));
    return;
  }
  const rng = ctx.random(`${key}/merlons`);
  const per = Math.max(2, Math.round(band / 1.5));
  for (let k = 0; k < 4; k++) {
    ctx.at(0, 0, 0, (k * Math.PI) / 2, () => {
      for (let i = 0; i < per; i++) {
        if (ctx.condition === 'weathered' && rng.chance(0.15)) continue;
        const x = -band / 2 + (band / per) * (i + 0.5);
        box(b, material, [(band / per) * 0.55, 1, 0.45], shade(color, rng.range(0.93, 1.05)), [x, h + 0.5, band / 2 - 0.225]);
      }
    });
  }
}
