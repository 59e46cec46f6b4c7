/**
 * A lighthouse: a stone base, a tall tapering tower 16–22 m painted in 4–6 bands (white with red
 * or black), a door and small windows up the shaft, a gallery with a railing, a glazed lamp room
 * (material `lamp`, emissive) and a metal cap with a ball finial. Ruined: the shaft broken off
 * two-thirds up, hollow, no gallery, no lamp.
 */
import { box, ellipsoid, frustum, linear, shade } from '../assets/mesh-builder.ts';
import type { BuildContext } from './build-context.ts';
import { aroundRing, rubble } from './masonry.ts';
import type { StructureParams } from './structure-params.ts';
import { brokenTube, cylinderSolid } from './towers.ts';

export function drawLighthouse(ctx: BuildContext, _p: StructureParams): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('lighthouse');
  const height = rng.range(16, 22);
  const r0 = rng.range(2.8, 3.2);
  const r1 = r0 * rng.range(0.58, 0.66);
  const bands = rng.int(4, 6);
  const second = linear(rng.pick(['#b3261e', '#b3261e', '#1f2326']));
  const white = linear('#ece8df');
  const breakAt = rng.range(0.55, 0.72);
  const jag = Array.from({ length: 16 }, () => rng.range(0, 1));
  const n = ctx.segments(18);
  const radiusAt = (y: number) => r0 + (r1 - r0) * (y / height);

  // The base: a squat octagon of dressed stone.
  const baseHeight = 1.3;
  frustum(b, 'stone', [0, 0, 0], [0, baseHeight, 0], r0 + 0.9, r0 + 0.7, 8, look.stone, { capTo: true });
  cylinderSolid(ctx, r0 + 0.7, baseHeight);

  const top = ctx.ruined ? height * breakAt : height;
  const bandHeight = (height - baseHeight) / bands;
  for (let i = 0; i < bands; i++) {
    const y0 = baseHeight + i * bandHeight;
    const y1 = Math.min(top - (ctx.ruined ? height * 0.12 : 0), y0 + bandHeight);
    if (y1 <= y0) break;
    frustum(b, 'plaster', [0, y0, 0], [0, y1, 0], radiusAt(y0), radiusAt(y1), n, i % 2 === 0 ? white : second, { capTo: !ctx.ruined && i === bands - 1 });
  }
  const from = top - height * 0.12;
  const tops = Array.from({ length: n }, (_, i) => Math.max(from + 0.3, from + height * 0.12 * (0.2 + 0.8 * jag[Math.floor((i / n) * 16)]) * (0.5 + 0.5 * Math.cos((i / n) * Math.PI * 2))));
  cylinderSolid(ctx, r0, ctx.ruined ? Math.max(...tops) : top);

  if (lod < 2) {
    // The door, and small windows climbing the shaft.
    ctx.at(0, baseHeight, radiusAt(baseHeight + 1.1), 0, () => box(b, 'wood', [1.1, 2.2, 0.4], look.darkWood, [0, 1.1, 0]));
    if (lod === 0) {
      for (let k = 0; k < 4; k++) {
        const y = baseHeight + 4 + k * (height - 8) / 4;
        if (y > top - 2) break;
        const a = Math.PI * 0.6 + k * 1.7;
        const r = radiusAt(y);
        ctx.at(Math.sin(a) * r, y, Math.cos(a) * r, a, () => box(b, 'stone', [0.5, 0.8, 0.3], look.glass, [0, 0, 0]));
      }
    }
  }

  if (ctx.ruined) {
    const paint = Math.floor((from - baseHeight) / bandHeight) % 2 === 0 ? white : second;
    brokenTube(ctx, 'plaster', r0, r1, height, 0.6, tops, from, shade(paint, 0.9));
    rubble(ctx, 'fallen', { count: 18, where: aroundRing(r0 + 1.2, r0 + 5), size: [0.35, 0.9], material: 'plaster', color: white });
    return;
  }

  // Gallery: a stone ring on corbels, with a railing.
  const gallery = r1 + 0.9;
  frustum(b, 'stone', [0, height - 0.6, 0], [0, height, 0], r1, gallery, n, look.stone, { capTo: true });
  ctx.solid([0, height - 0.3, 0], [2 * gallery * 0.9, 0.6, 2 * gallery * 0.9]);
  if (lod === 0) {
    const posts = 16;
    for (let i = 0; i < posts; i++) {
      const a = (i / posts) * Math.PI * 2;
      box(b, 'metal', [0.06, 1, 0.06], look.metal, [Math.sin(a) * (gallery - 0.08), height + 0.5, Math.cos(a) * (gallery - 0.08)]);
      const a2 = ((i + 1) / posts) * Math.PI * 2;
      const mid = (a + a2) / 2;
      const chord = 2 * (gallery - 0.08) * Math.sin(Math.PI / posts);
      ctx.at(Math.sin(mid) * (gallery - 0.08) * Math.cos(Math.PI / posts), height + 1, Math.cos(mid) * (gallery - 0.08) * Math.cos(Math.PI / posts), mid, () =>
        box(b, 'metal', [chord, 0.06, 0.06], look.metal, [0, 0, 0]),
      );
    }
  } else if (lod === 1) {
    frustum(b, 'metal', [0, height, 0], [0, height + 1, 0], gallery - 0.05, gallery - 0.05, n, shade(look.metal, 1.3));
  }

  // Lamp room: glazed, glowing, under a domed metal cap.
  const lampRadius = r1 * 0.72;
  const lampBase = height + 0.4;
  const lampTop = lampBase + 2.4;
  frustum(b, 'stone', [0, height, 0], [0, lampBase, 0], lampRadius + 0.1, lampRadius + 0.1, ctx.segments(12), look.stone, { capTo: true });
  frustum(b, 'lamp', [0, lampBase, 0], [0, lampTop, 0], lampRadius, lampRadius, ctx.segments(12), linear('#ffd27a'));
  if (lod === 0) {
    for (let i = 0; i < 8; i++) {
      const a = (i / 8) * Math.PI * 2;
      box(b, 'metal', [0.08, 2.4, 0.08], look.metal, [Math.sin(a) * (lampRadius + 0.02), lampBase + 1.2, Math.cos(a) * (lampRadius + 0.02)]);
    }
  }
  const capColor = shade(second, 0.7);
  frustum(b, 'metal', [0, lampTop, 0], [0, lampTop + 1.2, 0], lampRadius + 0.35, 0.25, ctx.segments(12), capColor, { capFrom: true });
  if (lod < 2) ellipsoid(b, 'metal', [0, lampTop + 1.4, 0], [0.3, 0.3, 0.3], lod === 0 ? 1 : 0, capColor);
  if (lod === 0) frustum(b, 'metal', [0, lampTop + 1.6, 0], [0, lampTop + 2.4, 0], 0.04, 0.02, 4, look.metal);
  ctx.solid([0, (height + lampTop + 1.2) / 2, 0], [lampRadius * 2, lampTop + 1.2 - height, lampRadius * 2]);
}
