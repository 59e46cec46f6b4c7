/**
 * `createFlowers(seed, style)`: a small patch of one kind of wildflower (now and then two) — three
 * to seven stems with star-shaped heads of five or six petals around a contrasting eye, and a
 * couple of leaves at the foot. 0.2–0.5 m. Walk-through. In autumn the petals fade toward
 * brown; in winter only dry seed heads stand.
 *
 * Triangles: LOD0 4 per stem, 2 per petal, 3 per leaf (≤ 6 + 7 · 16 = 118); LOD1 2 per stem and
 * one per petal; LOD2 a sliver of stem and one triangle of colour per flower.
 */
import { mixRgb, type Rgb } from '../../biomes/color.ts';
import { Rng } from '../../seed/rng.ts';
import type { Asset, Vec3 } from '../asset.ts';
import { linear, MeshBuilder, ribbon } from '../mesh-builder.ts';
import { cross, normalize, subtract } from '../transform.ts';
import { checkSeed } from '../trees/create-tree.ts';
import { finishAsset } from '../finish-asset.ts';
import { snowed } from '../trees/foliage.ts';
import { normalisePlantStyle, type PlantStyle } from './plant-style.ts';

export const NAME = 'createFlowers';

/** Most triangles at LOD0. */
export const FLOWERS_BUDGET = 150;

/** Petal and eye colours (sRGB) of the wildflowers a patch may be. */
export const WILDFLOWERS = [
  { petal: '#f2efe6', eye: '#e8b81e', petals: 6 }, // daisy
  { petal: '#f0c22c', eye: '#8a5a1a', petals: 5 }, // buttercup
  { petal: '#8a5ac8', eye: '#f0d040', petals: 5 }, // violet
  { petal: '#d8343a', eye: '#241c1c', petals: 5 }, // poppy
  { petal: '#4f7ad8', eye: '#f2e8a0', petals: 5 }, // cornflower
  { petal: '#e68ab8', eye: '#f4e070', petals: 6 }, // campion
] as const;

const STEM = '#4f7a2c';
const DRY = linear('#6b5a3e');

interface Flower {
  stem: Vec3[];
  head: Vec3;
  /** Unit vector the head faces. */
  facing: Vec3;
  radius: number;
  petals: number;
  petal: Rgb;
  eye: Rgb;
  spin: number;
}

