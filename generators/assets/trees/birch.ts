/**
 * Birch: a slender white trunk with black marks running up through a narrow, airy crown of small
 * clumps on many light branches; butter-yellow in autumn. 10–17 m.
 */
import type { Rng } from '../../seed/rng.ts';
import { linear } from '../mesh-builder.ts';
import { birchBark } from './bark.ts';
import { crownModel } from './crown-tree.ts';
import type { FoliagePalette, FoliageStyle } from './foliage.ts';
import type { TreeModel } from './tree-model.ts';

export const BIRCH_PALETTE: FoliagePalette = {
  spring: ['#9cc456', '#a8cb5e', '#92bd50'],
  summer: ['#6e9a38', '#7aa33e', '#668f34'],
  autumn: ['#e0b631', '#d9a62a', '#c9b13a', '#e8c24a', '#b89a2e'],
  winter: null,
};

export function birchModel(rng: Rng, style: FoliageStyle): TreeModel {
  const s = rng.fork('shape');
  const height = s.range(10.6, 16.4);
  const fork = height * s.range(0.26, 0.38);
  const width = height * s.range(0.34, 0.46);
  const ry = (height - fork) * 0.52;
  const lean: [number, number] = [s.normal(0, 0.04), s.normal(0, 0.04)];
  const cy = height - ry;
  const rx = (width / 2) * s.range(0.9, 1.1);
  const rz = (width / 2) * s.range(0.9, 1.1);
  return crownModel(rng, {
    forkHeight: fork,
    leaderHeight: height * s.range(0.88, 0.95),
    trunkRadius: height * s.range(0.013, 0.018),
    lean,
    crownCenter: [lean[0] * cy, cy, lean[1] * cy],
    crownRadii: [rx, ry, rz],
    layout: 'shell',
    lowest: -0.85,
    depth: [0.55, 0.95],
    scaffolds: s.int(6, 8),
    scaffoldRadius: 0.55,
    branchRadius: 0.6,
    sites: s.int(16, 20),
    siteRadius: [0.26 * rx, 0.34 * rx],
    gnarl: 0.04,
    twigs: 4,
    snapped: 0,
    brokenTop: false,
    trunkSegments: 12,
  }, {
    height,
    palette: BIRCH_PALETTE,
    style,
    clumpFlatten: 1.05,
    paint: birchBark(linear('#e6e2d8'), linear('#2a2622'), linear('#4a3430'), rng.seed, style.snow),
    blobs: [6, 2],
  });
}
