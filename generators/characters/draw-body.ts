/**
 * The body under the clothes: torso, neck, head with a face (eyes, brows, nose, mouth, ears), arms
 * with hands, legs, boots. Sleeve, trouser and boot colours come from the garment, so the body
 * tubes are also the clothes that fit tight; loose clothes (skirts, cloaks, hats) are drawn over
 * them by draw-clothing.ts and draw-headwear.ts.
 */
import { box, ellipsoid, frustum, shade } from '../assets/mesh-builder.ts';
import type { Rgb } from '../biomes/color.ts';
import type { DrawContext } from './draw-context.ts';
import { loft, type LoftRing } from './loft.ts';
import { PIECE } from './skinned-mesh-builder.ts';
import { translation } from '../assets/transform.ts';
import { J } from './character-skeleton.ts';
import { add, scale, type Vec3 } from './quaternion.ts';
import { footShape } from './walk-gait.ts';

export function drawBody(ctx: DrawContext): void {
  drawTorso(ctx);
  drawNeckAndHead(ctx);
  for (const side of [1, -1] as const) {
    drawArm(ctx, side);
    drawLeg(ctx, side);
  }
}

/** What the torso tube wears: the surcoat, robe, tunic or jacket colour. */
function drawTorso(ctx: DrawContext): void {
  const { c, design } = ctx;
  const cloth = design.garment.kind === 'armour' && design.garment.breastplate ? c.metal : c.primary;
  const lower = design.garment.kind === 'armour' ? c.metal : c.secondary;
  const rings: LoftRing[] = ctx.torso.map((s, i) => ({
    center: [0, s.y, s.z],
    rx: s.rx,
    rd: s.rd,
    color: i === 0 ? lower : i === ctx.torso.length - 1 ? collarColor(ctx) : cloth,
  }));
  ctx.mesh.piece(design.garment.kind === 'armour' && design.garment.breastplate ? 'metal' : 'cloth', ctx.weigh.torso, (b) =>
    loft(b, rings, { capStart: 0.02 * ctx.H, segments: 12 }),
  );
}

function collarColor(ctx: DrawContext): Rgb {
  return ctx.design.garment.kind === 'robe' || ctx.design.garment.kind === 'dress' ? ctx.c.primary : ctx.c.skin;
}

function drawNeckAndHead(ctx: DrawContext): void {
  const { H, p, c } = ctx;
  const neckBase = ctx.torso[ctx.torso.length - 2];
  const headCenter = headCentre(ctx);
  const neckR = 0.028 * H * Math.sqrt(p.girth) * (ctx.design.child ? 1.1 : 1);
  ctx.mesh.piece('skin', ctx.weigh.neck, (b) =>
    loft(
      b,
      [
        { center: [0, neckBase.y - 0.01 * H, -0.004 * H], rx: neckR * 1.15, rd: neckR, color: c.skin },
        { center: [0, ctx.pos(J.neck)[1] + 0.01 * H, -0.003 * H], rx: neckR, rd: neckR * 0.95, color: c.skin },
        { center: [0, headCenter[1] - p.headRadii[1] * 0.55, -0.002 * H], rx: neckR * 0.95, rd: neckR * 0.95, color: c.skin },
      ],
      { segments: 8 },
    ),
  );
  const [rx, ry, rz] = p.headRadii;
  ctx.mesh.piece('skin', ctx.weigh.head, (b) => {
    // A narrower jaw and chin: squeeze the lower front of the head.
    ellipsoid(b, PIECE, headCenter, [rx, ry, rz], 2, c.skin, (d) => 1 - 0.16 * Math.max(0, -d[1]) * (0.4 + Math.abs(d[0])) - 0.04 * Math.max(0, -d[2]));
    const front = (x: number, y: number) => headCenter[2] + rz * Math.sqrt(Math.max(0, 1 - (x / rx) ** 2 - (y / ry) ** 2));
    const nose = shade(c.skin, 0.86);
    ellipsoid(b, PIECE, [0, headCenter[1] - 0.14 * ry, front(0, -0.14 * ry) + 0.0 * rz], [0.1 * rx, 0.17 * ry, 0.13 * rz], 1, nose);
    for (const side of [1, -1]) {
      const ex = side * 0.37 * rx;
      const ey = headCenter[1] + 0.1 * ry;
      ellipsoid(b, PIECE, [ex, ey, front(ex, 0.1 * ry) - 0.03 * rz], [0.12 * rx, 0.07 * ry, 0.07 * rz], 1, [0.02, 0.016, 0.014]);
      b.within(translationOf([ex, ey + 0.15 * ry, front(ex, 0.25 * ry) - 0.005 * rz]), () => box(b, PIECE, [0.34 * rx, 0.045 * ry, 0.07 * rz], c.hair, [0, 0, 0]));
      ellipsoid(b, PIECE, [side * rx * 0.97, headCenter[1] + 0.02 * ry, headCenter[2] - 0.08 * rz], [0.12 * rx, 0.22 * ry, 0.16 * rz], 1, shade(c.skin, 0.92));
    }
    const lips: Rgb = [c.skin[0] * 0.62, c.skin[1] * 0.4, c.skin[2] * 0.4];
    b.within(translationOf([0, headCenter[1] - 0.46 * ry, front(0, -0.46 * ry) * 0.97 + headCenter[2] * 0.03 - 0.01 * rz]), () =>
      box(b, PIECE, [0.32 * rx, 0.045 * ry, 0.08 * rz], lips, [0, 0, 0]),
    );
  });
}

