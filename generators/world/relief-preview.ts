/**
 * A top-down picture of a World: its ground colours under a hillshade, with water on top.
 * Raw RGBA pixels; the CLI encodes them to PNG with sharp.
 */
import { hexToRgb, linearToSrgb } from '../biomes/color.ts';
import { shadeRelief, type ReliefImage } from '../terrain/shade-relief.ts';
import type { World } from './world.ts';

export const WATER_COLOR = '#2c5a73';
export const ICE_COLOR = '#cfe2ec';

export function renderReliefPreview(world: World, maxSize = 1024): ReliefImage {
  const linear = world.ground.colors;
  const colors = new Uint8Array(linear.length);
  for (let i = 0; i < linear.length; i++) colors[i] = Math.round(255 * Math.min(1, Math.max(0, linearToSrgb(linear[i]))));
  const water = world.spec.palette.colors.water ?? (world.water.frozen ? ICE_COLOR : WATER_COLOR);
  const [r, g, b] = hexToRgb(water);
  return shadeRelief(world.terrain, { colors, waterLevel: world.water.surface, waterColor: [r * 255, g * 255, b * 255] }, maxSize);
}
