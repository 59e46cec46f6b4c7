/**
 * A stone: an icosphere whose radius in each direction is the smaller of a noise-displaced
 * ellipsoid and a handful of cutting planes (the cuts leave the flat, angular facets of split
 * rock), set into the ground with its foot squashed flat so it sits rather than balances. The
 * same radius function is sampled at every LOD (an icosphere's coarse vertices are kept by the
 * finer ones), so far LODs are the same stone with less detail.
 *
 * Colour: the given rock colour, tinted warm or cool per stone, mottled by noise, banded when
 * the stone is a layered slab, lighter on top, and darker in crevices (where a vertex sits lower
 * than its neighbours) and at the damp foot.
 */
import { mixRgb, type Rgb } from '../../biomes/color.ts';
import type { Rng } from '../../seed/rng.ts';
import type { AssetLod, Vec3 } from '../asset.ts';
import { icosphere, linear, MeshBuilder } from '../mesh-builder.ts';
import { cross, normalize, subtract } from '../transform.ts';
import { createLatticeNoise, fbm3 } from './lattice-noise.ts';

export type StoneForm = 'rounded' | 'angular' | 'slab';

export interface StonePlan {
  form: StoneForm;
  /** Largest horizontal extent, metres. */
  size: number;
  /** sRGB hex. */
  color: string;
  /** Icosphere subdivisions at LOD0, LOD1, LOD2. */
  subdivisions: [number, number, number];
}

interface Cut {
  normal: Vec3;
  offset: number;
}

