/**
 * A stone circle: 6–12 weathered slabs 2.4–4.2 m tall round a ring 5.5–7.5 m in radius, broad
 * faces to the centre, a low altar stone in the middle. Some lean even when intact; weathered
 * circles have more leaning and one fallen; ruined ones have lost a third of their stones, a
 * third lie where they fell, and the altar is split.
 *
 * A slab is an icosphere pushed toward a box (a superellipsoid, exponent 5) with lumpy noise:
 * subdivision 2 at LOD0 (320 triangles), 1 at LOD1, a plain box at LOD2.
 */
import type { Vec3 } from '../assets/asset.ts';
import { box, ellipsoid, icosphere, shade } from '../assets/mesh-builder.ts';
import { compose, rotationX, rotationY, rotationZ, translation } from '../assets/transform.ts';
import { facet, type BuildContext } from './build-context.ts';
import type { StructureParams } from './structure-params.ts';
import { valueNoise } from './weathering.ts';

interface Slab {
  x: number;
  z: number;
  yaw: number;
  size: Vec3;
  state: 'upright' | 'leaning' | 'fallen' | 'gone';
  lean: number;
  roll: number;
  tint: number;
  seed: number;
}

export function drawStandingStones(ctx: BuildContext, _p: StructureParams): void {
  const rng = ctx.random('circle');
  const count = rng.int(6, 12);
  const radius = rng.range(5.5, 7.5);
  const start = rng.range(0, Math.PI * 2);
  const odds = { intact: [0.12, 0, 0], weathered: [0.28, 0.1, 0], ruined: [0.3, 0.3, 0.3] }[ctx.condition];
  const slabs: Slab[] = [];
  for (let i = 0; i < count; i++) {
    const a = start + (i / count) * Math.PI * 2 + rng.range(-0.08, 0.08);
    const r = radius + rng.range(-0.3, 0.3);
    const size: Vec3 = [rng.range(1.1, 1.8), rng.range(2.4, 4.2), rng.range(0.45, 0.75)];
    const roll = rng.float();
    const state = roll < odds[2] ? 'gone' : roll < odds[2] + odds[1] ? 'fallen' : roll < odds[2] + odds[1] + odds[0] ? 'leaning' : 'upright';
    slabs.push({ x: Math.sin(a) * r, z: Math.cos(a) * r, yaw: a, size, state, lean: rng.range(0.12, 0.35) * (rng.chance(0.5) ? 1 : -1), roll: rng.range(-0.4, 0.4), tint: rng.range(0.85, 1.1), seed: rng.nextUint32() });
  }
  // Every weathered circle has lost one to the ground; every ruined one at least a quarter of its stones.
  const pickSlab = rng.int(0, count - 1);
  if (ctx.condition === 'weathered' && !slabs.some((s) => s.state === 'fallen')) slabs[pickSlab].state = 'fallen';
  if (ctx.ruined) {
    const gone = Math.max(2, Math.round(count * 0.25));
    for (let k = 0; slabs.filter((s) => s.state === 'gone').length < gone; k++) slabs[(pickSlab + k * 3) % count].state = 'gone';
  }
  for (const slab of slabs) drawSlab(ctx, slab);
  const altar: Vec3 = [rng.range(1.6, 2.2), rng.range(0.6, 0.8), rng.range(0.9, 1.2)];
  const altarSeed = rng.nextUint32();
  const altarYaw = rng.range(0, Math.PI);
  // A ruined circle's altar has cracked and tipped.
  if (ctx.ruined) stone(ctx, compose(rotationY(altarYaw), translation(0, altar[1] * 0.3, 0), rotationZ(0.18)), altar, shade(ctx.look.wall.color, 0.9), altarSeed);
  else stone(ctx, compose(rotationY(altarYaw), translation(0, altar[1] * 0.42, 0)), altar, shade(ctx.look.wall.color, 0.95), altarSeed);
  ctx.solid([0, altar[1] / 2, 0], [altar[0], altar[1], altar[2]], altarYaw);
}

function drawSlab(ctx: BuildContext, s: Slab): void {
  const color = shade(ctx.look.wall.color, s.tint);
  const [w, h, t] = s.size;
  if (s.state === 'gone') return;
  if (s.state === 'fallen') {
    // Lying flat along where it fell, outward from the ring.
    const m = compose(translation(s.x + Math.sin(s.yaw) * h * 0.45, t * 0.4, s.z + Math.cos(s.yaw) * h * 0.45), rotationY(s.yaw + s.roll), rotationX(Math.PI / 2));
    stone(ctx, m, s.size, color, s.seed);
    ctx.solid([s.x + Math.sin(s.yaw) * h * 0.45, t * 0.4, s.z + Math.cos(s.yaw) * h * 0.45], [w, t, h], s.yaw + s.roll);
    return;
  }
  const lean = s.state === 'leaning' ? s.lean : s.lean * 0.12;
  // Sunk 0.3 m so a leaning foot stays in the ground.
  const m = compose(translation(s.x, 0, s.z), rotationY(s.yaw), rotationX(lean), translation(0, h / 2 - 0.3, 0));
  stone(ctx, m, s.size, color, s.seed);
  ctx.solid([s.x, (h - 0.3) / 2, s.z], [w, h - 0.3, t + Math.abs(Math.sin(lean)) * h * 0.5], s.yaw);
}

function stone(ctx: BuildContext, m: ReturnType<typeof compose>, size: Vec3, color: ReturnType<typeof shade>, seed: number): void {
  const { b, lod } = ctx;
  b.within(m, () => {
    if (lod === 2) {
      box(b, 'stone', size, color, [0, 0, 0]);
      return;
    }
    const radii: Vec3 = [size[0] / 2, size[1] / 2, size[2] / 2];
    const displace = (d: Vec3) => {
      // A superellipsoid of exponent 5: a slab with worn edges.
      const boxy = 1 / (Math.abs(d[0]) ** 5 + Math.abs(d[1]) ** 5 + Math.abs(d[2]) ** 5) ** 0.2;
      // A weathered, rounder top; lumps all over.
      const top = d[1] > 0.6 ? 1 - (d[1] - 0.6) * 0.5 : 1;
      return boxy * top * (0.9 + 0.2 * valueNoise(d[0] * 2.2, d[1] * 2.2, d[2] * 2.2, seed));
    };
    if (lod === 0) {
      ellipsoid(b, 'stone', [0, 0, 0], radii, 2, color, displace);
      return;
    }
    // LOD1: the same stone at one subdivision, flat-shaded — smooth normals on so coarse and
    // thin a mesh would fold at its edges.
    const { vertices, faces } = icosphere(1);
    const points = vertices.map((d): Vec3 => {
      const k = displace(d);
      return [d[0] * radii[0] * k, d[1] * radii[1] * k, d[2] * radii[2] * k];
    });
    for (const [a, c, e] of faces) {
      const mid: Vec3 = [(points[a][0] + points[c][0] + points[e][0]) / 3, (points[a][1] + points[c][1] + points[e][1]) / 3, (points[a][2] + points[c][2] + points[e][2]) / 3];
      facet(b, 'stone', [points[a], points[c], points[e]], mid, color);
    }
  });
}
