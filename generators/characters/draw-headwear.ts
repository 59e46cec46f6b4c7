/**
 * Hair, beards, and what is worn on the head: hood (with a cowl over the shoulders), a wizard's
 * pointed hat, a wide-brimmed hat, a merchant's rolled hat, a cap, an open helmet (a soldier's
 * brimmed kettle hat or a knight's pointed bascinet with a nasal), a knight's great helm.
 */
import { box, ellipsoid, frustum, shade } from '../assets/mesh-builder.ts';
import { translation } from '../assets/transform.ts';
import { headCentre } from './draw-body.ts';
import type { DrawContext } from './draw-context.ts';
import { loft } from './loft.ts';
import { add, type Vec3 } from './quaternion.ts';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
import { PIECE } from './skinned-mesh-builder.ts';

export function drawHeadwear(ctx: DrawContext): void {
  const { design } = ctx;
  const hw = design.headwear;
  const hairShows = hw === 'none' || hw === 'cap' || hw === 'wide-hat' || hw === 'merchant-hat' || hw === 'pointed-hat';
  if (hairShows) drawHair(ctx);
  if (design.beard !== 'none' && hw !== 'great-helm') drawBeard(ctx);
  switch (hw) {
    case 'hood':
      return drawHood(ctx);
    case 'pointed-hat':
      return drawPointedHat(ctx);
    case 'wide-hat':
      return drawWideHat(ctx);
    case 'merchant-hat':
      return drawMerchantHat(ctx);
    case 'cap':
      return drawCap(ctx);
    case 'helmet':
      return drawHelmet(ctx);
    case 'great-helm':
      return drawGreatHelm(ctx);
    case 'none':
      return;
  }
}

function head(ctx: DrawContext): { hc: Vec3; rx: number; ry: number; rz: number } {
  const [rx, ry, rz] = ctx.p.headRadii;
  return { hc: headCentre(ctx), rx, ry, rz };
}

function drawHair(ctx: DrawContext): void {
  const { c, design } = ctx;
  const { hc, rx, ry, rz } = head(ctx);
  const style = design.hair;
  if (style === 'bald') return;
  const hair = c.hair;
  ctx.mesh.piece('hair', ctx.weigh.head, (b) => {
    const cropped = style === 'cropped';
    const k = cropped ? 1.03 : 1.075;
    // Pulled in over the face (front and low), so the hairline frames it instead of blotching the cheeks.
    const hairline = (d: Vec3) => 1 - 0.16 * clamp01((d[2] - 0.05) / 0.35) * clamp01((0.5 - d[1]) / 0.35);
    ellipsoid(b, PIECE, add(hc, [0, (cropped ? 0.19 : 0.15) * ry, -(cropped ? 0.07 : 0.09) * rz]), [k * rx, (cropped ? 0.9 : 0.96) * ry, k * 0.985 * rz], 2, hair, hairline);
    if (style === 'long') {
      ellipsoid(b, PIECE, add(hc, [0, -0.62 * ry, -0.5 * rz]), [0.98 * rx, 1.0 * ry, 0.55 * rz], 1, shade(hair, 0.92));
      if (design.body === 'feminine') {
        for (const side of [1, -1]) ellipsoid(b, PIECE, add(hc, [side * 0.86 * rx, -0.45 * ry, -0.1 * rz]), [0.26 * rx, 0.75 * ry, 0.5 * rz], 1, shade(hair, 0.95));
      }
    }
    if (style === 'bun') ellipsoid(b, PIECE, add(hc, [0, 0.5 * ry, -0.95 * rz]), [0.38 * rx, 0.34 * ry, 0.34 * rz], 1, hair);
    if (style === 'ponytail') {
      ellipsoid(b, PIECE, add(hc, [0, 0.25 * ry, -1.0 * rz]), [0.22 * rx, 0.2 * ry, 0.2 * rz], 1, hair);
      frustum(b, PIECE, add(hc, [0, 0.22 * ry, -1.05 * rz]), add(hc, [0, -1.1 * ry, -1.25 * rz]), 0.22 * rx, 0.06 * rx, 6, shade(hair, 0.95), { capTo: true });
    }
  });
}

function drawBeard(ctx: DrawContext): void {
  const { c, design } = ctx;
  const { hc, rx, ry, rz } = head(ctx);
  ctx.mesh.piece('hair', ctx.weigh.head, (b) => {
    ellipsoid(b, PIECE, add(hc, [0, -0.56 * ry, 0.38 * rz]), [0.8 * rx, 0.5 * ry, 0.64 * rz], 1, c.hair);
    // Moustache.
    b.within(translation(hc[0], hc[1] - 0.33 * ry, hc[2] + 0.93 * rz), () => box(b, PIECE, [0.5 * rx, 0.09 * ry, 0.12 * rz], c.hair, [0, 0, 0]));
    if (design.beard === 'long') {
      frustum(b, PIECE, add(hc, [0, -0.8 * ry, 0.5 * rz]), add(hc, [0, -2.0 * ry, 0.72 * rz]), 0.55 * rx, 0.06 * rx, 7, shade(c.hair, 0.95), { capTo: true });
    }
  });
}

