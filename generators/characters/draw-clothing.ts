/**
 * Loose clothes over the body: the skirt of the tunic, robe, surcoat, jacket or dress (flaring
 * over the legs and following each thigh toward the hem), belts, armour plates, a knight's
 * emblem, an apron, a satchel, and the cloak hanging from the shoulders behind.
 */
import { box, ellipsoid, frustum, ribbon, shade } from '../assets/mesh-builder.ts';
import { translation } from '../assets/transform.ts';
import type { Rgb } from '../biomes/color.ts';
import type { DrawContext } from './draw-context.ts';
import { loft, type LoftRing } from './loft.ts';
import { add, scale, type Vec3 } from './quaternion.ts';
import { PIECE } from './skinned-mesh-builder.ts';

export function drawClothing(ctx: DrawContext): void {
  drawSkirt(ctx);
  const { design } = ctx;
  if (design.garment.breastplate && design.garment.kind !== 'armour') drawBreastplate(ctx);
  if (design.garment.pauldrons) for (const side of [1, -1] as const) drawPauldron(ctx, side);
  if (design.garment.belt) drawBelt(ctx);
  if (design.archetype === 'knight' && !design.garment.breastplate) drawEmblem(ctx);
  if (design.garment.kind === 'jacket') drawOpening(ctx);
  if (design.archetype === 'merchant' || design.archetype === 'wizard') drawFrontTrim(ctx);
  if (design.archetype === 'villager' && design.garment.kind === 'dress') drawApron(ctx);
  if (design.archetype === 'explorer' || design.archetype === 'hunter') drawSatchel(ctx);
  if (design.cloak) drawCloak(ctx, design.cloak.hemHeight);
}

function waistY(ctx: DrawContext): number {
  return ctx.p.hipHeight + 0.37 * ctx.p.torsoLength;
}

function hemTrim(ctx: DrawContext): Rgb {
  const { design, c } = ctx;
  if (design.archetype === 'knight') return c.secondary;
  if (design.archetype === 'wizard' || design.archetype === 'merchant') return c.accent;
  return shade(c.primary, 0.72);
}

function drawSkirt(ctx: DrawContext): void {
  const { H, p, design, c } = ctx;
  const hemY = design.garment.hemHeight;
  const top = waistY(ctx);
  const waist = ctx.torsoAt(top);
  const hip = ctx.torsoAt(p.hipHeight);
  const flare = design.garment.flare;
  const pad = 0.016 * H;
  const color = design.garment.kind === 'jacket' ? c.primary : c.primary;
  const rings: LoftRing[] = [
    { center: [0, top, waist.z], rx: waist.rx + 0.005 * H, rd: waist.rd + 0.005 * H, color },
    { center: [0, p.hipHeight + 0.02 * H, hip.z], rx: hip.rx + pad, rd: hip.rd + pad, color },
  ];
  const steps = 4;
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const y = p.hipHeight + (hemY - p.hipHeight) * t;
    const grow = flare * t ** 1.3;
    rings.push({ center: [0, y, hip.z - 0.3 * grow], rx: hip.rx + pad + grow, rd: hip.rd + pad + grow * 0.85, color: i === steps ? hemTrim(ctx) : color });
    if (i === steps - 1) {
      // A crisp band of trim: two rings a few millimetres apart where the colour changes.
      for (const [dy, trim] of [[0.022, false], [0.018, true]] as const) {
        const yTrim = hemY + dy * H;
        const gTrim = flare * ((yTrim - p.hipHeight) / (hemY - p.hipHeight)) ** 1.3;
        rings.push({ center: [0, yTrim, hip.z - 0.3 * gTrim], rx: hip.rx + pad + gTrim, rd: hip.rd + pad + gTrim * 0.85, color: trim ? hemTrim(ctx) : color });
      }
    }
  }
  ctx.mesh.piece('cloth', ctx.weigh.skirt(hemY), (b) => loft(b, rings, { segments: 14 }));
}

function drawBelt(ctx: DrawContext): void {
  const { H, c, design } = ctx;
  const y = waistY(ctx);
  const s = ctx.torsoAt(y);
  const rope = design.archetype === 'monk' || design.archetype === 'wizard';
  const color = rope ? c.accent : c.belt;
  const thick = rope ? 0.012 * H : 0.02 * H;
  const grow = rope ? 0.009 * H : 0.008 * H;
  ctx.mesh.piece(rope ? 'cloth' : 'leather', ctx.weigh.torso, (b) => {
    loft(
      b,
      [
        { center: [0, y - thick / 2, s.z], rx: s.rx + grow, rd: s.rd + grow, color },
        { center: [0, y + thick / 2, s.z], rx: s.rx + grow, rd: s.rd + grow, color },
      ],
      { segments: 14 },
    );
    const front = s.z + s.rd + grow;
    if (rope) {
      // The knotted cord's ends hanging at the front.
      frustum(b, PIECE, [0.02 * H, y, front], [0.025 * H, y - 0.12 * H, front + 0.01 * H], 0.005 * H, 0.004 * H, 5, color);
      ellipsoid(b, PIECE, [0.02 * H, y, front], [0.01 * H, 0.01 * H, 0.008 * H], 0, color);
    } else {
      b.within(translation(0, y, front), () => box(b, PIECE, [0.03 * H, 0.024 * H, 0.008 * H], shade(c.accent, 1.1), [0, 0, 0]));
    }
  });
}

