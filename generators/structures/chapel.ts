/**
 * A chapel: a nave 11.5–13 m long under a steep roof, tall windows down both sides, a rounded
 * apse at the back and a small square bell tower with a spire at the front (+z), its door the
 * way in.
 */
import { box, frustum, shade } from '../assets/mesh-builder.ts';
import type { BuildContext } from './build-context.ts';
import { building } from './building.ts';
import { coneRoof } from './roofs.ts';
import type { StructureParams } from './structure-params.ts';
import { squareTower } from './towers.ts';

export function drawChapel(ctx: BuildContext, _p: StructureParams): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('chapel');
  const length = rng.range(11.5, 13);
  const width = rng.range(6, 7);
  const wallHeight = rng.range(5, 5.6);
  const towerHalf = rng.range(1.6, 1.8);
  const towerHeight = rng.range(11, 13);
  const spire = rng.range(4, 5.5);
  const naveZ = -1.2;
  const front = naveZ + length / 2;
  // The nave's ridge runs along its local x; turned so local x points to the front (+z).
  ctx.at(0, 0, naveZ, -Math.PI / 2, () =>
    building(ctx, 'nave', {
      width: length,
      depth: width,
      wallHeight,
      roof: 'gable',
      pitchHeight: width * 0.8,
      windows: [-0.3, 0, 0.3].flatMap((f) => [
        { side: 'front' as const, at: f * length, y: 3.1, width: 0.7, height: 1.9 },
        { side: 'back' as const, at: f * length, y: 3.1, width: 0.7, height: 1.9 },
      ]),
    }),
  'nave');
  squareTower(ctx, 'bell-tower', 0, front + towerHalf - 0.1, {
    radius: towerHalf,
    height: towerHeight,
    taper: 1,
    top: 'pyramid',
    roofHeight: spire,
    plain: true,
    door: 0,
    windowLevels: [towerHeight - 1.8],
    windowKind: 'window',
    broken: ctx.ruined ? rng.range(0.35, 0.55) : 0,
  });
  if (lod < 2 && !ctx.ruined) {
    // Buttresses between the windows.
    for (const f of [-0.45, -0.15, 0.15, 0.45]) {
      for (const s of [-1, 1]) {
        const h = wallHeight * 0.75;
        box(b, look.wall.material, [0.6, h, 0.9], shade(look.wall.color, 0.94), [s * (width / 2 + 0.3), h / 2, naveZ + f * length]);
        ctx.solid([s * (width / 2 + 0.3), h / 2, naveZ + f * length], [0.6, h, 0.9]);
      }
    }
    if (lod === 0) {
      const top = towerHeight + spire;
      const z = front + towerHalf - 0.1;
      box(b, 'metal', [0.12, 1.4, 0.12], look.metal, [0, top + 0.5, z]);
      box(b, 'metal', [0.8, 0.12, 0.12], look.metal, [0, top + 0.8, z]);
    }
    const r = width * 0.38;
    const z = naveZ - length / 2 + 1;
    const apseHeight = wallHeight - 0.8;
    frustum(b, look.wall.material, [0, 0, z], [0, apseHeight, z], r, r, ctx.segments(12), shade(look.wall.color, 0.97));
    coneRoof(ctx, [0, apseHeight, z], r + 0.3, r * 0.9, ctx.segments(12));
    ctx.solid([0, apseHeight / 2, z - r * 0.4], [r * 1.8, apseHeight, r * 1.2]);
  }
}
