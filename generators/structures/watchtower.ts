/**
 * A watchtower. Masonry: a round (60%) or square stone tower 11–15 m tall with a doorway, arrow
 * slits on three levels and a crenellated top or a conical/pyramid roof. Timber: four braced posts
 * carrying a railed platform under a thatched roof, a ladder up one side.
 */
import { box, frustum, shade } from '../assets/mesh-builder.ts';
import { compose, rotationX, rotationY, rotationZ, translation } from '../assets/transform.ts';
import type { BuildContext } from './build-context.ts';
import { aroundRing, rubble } from './masonry.ts';
import { pyramidRoof } from './roofs.ts';
import type { StructureParams } from './structure-params.ts';
import { roundTower, squareTower } from './towers.ts';

export function drawWatchtower(ctx: BuildContext, p: StructureParams): void {
  if (p.material === 'wood') timberTower(ctx);
  else stoneTower(ctx);
}

function stoneTower(ctx: BuildContext): void {
  const rng = ctx.random('shape');
  const round = rng.chance(0.6);
  const radius = round ? rng.range(3.0, 3.5) : rng.range(2.7, 3.2);
  const height = rng.range(11, 15);
  const roofed = rng.chance(0.4);
  const broken = ctx.ruined ? rng.range(0.35, 0.55) : 0;
  const levels = [3.6, 3.6 + height * 0.3, 3.6 + height * 0.55].filter((y) => y < height - 2);
  const options = {
    radius,
    height,
    taper: round ? 0.9 : 0.94,
    top: roofed ? (round ? 'cone' : 'pyramid') : 'crenels',
    windowLevels: levels,
    windowKind: 'slit',
    door: 0,
    broken,
  } as const;
  if (round) roundTower(ctx, 'tower', 0, 0, options);
  else squareTower(ctx, 'tower', 0, 0, options);
  if (ctx.ruined) rubble(ctx, 'fallen', { count: 8, where: aroundRing(radius + 0.6, radius + 4.2), size: [0.35, 0.9] });
}

function timberTower(ctx: BuildContext): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('shape');
  const half = rng.range(1.7, 2.1);
  const height = rng.range(8, 10);
  const post = 0.16;
  const lean = 0.25;
  const broken = Array.from({ length: 4 }, () => (ctx.ruined ? rng.range(0.35, 0.95) : 1));
  const tilt = rng.range(-0.12, 0.12);
  const segments = lod === 0 ? 6 : 4;
  const corners: Array<[number, number]> = [[-1, -1], [1, -1], [1, 1], [-1, 1]];
  for (const [i, [sx, sz]] of corners.entries()) {
    const top = height * broken[i];
    const f = top / height;
    frustum(b, 'wood', [sx * half, 0, sz * half], [sx * (half - lean * f), top, sz * (half - lean * f)], post, post * 0.9, segments, shade(look.wood, 0.9 + 0.05 * i));
    ctx.solid([sx * half, top / 2, sz * half], [post * 2, top, post * 2]);
  }
  const topHalf = half - lean;
  if (lod === 0) {
    // X braces on each side, two storeys.
    for (let k = 0; k < 4; k++) {
      ctx.at(0, 0, 0, (k * Math.PI) / 2, () => {
        for (const [y0, y1] of [[0.6, height * 0.5], [height * 0.5, height - 0.4]]) {
          if (ctx.ruined && y1 > height * Math.min(...broken)) continue;
          const w = half * 2 - 0.2;
          const h = y1 - y0;
          const angle = Math.atan2(h, w);
          const len = Math.hypot(w, h);
          for (const sign of [1, -1]) {
            b.within(compose(translation(0, (y0 + y1) / 2, half - 0.1 - lean * ((y0 + y1) / 2 / height)), rotationZ(sign * angle)), () =>
              box(b, 'wood', [len, 0.12, 0.1], shade(look.wood, 0.8), [0, 0, 0]),
            );
          }
        }
      });
    }
    // A ladder up the front (a ruin's has gone with the platform).
    const rungs = ctx.ruined ? 0 : Math.floor(height / 0.45);
    if (!ctx.ruined) for (const sx of [-0.3, 0.3]) frustum(b, 'wood', [sx, 0, half + 0.6], [sx, height, topHalf + 0.15], 0.05, 0.05, 4, look.wood);
    for (let i = 1; i < rungs; i++) {
      const t = i / rungs;
      box(b, 'wood', [0.6, 0.05, 0.05], look.wood, [0, t * height, half + 0.6 + (topHalf + 0.15 - half - 0.6) * t]);
    }
  }
  if (ctx.ruined) {
    // The platform has come down; its boards lie in a heap.
    b.within(compose(translation(rng.range(-0.5, 0.5), 0.3, rng.range(-0.5, 0.5)), rotationY(rng.range(0, 3)), rotationX(tilt * 2), rotationZ(0.25)), () =>
      box(b, 'wood', [topHalf * 2 + 0.3, 0.2, topHalf * 2], shade(look.wood, 0.8), [0, 0, 0]),
    );
    rubble(ctx, 'boards', { count: 10, where: aroundRing(0.5, half + 2.5), size: [0.3, 0.9], material: 'wood', color: look.wood });
    return;
  }
  const deck = topHalf * 2 + 0.8;
  box(b, 'wood', [deck, 0.25, deck], shade(look.wood, 0.95), [0, height + 0.125, 0]);
  ctx.solid([0, height + 0.125, 0], [deck, 0.25, deck]);
  const railHeight = 1.05;
  if (lod < 2) {
    for (let k = 0; k < 4; k++) {
      ctx.at(0, 0, 0, (k * Math.PI) / 2, () => {
        box(b, 'wood', [deck, 0.1, 0.1], look.wood, [0, height + 0.25 + railHeight, deck / 2 - 0.05]);
        if (lod === 0) {
          box(b, 'wood', [deck, 0.08, 0.06], look.wood, [0, height + 0.25 + railHeight * 0.5, deck / 2 - 0.05]);
          for (const x of [-deck / 2 + 0.05, 0]) box(b, 'wood', [0.1, railHeight, 0.1], look.wood, [x, height + 0.25 + railHeight / 2, deck / 2 - 0.05]);
        }
      });
    }
  }
  const roofBase = height + 0.25 + 2.3;
  for (const [sx, sz] of corners) frustum(b, 'wood', [sx * (deck / 2 - 0.1), height + 0.25, sz * (deck / 2 - 0.1)], [sx * (deck / 2 - 0.1), roofBase, sz * (deck / 2 - 0.1)], 0.08, 0.08, 4, look.wood);
  pyramidRoof(ctx, [0, roofBase, 0], deck + 0.6, deck * 0.7);
}