function drawBreastplate(ctx: DrawContext): void {
  const { H, p, c } = ctx;
  const bottom = waistY(ctx) + 0.01 * H;
  const rings: LoftRing[] = [0, 0.3, 0.62, 0.88].map((t) => {
    const y = bottom + (p.hipHeight + 0.95 * p.torsoLength - bottom) * t;
    const s = ctx.torsoAt(y);
    return { center: [0, y, s.z + 0.002 * H], rx: s.rx + 0.007 * H, rd: s.rd + 0.008 * H, color: t === 0 ? shade(c.metal, 0.8) : c.metal };
  });
  ctx.mesh.piece('metal', ctx.weigh.torso, (b) => loft(b, rings, { segments: 12, capEnd: 0.01 * H }));
}

function drawPauldron(ctx: DrawContext, side: 1 | -1): void {
  const { H, p, c } = ctx;
  const a = ctx.arm(side);
  const g = p.girth;
  ctx.mesh.piece('metal', ctx.weigh.arm(side), (b) => {
    ellipsoid(b, PIECE, add(a.shoulder, [side * 0.008 * H, 0.012 * H, 0]), [0.048 * H * g, 0.036 * H * g, 0.05 * H * g], 1, c.metal, (d) => (d[1] < -0.3 ? 0.75 : 1));
  });
}

function drawEmblem(ctx: DrawContext): void {
  const { H, p, c } = ctx;
  const y = p.hipHeight + 0.7 * p.torsoLength;
  const s = ctx.torsoAt(y);
  const z = s.z + s.rd - 0.001 * H;
  ctx.mesh.piece('cloth', ctx.weigh.torso, (b) => {
    b.within(translation(0, y, z), () => {
      box(b, PIECE, [0.022 * H, 0.11 * H, 0.01 * H], c.accent, [0, 0, 0]);
      box(b, PIECE, [0.08 * H, 0.022 * H, 0.01 * H], c.accent, [0, 0.015 * H, -0.001 * H]);
    });
  });
}

/** A strip down the front following the body: `from` and `to` heights, width, colour. */
function frontStrip(ctx: DrawContext, from: number, to: number, width: number, color: Rgb, outset: number, hemY?: number): void {
  const { H } = ctx;
  const points: Vec3[] = [];
  const widths: number[] = [];
  const n = 8;
  for (let i = 0; i <= n; i++) {
    const y = from + ((to - from) * i) / n;
    let z: number;
    if (hemY !== undefined && y < ctx.p.hipHeight) {
      const hip = ctx.torsoAt(ctx.p.hipHeight);
      const t = (y - ctx.p.hipHeight) / (hemY - ctx.p.hipHeight);
      const grow = ctx.design.garment.flare * t ** 1.3;
      z = hip.z - 0.3 * grow + hip.rd + 0.016 * H + grow * 0.85;
    } else {
      const s = ctx.torsoAt(y);
      z = s.z + s.rd + (y > waistY(ctx) - 0.01 * H && y < ctx.p.hipHeight + 0.02 * H ? 0.01 * H : 0);
    }
    points.push([0, y, z + outset]);
    widths.push(width);
  }
  ctx.mesh.piece('cloth', ctx.weigh.skirt(hemY ?? ctx.p.hipHeight), (b) => ribbon(b, PIECE, points, widths, [1, 0, 0], color));
}

function drawOpening(ctx: DrawContext): void {
  const { H, p, c } = ctx;
  frontStrip(ctx, ctx.design.garment.hemHeight + 0.004 * H, p.hipHeight + 0.95 * p.torsoLength, 0.014 * H, shade(c.secondary, 0.8), 0.003 * H, ctx.design.garment.hemHeight);
}

/** A band of trim down the front of the bodice (not the skirt: a long skirt shears as the legs stride, and trim there would show it). */
function drawFrontTrim(ctx: DrawContext): void {
  const { H, p, c } = ctx;
  frontStrip(ctx, waistY(ctx) + 0.012 * H, p.hipHeight + 0.95 * p.torsoLength, 0.026 * H, c.accent, 0.002 * H);
}

