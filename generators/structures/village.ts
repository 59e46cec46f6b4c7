/**
 * A village: 5–12 houses in two loose rings round a green, each turned to face the middle, a
 * well on the green (most villages) and a chapel on the outer ring (some of the larger ones).
 *
 * `planVillage` is the layout on flat ground; the village asset draws it as one mesh, and
 * placement uses it as the first choice for each lot before fitting lots to the terrain.
 */
import { deriveSeed } from '../seed/derive-seed.ts';
import { Rng } from '../seed/rng.ts';
import type { BuildContext } from './build-context.ts';
import { drawChapel } from './chapel.ts';
import { drawHouse, drawWell } from './house.ts';
import type { StructureParams } from './structure-params.ts';

/** A well's footprint, metres (it is no structure type of its own). */
export const WELL_FOOTPRINT = { width: 3, depth: 3 };

export interface VillageLot {
  kind: 'house' | 'chapel' | 'well';
  /** Metres from the village centre. */
  x: number;
  z: number;
  /** Turned so the front faces the centre. */
  yaw: number;
  /** The lot's own seed, for its building. */
  seed: number;
}

export function planVillage(seed: number): VillageLot[] {
  const rng = new Rng(deriveSeed(seed, 'village-plan'));
  const houses = rng.int(5, 12);
  const well = rng.chance(0.7);
  const chapel = houses >= 7 && rng.chance(0.45);
  const lots: VillageLot[] = [];
  const facing = (x: number, z: number, jitter: number) => Math.atan2(-x, -z) + jitter;
  const inner = Math.min(6, houses);
  const start = rng.range(0, Math.PI * 2);
  const innerRadius = rng.range(12.5, 15);
  for (let i = 0; i < inner; i++) {
    const a = start + (i / inner) * Math.PI * 2 + rng.range(-0.12, 0.12);
    const r = innerRadius + rng.range(-1, 1.5);
    const x = Math.sin(a) * r;
    const z = Math.cos(a) * r;
    lots.push({ kind: 'house', x, z, yaw: facing(x, z, rng.range(-0.2, 0.2)), seed: deriveSeed(seed, 'lot', lots.length) });
  }
  const outer = houses - inner + (chapel ? 1 : 0);
  // The outer ring sits between the inner ring's houses.
  const outerStart = start + Math.PI / inner;
  for (let i = 0; i < outer; i++) {
    const a = outerStart + (i / Math.max(outer, 5)) * Math.PI * 2 + rng.range(-0.08, 0.08);
    const isChapel = chapel && i === 0;
    const r = isChapel ? 28 : rng.range(24, 26.5);
    const x = Math.sin(a) * r;
    const z = Math.cos(a) * r;
    lots.push({ kind: isChapel ? 'chapel' : 'house', x, z, yaw: facing(x, z, isChapel ? 0 : rng.range(-0.2, 0.2)), seed: deriveSeed(seed, 'lot', lots.length) });
  }
  if (well) lots.push({ kind: 'well', x: rng.range(-2, 2), z: rng.range(-2, 2), yaw: rng.range(0, Math.PI), seed: deriveSeed(seed, 'lot', lots.length) });
  return lots;
}

export function drawVillage(ctx: BuildContext, p: StructureParams): void {
  ctx.crowd = true;
  for (const [i, lot] of planVillage(ctx.seed).entries()) {
    ctx.at(lot.x, 0, lot.z, lot.yaw, () => {
      if (lot.kind === 'house') drawHouse(ctx, { ...p, type: 'house' });
      else if (lot.kind === 'chapel') drawChapel(ctx, { ...p, type: 'chapel' });
      else drawWell(ctx);
    }, `lot-${i}`);
  }
}
