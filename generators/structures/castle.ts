/**
 * Castles and fortresses: a curtain wall round a courtyard, towers at the corners, a gatehouse in
 * the front (+z) wall and a keep at the back.
 *
 *   castle    28–34 m courtyard, round corner towers (crenellated or with cone roofs), a round-
 *             towered gatehouse, a tall square keep, a hall with a pitched roof along one side.
 *   fortress  squarer and heavier: 36–40 m, thick battered walls, square bastions, a squat massive
 *             keep with a flat crenellated top, barracks with flat roofs.
 *
 * Ruined: walls broken into chunks with gaps, towers and keep broken open, no roofs, rubble.
 */
import { box, shade } from '../assets/mesh-builder.ts';
import type { BuildContext } from './build-context.ts';
import { building } from './building.ts';
import { inRect, rubble, wallRun } from './masonry.ts';
import type { StructureParams } from './structure-params.ts';
import { roundTower, squareTower, type TowerOptions } from './towers.ts';

interface CastlePlan {
  halfW: number;
  halfD: number;
  wallHeight: number;
  thickness: number;
  towerRadius: number;
  towerHeight: number;
  roundTowers: boolean;
  coneRoofs: boolean;
  gateHalf: number;
  keep: { x: number; z: number; half: number; height: number; top: TowerOptions['top'] };
  fortress: boolean;
  broken: number;
}

export function drawCastle(ctx: BuildContext, p: StructureParams): void {
  const rng = ctx.random('plan');
  const fortress = p.type === 'fortress';
  const plan: CastlePlan = fortress
    ? {
        halfW: rng.range(18, 19.5),
        halfD: 0,
        wallHeight: rng.range(8.5, 10),
        thickness: 3.2,
        towerRadius: rng.range(3.6, 4.2),
        towerHeight: rng.range(11, 12.5),
        roundTowers: false,
        coneRoofs: false,
        gateHalf: 4.8,
        keep: { x: 0, z: 0, half: rng.range(6.5, 7.5), height: rng.range(14, 16), top: 'crenels' },
        fortress,
        broken: 0,
      }
    : {
        halfW: rng.range(14, 16.5),
        halfD: rng.range(14, 16.5),
        wallHeight: rng.range(7.5, 9),
        thickness: 2.4,
        towerRadius: rng.range(3.5, 4.0),
        towerHeight: rng.range(12, 14),
        roundTowers: true,
        coneRoofs: rng.chance(0.45),
        gateHalf: 4.2,
        keep: { x: 0, z: 0, half: rng.range(4.5, 5.5), height: rng.range(17, 21), top: rng.chance(0.3) ? 'pyramid' : 'crenels' },
        fortress,
        broken: 0,
      };
  if (fortress) plan.halfD = plan.halfW * rng.range(0.95, 1);
  plan.keep.z = -plan.halfD + plan.keep.half + plan.thickness / 2 + (fortress ? 3 : 2);
  plan.broken = ctx.ruined ? rng.range(0.55, 0.8) : 0;
  const hallSide = rng.chance(0.5) ? 1 : -1;
  // The keep stands off-centre, away from the hall.
  if (!fortress) plan.keep.x = -hallSide * rng.range(1, 3);

  const { halfW: hw, halfD: hd } = plan;
  const wall = { height: plan.wallHeight, thickness: plan.thickness, crenels: true, broken: plan.broken, outside: 1 as const };
  const inset = plan.towerRadius * 0.6;
  // Back and sides run between corner towers; the front is split by the gatehouse. Runs go
  // clockwise seen from above, so each run's outside (+1) faces out.
  wallRun(ctx, 'wall-back', [hw - inset, -hd], [-hw + inset, -hd], wall);
  wallRun(ctx, 'wall-left', [-hw, -hd + inset], [-hw, hd - inset], wall);
  wallRun(ctx, 'wall-right', [hw, hd - inset], [hw, -hd + inset], wall);
  const g = plan.gateHalf;
  wallRun(ctx, 'wall-front-left', [-hw + inset, hd], [-g, hd], wall);
  wallRun(ctx, 'wall-front-right', [g, hd], [hw - inset, hd], wall);
  if (plan.fortress && ctx.lod < 2 && !ctx.ruined) {
    // A battered skirt along the foot of every wall.
    const skirt = (x: number, z: number, sx: number, sz: number) => box(ctx.b, ctx.look.wall.material, [sx, 1.6, sz], shade(ctx.look.wall.color, 0.9), [x, 0.8, z]);
    skirt(0, -hd, 2 * hw, plan.thickness + 1.2);
    skirt(-hw, 0, plan.thickness + 1.2, 2 * hd);
    skirt(hw, 0, plan.thickness + 1.2, 2 * hd);
    skirt(-(hw + g) / 2, hd, hw - g, plan.thickness + 1.2);
    skirt((hw + g) / 2, hd, hw - g, plan.thickness + 1.2);
  }

  const towerRng = ctx.random('towers');
  const corners: Array<[number, number]> = [[-hw, -hd], [hw, -hd], [hw, hd], [-hw, hd]];
  for (const [i, [x, z]] of corners.entries()) {
    const options: TowerOptions = {
      radius: plan.towerRadius,
      height: plan.towerHeight * towerRng.range(0.95, 1.05),
      taper: plan.roundTowers ? 0.93 : 0.97,
      top: plan.coneRoofs ? 'cone' : 'crenels',
      windowLevels: [plan.wallHeight + 1.5],
      windowKind: 'slit',
      broken: ctx.ruined ? towerRng.range(0.3, 0.65) : 0,
    };
    if (plan.roundTowers) roundTower(ctx, `corner-${i}`, x, z, options);
    else squareTower(ctx, `corner-${i}`, x, z, options);
  }

  gatehouse(ctx, plan);

  const keepOptions: TowerOptions = {
    radius: plan.keep.half,
    height: plan.keep.height,
    taper: 1,
    top: plan.keep.top,
    windowLevels: [4, 8, 12, 16].filter((y) => y < plan.keep.height - 2),
    windowKind: plan.fortress ? 'slit' : 'window',
    door: 0,
    broken: ctx.ruined ? rng.range(0.35, 0.6) : 0,
  };
  squareTower(ctx, 'keep', plan.keep.x, plan.keep.z, keepOptions);

  // A hall (castle) or barracks (fortress) against a side wall.
  const innerX = hw - plan.thickness / 2 - (plan.fortress ? 3 : 3.4);
  const length = plan.fortress ? 2 * hd - 14 : hd;
  // Turned so its front (+z) faces the courtyard.
  ctx.at(hallSide * innerX, 0, plan.fortress ? 2 : hd * 0.05, hallSide > 0 ? -Math.PI / 2 : Math.PI / 2, () =>
    building(ctx, 'hall', {
      width: length,
      depth: plan.fortress ? 5.5 : 6.5,
      wallHeight: plan.fortress ? 4 : 6,
      roof: plan.fortress ? 'flat' : 'gable',
      pitchHeight: 3,
      door: { side: 'front', at: 0, width: 1.4, height: 2.4 },
      windows: plan.fortress ? [] : [-0.3, 0.3].map((f) => ({ side: 'front' as const, at: f * length, y: 3.6, width: 1, height: 1.6 })),
    }),
  'hall');

  if (ctx.ruined) {
    rubble(ctx, 'courtyard', { count: 26, where: inRect(-hw + 3, hw - 3, -hd + 3, hd - 3), size: [0.4, 1.1] });
    rubble(ctx, 'outside', { count: 24, where: (r) => {
      const side = r.int(0, 3);
      const t = r.range(-1, 1);
      const out = r.range(plan.thickness, plan.thickness + 3.5);
      return side === 0 ? [t * hw, hd + out] : side === 1 ? [t * hw, -hd - out] : side === 2 ? [hw + out, t * hd] : [-hw - out, t * hd];
    }, size: [0.4, 1.2] });
  }
}

