/**
 * Bridges run along x from −span/2 to +span/2, their deck ends at y = 0 (the banks), reaching
 * `foundationDepth` below that to the river bed.
 *
 *   masonry  an arched stone bridge: one arch per ~13 m, piers with cutwaters, a gently humped
 *            deck between parapets. Its side elevation is drawn as an extruded profile (the deck
 *            line above, the arches' curves below), so the arches are true openings.
 *   wood     a footbridge of planks on trestles every ~4.5 m, with handrails.
 *   rope     a plank footbridge slung on ropes between two pairs of posts, sagging 5% of its span.
 *
 * Ruined: an arch (or the middle bay) has fallen into the river, parapets and rails are broken,
 * planks missing.
 */
import type { Vec3 } from '../assets/asset.ts';
import { box, frustum, prism, shade } from '../assets/mesh-builder.ts';
import { compose, rotationX, rotationZ, translation } from '../assets/transform.ts';
import type { BuildContext } from './build-context.ts';
import { extrudedProfile } from './profile.ts';
import { rubble } from './masonry.ts';
import type { StructureParams } from './structure-params.ts';

export const BRIDGE_DEFAULT_SPAN = 20;

/** Clearance the deck of each kind keeps above the water at its lowest point, metres. */
export function bridgeSag(material: string, span: number): number {
  return material === 'rope' ? span * 0.05 : 0;
}

export function drawBridge(ctx: BuildContext, p: StructureParams): void {
  const span = p.span > 0 ? p.span : BRIDGE_DEFAULT_SPAN;
  if (p.material === 'rope') ropeBridge(ctx, span);
  else if (p.material === 'wood') trestleBridge(ctx, span, p.foundationDepth || 3);
  else stoneBridge(ctx, span, p.foundationDepth || 5);
}

