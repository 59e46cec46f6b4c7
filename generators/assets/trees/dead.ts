/**
 * Dead tree: grey, barkless wood; gnarled limbs, a third of the branches snapped short, twigs
 * only at the ends that survived; as often as not the trunk carries on as a leader that has
 * snapped off (a snag). No foliage in any season. 5–12 m.
 */
import { mixRgb } from '../../biomes/color.ts';
import type { Rng } from '../../seed/rng.ts';
import { linear } from '../mesh-builder.ts';
import { plainBark } from './bark.ts';
import { crownModel } from './crown-tree.ts';
import type { FoliageStyle } from './foliage.ts';
import type { TreeModel } from './tree-model.ts';

export function deadModel(rng: Rng, style: FoliageStyle): TreeModel {
  const s = rng.fork('shape');
  const height = s.range(5.8, 11.4);
  const snag = s.chance(0.55);
  const fork = height * s.range(0.28, 0.45);
  const width = height * s.range(0.6, 1);
  const ry = (height - fork) * 0.5;
  const lean: [number, number] = [s.normal(0, 0.06), s.normal(0, 0.06)];
  const cy = height - ry;
  const rx = (width / 2) * s.range(0.85, 1.15);
  const rz = (width / 2) * s.range(0.85, 1.15);
  const wood = mixRgb(linear('#8a857d'), linear('#6c665e'), s.float());
  return crownModel(rng, {
    forkHeight: fork,
    leaderHeight: snag ? height * s.range(0.72, 0.92) : 0,
    trunkRadius: height * s.range(0.03, 0.04),
    lean,
    crownCenter: [lean[0] * cy, cy, lean[1] * cy],
    crownRadii: [rx, ry, rz],
    layout: 'shell',
    lowest: -0.4,
    depth: [0.6, 0.95],
    scaffolds: s.int(3, 5),
    scaffoldRadius: 0.75,
    branchRadius: 0.72,
    sites: s.int(8, 12),
    siteRadius: [0.22 * rx, 0.3 * rx],
    gnarl: 0.1,
    twigs: 3,
    snapped: 0.3,
    brokenTop: snag || s.chance(0.3),
    trunkSegments: 7,
  }, {
    height,
    palette: null,
    style,
    clumpFlatten: 0.8,
    paint: plainBark(wood, rng.seed, style.snow, linear('#77726a')),
    blobs: [1, 1],
  });
}
