/**
 * Leaves by the clump: lumpy blobs of foliage, their colour by species and season, and snow.
 *
 * A clump is an icosphere pushed out by five or six random bumps (so no two are alike and the
 * silhouette is lumpy rather than round). Its normals lean halfway toward the direction out of the
 * whole crown, so a crown of twenty clumps shades as one mass lit from above rather than twenty
 * separate balls; its colour darkens toward the inside and underside of the crown for the same
 * reason (a cheap stand-in for ambient occlusion).
 */
import { mixRgb, type Rgb } from '../../biomes/color.ts';
import { mix32 } from '../../seed/derive-seed.ts';
import { Rng } from '../../seed/rng.ts';
import type { SEASONS } from '../../spec/world-spec-schema.ts';
import type { Vec3 } from '../asset.ts';
import type { AssetMaterialName } from '../asset-materials.ts';
import { icosphere, linear, type MeshBuilder } from '../mesh-builder.ts';
import { cross, normalize, subtract } from '../transform.ts';

export type Season = (typeof SEASONS)[number];

/** How a world dresses its plants: the season, a palette's foliage colour, snow. */
export interface FoliageStyle {
  season: Season;
  /** sRGB hex that replaces the species' summer green (a palette override); null keeps it. */
  foliage: string | null;
  /** 0..1: how much snow lies on upward-facing leaves. */
  snow: number;
}

/** sRGB hex colours a species' leaves take in each season; `winter: null` means bare. */
export interface FoliagePalette {
  spring: readonly string[];
  summer: readonly string[];
  autumn: readonly string[];
  winter: readonly string[] | null;
}

export interface Clump {
  center: Vec3;
  radii: Vec3;
  /** Linear RGB. */
  color: Rgb;
  /** Seeds the clump's bumps. */
  seed: number;
}

export const SNOW: Rgb = linear('#eef2f6');
const FRESH: Rgb = linear('#a9cc5a');

export function isBare(palette: FoliagePalette, season: Season): boolean {
  return palette.winter === null && season === 'winter';
}

/**
 * One clump's colour: a pick from the season's list with a little brightness and hue play. A
 * palette override replaces the summer green, freshens in spring, shows under autumn colour at a
 * quarter, and darkens in winter.
 */
export function foliageColor(palette: FoliagePalette, style: FoliageStyle, rng: Rng): Rgb {
  const list = style.season === 'winter' ? (palette.winter ?? palette.autumn) : palette[style.season];
  let color = linear(rng.pick(list));
  // A second pick blended in gives in-between hues, not just the listed ones.
  color = mixRgb(color, linear(rng.pick(list)), rng.range(0, 0.5));
  if (style.foliage !== null) {
    const override = linear(style.foliage);
    if (style.season === 'summer') color = mixRgb(override, color, 0.12);
    else if (style.season === 'spring') color = mixRgb(override, FRESH, 0.3);
    else if (style.season === 'autumn') color = mixRgb(color, override, 0.25);
    else color = mixRgb(override, color, 0.5);
  }
  const k = rng.range(0.86, 1.12);
  return [color[0] * k, color[1] * k, color[2] * k];
}

/** Mixes toward snow where a surface faces up. */
export function snowed(color: Rgb, normalY: number, snow: number): Rgb {
  if (snow <= 0) return color;
  const t = Math.min(1, Math.max(0, (normalY - 0.2) / 0.55));
  return mixRgb(color, SNOW, snow * t * t * (3 - 2 * t));
}

/** Uniform in [0, 1) from a seed and an index, without a generator (per-vertex jitter). */
export function hash01(seed: number, i: number): number {
  return mix32((seed ^ mix32(Math.imul(i, 0x27d4eb2d) + 0x165667b1)) >>> 0) / 4294967296;
}

/**
 * A lumpy clump: 20 · 4^subdivisions triangles. `crownCenter` is the middle of the whole crown
 * (normals and shading lean out of it); `lumpiness` 0 gives a smooth ellipsoid.
 */