function stoneBridge(ctx: BuildContext, span: number, depth: number): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('bridge');
  const width = rng.range(4, 4.8);
  const half = span / 2;
  const hump = Math.min(1.6, span * 0.045);
  const deck = (x: number) => hump * (1 - (x / half) ** 2);
  const arches = Math.max(1, Math.round(span / 13));
  const abutment = Math.min(3, Math.max(1.2, span * 0.08));
  const pier = arches > 1 ? Math.min(2.6, Math.max(1.4, span * 0.05)) : 0;
  const clear = (span - 2 * abutment - (arches - 1) * pier) / arches;
  const centres = Array.from({ length: arches }, (_, k) => -half + abutment + clear / 2 + k * (clear + pier));
  const ring = 0.8;
  const crowns = centres.map((x) => deck(x) - ring);
  const springing = Math.max(-depth + 0.3, Math.min(...crowns) - clear / 2);
  const fallen = ctx.ruined ? rng.int(0, arches - 1) : -1;
  const gapHalf = clear * rng.range(0.22, 0.38);
  const gapShift = rng.range(-0.1, 0.1) * clear;
  const parapetRng = ctx.random('parapet');
  const parapetGaps = Array.from({ length: 12 }, () => ctx.ruined && parapetRng.chance(0.35));

  // Sample the elevation: every arch's curve, and the ends of piers and abutments.
  const m = ctx.segments(12);
  const xs: number[] = [-half];
  for (const xc of centres) for (let i = 0; i <= m; i++) xs.push(xc - clear / 2 + (clear * i) / m);
  xs.push(half);
  const underside = (x: number) => {
    for (const [k, xc] of centres.entries()) {
      const u = (x - xc) / (clear / 2);
      if (Math.abs(u) <= 1 + 1e-9) return springing + (crowns[k] - springing) * Math.sqrt(Math.max(0, 1 - u * u));
    }
    return springing;
  };
  // Pieces left standing: the whole span, or two with the fallen arch's middle missing.
  const gap: [number, number] | null = fallen >= 0 ? [centres[fallen] + gapShift - gapHalf, centres[fallen] + gapShift + gapHalf] : null;
  const pieces: number[][] = [];
  if (!gap) pieces.push(xs);
  else {
    pieces.push([...xs.filter((x) => x < gap[0]), gap[0]]);
    pieces.push([gap[1], ...xs.filter((x) => x > gap[1])]);
  }
  const road = shade(look.stone, 0.8);
  const under = shade(look.wall.color, 0.6);
  for (const piece of pieces) {
    extrudedProfile(ctx, 'stone', piece, piece.map(underside), piece.map(deck), -width / 2, width / 2, { side: look.wall.color, top: road, under });
    for (let i = 0; i < piece.length - 1; i++) {
      const [x0, x1] = [piece[i], piece[i + 1]];
      const top = Math.max(deck(x0), deck(x1));
      const low = Math.min(underside(x0), underside(x1));
      ctx.solid([(x0 + x1) / 2, (top + low) / 2, 0], [x1 - x0, top - low, width]);
    }
    if (lod === 2) continue;
    // Parapets, broken in places on a ruin.
    for (const s of [-1, 1]) {
      const z0 = s > 0 ? width / 2 - 0.4 : -width / 2;
      const z1 = s > 0 ? width / 2 : -width / 2 + 0.4;
      const runs: number[][] = [];
      let run: number[] = [];
      for (const x of piece) {
        const cell = (Math.min(11, Math.floor(((x + half) / span) * 12)) + (s > 0 ? 0 : 6)) % 12;
        if (parapetGaps[cell] && run.length > 0) {
          if (run.length > 1) runs.push(run);
          run = [];
        } else run.push(x);
      }
      if (run.length > 1) runs.push(run);
      for (const r of runs) {
        extrudedProfile(ctx, 'stone', r, r.map(deck), r.map((x) => deck(x) + 1.0), z0, z1, { side: shade(look.wall.color, 1.02), top: look.stone, under });
        const low = Math.min(...r.map(deck));
        const high = Math.max(...r.map(deck)) + 1;
        ctx.solid([(r[0] + r[r.length - 1]) / 2, (low + high) / 2, (z0 + z1) / 2], [r[r.length - 1] - r[0], high - low, 0.4]);
      }
    }
  }
  // Piers and abutments down to the bed.
  const massColor = shade(look.wall.color, 0.9);
  const blocks: Array<[number, number]> = [[-half, -half + abutment], [half - abutment, half]];
  for (let k = 0; k < arches - 1; k++) {
    const x0 = centres[k] + clear / 2;
    blocks.push([x0, x0 + pier]);
  }
  for (const [k, [x0, x1]] of blocks.entries()) {
    const h = springing + depth;
    box(b, 'stone', [x1 - x0, h, width], massColor, [(x0 + x1) / 2, (springing - depth) / 2, 0]);
    ctx.solid([(x0 + x1) / 2, (springing - depth) / 2, 0], [x1 - x0, h, width]);
    if (k >= 2 && lod === 0) {
      const xm = (x0 + x1) / 2;
      const a = (x1 - x0) / 2;
      const c = width / 2;
      prism(b, 'stone', [[xm - a, c], [xm + a, c], [xm, c + a * 1.2]], -depth, springing, massColor);
      prism(b, 'stone', [[xm + a, -c], [xm - a, -c], [xm, -c - a * 1.2]], -depth, springing, massColor);
    }
  }
  if (gap) {
    rubble(ctx, 'fallen-arch', { count: 8, where: (r) => [r.range(gap[0] - 1, gap[1] + 1), r.range(-width, width)], size: [0.4, 1.1], groundY: -depth, material: 'stone' });
  }
}