function drawHood(ctx: DrawContext): void {
  const { H, p, c } = ctx;
  const { hc, rx, ry, rz } = head(ctx);
  const color = c.headwear;
  const inside = shade(color, 0.45);
  ctx.mesh.piece('cloth', ctx.weigh.head, (b) => {
    // Set back so the face shows in its opening; the inside of the opening is in shadow.
    ellipsoid(b, PIECE, add(hc, [0, 0.1 * ry, -0.36 * rz]), [1.24 * rx, 1.16 * ry, 1.22 * rz], 2, (pos, n) => (n[2] > 0.6 && pos[1] < hc[1] + 0.7 * ry ? inside : color));
    // A short point at the back.
    frustum(b, PIECE, add(hc, [0, 0.45 * ry, -0.95 * rz]), add(hc, [0, 0.05 * ry, -1.7 * rz]), 0.45 * rx, 0.02 * rx, 6, color);
  });
  const shoulderY = p.hipHeight + p.torsoLength;
  const g = p.girth;
  ctx.mesh.piece('cloth', ctx.weigh.neck, (b) =>
    loft(
      b,
      [
        { center: add(hc, [0, -0.7 * ry, -0.3 * rz]), rx: 1.12 * rx, rd: 0.98 * rz, color },
        { center: [0, shoulderY + 0.03 * H, -0.01 * H], rx: 0.085 * H * g, rd: 0.065 * H * g, color },
        { center: [0, shoulderY - 0.01 * H, -0.008 * H], rx: 0.125 * H * g, rd: 0.08 * H * g, color },
        { center: [0, shoulderY - 0.045 * H, -0.01 * H], rx: 0.135 * H * g, rd: 0.088 * H * g, color: shade(color, 0.85) },
      ],
      { segments: 14 },
    ),
  );
}

function drawPointedHat(ctx: DrawContext): void {
  const { H, c } = ctx;
  const { hc, rx, ry, rz } = head(ctx);
  const color = c.headwear;
  const y0 = hc[1] + 0.42 * ry;
  ctx.mesh.piece('cloth', ctx.weigh.head, (b) => {
    frustum(b, PIECE, [0, y0 - 0.004 * H, hc[2] - 0.05 * rz], [0, y0 + 0.002 * H, hc[2] - 0.05 * rz], 2.1 * rz, 2.05 * rz, 16, shade(color, 0.9), { capFrom: true, capTo: true });
    frustum(b, PIECE, [0, y0, hc[2] - 0.05 * rz], [0, y0 + 0.028 * H, hc[2] - 0.06 * rz], 1.1 * rx, 1.05 * rx, 12, c.accent);
    frustum(b, PIECE, [0, y0 + 0.028 * H, hc[2] - 0.06 * rz], [0, y0 + 0.15 * H, hc[2] - 0.12 * rz], 1.05 * rx, 0.5 * rx, 12, color);
    frustum(b, PIECE, [0, y0 + 0.15 * H, hc[2] - 0.12 * rz], [0, y0 + 0.26 * H, hc[2] - 0.55 * rz], 0.5 * rx, 0, 10, color);
  });
}

function drawWideHat(ctx: DrawContext): void {
  const { H, c } = ctx;
  const { hc, rx, ry, rz } = head(ctx);
  const color = c.headwear;
  const y0 = hc[1] + 0.36 * ry;
  const z = hc[2] - 0.04 * rz;
  ctx.mesh.piece('cloth', ctx.weigh.head, (b) => {
    frustum(b, PIECE, [0, y0 - 0.004 * H, z], [0, y0 + 0.003 * H, z], 1.95 * rz, 1.9 * rz, 16, shade(color, 0.92), { capFrom: true, capTo: true });
    frustum(b, PIECE, [0, y0, z], [0, y0 + 0.02 * H, z], 1.06 * rx, 1.04 * rx, 12, shade(c.secondary, 0.8));
    frustum(b, PIECE, [0, y0 + 0.02 * H, z], [0, y0 + 0.075 * H, z - 0.005 * H], 1.04 * rx, 0.86 * rx, 12, color, { capTo: true });
  });
}

