/**
 * Conifer (spruce/fir): a tall straight trunk and a narrow spire of stacked whorls. Each whorl is
 * a skirt — a sheet from an apex on the trunk out to a ragged edge of branch tips, falling like a
 * cone and then sagging at the tips — overlapping the one below. Whorl size follows the spire's
 * profile (a power of the height left to the top, so some seeds are columnar, some conical); the
 * sag, the raggedness and the lowest bare stretch of trunk vary by seed. Evergreen. 12–24 m.
 *
 * Triangles per whorl: sectors + 2 · sectors per extra ring: LOD0 14 sectors × 4 rings = 98,
 * LOD1 7 × 2 = 21, LOD2 merges the whorls into three or four 6-sided cones.
 */
import { mixRgb, type Rgb } from '../../biomes/color.ts';
import type { Rng } from '../../seed/rng.ts';
import type { Vec3 } from '../asset.ts';
import { linear } from '../mesh-builder.ts';
import { normalize } from '../transform.ts';
import { plainBark } from './bark.ts';
import { curvedLimb } from './branching.ts';
import { foliageColor, hash01, type FoliagePalette, type FoliageStyle } from './foliage.ts';
import { drawSheet } from './sheet.ts';
import type { TreeModel } from './tree-model.ts';

export const CONIFER_PALETTE: FoliagePalette = {
  spring: ['#3c5a32', '#46663a', '#3a5634'],
  summer: ['#2e4a2c', '#34502e', '#2a4430', '#324c34'],
  autumn: ['#2e4a2c', '#31482c', '#2c4430'],
  winter: ['#2b4030', '#2f4232', '#2a3e2e'],
};

interface Whorl {
  /** Where the whorl's apex meets the trunk. */
  center: Vec3;
  apexY: number;
  /** Height of the cone's rim before the tips sag. */
  rimY: number;
  radius: number;
  sag: number;
  spin: number;
  ragged: number;
  color: Rgb;
  seed: number;
}

const LOD_RINGS = [[0.28, 0.58, 0.84, 1], [0.55, 1], [1]];
const LOD_SECTORS = [14, 7, 6];

export function coniferModel(rng: Rng, style: FoliageStyle): TreeModel {
  const s = rng.fork('shape');
  const height = s.range(12.4, 23.6);
  const crownBase = height * s.range(0.1, 0.28);
  const baseRadius = height * s.range(0.16, 0.23);
  const trunkRadius = height * s.range(0.014, 0.019);
  const profile = s.range(0.8, 1.15);
  const sag = s.range(0.12, 0.4);
  const ragged = s.range(0.12, 0.28);
  const lean: [number, number] = [s.normal(0, 0.012), s.normal(0, 0.012)];
  const count = Math.min(14, Math.max(7, Math.round((height - crownBase) / s.range(1.15, 1.6))));
  const spacing = (height - crownBase) / count;

  const trunk = curvedLimb([0, -0.15, 0], [0, 1, 0], [lean[0] * height, height * 0.985, lean[1] * height], trunkRadius, 0, 8, 0, rng.fork('trunk'), 0.004);
  trunk.radii = trunk.radii.map((r, i) => {
    const flare = Math.max(0, 1 - trunk.points[i][1] / (trunkRadius * 5));
    return Math.max(r * (1 + 0.6 * flare * flare), i < trunk.radii.length - 1 ? trunkRadius * 0.1 : 0);
  });

  const colorRng = rng.fork('leaf-colour');
  const whorls: Whorl[] = [];
  for (let i = 0; i < count; i++) {
    const y = crownBase + i * spacing + s.normal(0, spacing * 0.12);
    const left = Math.max(0, (height - y) / (height - crownBase));
    const radius = Math.max(0.25, baseRadius * Math.pow(left, profile) * s.range(0.88, 1.1));
    const top = i === count - 1;
    whorls.push({
      center: [lean[0] * y, y, lean[1] * y],
      apexY: top ? height : y + spacing * 1.35,
      rimY: y - radius * 0.15,
      radius,
      sag: sag * radius * s.range(0.8, 1.2),
      spin: s.range(0, Math.PI * 2),
      ragged,
      color: foliageColor(CONIFER_PALETTE, style, colorRng),
      seed: rng.fork('whorl', i).seed,
    });
  }
  const bark = mixRgb(linear('#5a3d2b'), linear('#4a3a30'), s.float());
  return {
    limbs: [trunk],
    clumps: [],
    strands: [],
    paint: plainBark(bark, rng.seed, style.snow),
    orders: [0, 0, 0],
    blobs: [1, 1],
    trunk: { radius: trunkRadius * 1.3, height: height * 0.985 },
    extras: (b, lod) => {
      const drawn = lod < 2 ? whorls : mergeWhorls(whorls);
      for (const whorl of drawn) drawWhorl(b, whorl, LOD_SECTORS[lod], LOD_RINGS[lod], style.snow);
    },
  };
}