function trestleBridge(ctx: BuildContext, span: number, depth: number): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('bridge');
  const width = rng.range(1.8, 2.4);
  const half = span / 2;
  const bays = Math.max(2, Math.round(span / 4.5));
  const bay = span / bays;
  const broken = ctx.ruined ? rng.int(1, bays - 2 >= 1 ? bays - 2 : 1) : -1;
  const plankCount = Math.round(span / 0.32);
  const plankRng = ctx.random('planks');
  const planks = Array.from({ length: plankCount }, () => ({ missing: ctx.ruined && plankRng.chance(0.3), tint: plankRng.range(0.82, 1.12) }));
  const railRng = ctx.random('rails');
  const railMissing = Array.from({ length: bays * 2 }, () => ctx.ruined && railRng.chance(0.4));
  const postTop = Array.from({ length: (bays + 1) * 2 }, () => (ctx.ruined ? railRng.range(-0.2, 1.05) : 1.05));
  const inBrokenBay = (x: number) => broken >= 0 && x > -half + broken * bay && x < -half + (broken + 1) * bay;
  const segments = lod === 0 ? 6 : 4;

  for (let i = 0; i <= bays; i++) {
    const x = -half + i * bay;
    const foot = i === 0 || i === bays ? -1 : -depth;
    for (const [k, s] of [-1, 1].entries()) {
      const z = s * (width / 2 + 0.08);
      const top = postTop[i * 2 + k];
      if (lod === 2) box(b, 'wood', [0.24, top - foot, 0.24], shade(look.wood, 0.75), [x, (top + foot) / 2, z]);
      else frustum(b, 'wood', [x, foot, z], [x, top, z], 0.13, 0.12, segments, shade(look.wood, 0.75));
      ctx.solid([x, (top + foot) / 2, z], [0.26, top - foot, 0.26]);
    }
    if (lod < 2) box(b, 'wood', [0.2, 0.2, width + 0.4], shade(look.wood, 0.65), [x, -0.3, 0]);
    if (lod === 0 && foot < -1.5) {
      // A cross brace between the two posts of a trestle.
      const h = -0.4 - foot;
      const angle = Math.atan2(h, width);
      b.within(compose(translation(x, (foot - 0.4) / 2, 0), rotationX(angle)), () => box(b, 'wood', [0.1, 0.14, Math.hypot(h, width)], shade(look.wood, 0.7), [0, 0, 0]));
    }
  }
  const deckPieces = broken >= 0 ? [[-half, -half + broken * bay], [-half + (broken + 1) * bay, half]] : [[-half, half]];
  if (lod < 2) {
    for (const s of [-1, 1]) {
      for (const [x0, x1] of deckPieces) if (x1 - x0 > 0.1) box(b, 'wood', [x1 - x0, 0.2, 0.16], shade(look.wood, 0.7), [(x0 + x1) / 2, -0.18, s * (width / 2 - 0.25)]);
    }
  }
  // Deck.
  if (lod === 0) {
    for (const [i, plank] of planks.entries()) {
      const x = -half + (i + 0.5) * (span / plankCount);
      if (plank.missing || inBrokenBay(x)) continue;
      box(b, 'wood', [span / plankCount - 0.04, 0.08, width], shade(look.wood, plank.tint), [x, -0.04, 0]);
    }
  } else if (lod === 1) {
    for (let i = 0; i < bays; i++) {
      if (i === broken) continue;
      box(b, 'wood', [bay, 0.08, width], look.wood, [-half + (i + 0.5) * bay, -0.04, 0]);
    }
  } else {
    for (const [x0, x1] of deckPieces) if (x1 - x0 > 0.1) box(b, 'wood', [x1 - x0, 0.08, width], look.wood, [(x0 + x1) / 2, -0.04, 0]);
  }
  for (let i = 0; i < bays; i++) {
    if (i === broken) continue;
    ctx.solid([-half + (i + 0.5) * bay, -0.1, 0], [bay, 0.2, width]);
  }
  // Handrails.
  if (lod === 2) return;
  for (let i = 0; i < bays; i++) {
    for (const [k, s] of [-1, 1].entries()) {
      if (railMissing[i * 2 + k] || i === broken) continue;
      const x = -half + (i + 0.5) * bay;
      const z = s * (width / 2 + 0.08);
      box(b, 'wood', [bay, 0.1, 0.1], look.wood, [x, 1.0, z]);
      if (lod === 0) box(b, 'wood', [bay, 0.08, 0.06], look.wood, [x, 0.5, z]);
      ctx.solid([x, 0.55, z], [bay, 1.0, 0.15]);
    }
  }
}