export function drawClump(
  b: MeshBuilder,
  material: AssetMaterialName,
  clump: Clump,
  subdivisions: number,
  crownCenter: Vec3,
  snow: number,
  lumpiness = 1,
): void {
  const rng = new Rng(clump.seed);
  const bumps = Array.from({ length: rng.int(5, 6) }, () => ({
    direction: normalize([rng.normal(), rng.normal() * 0.8 + 0.25, rng.normal()]),
    height: rng.range(0.12, 0.26) * lumpiness,
  }));
  const displace = (d: Vec3): number => {
    let k = 0.9;
    for (const bump of bumps) {
      const c = d[0] * bump.direction[0] + d[1] * bump.direction[1] + d[2] * bump.direction[2];
      if (c > 0) k += bump.height * c * c * c;
    }
    return Math.min(1.12, k);
  };
  const { vertices, faces } = icosphere(subdivisions);
  // A crinkle per vertex (icosphere vertex indices are stable across subdivisions, so a coarser
  // clump keeps the same corners) breaks the balloon look of smooth blobs.
  const positions: Vec3[] = vertices.map((d, i) => {
    const k = displace(d) * (1 + 0.16 * lumpiness * (hash01(clump.seed ^ 0x5bd1e995, i) - 0.5));
    return [clump.center[0] + d[0] * clump.radii[0] * k, clump.center[1] + d[1] * clump.radii[1] * k, clump.center[2] + d[2] * clump.radii[2] * k];
  });
  const surface: Vec3[] = vertices.map(() => [0, 0, 0]);
  for (const [a, c, e] of faces) {
    const n = cross(subtract(positions[c], positions[a]), subtract(positions[e], positions[a]));
    for (const v of [a, c, e]) {
      surface[v][0] += n[0];
      surface[v][1] += n[1];
      surface[v][2] += n[2];
    }
  }
  const ids = positions.map((p, i) => {
    const own = normalize(surface[i]);
    const out = normalize(subtract(p, crownCenter));
    const n = normalize([own[0] + out[0], own[1] + out[1], own[2] + out[2]]);
    // Lighter on top of the crown and of the clump, darker inside and beneath.
    const light = (0.62 + 0.4 * (0.5 + 0.5 * out[1])) * (0.88 + 0.12 * vertices[i][1]) * (0.9 + 0.18 * hash01(clump.seed, i));
    const facing = 0.78 + 0.22 * Math.max(0, own[0] * out[0] + own[1] * out[1] + own[2] * out[2]);
    const k = light * facing;
    const color = snowed([clump.color[0] * k, clump.color[1] * k, clump.color[2] * k], n[1], snow);
    return b.vertex(material, p, n, color);
  });
  for (const [a, c, e] of faces) b.triangle(material, ids[a], ids[c], ids[e]);
}

/**
 * Groups clumps into `count` blobs (k-means on their centres, started from evenly spaced
 * members) for the far LODs: each blob is the ellipsoid in the box around its members.
 */
export function mergeClumps(clumps: readonly Clump[], count: number, shrink = 0.92): Clump[] {
  if (clumps.length === 0) return [];
  const k = Math.max(1, Math.min(count, clumps.length));
  let centres: Vec3[] = Array.from({ length: k }, (_, i) => clumps[Math.floor(((i + 0.5) * clumps.length) / k)].center);
  let groups: number[] = clumps.map(() => 0);
  for (let iteration = 0; iteration < 6; iteration++) {
    groups = clumps.map((c) => {
      let best = 0;
      let bestDistance = Infinity;
      centres.forEach((m, j) => {
        const d = (c.center[0] - m[0]) ** 2 + (c.center[1] - m[1]) ** 2 + (c.center[2] - m[2]) ** 2;
        if (d < bestDistance) {
          bestDistance = d;
          best = j;
        }
      });
      return best;
    });
    centres = centres.map((m, j) => {
      const members = clumps.filter((_, i) => groups[i] === j);
      if (members.length === 0) return m;
      const s: Vec3 = [0, 0, 0];
      for (const c of members) for (let a = 0; a < 3; a++) s[a] += c.center[a] / members.length;
      return s;
    });
  }
  const merged: Clump[] = [];
  for (let j = 0; j < k; j++) {
    const members = clumps.filter((_, i) => groups[i] === j);
    if (members.length === 0) continue;
    const min: Vec3 = [Infinity, Infinity, Infinity];
    const max: Vec3 = [-Infinity, -Infinity, -Infinity];
    const color: Rgb = [0, 0, 0];
    for (const c of members) {
      for (let a = 0; a < 3; a++) {
        min[a] = Math.min(min[a], c.center[a] - c.radii[a]);
        max[a] = Math.max(max[a], c.center[a] + c.radii[a]);
        color[a] += c.color[a] / members.length;
      }
    }
    merged.push({
      center: [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2],
      radii: [((max[0] - min[0]) / 2) * shrink, ((max[1] - min[1]) / 2) * shrink, ((max[2] - min[2]) / 2) * shrink],
      color,
      seed: members[0].seed,
    });
  }
  return merged;
}

/** The mean of the clumps' centres (the crown's middle), or `fallback` with none. */
export function crownCenterOf(clumps: readonly Clump[], fallback: Vec3): Vec3 {
  if (clumps.length === 0) return fallback;
  const c: Vec3 = [0, 0, 0];
  for (const clump of clumps) for (let a = 0; a < 3; a++) c[a] += clump.center[a] / clumps.length;
  return c;
}
