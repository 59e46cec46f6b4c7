/**
 * Palm (coconut-like): a slim ringed trunk that leans from its foot and curves back upright
 * (horizontal offset D · (1 − (1 − s)²) at height share s), a knob of leaf bases at the top, and
 * eleven to sixteen fronds: young ones reaching up, old ones hanging, each a V-folded leaf whose
 * leaflets droop from the midrib, bending further toward its tip. Some carry coconuts, some one
 * dead brown frond. Evergreen. 7–13 m.
 */
import { mixRgb, type Rgb } from '../../biomes/color.ts';
import type { Rng } from '../../seed/rng.ts';
import type { Vec3 } from '../asset.ts';
import { ellipsoid, linear, type MeshBuilder } from '../mesh-builder.ts';
import { add, cross, normalize, scale } from '../transform.ts';
import { palmBark } from './bark.ts';
import { length, type Limb } from './branching.ts';
import { foliageColor, type FoliagePalette, type FoliageStyle } from './foliage.ts';
import { drawSheet } from './sheet.ts';
import type { TreeModel } from './tree-model.ts';

export const PALM_PALETTE: FoliagePalette = {
  spring: ['#5c8c34', '#66943a'],
  summer: ['#4f7f2c', '#5a8a30', '#48762a'],
  autumn: ['#5f8a32', '#6a8f34'],
  winter: ['#5a7e34', '#62843a'],
};