function ropeBridge(ctx: BuildContext, span: number): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('bridge');
  const width = rng.range(1.3, 1.6);
  const half = span / 2;
  const sag = bridgeSag('rope', span);
  const deckAt = (x: number) => -sag * (1 - (x / half) ** 2);
  const railAt = (x: number) => 1.55 - (sag + 0.45) * (1 - (x / half) ** 2);
  const plankCount = Math.round(span / 0.36);
  const plankRng = ctx.random('planks');
  const planks = Array.from({ length: plankCount }, () => ({ missing: ctx.ruined && plankRng.chance(0.4), tint: plankRng.range(0.8, 1.12) }));
  const snapped = ctx.ruined ? rng.range(-0.3, 0.3) * span : NaN;

  // Posts at each end, sunk into the bank.
  for (const x of [-half + 0.2, half - 0.2]) {
    for (const s of [-1, 1]) {
      const z = s * (width / 2 + 0.15);
      if (lod === 2) box(b, 'wood', [0.26, 2.8, 0.26], shade(look.wood, 0.7), [x, 0.4, z]);
      else frustum(b, 'wood', [x, -1.2, z], [x, 1.6, z], 0.14, 0.12, lod === 0 ? 6 : 4, shade(look.wood, 0.7), { capTo: true });
      ctx.solid([x, 0.2, z], [0.3, 2.8, 0.3]);
    }
  }
  // Planks hung on the foot ropes.
  const step = span / plankCount;
  if (lod === 2) {
    for (let i = 0; i < 4; i++) {
      const x0 = -half + (i * span) / 4;
      const x1 = x0 + span / 4;
      const y0 = deckAt(x0);
      const y1 = deckAt(x1);
      b.within(compose(translation((x0 + x1) / 2, (y0 + y1) / 2 - 0.04, 0), rotationZ(Math.atan2(y1 - y0, x1 - x0))), () =>
        box(b, 'wood', [Math.hypot(x1 - x0, y1 - y0), 0.08, width], look.wood, [0, 0, 0]),
      );
    }
  } else {
    const group = lod === 0 ? 1 : 4;
    for (let i = 0; i < plankCount; i += group) {
      if (lod === 0 && planks[i].missing) continue;
      const x0 = -half + i * step;
      const x1 = -half + Math.min(plankCount, i + group) * step;
      const y0 = deckAt(x0);
      const y1 = deckAt(x1);
      b.within(compose(translation((x0 + x1) / 2, (y0 + y1) / 2 - 0.04, 0), rotationZ(Math.atan2(y1 - y0, x1 - x0))), () =>
        box(b, 'wood', [Math.hypot(x1 - x0, y1 - y0) - (lod === 0 ? 0.08 : 0), 0.07, width], shade(look.wood, lod === 0 ? planks[i].tint : 1), [0, 0, 0]),
      );
    }
  }
  for (let i = 0; i < 8; i++) {
    const x = -half + (i + 0.5) * (span / 8);
    ctx.solid([x, deckAt(x) - 0.1, 0], [span / 8, 0.2, width]);
  }
  // Ropes: hand ropes and foot ropes along each side, hangers between them.
  const ropeSegments = lod === 0 ? 14 : lod === 1 ? 7 : 4;
  const rope = (path: (t: number) => Vec3, radius: number, n: number, sides: number) => {
    for (let i = 0; i < n; i++) frustum(b, 'rope', path(i / n), path((i + 1) / n), radius, radius, sides, look.rope);
  };
  for (const s of [-1, 1]) {
    const z = s * (width / 2 + 0.05);
    const hand = (t: number): Vec3 => {
      const x = -half + 0.2 + t * (span - 0.4);
      return [x, railAt(x), z];
    };
    if (ctx.ruined && s > 0) {
      // Snapped: each half hangs from its post.
      const cut = (snapped + half - 0.2) / (span - 0.4);
      rope((t) => { const p = hand(t * cut); return [p[0], p[1] - 1.4 * t * t, p[2]]; }, 0.035, Math.max(2, Math.round(ropeSegments * cut)), lod === 0 ? 5 : 4);
      rope((t) => { const p = hand(1 - t * (1 - cut)); return [p[0], p[1] - 1.4 * t * t, p[2]]; }, 0.035, Math.max(2, Math.round(ropeSegments * (1 - cut))), lod === 0 ? 5 : 4);
    } else rope(hand, 0.035, ropeSegments, lod === 0 ? 5 : 4);
    if (lod < 2) rope((t) => { const x = -half + 0.2 + t * (span - 0.4); return [x, deckAt(x) - 0.06, z]; }, 0.04, ropeSegments, 4);
    if (lod === 0) {
      for (let x = -half + 1.2; x < half - 1; x += 1.2) {
        if (ctx.ruined && s > 0) continue;
        frustum(b, 'rope', [x, deckAt(x) - 0.04, z], [x, railAt(x), z], 0.015, 0.015, 3, look.rope);
      }
    }
  }
}