function gatehouse(ctx: BuildContext, plan: CastlePlan): void {
  const g = plan.gateHalf;
  const hd = plan.halfD;
  const rng = ctx.random('gatehouse');
  const height = plan.wallHeight + 2.5;
  const towerRadius = plan.fortress ? 2.6 : 2.4;
  const options: TowerOptions = {
    radius: towerRadius,
    height: height + 1.5,
    taper: 0.95,
    top: plan.coneRoofs ? 'cone' : 'crenels',
    windowLevels: [height - 2],
    windowKind: 'slit',
    broken: ctx.ruined ? rng.range(0.3, 0.6) : 0,
  };
  const flank = g + towerRadius * 0.4;
  for (const [i, x] of [-flank, flank].entries()) {
    if (plan.fortress) squareTower(ctx, `gate-tower-${i}`, x, hd + 1.2, options);
    else roundTower(ctx, `gate-tower-${i}`, x, hd + 1.2, options);
  }
  // The gate block between the flanking towers: a passage 3.6 m wide under a lintel.
  wallRun(ctx, 'gate', [-g, hd + 0.4], [g, hd + 0.4], {
    height,
    thickness: plan.thickness + 1.6,
    crenels: true,
    outside: 1,
    broken: plan.broken * 0.8,
    openings: [{ at: g, width: 3.6, bottom: 0, top: 4.8, kind: 'gate' }],
  });
}