interface Frond {
  /** Midrib points, base first. */
  spine: Vec3[];
  widths: number[];
  /** Horizontal unit vector across the frond. */
  side: Vec3;
  color: Rgb;
  droop: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const FROND_POINTS = [15, 6, 3];

export function palmModel(rng: Rng, style: FoliageStyle): TreeModel {
  const s = rng.fork('shape');
  const height = s.range(7.2, 12.8);
  const trunkHeight = height * s.range(0.8, 0.88);
  const azimuth = s.range(0, Math.PI * 2);
  const offset = trunkHeight * s.range(0.05, 0.3);
  const baseRadius = s.range(0.17, 0.23);
  const topRadius = baseRadius * s.range(0.62, 0.75);
  const rings = Math.round(trunkHeight / s.range(0.3, 0.4));

  // The trunk curve, resampled to equal steps so each ring scar falls on its own row of vertices.
  const curve = (u: number): Vec3 => {
    const bend = offset * (1 - (1 - u) * (1 - u));
    return [Math.cos(azimuth) * bend, -0.15 + u * (trunkHeight + 0.15), Math.sin(azimuth) * bend];
  };
  const points = resample(curve, rings * 2 + 1);
  const radii = points.map((p, i) => {
    const u = i / (points.length - 1);
    const r = topRadius + (baseRadius - topRadius) * Math.pow(1 - u, 2.5);
    const flare = Math.max(0, 1 - p[1] / 0.7);
    return r * (1 + 0.5 * flare * flare) * (i % 2 === 1 ? 0.93 : 1);
  });
  const trunk: Limb = { points, radii, order: 0 };
  const top = points[points.length - 1];

  const colorRng = rng.fork('leaf-colour');
  const frondRng = rng.fork('fronds');
  const count = frondRng.int(13, 18);
  const spin = frondRng.range(0, Math.PI * 2);
  const deadFrond = frondRng.chance(0.5) ? count - 1 : -1;
  const fronds: Frond[] = [];
  for (let i = 0; i < count; i++) {
    const age = i / (count - 1);
    const around = spin + i * GOLDEN_ANGLE + frondRng.normal(0, 0.15);
    const out: Vec3 = [Math.cos(around), 0, Math.sin(around)];
    const side: Vec3 = [-Math.sin(around), 0, Math.cos(around)];
    const rise = ((42 - 72 * age + frondRng.normal(0, 7)) * Math.PI) / 180;
    const bend = ((60 + 45 * age + frondRng.normal(0, 10)) * Math.PI) / 180;
    const frondLength = height * frondRng.range(0.36, 0.46) * (i === deadFrond ? 0.8 : 1);
    const widest = frondLength * frondRng.range(0.17, 0.22);
    const n = FROND_POINTS[0];
    const spine: Vec3[] = [];
    const widths: number[] = [];
    let p: Vec3 = add(top, scale(out, topRadius * 0.8));
    for (let k = 0; k < n; k++) {
      const u = k / (n - 1);
      spine.push(p);
      widths.push(u < 0.14 ? 0.05 : widest * Math.pow(Math.sin((Math.PI * (u - 0.14)) / 0.86), 0.6));
      const angle = rise - bend * Math.pow(u, 1.4) - (i === deadFrond ? 0.9 : 0);
      p = add(p, scale([out[0] * Math.cos(angle), Math.sin(angle), out[2] * Math.cos(angle)], frondLength / (n - 1)));
    }
    widths[n - 1] = 0;
    let color = foliageColor(PALM_PALETTE, style, colorRng);
    color = mixRgb(color, linear('#a89a4a'), age * 0.2);
    if (i === deadFrond) color = linear('#8a6a3e');
    fronds.push({ spine, widths, side, color, droop: frondRng.range(0.45, 0.6) });
  }

  const coconuts: Vec3[] = [];
  const nutRng = rng.fork('coconuts');
  if (nutRng.chance(0.6)) {
    const nuts = nutRng.int(2, 5);
    for (let i = 0; i < nuts; i++) {
      const a = nutRng.range(0, Math.PI * 2);
      coconuts.push([top[0] + Math.cos(a) * (topRadius + 0.1), top[1] - nutRng.range(0.05, 0.3), top[2] + Math.sin(a) * (topRadius + 0.1)]);
    }
  }
  // Fit to height: the young fronds arch above the trunk, by how much depends on the seed.
  let reach = top[1];
  for (const frond of fronds) for (const p of frond.spine) reach = Math.max(reach, p[1]);
  const k = height / reach;
  const fit = (p: Vec3): Vec3 => [p[0] * k, p[1] < 0 ? p[1] : p[1] * k, p[2] * k];
  trunk.points = trunk.points.map(fit);
  trunk.radii = trunk.radii.map((r) => r * k);
  for (const frond of fronds) {
    frond.spine = frond.spine.map(fit);
    frond.widths = frond.widths.map((w) => w * k);
  }
  const crown = fit(top);
  const crownRadius = topRadius * k;
  const nuts = coconuts.map(fit);
  const nutColor = nutRng.chance(0.5) ? linear('#6b6a2a') : linear('#5a4426');
  const knobColor = linear('#5f5a34');
  const bark = mixRgb(linear('#7d705e'), linear('#8e8272'), s.float());
  const scar = mixRgb(bark, linear('#b2a48c'), 0.6);

  return {
    limbs: [trunk],
    clumps: [],
    strands: [],
    paint: palmBark(bark, scar, rings, rng.seed),
    orders: [0, 0, 0],
    blobs: [1, 1],
    trunk: { radius: baseRadius * k * 1.3, height: crown[1] },
    extras: (b, lod) => {
      if (lod < 2) ellipsoid(b, 'bark', add(crown, [0, 0.12, 0]), [crownRadius * 1.5, crownRadius * 2.2, crownRadius * 1.5], lod === 0 ? 1 : 0, knobColor);
      for (const frond of fronds) drawFrond(b, frond, FROND_POINTS[lod], lod < 2, lod === 0, style.snow);
      if (lod < 2) for (const c of nuts) ellipsoid(b, 'bark', c, [0.13, 0.14, 0.13], lod === 0 ? 1 : 0, nutColor);
    },
  };
}

/**
 * A frond: V-folded (left edge, midrib, right edge) or, far away, a flat strip. `serrated` pulls
 * every other row in toward the midrib, so the edge reads as a comb of leaflets.
 */
function drawFrond(b: MeshBuilder, frond: Frond, points: number, folded: boolean, serrated: boolean, snow: number): void {
  const picks = Array.from({ length: points }, (_, k) => Math.round((k * (frond.spine.length - 1)) / (points - 1)));
  const rows: Vec3[][] = [];
  const colors: Rgb[][] = [];
  for (const k of picks) {
    const p = frond.spine[k];
    const comb = serrated && k % 2 === 1 ? 0.4 : 1;
    const w = (frond.widths[k] / 2) * comb;
    const drop = frond.widths[k] * frond.droop * comb;
    const left: Vec3 = [p[0] - frond.side[0] * w, p[1] - drop, p[2] - frond.side[2] * w];
    const right: Vec3 = [p[0] + frond.side[0] * w, p[1] - drop, p[2] + frond.side[2] * w];
    const u = k / (frond.spine.length - 1);
    const mid = mixRgb(frond.color, linear('#b8b070'), 0.15);
    const edge: Rgb = [frond.color[0] * (0.75 + 0.3 * u), frond.color[1] * (0.75 + 0.3 * u), frond.color[2] * (0.75 + 0.3 * u)];
    if (folded) {
      rows.push([left, p, right]);
      colors.push([edge, mid, edge]);
    } else {
      rows.push([left, right]);
      colors.push([edge, edge]);
    }
  }
  const along = normalize([frond.spine[frond.spine.length - 1][0] - frond.spine[0][0], 0, frond.spine[frond.spine.length - 1][2] - frond.spine[0][2]]);
  const up = normalize(cross(along, frond.side));
  const facing: Vec3 = up[1] >= 0 ? up : scale(up, -1);
  drawSheet(b, 'foliage', { rows, colors, closed: false, facing: () => facing }, snow);
}

/** `count` points at equal arc-length steps along `curve` (u from 0 to 1). */
function resample(curve: (u: number) => Vec3, count: number): Vec3[] {
  const fine = 240;
  const samples = Array.from({ length: fine + 1 }, (_, i) => curve(i / fine));
  const lengths = [0];
  for (let i = 1; i <= fine; i++) lengths.push(lengths[i - 1] + length([samples[i][0] - samples[i - 1][0], samples[i][1] - samples[i - 1][1], samples[i][2] - samples[i - 1][2]]));
  const total = lengths[fine];
  const out: Vec3[] = [];
  let j = 1;
  for (let k = 0; k < count; k++) {
    const target = (k / (count - 1)) * total;
    while (j < fine && lengths[j] < target) j++;
    const f = (target - lengths[j - 1]) / Math.max(1e-9, lengths[j] - lengths[j - 1]);
    const a = samples[j - 1];
    const c = samples[j];
    out.push([a[0] + (c[0] - a[0]) * f, a[1] + (c[1] - a[1]) * f, a[2] + (c[2] - a[2]) * f]);
  }
  return out;
}
