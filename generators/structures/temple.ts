/**
 * A temple, one of two kinds (sandstone leans to the pyramid, stone to the colonnade):
 *
 *   colonnade  three steps up to a platform, a ring of columns (4–6 across the front, 6–8 down
 *              the sides) round a walled inner room, an entablature and a low tiled roof with
 *              its gable to the front. Ruined: columns snapped at odd heights, drums fallen,
 *              no roof, a lintel or two still spanning.
 *   pyramid    five stepped tiers with a stair up the front and a small shrine on top.
 *              Ruined: the upper tiers crumbled at the corners, no shrine, stones at the foot.
 */
import type { Vec3 } from '../assets/asset.ts';
import { box, frustum, shade } from '../assets/mesh-builder.ts';
import { compose, rotationY, rotationZ, translation } from '../assets/transform.ts';
import { facet, type BuildContext } from './build-context.ts';
import { building } from './building.ts';
import { inRect, rubble } from './masonry.ts';
import { pitchedRoof } from './roofs.ts';
import type { StructureParams } from './structure-params.ts';

export function drawTemple(ctx: BuildContext, p: StructureParams): void {
  const rng = ctx.random('kind');
  const pyramid = rng.chance(p.material === 'sandstone' ? 0.7 : 0.2);
  if (pyramid) steppedPyramid(ctx);
  else colonnade(ctx);
}

function colonnade(ctx: BuildContext): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('colonnade');
  const width = rng.range(14, 16);
  const depth = rng.range(20, 22);
  const steps = 3;
  const rise = 0.5;
  for (let k = 0; k < steps; k++) {
    const inset = k * 0.9;
    box(b, 'stone', [width + 2 * (steps - 1) * 0.9 - 2 * inset, rise, depth + 2 * (steps - 1) * 0.9 - 2 * inset], shade(look.stone, 1 - k * 0.03), [0, rise * (k + 0.5), 0]);
  }
  const floor = steps * rise;
  ctx.solid([0, floor / 2, 0], [width + 3.6, floor, depth + 3.6]);
  const across = rng.int(4, 6);
  const along = across + rng.int(2, 3);
  const radius = rng.range(0.42, 0.52);
  const height = rng.range(6, 7);
  const inX = width / 2 - 1.1;
  const inZ = depth / 2 - 1.1;
  const columns: Array<[number, number]> = [];
  for (let i = 0; i < across; i++) {
    const x = -inX + (2 * inX * i) / (across - 1);
    columns.push([x, inZ], [x, -inZ]);
  }
  for (let j = 1; j < along - 1; j++) {
    const z = -inZ + (2 * inZ * j) / (along - 1);
    columns.push([inX, z], [-inX, z]);
  }
  const columnRng = ctx.random('columns');
  const stands = columns.map(() => (ctx.ruined ? (columnRng.chance(0.45) ? 0 : columnRng.chance(0.35) ? 1 : columnRng.range(0.2, 0.85)) : 1));
  const n = ctx.segments(16);
  for (const [i, [x, z]] of columns.entries()) {
    const h = height * stands[i];
    if (h <= 0) continue;
    if (lod === 0 && stands[i] === 1) box(b, 'stone', [radius * 2.6, 0.3, radius * 2.6], look.stone, [x, floor + 0.15, z]);
    frustum(b, 'stone', [x, floor, z], [x, floor + h, z], radius, radius * (1 - 0.15 * stands[i]), n, shade(look.stone, 1.04), { capTo: stands[i] < 1 || lod === 2 });
    if (stands[i] === 1 && lod < 2) box(b, 'stone', [radius * 2.7, 0.35, radius * 2.7], look.stone, [x, floor + h - 0.17, z]);
    ctx.solid([x, floor + h / 2, z], [radius * 2, h, radius * 2]);
  }
  // The inner room.
  ctx.at(0, floor, -1, 0, () =>
    building(ctx, 'cella', {
      width: width - 6,
      depth: depth - 9,
      wallHeight: height,
      roof: 'none',
      door: { side: 'front', at: 0, width: 2, height: 3.6 },
      material: 'stone',
      color: shade(look.wall.color, 0.95),
      broken: ctx.ruined ? rng.range(0.88, 0.97) : undefined,
    }),
  'cella');
  const top = floor + height;
  if (ctx.ruined) {
    // A lintel still spans two standing columns here and there.
    for (let i = 0; i + 2 < across * 2; i += 2) {
      if (stands[i] === 1 && stands[i + 2] === 1) {
        const [x0, z0] = columns[i];
        const [x1] = columns[i + 2];
        box(b, 'stone', [Math.abs(x1 - x0) + radius * 2.4, 0.7, radius * 2.4], look.stone, [(x0 + x1) / 2, top + 0.35, z0]);
      }
    }
    const drums = rng.int(2, 3);
    const drumRng = ctx.random('drums');
    for (let i = 0; i < drums; i++) {
      const x = drumRng.range(-width / 2 - 3, width / 2 + 3);
      const z = drumRng.range(-depth / 2 - 3, depth / 2 + 3);
      const onPlatform = Math.abs(x) < width / 2 && Math.abs(z) < depth / 2;
      const y = (onPlatform ? floor : 0) + radius;
      const yaw = drumRng.range(0, Math.PI);
      const length = drumRng.range(1.2, 2.6);
      if (lod < 2) b.within(compose(translation(x, y, z), rotationY(yaw), rotationZ(Math.PI / 2)), () => frustum(b, 'stone', [0, -length / 2, 0], [0, length / 2, 0], radius, radius * 0.95, ctx.segments(10), shade(look.stone, 0.95), { capFrom: true, capTo: true }));
    }
    rubble(ctx, 'steps', { count: 8, where: inRect(-width / 2 - 2, width / 2 + 2, -depth / 2 - 2, depth / 2 + 2), size: [0.3, 0.8], material: 'stone', color: look.stone });
    return;
  }
  // Entablature and roof.
  const beam = 1.1;
  box(b, 'stone', [2 * inX + radius * 2.8, beam, 2 * inZ + radius * 2.8], look.stone, [0, top + beam / 2, 0]);
  ctx.solid([0, top + beam / 2, 0], [2 * inX + radius * 2.8, beam, 2 * inZ + radius * 2.8]);
  if (lod === 0) {
    for (const s of [-1, 1]) box(b, 'stone', [2 * inX + radius * 3.2, 0.25, 0.2], shade(look.stone, 0.9), [0, top + beam - 0.3, s * (inZ + radius * 1.45)]);
  }
  ctx.at(0, 0, 0, Math.PI / 2, () =>
    pitchedRoof(ctx, {
      width: 2 * inZ + radius * 2.8,
      depth: 2 * inX + radius * 2.8,
      eaves: top + beam,
      pitchHeight: width * 0.16,
      overhang: 0.5,
      material: 'roof-tiles',
      color: look.clayRoof,
      gableMaterial: 'stone',
      gableColor: shade(look.stone, 1.05),
    }),
  );
}

