/**
 * Maple: a broadleaf with a shorter bole and steeper limbs under a dense oval crown; in autumn its
 * clumps go scarlet, orange and gold, the strongest colour of any species here. 9–15 m.
 */
import { mixRgb } from '../../biomes/color.ts';
import type { Rng } from '../../seed/rng.ts';
import { linear } from '../mesh-builder.ts';
import { plainBark } from './bark.ts';
import { crownModel } from './crown-tree.ts';
import type { FoliagePalette, FoliageStyle } from './foliage.ts';
import type { TreeModel } from './tree-model.ts';

export const MAPLE_PALETTE: FoliagePalette = {
  spring: ['#8bb44a', '#9ab850', '#84ad45'],
  summer: ['#4f7d2e', '#5a8432', '#47742b'],
  autumn: ['#c0301e', '#d4521c', '#e07a1c', '#b02418', '#e8a524', '#cf3f1a'],
  winter: null,
};

export function mapleModel(rng: Rng, style: FoliageStyle): TreeModel {
  const s = rng.fork('shape');
  const height = s.range(9.4, 14.4);
  const fork = height * s.range(0.2, 0.32);
  const width = height * s.range(0.58, 0.82);
  const ry = (height - fork) * 0.5;
  const lean: [number, number] = [s.normal(0, 0.03), s.normal(0, 0.03)];
  const cy = height - ry;
  const rx = (width / 2) * s.range(0.92, 1.08);
  const rz = (width / 2) * s.range(0.92, 1.08);
  const bark = mixRgb(linear('#57504a'), linear('#6a625a'), s.float());
  return crownModel(rng, {
    forkHeight: fork,
    leaderHeight: 0,
    trunkRadius: height * s.range(0.02, 0.026),
    lean,
    crownCenter: [lean[0] * cy + s.normal(0, 0.05 * rx), cy, lean[1] * cy + s.normal(0, 0.05 * rz)],
    crownRadii: [rx, ry, rz],
    layout: 'shell',
    lowest: s.range(-0.7, -0.5),
    depth: [0.42, 0.78],
    scaffolds: s.int(3, 5),
    scaffoldRadius: 0.62,
    branchRadius: 0.6,
    sites: s.int(18, 22),
    siteRadius: [0.27 * rx, 0.34 * rx],
    gnarl: 0.05,
    twigs: 3,
    snapped: 0,
    brokenTop: false,
    trunkSegments: 6,
  }, {
    height,
    palette: MAPLE_PALETTE,
    style,
    clumpFlatten: 0.88,
    paint: plainBark(bark, rng.seed, style.snow, linear('#6b5a4c')),
    blobs: [6, 2],
  });
}
