/**
 * Ruins: what is left of a small stronghold. A hall of four broken walls with its doorway, a side
 * room, the stump of a round tower at one corner, an arch standing alone, fallen drums and stones
 * everywhere. The condition says how much is left: "intact" ruins keep walls to two-thirds of
 * their height and a window or two; "ruined" ones are low stubs with more gaps.
 */
import { box, frustum, shade } from '../assets/mesh-builder.ts';
import { compose, rotationY, rotationZ, translation } from '../assets/transform.ts';
import type { BuildContext } from './build-context.ts';
import { inRect, rubble, wallRun } from './masonry.ts';
import type { StructureParams } from './structure-params.ts';
import { roundTower } from './towers.ts';

const BROKEN = { intact: 0.3, weathered: 0.5, ruined: 0.78 } as const;

export function drawRuins(ctx: BuildContext, _p: StructureParams): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('ruins');
  const broken = BROKEN[ctx.condition] + rng.range(-0.05, 0.05);
  const hw = rng.range(5, 6);
  const hd = rng.range(3.6, 4.4);
  const cx = rng.range(-2.2, -1.2);
  const wallHeight = rng.range(5, 6.5);
  const thickness = 0.9;
  const wall = { height: wallHeight, thickness, broken, outside: 1 as const };
  const door = { at: hw * rng.range(0.7, 1.3), width: 1.8, bottom: 0, top: 3, kind: 'door' as const };
  const e = thickness / 2;
  // The hall: runs go clockwise so each one's outside (+1) faces out.
  wallRun(ctx, 'hall-front', [cx - hw - e, hd], [cx + hw + e, hd], { ...wall, openings: [door] });
  wallRun(ctx, 'hall-right', [cx + hw, hd + e], [cx + hw, -hd - e], wall);
  wallRun(ctx, 'hall-back', [cx + hw + e, -hd], [cx - hw - e, -hd], wall);
  wallRun(ctx, 'hall-left', [cx - hw, -hd - e], [cx - hw, hd + e], { ...wall, broken: Math.min(0.95, broken + 0.15) });
  // A side room against the hall's right wall, lower and worse kept.
  const room = { height: wallHeight * 0.7, thickness: 0.7, broken: Math.min(0.95, broken + 0.12), outside: 1 as const };
  const rx = cx + hw + rng.range(4, 5);
  wallRun(ctx, 'room-front', [cx + hw, hd * 0.3], [rx, hd * 0.3], room);
  wallRun(ctx, 'room-right', [rx, hd * 0.3], [rx, -hd], room);
  wallRun(ctx, 'room-back', [rx, -hd], [cx + hw, -hd], room);
  // The tower stump at the back-left corner.
  const towerRadius = rng.range(2.2, 2.6);
  roundTower(ctx, 'tower', cx - hw, -hd, {
    radius: towerRadius,
    height: rng.range(8, 10),
    top: 'crenels',
    windowLevels: [3.5],
    windowKind: 'slit',
    broken: Math.min(0.85, broken + 0.1),
  });
  // An arch standing alone in front.
  const ax = cx + rng.range(-1, 1);
  const az = hd + rng.range(3, 3.8);
  const archWidth = rng.range(2.4, 3);
  if (ctx.condition !== 'ruined') {
    for (const s of [-1, 1]) {
      box(b, look.wall.material, [0.8, 3.8, 0.9], shade(look.wall.color, 0.97), [ax + (s * (archWidth + 0.8)) / 2, 1.9, az]);
      ctx.solid([ax + (s * (archWidth + 0.8)) / 2, 1.9, az], [0.8, 3.8, 0.9]);
    }
    box(b, look.wall.material, [archWidth + 1.6, 0.8, 0.9], look.wall.color, [ax, 4.2, az]);
    ctx.solid([ax, 4.2, az], [archWidth + 1.6, 0.8, 0.9]);
  } else {
    box(b, look.wall.material, [0.8, 2.2, 0.9], shade(look.wall.color, 0.97), [ax - (archWidth + 0.8) / 2, 1.1, az]);
    ctx.solid([ax - (archWidth + 0.8) / 2, 1.1, az], [0.8, 2.2, 0.9]);
  }
  // Fallen column drums.
  const drumRng = ctx.random('drums');
  const drums = 3;
  for (let i = 0; i < drums; i++) {
    const x = drumRng.range(-8, 8);
    const z = drumRng.range(hd + 1, hd + 2.5);
    const yaw = drumRng.range(0, Math.PI);
    const length = drumRng.range(1, 2);
    if (lod < 2) b.within(compose(translation(x, 0.42, z), rotationY(yaw), rotationZ(Math.PI / 2)), () => frustum(b, 'stone', [0, -length / 2, 0], [0, length / 2, 0], 0.45, 0.43, ctx.segments(10), shade(look.wall.color, 0.95), { capFrom: true, capTo: true }));
  }
  rubble(ctx, 'inside', { count: 12, where: inRect(cx - hw + 1, cx + hw - 1, -hd + 1, hd - 1), size: [0.35, 0.9] });
  rubble(ctx, 'around', { count: 12, where: inRect(-9, 9, -7.5, 7.5), size: [0.3, 0.8] });
}
