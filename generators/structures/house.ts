/**
 * Dwellings. A house: one or two storeys, 6–8 m by 4.6–5.8 m, a door and windows on the front
 * (+z), a gable roof (thatch on timber, slate on stone, terracotta on brick) or, in sandstone,
 * half the time a flat roof with a parapet. A farmhouse: a longer house and a tall timber barn
 * with a wide gate, side by side. A well: a stone ring under a little roof, for villages.
 */
import { box, frustum, shade } from '../assets/mesh-builder.ts';
import type { BuildContext } from './build-context.ts';
import { building, type BuildingOptions } from './building.ts';
import { aroundRing, rubble } from './masonry.ts';
import { pitchedRoof } from './roofs.ts';
import type { StructureParams } from './structure-params.ts';

export function drawHouse(ctx: BuildContext, p: StructureParams): void {
  const rng = ctx.random('house');
  const width = rng.range(6, 8);
  const depth = rng.range(4.6, 5.8);
  building(ctx, 'house', houseOptions(ctx, p, width, depth, rng.chance(0.3) ? 2 : 1, rng.range(-0.2, 0.2) * width, rng.chance(0.5), rng.chance(0.7)));
}

function houseOptions(ctx: BuildContext, p: StructureParams, width: number, depth: number, storeys: number, doorAt: number, flatRoof: boolean, chimney: boolean): BuildingOptions {
  const wallHeight = storeys === 2 ? 5.6 : 3.2;
  const thatch = ctx.look.roof.material === 'thatch';
  const windows: NonNullable<BuildingOptions['windows']> = [];
  for (let s = 0; s < storeys; s++) {
    const y = 1.7 + s * 2.5;
    for (const at of [-width * 0.32, width * 0.32]) if (s > 0 || Math.abs(at - doorAt) > 1.4) windows.push({ side: 'front', at, y, width: 0.9, height: 1 });
    windows.push({ side: 'left', at: 0, y, width: 0.8, height: 0.9 });
    windows.push({ side: 'right', at: 0, y, width: 0.8, height: 0.9 });
    windows.push({ side: 'back', at: width * 0.2, y, width: 0.8, height: 0.9 });
  }
  return {
    width,
    depth,
    wallHeight,
    roof: p.material === 'sandstone' && flatRoof ? 'flat' : 'gable',
    pitchHeight: depth * (thatch ? 0.62 : 0.48),
    door: { side: 'front', at: doorAt, width: 1.1, height: 2.1 },
    windows,
    chimney: chimney && !thatch,
    frame: ctx.look.timber,
  };
}

export function drawFarmhouse(ctx: BuildContext, p: StructureParams): void {
  const rng = ctx.random('farm');
  const houseWidth = rng.range(10, 11.5);
  const houseDepth = rng.range(5.4, 6.2);
  const barnWidth = rng.range(9.5, 11);
  const barnDepth = rng.range(8, 9.5);
  const gap = rng.range(1.5, 2.5);
  const total = houseWidth + gap + barnWidth;
  const houseX = -total / 2 + houseWidth / 2;
  const barnX = total / 2 - barnWidth / 2;
  const barnFirst = rng.chance(0.5);
  const doorAt = rng.range(-0.15, 0.15) * houseWidth;
  const chimney = rng.chance(0.8);
  ctx.at(barnFirst ? -houseX : houseX, 0, 0, 0, () => building(ctx, 'house', houseOptions(ctx, p, houseWidth, houseDepth, 1, doorAt, false, chimney)), 'house');
  ctx.at(barnFirst ? -barnX : barnX, 0, -0.5, 0, () =>
    building(ctx, 'barn', {
      width: barnWidth,
      depth: barnDepth,
      wallHeight: 4.2,
      roof: 'gable',
      pitchHeight: barnDepth * 0.55,
      door: { side: 'front', at: 0, width: 3.4, height: 3.6, kind: 'gate' },
      windows: [{ side: 'front', at: 0, y: 5.2, width: 1.2, height: 1 }],
      material: 'wood',
      color: shade(ctx.look.wood, 0.85),
      frame: true,
    }),
  'barn');
}

export function drawWell(ctx: BuildContext): void {
  const { b, lod, look } = ctx;
  const n = ctx.segments(12);
  frustum(b, 'stone', [0, 0, 0], [0, 0.9, 0], 0.95, 0.9, n, look.stone, { capTo: false });
  frustum(b, 'stone', [0, 0.75, 0], [0, 0.9, 0], 0.7, 0.7, n, look.opening, { capTo: true });
  ctx.solid([0, 0.45, 0], [1.8, 0.9, 1.8]);
  if (ctx.ruined) {
    rubble(ctx, 'well', { count: 5, where: aroundRing(1, 2), size: [0.2, 0.4], color: look.stone, material: 'stone' });
    return;
  }
  for (const x of [-0.85, 0.85]) box(b, 'wood', [0.14, 2.2, 0.14], look.wood, [x, 1.1, 0]);
  if (lod < 2) box(b, 'wood', [1.9, 0.12, 0.12], look.darkWood, [0, 1.9, 0]);
  pitchedRoof(ctx, { width: 1.9, depth: 1.3, eaves: 2.15, pitchHeight: 0.6, overhang: 0.15, gableMaterial: 'wood', gableColor: look.darkWood });
}