export function createFlowers(seed: number, style: PlantStyle = {}): Asset {
  const options = normalisePlantStyle(style, 'createFlowers');
  checkSeed(seed, 'createFlowers');
  const rng = new Rng(seed).fork('flowers');
  const s = rng.fork('shape');
  const height = s.range(0.22, 0.48);
  const count = s.int(3, 7);
  const kinds = [s.pick(WILDFLOWERS), s.pick(WILDFLOWERS)];
  const mixed = s.chance(0.25);
  const stemColor = options.grass !== null ? mixRgb(linear(options.grass), linear(STEM), 0.4) : linear(STEM);
  const winter = options.season === 'winter';

  const flowers: Flower[] = [];
  for (let i = 0; i < count; i++) {
    const kind = mixed && i % 2 === 1 ? kinds[1] : kinds[0];
    const azimuth = s.range(0, Math.PI * 2);
    const offset = s.range(0, 0.1);
    const lean = s.range(0.05, 0.3);
    const h = i === 0 ? height : height * s.range(0.65, 1);
    const foot: Vec3 = [Math.cos(azimuth) * offset, -0.01, Math.sin(azimuth) * offset];
    const sway = Math.sin(lean) * h;
    const head: Vec3 = [foot[0] + Math.cos(azimuth) * sway, h, foot[2] + Math.sin(azimuth) * sway];
    const mid: Vec3 = [foot[0] + Math.cos(azimuth) * sway * 0.3, h * 0.5, foot[2] + Math.sin(azimuth) * sway * 0.3];
    let petal = linear(kind.petal);
    let eye = linear(kind.eye);
    if (options.season === 'autumn') petal = mixRgb(petal, DRY, 0.35);
    if (winter) {
      petal = DRY;
      eye = mixRgb(DRY, [0, 0, 0], 0.3);
    }
    const k = s.range(0.9, 1.08);
    flowers.push({
      stem: [foot, mid, head],
      head,
      // Heads nod outward and turn a little sideways, so a patch shows faces, not edges.
      facing: normalize([Math.cos(azimuth + s.normal(0, 0.6)) * s.range(0.5, 1.1), 1, Math.sin(azimuth + s.normal(0, 0.6)) * s.range(0.5, 1.1)]),
      radius: (winter ? 0.4 : 1) * height * s.range(0.11, 0.15),
      petals: kind.petals,
      petal: [petal[0] * k, petal[1] * k, petal[2] * k],
      eye,
      spin: s.range(0, Math.PI * 2),
    });
  }
  const leafRng = rng.fork('leaves');
  const leaves = [0, 1].map(() => {
    const a = leafRng.range(0, Math.PI * 2);
    const l = height * leafRng.range(0.35, 0.5);
    const out: Vec3 = [Math.cos(a), 0, Math.sin(a)];
    return {
      points: [[0, 0, 0], [out[0] * l * 0.5, l * 0.35, out[2] * l * 0.5], [out[0] * l, l * 0.25, out[2] * l]] as Vec3[],
      side: [-out[2], 0, out[0]] as Vec3,
      width: l * 0.25,
    };
  });

  const green = (t: number) => snowed(winter ? mixRgb(stemColor, DRY, 0.7) : [stemColor[0] * (0.7 + 0.4 * t), stemColor[1] * (0.7 + 0.4 * t), stemColor[2] * (0.7 + 0.4 * t)], 0.3, options.snow);
  const lods = [0, 1, 2].map((lod) => {
    const b = new MeshBuilder();
    for (const f of flowers) {
      const side = normalize(cross(subtract(f.head, f.stem[0]), [0, 0, 1]));
      const w = height * 0.018;
      if (lod === 0) ribbon(b, 'flowers', f.stem, [w, w * 0.8, w * 0.6], side, green);
      else if (lod === 1) ribbon(b, 'flowers', [f.stem[0], f.head], [w * 1.3, w], side, green);
      else ribbon(b, 'flowers', [f.stem[0], f.head], [w * 1.6, 0], side, green);
      drawHead(b, f, lod, options.snow);
    }
    if (lod === 0) for (const leaf of leaves) ribbon(b, 'flowers', leaf.points, [leaf.width * 0.4, leaf.width, 0], leaf.side, green);
    return b.build();
  });
  return finishAsset(`flowers/wild/${seed}`, 'flowers', lods, { shape: 'none' }, [0.08, 0.03]);
}

/** A star of petals around an eye: 2 · petals triangles (LOD0), petals (LOD1) or one (LOD2). */
function drawHead(b: MeshBuilder, f: Flower, lod: number, snow: number): void {
  const up = f.facing;
  const u = normalize(cross(up, Math.abs(up[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0]));
  const v = cross(up, u);
  const at = (angle: number, r: number, lift: number): Vec3 => [
    f.head[0] + (u[0] * Math.cos(angle) + v[0] * Math.sin(angle)) * r + up[0] * lift,
    f.head[1] + (u[1] * Math.cos(angle) + v[1] * Math.sin(angle)) * r + up[1] * lift,
    f.head[2] + (u[2] * Math.cos(angle) + v[2] * Math.sin(angle)) * r + up[2] * lift,
  ];
  const petal = snowed(f.petal, up[1], snow * 0.6);
  if (lod === 2) {
    const ids = [0, 1, 2].map((k) => b.vertex('flowers', at(f.spin + (k * Math.PI * 2) / 3, f.radius * 1.3, 0), up, petal));
    b.triangle('flowers', ids[0], ids[1], ids[2]);
    return;
  }
  const centre = b.vertex('flowers', at(0, 0, f.radius * 0.25), up, f.eye);
  const corners = lod === 0 ? f.petals * 2 : f.petals;
  const ring: number[] = [];
  for (let k = 0; k < corners; k++) {
    const tip = lod === 1 || k % 2 === 0;
    const angle = f.spin + (k / corners) * Math.PI * 2;
    const color: Rgb = tip ? petal : [petal[0] * 0.8, petal[1] * 0.8, petal[2] * 0.8];
    ring.push(b.vertex('flowers', at(angle, tip ? f.radius : f.radius * 0.42, tip ? -f.radius * 0.1 : 0), up, color));
  }
  for (let k = 0; k < corners; k++) b.triangle('flowers', centre, ring[k], ring[(k + 1) % corners]);
}