export function headCentre(ctx: DrawContext): Vec3 {
  return [0, ctx.H - ctx.p.headRadii[1], 0.006 * ctx.H];
}

function drawArm(ctx: DrawContext, side: 1 | -1): void {
  const { H, p, c, design } = ctx;
  const a = ctx.arm(side);
  const g = p.girth * (design.child ? 1.1 : 1);
  const armour = design.garment.kind === 'armour';
  const wideSleeve = design.garment.kind === 'robe';
  const sleeve = armour ? c.metal : design.garment.kind === 'jacket' || design.garment.kind === 'tunic' ? c.primary : c.primary;
  const short = design.garment.sleeves === 'short';
  const at = (base: Vec3, along: number): Vec3 => add(base, scale(a.dir, along));
  const upperLen = p.upperArm;
  const rings: LoftRing[] = [
    { center: at(a.shoulder, -0.01 * H), rx: 0.032 * H * g, rd: 0.034 * H * g, color: sleeve },
    { center: at(a.shoulder, 0.3 * upperLen), rx: 0.028 * H * g, rd: 0.029 * H * g, color: sleeve },
    { center: at(a.shoulder, short ? 0.55 * upperLen : 0.7 * upperLen), rx: 0.025 * H * g, rd: 0.026 * H * g, color: sleeve },
    ...(short ? [{ center: at(a.shoulder, 0.58 * upperLen), rx: 0.023 * H * g, rd: 0.024 * H * g, color: c.skin }] : []),
    { center: a.elbow, rx: 0.021 * H * g, rd: 0.022 * H * g, color: short ? c.skin : sleeve },
    { center: at(a.elbow, 0.45 * p.forearm), rx: 0.021 * H * g, rd: 0.021 * H * g, color: short ? c.skin : sleeve },
    {
      center: at(a.wrist, -0.03 * H),
      rx: (wideSleeve ? 0.034 : 0.017) * H * g,
      rd: (wideSleeve ? 0.04 : 0.018) * H * g,
      color: short ? c.skin : sleeve,
    },
    ...(wideSleeve
      ? [{ center: at(a.wrist, -0.005 * H), rx: 0.038 * H * g, rd: 0.044 * H * g, color: shade(c.primary, 0.75) }]
      : [{ center: at(a.wrist, 0), rx: 0.015 * H * g, rd: 0.016 * H * g, color: short ? c.skin : shade(sleeve, 0.85) }]),
  ];
  ctx.mesh.piece(armour ? 'metal' : 'cloth', ctx.weigh.arm(side), (b) => loft(b, rings, { capStart: 0.028 * H * g, capEnd: wideSleeve ? undefined : 0, segments: 8 }));
  if (wideSleeve) {
    // The skin of the wrist inside a bell sleeve.
    ctx.mesh.piece('skin', ctx.weigh.arm(side), (b) => frustum(b, PIECE, at(a.wrist, -0.05 * H), at(a.wrist, 0.004 * H), 0.016 * H, 0.015 * H, 6, c.skin));
  }
  const gloves = armour || design.archetype === 'soldier';
  const handColor = armour ? shade(c.metal, 0.8) : gloves ? c.belt : c.skin;
  ctx.mesh.piece(gloves ? 'leather' : 'skin', ctx.weigh.arm(side), (b) =>
    ellipsoid(b, PIECE, at(a.wrist, p.hand * 0.38), [0.014 * H * g, p.hand * 0.44, 0.021 * H * g], 1, handColor),
  );
}

