/**
 * Acacia (savanna umbrella thorn): a short, leaning trunk forking into two to four spreading
 * leaders under one flat, layered canopy far wider than the tree is tall. 5–9 m. Counted as
 * evergreen here: in a cold season its leaves dull rather than fall.
 */
import { mixRgb } from '../../biomes/color.ts';
import type { Rng } from '../../seed/rng.ts';
import { linear } from '../mesh-builder.ts';
import { plainBark } from './bark.ts';
import { crownModel } from './crown-tree.ts';
import type { FoliagePalette, FoliageStyle } from './foliage.ts';
import type { TreeModel } from './tree-model.ts';

export const ACACIA_PALETTE: FoliagePalette = {
  spring: ['#7f9a3c', '#86a040'],
  summer: ['#6b7f32', '#75863a', '#627a30'],
  autumn: ['#8a8a3a', '#9a8c40', '#7d8236'],
  winter: ['#7c7a42', '#73753e'],
};

export function acaciaModel(rng: Rng, style: FoliageStyle): TreeModel {
  const s = rng.fork('shape');
  const height = s.range(5.6, 8.6);
  const fork = height * s.range(0.28, 0.42);
  const width = height * s.range(1.35, 1.8);
  const ry = height * s.range(0.1, 0.14);
  const lean: [number, number] = [s.normal(0, 0.08), s.normal(0, 0.08)];
  const cy = height - ry * 1.1;
  const rx = (width / 2) * s.range(0.9, 1.1);
  const rz = (width / 2) * s.range(0.9, 1.1);
  const bark = mixRgb(linear('#4f4236'), linear('#625548'), s.float());
  return crownModel(rng, {
    forkHeight: fork,
    leaderHeight: 0,
    trunkRadius: height * s.range(0.03, 0.04),
    lean,
    crownCenter: [lean[0] * fork + s.normal(0, 0.08 * rx), cy, lean[1] * fork + s.normal(0, 0.08 * rz)],
    crownRadii: [rx, ry, rz],
    layout: 'disc',
    lowest: 0,
    depth: [0, 1],
    scaffolds: s.int(2, 4),
    scaffoldRadius: 0.72,
    branchRadius: 0.6,
    sites: s.int(12, 16),
    siteRadius: [0.26 * rx, 0.32 * rx],
    gnarl: 0.1,
    twigs: 3,
    snapped: 0,
    brokenTop: false,
    trunkSegments: 5,
  }, {
    height,
    palette: ACACIA_PALETTE,
    style,
    clumpFlatten: 0.36,
    paint: plainBark(bark, rng.seed, style.snow),
    blobs: [5, 1],
  });
}