function drawApron(ctx: DrawContext): void {
  const { H, c, design } = ctx;
  const points: Vec3[] = [];
  const widths: number[] = [];
  const hip = ctx.torsoAt(ctx.p.hipHeight);
  const hemY = design.garment.hemHeight;
  const bottom = hemY + 0.06 * H;
  const top = waistY(ctx);
  for (let i = 0; i <= 6; i++) {
    const y = bottom + ((top - bottom) * i) / 6;
    const t = Math.max(0, (y - ctx.p.hipHeight) / (hemY - ctx.p.hipHeight));
    const grow = design.garment.flare * Math.max(0, Math.min(1, t)) ** 1.3;
    const s = y > ctx.p.hipHeight ? ctx.torsoAt(y) : hip;
    const z = y > ctx.p.hipHeight ? s.z + s.rd + 0.016 * H : hip.z - 0.3 * grow + hip.rd + 0.016 * H + grow * 0.85;
    points.push([0, y, z + 0.014 * H]);
    widths.push(0.12 * H);
  }
  ctx.mesh.piece('cloth-sheet', ctx.weigh.skirt(hemY), (b) => ribbon(b, PIECE, points, widths, [1, 0, 0], shade(c.accent, 1.1)));
}

function drawSatchel(ctx: DrawContext): void {
  const { H, p, c } = ctx;
  // A strap from the left shoulder across the chest to a bag on the right hip.
  const points: Vec3[] = [];
  const widths: number[] = [];
  const yTop = p.hipHeight + 0.98 * p.torsoLength;
  const yBottom = p.hipHeight + 0.05 * H;
  for (let i = 0; i <= 6; i++) {
    const t = i / 6;
    const y = yBottom + (yTop - yBottom) * t;
    const x = -0.09 * H * p.girth + 0.16 * H * p.girth * t;
    const s = ctx.torsoAt(y);
    const z = s.z + s.rd * Math.sqrt(Math.max(0.05, 1 - (x / (s.rx + 0.02 * H)) ** 2)) + 0.011 * H;
    points.push([x, y, z]);
    widths.push(0.016 * H);
  }
  ctx.mesh.piece('leather', ctx.weigh.torso, (b) => {
    ribbon(b, PIECE, points, widths, [0.7, 0.7, 0], c.belt);
    const hip = ctx.torsoAt(p.hipHeight);
    b.within(translation(-(hip.rx + 0.025 * H), p.hipHeight + 0.01 * H, 0.01 * H), () => box(b, PIECE, [0.035 * H, 0.07 * H, 0.09 * H], shade(c.belt, 1.25)));
  });
}

function drawCloak(ctx: DrawContext, hemY: number): void {
  const { H, p, c, design } = ctx;
  const g = p.girth * (design.child ? 1.1 : 1);
  const shoulderY = p.hipHeight + p.torsoLength;
  const neck = ctx.torsoAt(shoulderY + 0.005 * H);
  // Profile rows: height, half-width, depth, centre z, half-arc (radians from straight back).
  const rows: Array<[number, number, number, number, number]> = [
    [shoulderY + 0.014 * H, neck.rx + 0.012 * H, neck.rd + 0.012 * H, neck.z, 1.75],
    [shoulderY - 0.012 * H, 0.125 * H * g, 0.075 * H * g, -0.004 * H, 1.72],
    [shoulderY - 0.05 * H, 0.14 * H * g, 0.085 * H * g, -0.008 * H, 1.6],
  ];
  const steps = 5;
  const fromY = rows[2][0];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    rows.push([fromY + (hemY - fromY) * t, (0.14 + 0.04 * t) * H * g, (0.085 + 0.05 * t) * H * g, (-0.008 - 0.035 * t) * H, 1.6 - 0.12 * t]);
  }
  const cols = 12;
  const hemShade = shade(c.cloak, 0.8);
  const grid: Vec3[][] = rows.map(([y, rx, rd, cz, arc]) =>
    Array.from({ length: cols + 1 }, (_, k) => {
      const theta = -arc + (2 * arc * k) / cols;
      return [Math.sin(theta) * rx, y, cz - Math.cos(theta) * rd] as Vec3;
    }),
  );
  ctx.mesh.piece('cloth-sheet', ctx.weigh.cloak, (b) => {
    // Each column is a ribbon down the cloak; neighbouring columns share edges' positions.
    for (let k = 0; k < cols; k++) {
      const ids: Array<[number, number]> = grid.map((row, r) => {
        const a = row[k];
        const d = row[k + 1];
        const mid = scale(add(a, d), 0.5);
        const n = normalizeXZ(mid, rows[r][3]);
        const color = r === rows.length - 1 ? hemShade : c.cloak;
        return [b.vertex(PIECE, a, n, color), b.vertex(PIECE, d, n, color)];
      });
      for (let r = 0; r + 1 < ids.length; r++) {
        const [a0, d0] = ids[r];
        const [a1, d1] = ids[r + 1];
        b.triangle(PIECE, a0, d1, a1);
        b.triangle(PIECE, a0, d0, d1);
      }
    }
    // The clasp at the throat (under a long beard, none).
    const s = ctx.torsoAt(shoulderY);
    if (design.beard !== 'long') ellipsoid(b, PIECE, [0, shoulderY + 0.006 * H, s.z + s.rd * 0.9 + 0.01 * H], [0.014 * H, 0.014 * H, 0.008 * H], 1, c.accent);
  });
}

function normalizeXZ(p: Vec3, cz: number): Vec3 {
  const x = p[0];
  const z = p[2] - cz;
  const l = Math.hypot(x, z) || 1;
  return [x / l, 0, z / l];
}