export function makeStone(rng: Rng, plan: StonePlan): AssetLod[] {
  const s = rng.fork('shape');
  const noise = createLatticeNoise(rng.fork('noise').seed);
  const flat = plan.form === 'slab' ? s.range(0.42, 0.58) : plan.form === 'angular' ? s.range(0.8, 1.1) : s.range(0.72, 1);
  // Stones rest on a broad underside: the lower half is squashed toward the middle.
  const underside = s.range(0.45, 0.65);
  const radii: Vec3 = [1, flat, s.range(0.65, 1)];
  const amplitude = plan.form === 'rounded' ? s.range(0.2, 0.3) : s.range(0.1, 0.16);
  const frequency = s.range(1.2, 2);
  const cuts: Cut[] = [];
  const cutCount = plan.form === 'angular' ? s.int(7, 10) : plan.form === 'slab' ? s.int(4, 6) : s.int(2, 4);
  for (let i = 0; i < cutCount; i++) {
    // Mostly sideways and upward faces: split rock shows its facets on its flanks and top.
    const normal = normalize([s.normal(), s.range(-0.2, 1), s.normal()]);
    cuts.push({ normal, offset: plan.form === 'angular' ? s.range(0.62, 0.85) : s.range(0.72, 0.92) });
  }
  // Facets keep their edges: normals are smoothed only across creases gentler than this.
  const crease = Math.cos(((plan.form === 'rounded' ? 50 : 32) * Math.PI) / 180);
  const radius = (d: Vec3): number => {
    let r = 1 + amplitude * fbm3(noise, d[0] * frequency, d[1] * frequency, d[2] * frequency, 3);
    for (const cut of cuts) {
      const c = d[0] * cut.normal[0] + d[1] * cut.normal[1] + d[2] * cut.normal[2];
      if (c > 0.05) r = Math.min(r, cut.offset / c);
    }
    return r;
  };
  const sink = s.range(0.15, 0.3);

  const tint = mixRgb(linear(plan.color), s.chance(0.5) ? linear('#8a7560') : linear('#66707a'), s.range(0, 0.15));
  const bright = s.range(0.88, 1.1);
  const base: Rgb = [tint[0] * bright, tint[1] * bright, tint[2] * bright];
  // Weathered patches: darker and a little greener or browner than the fresh stone.
  const weathered = mixRgb([base[0] * 0.7, base[1] * 0.7, base[2] * 0.7], s.chance(0.5) ? linear('#5a5e48') : linear('#5e5044'), 0.25);
  const banded = plan.form === 'slab' || s.chance(0.2);
  const bandPhase = s.range(0, Math.PI * 2);

  // Sample LOD0 first: its horizontal extent fixes the scale for every LOD.
  const shape = (subdivisions: number) => {
    const { vertices, faces } = icosphere(subdivisions);
    const unit = vertices.map((d) => {
      const r = radius(d);
      const y = d[1] * radii[1] * r;
      return [d[0] * radii[0] * r, y < 0 ? y * underside : y, d[2] * radii[2] * r] as Vec3;
    });
    return { vertices, faces, unit };
  };
  const fine = shape(plan.subdivisions[0]);
  const low = [Infinity, Infinity];
  const high = [-Infinity, -Infinity];
  for (const p of fine.unit) {
    low[0] = Math.min(low[0], p[0]);
    high[0] = Math.max(high[0], p[0]);
    low[1] = Math.min(low[1], p[2]);
    high[1] = Math.max(high[1], p[2]);
  }
  const k = plan.size / Math.max(high[0] - low[0], high[1] - low[1]);
  let lowest = 0;
  for (const p of fine.unit) lowest = Math.min(lowest, p[1]);
  // Set in: the stone's lowest point ends `sink` of its depth below ground, and everything under
  // half that depth is squashed flat, so it rests on a foot rather than a point.
  const lift = -lowest * k * (1 - sink);
  const floor = Math.max(-0.45, lowest * k * sink * 0.5);

  return plan.subdivisions.map((subdivisions) => {
    const { vertices, faces, unit } = subdivisions === plan.subdivisions[0] ? fine : shape(subdivisions);
    const positions: Vec3[] = unit.map((p) => {
      const y = p[1] * k + lift;
      return [p[0] * k, y < floor ? floor + (y - floor) * 0.15 : y, p[2] * k];
    });
    const faceNormals: Vec3[] = [];
    const incident: number[][] = positions.map(() => []);
    const neighbours: Array<Set<number>> = positions.map(() => new Set());
    faces.forEach(([a, c, e], f) => {
      faceNormals.push(cross(subtract(positions[c], positions[a]), subtract(positions[e], positions[a])));
      for (const v of [a, c, e]) incident[v].push(f);
      neighbours[a].add(c).add(e);
      neighbours[c].add(a).add(e);
      neighbours[e].add(a).add(c);
    });
    const unitFace = faceNormals.map(normalize);
    const reach = unit.map((p) => Math.hypot(p[0] / radii[0], p[1] / (radii[1] * (p[1] < 0 ? underside : 1)), p[2] / radii[2]));
    const colors: Rgb[] = positions.map((p, i) => {
      let around = 0;
      for (const j of neighbours[i]) around += reach[j] / neighbours[i].size;
      const crevice = Math.min(0.55, Math.max(0, ((around - reach[i]) / around) * 12));
      const ridge = Math.min(0.12, Math.max(0, ((reach[i] - around) / around) * 5));
      const d = vertices[i];
      const mottle = 0.84 + 0.32 * (0.5 + 0.5 * fbm3(noise, d[0] * 4 + 11, d[1] * 4, d[2] * 4 - 7, 2));
      const patch = 0.5 + 0.5 * fbm3(noise, d[0] * 1.6 - 5, d[1] * 1.6 + 3, d[2] * 1.6, 2);
      const band = banded ? 1 + 0.09 * Math.sin((p[1] / plan.size) * 28 + bandPhase) : 1;
      const foot = p[1] < 0.05 * plan.size ? 0.78 : 1;
      const light = mottle * band * foot * (1 - crevice) * (1 + ridge) * (0.92 + 0.12 * d[1]);
      const c = mixRgb(base, weathered, Math.max(0, patch - 0.45) * 1.2);
      return [c[0] * light, c[1] * light, c[2] * light];
    });
    const b = new MeshBuilder();
    // One vertex per corner normal: a corner's normal averages the faces around it that meet
    // its face at a gentle crease; vertices are shared wherever the normals agree.
    const ids = new Map<string, number>();
    const corner = (v: number, f: number): number => {
      const n: Vec3 = [0, 0, 0];
      for (const g of incident[v]) {
        if (unitFace[g][0] * unitFace[f][0] + unitFace[g][1] * unitFace[f][1] + unitFace[g][2] * unitFace[f][2] < crease) continue;
        n[0] += faceNormals[g][0];
        n[1] += faceNormals[g][1];
        n[2] += faceNormals[g][2];
      }
      const unitNormal = normalize(n);
      const key = `${v}:${unitNormal[0].toFixed(3)},${unitNormal[1].toFixed(3)},${unitNormal[2].toFixed(3)}`;
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = b.vertex('rock', positions[v], unitNormal, colors[v])));
      return id;
    };
    faces.forEach(([a, c, e], f) => b.triangle('rock', corner(a, f), corner(c, f), corner(e, f)));
    return b.build();
  });
}