/** Three or four cones standing for all the whorls at LOD2. */
function mergeWhorls(whorls: readonly Whorl[]): Whorl[] {
  const groups = whorls.length >= 10 ? 4 : 3;
  const size = Math.ceil(whorls.length / groups);
  const merged: Whorl[] = [];
  for (let g = 0; g * size < whorls.length; g++) {
    const members = whorls.slice(g * size, (g + 1) * size);
    const bottom = members[0];
    const top = members[members.length - 1];
    merged.push({ ...bottom, apexY: top.apexY, radius: bottom.radius * 1.02, color: mixRgb(bottom.color, top.color, 0.5) });
  }
  return merged;
}

function drawWhorl(b: Parameters<NonNullable<TreeModel['extras']>>[0], whorl: Whorl, sectors: number, rings: readonly number[], snow: number): void {
  const [cx, , cz] = whorl.center;
  const apex: Vec3 = [cx, whorl.apexY, cz];
  const rows: Vec3[][] = [[apex]];
  const colors: Rgb[][] = [[shade(whorl.color, 0.45)]];
  // Branch tips: every other sector reaches further and sags lower; each by its own amount.
  const reach = Array.from({ length: sectors }, (_, j) => 1 + whorl.ragged * ((j % 2 === 0 ? 0.7 : -0.5) + 0.6 * (hash01(whorl.seed, j + sectors * 31) - 0.5)));
  for (const f of rings) {
    const row: Vec3[] = [];
    const rowColors: Rgb[] = [];
    for (let j = 0; j < sectors; j++) {
      const angle = whorl.spin + (j / sectors) * Math.PI * 2;
      const ext = 1 + (reach[j] - 1) * f * f;
      const r = whorl.radius * f * ext;
      const sagged = whorl.apexY - (whorl.apexY - whorl.rimY) * f - whorl.sag * Math.pow(f, 2.2) * ext;
      // The lowest tips may sweep the ground but not go into it.
      const y = sagged < 0.4 ? 0.4 - (0.4 - sagged) * 0.25 / (1 + (0.4 - sagged)) : sagged;
      row.push([cx + Math.cos(angle) * r, y, cz + Math.sin(angle) * r]);
      // Darker in toward the trunk, lighter at the tips.
      const k = (0.5 + 0.62 * f) * (0.92 + 0.16 * hash01(whorl.seed, j + Math.round(f * 100) * 17));
      rowColors.push(shade(whorl.color, k));
    }
    rows.push(row);
    colors.push(rowColors);
  }
  drawSheet(b, 'foliage', {
    rows,
    colors,
    closed: true,
    facing: (p) => normalize([p[0] - cx, Math.max(0.4, Math.hypot(p[0] - cx, p[2] - cz)) * 0.9, p[2] - cz]),
  }, snow);
}

function shade(c: Rgb, k: number): Rgb {
  return [c[0] * k, c[1] * k, c[2] * k];
}