function drawLeg(ctx: DrawContext, side: 1 | -1): void {
  const { H, p, c, design } = ctx;
  const hip = ctx.pos(side === 1 ? J.thighL : J.thighR);
  const knee = ctx.pos(side === 1 ? J.shinL : J.shinR);
  const ankle = ctx.pos(side === 1 ? J.footL : J.footR);
  const g = p.girth * (design.child ? 1.05 : 1);
  const armour = design.garment.kind === 'armour';
  const trousers = armour ? c.metal : c.secondary;
  const x = hip[0];
  const lerpY = (t: number) => hip[1] + (knee[1] - hip[1]) * t;
  const lerpShin = (t: number) => knee[1] + (ankle[1] - knee[1]) * t;
  // Under a robe or a dress the thigh is never seen; leaving it out keeps it from showing through.
  const hidden = design.garment.hemHeight < p.kneeHeight;
  const rings: LoftRing[] = [
    ...(hidden
      ? []
      : [
          { center: [x * 0.8, hip[1] + 0.03 * H, 0], rx: 0.05 * H * g, rd: 0.055 * H * g, color: trousers } as LoftRing,
          { center: [x, lerpY(0.15), 0], rx: 0.055 * H * g, rd: 0.058 * H * g, color: trousers } as LoftRing,
        ]),
    { center: [x, lerpY(0.55), 0.002 * H], rx: 0.047 * H * g, rd: 0.049 * H * g, color: trousers },
    { center: [x, knee[1] + 0.02 * H, knee[2]], rx: 0.036 * H * g, rd: 0.037 * H * g, color: trousers },
    { center: [x, lerpShin(0.3), -0.004 * H], rx: 0.037 * H * g, rd: 0.04 * H * g, color: trousers },
    { center: [x, lerpShin(0.75), -0.002 * H], rx: 0.026 * H * g, rd: 0.027 * H * g, color: trousers },
    { center: [x, ankle[1] + 0.005 * H, 0], rx: 0.022 * H * g, rd: 0.023 * H * g, color: trousers },
  ];
  ctx.mesh.piece(armour ? 'metal' : 'cloth', ctx.weigh.leg(side), (b) => loft(b, rings, { segments: 8, ...(hidden ? { capStart: 0 } : {}) }));
  // Boots: a shaft from mid-shin to the ankle, and the foot.
  const boot = armour ? shade(c.metal, 0.85) : c.boots;
  const bootTop = lerpShin(design.garment.kind === 'robe' ? 0.7 : 0.45);
  const foot = footShape(p);
  ctx.mesh.piece(armour ? 'metal' : 'leather', ctx.weigh.leg(side), (b) => {
    loft(
      b,
      [
        { center: [x, bootTop, -0.003 * H], rx: 0.034 * H * g, rd: 0.036 * H * g, color: shade(boot, 1.15) },
        { center: [x, bootTop - 0.012 * H, -0.003 * H], rx: 0.031 * H * g, rd: 0.033 * H * g, color: boot },
        { center: [x, ankle[1] + 0.006 * H, 0], rx: 0.027 * H * g, rd: 0.028 * H * g, color: boot },
        { center: [x, ankle[1] - 0.004 * H, 0.004 * H], rx: 0.027 * H * g, rd: 0.03 * H * g, color: boot },
      ],
      { capStart: 0, segments: 8 },
    );
    ellipsoid(b, PIECE, add(ankle, foot.center), foot.radii, 1, boot, (d) => (d[1] < 0 ? 1 : 1 - 0.12 * d[1] * Math.max(0, d[2])));
  });
}

const translationOf = (v: Vec3) => translation(v[0], v[1], v[2]);
