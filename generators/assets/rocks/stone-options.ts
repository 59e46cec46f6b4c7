/**
 * Options every stone factory takes: its colour (the biome's or the palette's rock colour) and
 * the spec's rock size, 0 (pebbles and stones) .. 1 (house-sized boulders).
 */
import type { Collider, Vec3 } from '../asset.ts';
import { boundsOf, type AssetLod } from '../asset.ts';
import { checkHex, checkRange } from '../finish-asset.ts';

export interface StoneOptions {
  /** sRGB hex. */
  color?: string;
  /** 0..1. */
  size?: number;
}

export const STONE_DEFAULTS: Required<StoneOptions> = { color: '#7d7a72', size: 0.5 };

export function normaliseStoneOptions(options: StoneOptions, where: string): Required<StoneOptions> {
  const o = { ...STONE_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<StoneOptions>;
  checkHex(o.color, `${where}: color`);
  checkRange(o.size, 0, 1, `${where}: size`);
  return o;
}

/** A sphere around the stone's LOD0: centred in its box, as big as its mean half-extent. */
export function stoneCollider(lod0: AssetLod): Collider {
  const { min, max } = boundsOf([lod0]);
  const center: Vec3 = [round3((min[0] + max[0]) / 2), round3((min[1] + max[1]) / 2), round3((min[2] + max[2]) / 2)];
  const radius = round3(((max[0] - min[0]) + (max[1] - min[1]) + (max[2] - min[2])) / 6);
  return { shape: 'sphere', center, radius };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
