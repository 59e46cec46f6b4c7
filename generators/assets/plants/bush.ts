/**
 * `createBush(seed, style)`: a shrub of three to seven lumpy foliage clumps — one big one in the
 * middle, the rest leaning on it at different heights — on a few short stems that show between
 * them at the foot. 0.6–2 m tall, a little wider than tall. Leaves turn in autumn and dull (but
 * stay) in winter. Sphere collider.
 *
 * Triangles: LOD0 80 per clump + 6 per stem (≤ 578), LOD1 the clumps merged into half as many,
 * LOD2 one 20-triangle blob.
 */
import { mixRgb } from '../../biomes/color.ts';
import { Rng } from '../../seed/rng.ts';
import { boundsOf, type Asset, type Vec3 } from '../asset.ts';
import { linear, MeshBuilder } from '../mesh-builder.ts';
import { plainBark } from '../trees/bark.ts';
import { curvedLimb, drawLimb } from '../trees/branching.ts';
import { checkSeed } from '../trees/create-tree.ts';
import { finishAsset, fitHeight } from '../finish-asset.ts';
import { crownCenterOf, drawClump, foliageColor, mergeClumps, type Clump, type FoliagePalette } from '../trees/foliage.ts';
import { normalisePlantStyle, type PlantStyle } from './plant-style.ts';

export const NAME = 'createBush';

/** Most triangles at LOD0. */
export const BUSH_BUDGET = 600;

export const BUSH_PALETTE: FoliagePalette = {
  spring: ['#6f9a3a', '#7aa342', '#64913a'],
  summer: ['#46682c', '#52742f', '#3f6030', '#4d6a34'],
  autumn: ['#9a5a24', '#b0742a', '#7a6a2a', '#a8401e', '#8a7a30'],
  winter: ['#4a5234', '#535a3a', '#4f5030'],
};

export function createBush(seed: number, style: PlantStyle = {}): Asset {
  const options = normalisePlantStyle(style, 'createBush');
  checkSeed(seed, 'createBush');
  const rng = new Rng(seed).fork('bush');
  const s = rng.fork('shape');
  const height = s.range(0.62, 1.82);
  const count = s.int(3, 7);
  const colorRng = rng.fork('leaf-colour');
  // Fewer clumps, each bigger: a three-clump bush is as full as a seven-clump one.
  const main = height * (0.46 - 0.02 * count);
  const blobs: Array<{ center: Vec3; r: number; squash: number }> = [
    { center: [s.normal(0, 0.06 * height), main * 0.9, s.normal(0, 0.06 * height)], r: main, squash: s.range(0.78, 0.92) },
  ];
  const spin = s.range(0, Math.PI * 2);
  for (let i = 1; i < count; i++) {
    const r = height * s.range(0.24, 0.34) * (1.15 - 0.05 * count);
    const angle = spin + (i / (count - 1)) * Math.PI * 2 + s.normal(0, 0.35);
    const reach = main * s.range(0.6, 0.95);
    const squash = s.range(0.75, 0.95);
    blobs.push({ center: [Math.cos(angle) * reach, r * squash * s.range(0.9, 1.7), Math.sin(angle) * reach], r, squash });
  }
  let top = 0;
  for (const blob of blobs) top = Math.max(top, blob.center[1] + blob.r * blob.squash);
  const k = height / top;
  const clumps: Clump[] = blobs.map((blob, i) => {
    const r = blob.r * k;
    return {
      center: [blob.center[0] * k, blob.center[1] * k, blob.center[2] * k],
      radii: [r * colorRng.range(1, 1.15), r * blob.squash, r * colorRng.range(1, 1.15)],
      color: foliageColor(BUSH_PALETTE, options, colorRng),
      seed: rng.fork('clump', i).seed,
    };
  });
  const stemRng = rng.fork('stems');
  const wood = mixRgb(linear('#4e4034'), linear('#5f5244'), stemRng.float());
  const paint = plainBark(wood, rng.seed, options.snow);
  const stems = clumps.slice(0, 3).map((clump) =>
    curvedLimb([stemRng.normal(0, 0.03), -0.05, stemRng.normal(0, 0.03)], [0, 1, 0], clump.center, height * 0.025, height * 0.012, 1, 1),
  );
  const centre = crownCenterOf(clumps, [0, height / 2, 0]);

  const drawn = [0, 1, 2].map((lod) => {
    const b = new MeshBuilder();
    if (lod === 0) for (const stem of stems) drawLimb(b, 'bark', stem, 3, paint);
    const blobs = lod === 0 ? clumps : mergeClumps(clumps, lod === 1 ? Math.ceil(count / 2) : 1);
    for (const clump of blobs) drawClump(b, 'foliage', clump, lod === 2 ? 0 : 1, centre, options.snow, lod === 0 ? 1.5 : 0.8);
    return b.build();
  });
  // The clumps' bumps make the top uneven: fit the drawn bush to its height.
  const lods = fitHeight(drawn, height);
  const { min, max } = boundsOf([lods[0]]);
  const halfWidth = Math.max(max[0] - min[0], max[2] - min[2]) / 2;
  const collider = { shape: 'sphere' as const, center: [0, round3(height * 0.45), 0] as Vec3, radius: round3(Math.max(halfWidth, height / 2) * 0.85) };
  return finishAsset(`bush/shrub/${seed}`, 'bush', lods, collider, [0.25, 0.08]);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