function drawMerchantHat(ctx: DrawContext): void {
  const { H, c } = ctx;
  const { hc, rx, ry, rz } = head(ctx);
  const y0 = hc[1] + 0.35 * ry;
  ctx.mesh.piece('cloth', ctx.weigh.head, (b) => {
    loft(
      b,
      [
        { center: [0, y0 - 0.004 * H, hc[2] - 0.05 * rz], rx: 1.08 * rx, rd: 1.08 * rz, color: c.accent },
        { center: [0, y0 + 0.012 * H, hc[2] - 0.05 * rz], rx: 1.2 * rx, rd: 1.18 * rz, color: c.accent },
        { center: [0, y0 + 0.03 * H, hc[2] - 0.05 * rz], rx: 1.1 * rx, rd: 1.08 * rz, color: c.accent },
      ],
      { segments: 12 },
    );
    ellipsoid(b, PIECE, [0.15 * rx, y0 + 0.055 * H, hc[2] - 0.12 * rz], [1.28 * rx, 0.05 * H, 1.22 * rz], 2, c.headwear);
  });
}

function drawCap(ctx: DrawContext): void {
  const { c } = ctx;
  const { hc, rx, ry, rz } = head(ctx);
  ctx.mesh.piece('cloth', ctx.weigh.head, (b) => {
    ellipsoid(b, PIECE, add(hc, [0, 0.38 * ry, -0.06 * rz]), [1.1 * rx, 0.72 * ry, 1.08 * rz], 2, c.headwear);
  });
}

function drawHelmet(ctx: DrawContext): void {
  const { H, c, design } = ctx;
  const { hc, rx, ry, rz } = head(ctx);
  const metal = c.metal;
  const rimY = hc[1] + 0.26 * ry;
  const z = hc[2] - 0.04 * rz;
  const kettle = design.archetype !== 'knight';
  ctx.mesh.piece('metal', ctx.weigh.head, (b) => {
    loft(
      b,
      [
        { center: [0, rimY, z], rx: 1.14 * rx, rd: 1.12 * rz, color: shade(metal, 0.85) },
        { center: [0, rimY + 0.35 * ry, z], rx: 1.12 * rx, rd: 1.1 * rz, color: metal },
        { center: [0, rimY + 0.7 * ry, z - 0.03 * rz], rx: 0.85 * rx, rd: 0.85 * rz, color: metal },
      ],
      { segments: 14, capEnd: kettle ? 0.2 * ry : 0.38 * ry },
    );
    if (kettle) {
      frustum(b, PIECE, [0, rimY - 0.003 * H, z], [0, rimY + 0.004 * H, z], 1.6 * rz, 1.5 * rz, 16, shade(metal, 0.9), { capFrom: true, capTo: true });
    } else {
      // Nasal guard and cheek plates.
      b.within(translation(0, hc[1] - 0.02 * ry, hc[2] + 1.02 * rz), () => box(b, PIECE, [0.16 * rx, 0.6 * ry, 0.06 * rz], metal, [0, 0, 0]));
      for (const side of [1, -1]) {
        b.within(translation(side * 0.98 * rx, hc[1] - 0.2 * ry, hc[2] + 0.1 * rz), () => box(b, PIECE, [0.08 * rx, 0.7 * ry, 0.8 * rz], shade(metal, 0.92), [0, 0, 0]));
      }
    }
  });
}

function drawGreatHelm(ctx: DrawContext): void {
  const { c } = ctx;
  const { hc, rx, ry, rz } = head(ctx);
  const metal = c.metal;
  const z = hc[2] + 0.02 * rz;
  ctx.mesh.piece('metal', ctx.weigh.head, (b) => {
    loft(
      b,
      [
        { center: [0, hc[1] - 1.08 * ry, z - 0.05 * rz], rx: 1.1 * rx, rd: 1.12 * rz, color: shade(metal, 0.85) },
        { center: [0, hc[1] - 0.2 * ry, z], rx: 1.14 * rx, rd: 1.16 * rz, color: metal },
        { center: [0, hc[1] + 0.85 * ry, z], rx: 1.12 * rx, rd: 1.14 * rz, color: metal },
      ],
      { segments: 14, capStart: 0, capEnd: 0.22 * ry },
    );
    const front = z + 1.16 * rz;
    const dark: [number, number, number] = [0.01, 0.01, 0.012];
    b.within(translation(0, hc[1] + 0.12 * ry, front - 0.01 * rz), () => box(b, PIECE, [1.5 * rx, 0.1 * ry, 0.06 * rz], dark, [0, 0, 0]));
    b.within(translation(0, hc[1] - 0.45 * ry, front + 0.005 * rz), () => box(b, PIECE, [0.16 * rx, 0.95 * ry, 0.05 * rz], shade(metal, 1.1), [0, 0, 0]));
    b.within(translation(0, hc[1] + 0.3 * ry, front + 0.005 * rz), () => box(b, PIECE, [1.0 * rx, 0.1 * ry, 0.05 * rz], shade(metal, 1.1), [0, 0, 0]));
  });
}
