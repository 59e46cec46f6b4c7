/**
 * A wall segment 34–38 m long along x. Masonry: 3.5–4.5 m high, 1.3–1.7 m thick, crenellated
 * (60%) or with a coping, buttresses behind every ~6 m, sometimes a doorway through it. Timber:
 * a palisade of sharpened logs with two rails behind. Ruined: broken into uneven chunks with
 * gaps, stones fallen on both sides.
 */
import { box, shade } from '../assets/mesh-builder.ts';
import type { BuildContext } from './build-context.ts';
import { rubble, wallRun, type Opening } from './masonry.ts';
import type { StructureParams } from './structure-params.ts';

export function drawWall(ctx: BuildContext, p: StructureParams): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('wall');
  const length = rng.range(34, 38);
  const timber = p.material === 'wood';
  const height = timber ? rng.range(3.2, 4) : rng.range(3.5, 4.5);
  const thickness = timber ? 0.42 : rng.range(1.3, 1.7);
  const crenels = !timber && rng.chance(0.6);
  const openings: Opening[] = rng.chance(0.35) ? [{ at: length * rng.range(0.3, 0.7), width: 2.2, bottom: 0, top: 3, kind: timber ? 'gate' : 'door' }] : [];
  const broken = ctx.ruined ? rng.range(0.5, 0.8) : 0;
  const half = length / 2;
  wallRun(ctx, 'wall', [-half, 0], [half, 0], { height, thickness, crenels, openings, broken, outside: 1, palisade: timber });
  if (!timber && !crenels && !ctx.ruined) {
    // Coping: a row of cap stones at LOD0, one slab further away.
    if (lod === 0) {
      const stones = Math.round(length / 1.1);
      const capRng = ctx.random('coping');
      for (let i = 0; i < stones; i++) box(b, 'stone', [length / stones - 0.05, 0.3, thickness + 0.25], shade(look.stone, capRng.range(0.88, 1.02)), [-half + (i + 0.5) * (length / stones), height + 0.15, 0]);
    } else if (lod === 1) box(b, 'stone', [length + 0.2, 0.3, thickness + 0.25], shade(look.stone, 0.95), [0, height + 0.15, 0]);
  }
  if (!timber && !ctx.ruined && lod < 2) box(b, look.wall.material, [length, 0.6, thickness + 0.3], shade(look.wall.color, 0.9), [0, 0.3, 0]);
  if (!timber && lod < 2) {
    // Buttresses on the back (−z) side; a ruin keeps the lower courses.
    const count = Math.floor(length / 6);
    for (let i = 1; i < count; i++) {
      const x = -half + (length * i) / count;
      if (openings.some((o) => Math.abs(x + half - o.at) < 2) || (ctx.ruined && i % 2 === 0)) continue;
      const h = height * (ctx.ruined ? rng.range(0.25, 0.6) : 0.8);
      box(b, look.wall.material, [1.0, h, 1.0], shade(look.wall.color, 0.95), [x, h / 2, -thickness / 2 - 0.5]);
      ctx.solid([x, h / 2, -thickness / 2 - 0.5], [1.0, h, 1.0]);
    }
  }
  if (ctx.ruined) {
    rubble(ctx, 'fallen', {
      count: 12,
      where: (r) => [r.range(-half, half), (r.chance(0.5) ? 1 : -1) * r.range(thickness / 2 + 0.2, thickness / 2 + 1.6)],
      size: timber ? [0.25, 0.5] : [0.35, 0.8],
      material: timber ? 'wood' : look.wall.material,
      color: timber ? look.wood : look.wall.color,
    });
  }
}
