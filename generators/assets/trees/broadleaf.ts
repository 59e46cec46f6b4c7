/**
 * Broadleaf (oak-like): a stout trunk that forks low into three to five heavy limbs under a broad,
 * round crown of foliage clumps, wider than it is tall or nearly so. 9–16 m.
 */
import { mixRgb } from '../../biomes/color.ts';
import type { Rng } from '../../seed/rng.ts';
import { linear } from '../mesh-builder.ts';
import { plainBark } from './bark.ts';
import { crownModel } from './crown-tree.ts';
import type { FoliagePalette, FoliageStyle } from './foliage.ts';
import type { TreeModel } from './tree-model.ts';

export const BROADLEAF_PALETTE: FoliagePalette = {
  spring: ['#7fa33a', '#8cb043', '#76a03c'],
  summer: ['#4b6b2a', '#557530', '#46662a', '#5a7a34'],
  autumn: ['#b8862c', '#a0662a', '#c49a36', '#8a5a22', '#7a7a2c'],
  winter: null,
};

export function broadleafModel(rng: Rng, style: FoliageStyle): TreeModel {
  const s = rng.fork('shape');
  const height = s.range(9.6, 15.2);
  const fork = height * s.range(0.24, 0.38);
  const width = height * s.range(0.78, 1.08);
  const ry = (height - fork) * 0.52;
  const lean: [number, number] = [s.normal(0, 0.035), s.normal(0, 0.035)];
  const cy = height - ry * 0.95;
  const rx = (width / 2) * s.range(0.9, 1.1);
  const rz = (width / 2) * s.range(0.9, 1.1);
  const bark = mixRgb(linear('#4d4034'), linear('#5e544a'), s.float());
  return crownModel(rng, {
    forkHeight: fork,
    leaderHeight: 0,
    trunkRadius: height * s.range(0.03, 0.038),
    lean,
    crownCenter: [lean[0] * cy + s.normal(0, 0.06 * rx), cy, lean[1] * cy + s.normal(0, 0.06 * rz)],
    crownRadii: [rx, ry, rz],
    layout: 'shell',
    lowest: s.range(-0.6, -0.35),
    depth: [0.45, 0.82],
    scaffolds: s.int(3, 5),
    scaffoldRadius: 0.66,
    branchRadius: 0.6,
    sites: s.int(14, 20),
    siteRadius: [0.24 * Math.min(rx, ry), 0.32 * Math.min(rx, ry)],
    gnarl: 0.07,
    twigs: 3,
    snapped: 0,
    brokenTop: false,
    trunkSegments: 6,
  }, {
    height,
    palette: BROADLEAF_PALETTE,
    style,
    clumpFlatten: 0.82,
    paint: plainBark(bark, rng.seed, style.snow, linear('#5e5246')),
    blobs: [6, 2],
  });
}
