/**
 * The colours and surface materials a structure is drawn with, from what it is built of and the
 * spec's palette overrides. Colours are linear RGB (vertex colours); hex values are sRGB as a
 * designer picks them. Each structure nudges its colours a little by seed so two houses of one
 * village are not identical.
 */
import type { Rgb } from '../biomes/color.ts';
import { linear, shade } from '../assets/mesh-builder.ts';
import type { AssetMaterialName } from '../assets/asset-materials.ts';
import type { Rng } from '../seed/rng.ts';
import type { BuildingMaterial } from './resolve-material.ts';

export interface StructurePalette {
  stone?: string;
  wood?: string;
  roof?: string;
}

export interface Look {
  /** Walls and masses: the building material. */
  wall: { material: AssetMaterialName; color: Rgb };
  /** Dressed stone for plinths, steps, sills and trims. */
  stone: Rgb;
  wood: Rgb;
  /** Darker timber for doors, shutters and beams. */
  darkWood: Rgb;
  roof: { material: AssetMaterialName; color: Rgb };
  /** Fired clay tiles (temples), unless the palette names a roof colour. */
  clayRoof: Rgb;
  plaster: Rgb;
  /** Openings: doorways, arrow slits, window glass. */
  opening: Rgb;
  glass: Rgb;
  metal: Rgb;
  /** Sail cloth, canvas. */
  cloth: Rgb;
  rope: Rgb;
  timber: boolean;
}

const WALL_HEX: Record<BuildingMaterial, string> = {
  stone: '#8f8a80',
  sandstone: '#c9a46e',
  brick: '#9a4f3b',
  wood: '#7d5b3b',
  rope: '#7d5b3b',
};

const ROOF_HEX: Record<BuildingMaterial, string> = {
  stone: '#4f555e',
  sandstone: '#b0613f',
  brick: '#a5553a',
  wood: '#a88c55',
  rope: '#a88c55',
};

export function lookFor(material: BuildingMaterial, palette: StructurePalette, rng: Rng): Look {
  const jitter = (c: Rgb, amount: number): Rgb => shade(c, 1 + rng.range(-amount, amount));
  const timber = material === 'wood' || material === 'rope';
  const stoneHex = palette.stone ?? (material === 'sandstone' ? '#cdb187' : material === 'brick' ? '#9b968b' : '#8f8a80');
  const woodHex = palette.wood ?? '#7a5838';
  const wallHex = timber ? (palette.wood ?? WALL_HEX[material]) : material === 'stone' ? stoneHex : (palette.stone ?? WALL_HEX[material]);
  const roofHex = palette.roof ?? ROOF_HEX[material];
  const wood = jitter(linear(woodHex), 0.08);
  return {
    wall: { material: timber ? 'wood' : 'stone', color: jitter(linear(wallHex), 0.06) },
    stone: jitter(linear(stoneHex), 0.05),
    wood,
    darkWood: shade(wood, 0.55),
    roof: { material: timber ? 'thatch' : 'roof-tiles', color: jitter(linear(roofHex), 0.08) },
    clayRoof: jitter(linear(palette.roof ?? '#a65a3e'), 0.06),
    plaster: jitter(linear(material === 'sandstone' ? '#d8c094' : '#e2dacb'), 0.04),
    opening: linear('#1d1b19'),
    glass: linear('#2f3a44'),
    metal: linear('#3b3d40'),
    cloth: linear('#e4dccb'),
    rope: linear('#a48a5c'),
    timber,
  };
}