function steppedPyramid(ctx: BuildContext): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('pyramid');
  const tiers = 5;
  const base = rng.range(18, 19.5);
  const shrink = rng.range(2.8, 3.2);
  const tierHeight = rng.range(2, 2.4);
  const stairWidth = rng.range(3.6, 4.4);
  const color = look.wall.color;
  const tierRng = ctx.random('tiers');
  // Per tier and corner: how much of the corner has crumbled (ruins only).
  const crumble = Array.from({ length: tiers * 4 }, () => tierRng.range(0.3, 1));
  const standing = ctx.ruined ? tiers - 1 : tiers;
  for (let k = 0; k < standing; k++) {
    const s = base - k * shrink;
    const y0 = k * tierHeight;
    const tint = shade(color, 1 - k * 0.03);
    if (!ctx.ruined || k < 2) {
      box(b, 'stone', [s, tierHeight, s], tint, [0, y0 + tierHeight / 2, 0]);
    } else {
      // Four quarter blocks, each worn down at its own rate.
      for (let q = 0; q < 4; q++) {
        const sx = q % 2 === 0 ? -1 : 1;
        const sz = q < 2 ? -1 : 1;
        const h = tierHeight * crumble[k * 4 + q];
        box(b, 'stone', [s / 2, h, s / 2], shade(tint, 0.95 + 0.05 * q), [(sx * s) / 4, y0 + h / 2, (sz * s) / 4]);
      }
    }
    ctx.solid([0, y0 + tierHeight / 2, 0], [s, tierHeight, s]);
  }
  // The stair up the front: steps at LOD0, a ramp further away.
  const top = standing * tierHeight;
  const run = (base - (standing - 1) * shrink) / 2;
  const foot = base / 2 + 2.2;
  if (lod === 0) {
    const count = standing * 4;
    for (let i = 0; i < count; i++) {
      const y = (i + 1) * (top / count);
      const z = foot - ((foot - run) * (i + 1)) / count;
      if (ctx.ruined && i > count * 0.5 && i % 2 === 0) continue;
      box(b, 'stone', [stairWidth, top / count, 0.6], shade(look.stone, 1.02), [0, y - top / count / 2, z + 0.3]);
      box(b, 'stone', [stairWidth, y - top / count, 0.6], shade(look.stone, 0.96), [0, (y - top / count) / 2, z + 0.3]);
    }
  } else if (lod === 1) {
    const h = stairWidth / 2;
    const corners: Vec3[] = [[-h, 0, foot], [h, 0, foot], [h, top, run], [-h, top, run]];
    facet(b, 'stone', corners, [0, 1, 1], look.stone);
    for (const sx of [-1, 1]) facet(b, 'stone', [[sx * h, 0, foot], [sx * h, top, run], [sx * h, 0, run]], [sx, 0, 0], shade(look.stone, 0.9));
  }
  ctx.solid([0, top / 4, (foot + run) / 2], [stairWidth + 1, top / 2, foot - run]);
  if (ctx.ruined) {
    rubble(ctx, 'foot', { count: 12, where: (r) => {
      const a = r.range(0, Math.PI * 2);
      const d = base / 2 + r.range(0.5, 3.5);
      return [Math.max(-base / 2 - 3.5, Math.min(base / 2 + 3.5, Math.sin(a) * d * 1.2)), Math.max(-base / 2 - 3.5, Math.min(base / 2 + 3.5, Math.cos(a) * d * 1.2))];
    }, size: [0.4, 1.0], material: 'stone' });
    return;
  }
  // The shrine on top.
  const shrine = base - (tiers - 1) * shrink - 2;
  ctx.at(0, top, 0, 0, () =>
    building(ctx, 'shrine', {
      width: shrine,
      depth: shrine * 0.8,
      wallHeight: 3.6,
      roof: 'flat',
      door: { side: 'front', at: 0, width: 1.4, height: 2.4 },
      material: 'stone',
      color: shade(color, 1.05),
    }),
  'shrine');
}
