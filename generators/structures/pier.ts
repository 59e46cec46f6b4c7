/**
 * A pier: a plank deck 2.6–3.2 m wide running from the shore (z = −span/2) out over the water
 * (z = +span/2), its top at y = 0, on pairs of posts every 3 m that reach `foundationDepth` down
 * to the bed, with bollards and a lamp post at the far end. Stone material gives masonry piles.
 * Ruined: planks missing, posts snapped, the far end collapsed and sloping into the water.
 */
import { box, frustum, linear, shade } from '../assets/mesh-builder.ts';
import { compose, rotationX, translation } from '../assets/transform.ts';
import type { BuildContext } from './build-context.ts';
import type { StructureParams } from './structure-params.ts';

export const PIER_DEFAULT_SPAN = 20;

export function drawPier(ctx: BuildContext, p: StructureParams): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random('pier');
  const span = p.span > 0 ? p.span : PIER_DEFAULT_SPAN;
  const width = rng.range(2.6, 3.2);
  const depth = Math.max(0.8, p.foundationDepth || 3);
  const bays = Math.max(2, Math.round(span / 3));
  const bay = span / bays;
  const z0 = -span / 2;
  const stone = p.material === 'stone' || p.material === 'sandstone' || p.material === 'brick';
  // Ruined: the last quarter has dropped at its landward hinge.
  const hinge = ctx.ruined ? z0 + span * rng.range(0.68, 0.8) : Infinity;
  const droop = ctx.ruined ? rng.range(0.18, 0.3) : 0;
  const deckY = (z: number) => (z > hinge ? -(z - hinge) * Math.sin(droop) : 0);
  const planks = Math.round(span / 0.32);
  const plankRng = ctx.random('planks');
  const planksMissing = Array.from({ length: planks }, () => ctx.ruined && plankRng.chance(0.3));
  const planksTint = Array.from({ length: planks }, () => plankRng.range(0.82, 1.12));
  const postRng = ctx.random('posts');
  const postTops = Array.from({ length: (bays + 1) * 2 }, () => (ctx.ruined && postRng.chance(0.25) ? postRng.range(-1.4, -0.6) : 0));

  // Posts or piles, in pairs across the deck.
  for (let i = 0; i <= bays; i++) {
    const z = z0 + i * bay;
    for (const [k, side] of [-1, 1].entries()) {
      const x = side * (width / 2 - 0.15);
      const top = Math.min(deckY(z) - 0.25, postTops[i * 2 + k] + deckY(z) - 0.25);
      if (stone) {
        if (k === 0) box(b, 'stone', [width + 0.2, top + depth, 0.9], shade(look.stone, 0.95), [0, (top - depth) / 2, z]);
      } else frustum(b, 'wood', [x, -depth, z], [x, top, z], 0.15, 0.14, lod === 0 ? 6 : 4, shade(look.wood, 0.75));
      if (k === 0 && lod < 2) ctx.solid([0, (top - depth) / 2, z], [width, top + depth, 0.4]);
    }
  }
  // Stringers under the planks.
  if (lod < 2) {
    for (const side of [-1, 1]) {
      const x = side * (width / 2 - 0.15);
      const length = Math.min(span, hinge - z0);
      box(b, 'wood', [0.16, 0.2, length], shade(look.wood, 0.7), [x, -0.3, z0 + length / 2]);
    }
  }
  // The deck: planks at LOD0, a board per bay at LOD1, one slab at LOD2.
  const deck = (z: number, length: number, tint: number) => {
    const y = deckY(z);
    const tilt = z > hinge ? droop : 0;
    b.within(compose(translation(0, y - 0.09, z), rotationX(tilt)), () => box(b, 'wood', [width, 0.18, length], shade(look.wood, tint), [0, 0, 0]));
  };
  if (lod === 0) {
    for (let i = 0; i < planks; i++) if (!planksMissing[i]) deck(z0 + (i + 0.5) * (span / planks), span / planks - 0.04, planksTint[i]);
  } else if (lod === 1) {
    for (let i = 0; i < bays; i++) deck(z0 + (i + 0.5) * bay, bay, 1);
  } else {
    const length = Math.min(span, hinge - z0);
    box(b, 'wood', [width, 0.18, length], look.wood, [0, -0.09, z0 + length / 2]);
  }
  ctx.solid([0, -0.1, z0 + Math.min(span, hinge - z0) / 2], [width, 0.2, Math.min(span, hinge - z0)]);

  if (ctx.ruined || lod === 2) return;
  // Bollards and a lamp post at the far end; a ladder down to the water.
  const end = z0 + span - 0.4;
  for (const side of [-1, 1]) frustum(b, 'wood', [side * (width / 2 - 0.25), 0, end], [side * (width / 2 - 0.25), 0.6, end], 0.16, 0.16, lod === 0 ? 8 : 5, shade(look.wood, 0.6), { capTo: true });
  if (lod === 0) {
    frustum(b, 'metal', [width / 2 - 0.25, 0, end - 2], [width / 2 - 0.25, 2.8, end - 2], 0.06, 0.05, 5, look.metal);
    box(b, 'lamp', [0.3, 0.4, 0.3], linear('#ffcf7a'), [width / 2 - 0.25, 3.0, end - 2]);
    for (const x of [-0.25, 0.25]) box(b, 'wood', [0.06, depth * 0.6 + 0.2, 0.06], look.wood, [-width / 2 + 0.6 + x, -depth * 0.3 + 0.1, end + 0.45]);
  }
}
