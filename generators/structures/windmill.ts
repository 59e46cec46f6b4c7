/**
 * A windmill: a tapering tower 9–12 m tall — round stone (or brick, sandstone), or an octagonal
 * timber smock on a stone base — with a door and windows, a conical cap, and four lattice sails
 * 7–8 m long on a shaft out of the cap's front (+z), turned to a random angle. Ruined: the tower
 * broken open, no cap, one sail's stock lying in the grass.
 */
import { box, frustum, shade } from '../assets/mesh-builder.ts';
import { compose, rotationY, rotationZ, translation } from '../assets/transform.ts';
import type { BuildContext } from './build-context.ts';
import { aroundRing, rubble } from './masonry.ts';
import { coneRoof } from './roofs.ts';
import type { StructureParams } from './structure-params.ts';
import { brokenTube, cylinderSolid } from './towers.ts';

export function drawWindmill(ctx: BuildContext, p: StructureParams): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('windmill');
  const timber = p.material === 'wood';
  const height = rng.range(9.5, 12);
  const r0 = rng.range(3.0, 3.4);
  const r1 = r0 * rng.range(0.66, 0.74);
  const sailLength = Math.min(8, height - 1.2);
  const sailAngle = rng.range(0, Math.PI / 2);
  const tops = Array.from({ length: 16 }, () => rng.range(0, 1));
  const lowSide = rng.range(0, Math.PI * 2);
  const n = timber ? 8 : ctx.segments(16);
  const wall = timber ? shade(look.wood, 0.9) : look.wall.color;
  const material = timber ? 'wood' : look.wall.material;
  const radiusAt = (y: number) => r0 + (r1 - r0) * (y / height);
  const base = timber ? 1.6 : 0;
  if (timber) frustum(b, 'stone', [0, 0, 0], [0, base, 0], r0 + 0.25, r0 + 0.2, 8, look.stone, { capTo: true });

  if (ctx.ruined) {
    const heights = Array.from({ length: n }, (_, i) => {
      const a = (i / n) * Math.PI * 2;
      const low = 0.5 + 0.5 * Math.cos(a - lowSide);
      return height * (0.75 - 0.4 * low) * (0.88 + 0.12 * tops[Math.floor((i / n) * 16)]);
    });
    brokenTube(ctx, material, r0, r1, height, timber ? 0.25 : 0.7, heights.map((h) => Math.max(base + 0.5, h)), base, wall);
    cylinderSolid(ctx, r0, Math.max(...heights.map((h) => Math.max(base + 0.5, h))));
    // A fallen stock in the grass.
    if (lod < 2) {
      b.within(compose(translation(rng.range(-2, 2), 0.2, r0 + 2.5), rotationY(rng.range(-0.6, 0.6)), rotationZ(Math.PI / 2)), () =>
        box(b, 'wood', [0.25, sailLength, 0.25], shade(look.wood, 0.7), [0, 0, 0]),
      );
    }
    rubble(ctx, 'fallen', { count: 12, where: aroundRing(r0 + 0.5, r0 + 3.5), size: [0.3, 0.7], material, color: wall });
    return;
  }

  frustum(b, material, [0, base, 0], [0, height, 0], radiusAt(base), r1, n, wall, { capTo: true });
  cylinderSolid(ctx, r0, height);
  // Door and windows.
  if (lod < 2) {
    ctx.at(0, base, radiusAt(base + 1) - 0.05, 0, () => box(b, 'wood', [1.1, 2.2, 0.35], look.darkWood, [0, 1.1, 0]));
    if (lod === 0) {
      for (const [k, y] of [base + 4, base + 6.5].entries()) {
        const a = k === 0 ? Math.PI * 0.5 : -Math.PI * 0.4;
        const r = radiusAt(y) - 0.05;
        ctx.at(Math.sin(a) * r, y, Math.cos(a) * r, a, () => box(b, 'stone', [0.6, 0.8, 0.3], look.glass, [0, 0, 0]));
      }
    }
  }
  // Cap.
  coneRoof(ctx, [0, height, 0], r1 + 0.45, 2.6, ctx.segments(16));
  // Shaft and sails, on the front.
  const hubY = height + 0.8;
  const hubZ = r1 + 0.9;
  frustum(b, 'wood', [0, hubY, 0], [0, hubY, hubZ + 0.3], 0.25, 0.25, lod === 0 ? 8 : 5, look.darkWood, { capTo: true });
  for (let k = 0; k < 4; k++) {
    const angle = sailAngle + (k * Math.PI) / 2;
    b.within(compose(translation(0, hubY, hubZ), rotationZ(angle)), () => sail(ctx, sailLength));
  }
  ctx.solid([0, hubY, hubZ], [sailLength * 1.6, sailLength * 1.6, 0.4]);
}

/** One sail pointing up +y from the hub: a stock, a lattice frame and cloth at LOD0. */
function sail(ctx: BuildContext, length: number): void {
  const { b, lod, look } = ctx;
  const width = 1.7;
  box(b, 'wood', [0.2, length, 0.2], look.darkWood, [0, length / 2, 0]);
  if (lod === 2) {
    box(b, 'rope', [width, length * 0.78, 0.06], look.cloth, [width / 2, length * 0.58, 0.05]);
    return;
  }
  box(b, 'rope', [width - 0.1, length * 0.75, 0.04], look.cloth, [width / 2 + 0.05, length * 0.58, 0.06]);
  if (lod === 0) {
    box(b, 'wood', [0.1, length * 0.8, 0.12], look.wood, [width + 0.05, length * 0.58, 0.02]);
    for (let i = 0; i < 6; i++) {
      const y = length * 0.2 + (i * length * 0.76) / 5;
      box(b, 'wood', [width + 0.1, 0.08, 0.1], look.wood, [width / 2, y, 0.1]);
    }
  }
}
