/**
 * Roofs: a pitched roof of two thick slabs (so the overhang has an underside), cones for round
 * towers, pyramids for square ones. Roofs use the look's roof material (`roof-tiles` or
 * `thatch`), which is how a ruin is known to have none.
 */
import type { Rgb } from '../biomes/color.ts';
import type { Vec3 } from '../assets/asset.ts';
import { box, frustum, shade } from '../assets/mesh-builder.ts';
import type { AssetMaterialName } from '../assets/asset-materials.ts';
import { compose, rotationX, rotationY, translation } from '../assets/transform.ts';
import { facet, type BuildContext } from './build-context.ts';

export interface PitchedRoofOptions {
  /** Along x (the ridge runs along x). */
  width: number;
  /** Along z. */
  depth: number;
  eaves: number;
  pitchHeight: number;
  overhang?: number;
  thickness?: number;
  /** The gable triangles' material and colour (the wall's, by default). */
  gableMaterial?: AssetMaterialName;
  gableColor?: Rgb;
  material?: AssetMaterialName;
  color?: Rgb;
}

/** A gable roof over a width × depth rectangle centred on the origin, ridge along x. */
export function pitchedRoof(ctx: BuildContext, o: PitchedRoofOptions): void {
  const { b, lod, look } = ctx;
  const material = o.material ?? look.roof.material;
  const color = o.color ?? look.roof.color;
  const overhang = o.overhang ?? 0.4;
  // Big roofs get thicker slabs: they read better, and the preview rasterizer's screen-linear
  // depth lets a thin slab's underside show through a large face.
  const thickness = lod === 2 ? 0.05 : (o.thickness ?? Math.max(material === 'thatch' ? 0.35 : 0.16, 0.03 * Math.max(o.width, o.depth)));
  const half = o.depth / 2;
  const angle = Math.atan2(o.pitchHeight, half);
  const run = half + overhang;
  const slope = run / Math.cos(angle);
  const ridge = o.eaves + o.pitchHeight;
  // The slab's underside lies on the roof plane through the ridge and the wall tops.
  for (const side of [0, Math.PI]) {
    b.within(compose(rotationY(side), translation(0, ridge, 0), rotationX(angle)), () =>
      box(b, material, [o.width + 2 * overhang, thickness, slope], side === 0 ? color : shade(color, 0.96), [0, thickness / 2, slope / 2]),
    );
  }
  if (lod === 0) box(b, material, [o.width + 2 * overhang + 0.1, 0.22, 0.36], shade(color, 0.85), [0, ridge + thickness * 0.9, 0]);
  const gableMaterial = o.gableMaterial ?? look.wall.material;
  const gableColor = o.gableColor ?? look.wall.color;
  for (const sign of [1, -1]) {
    const x = (sign * o.width) / 2;
    facet(b, gableMaterial, [[x, o.eaves, -half], [x, o.eaves, half], [x, ridge, 0]], [sign, 0, 0], gableColor);
  }
  ctx.solid([0, o.eaves + o.pitchHeight / 2, 0], [o.width, o.pitchHeight, o.depth * 0.6]);
}

/** A cone over a circle of `radius` at height `base`, `height` tall, closed underneath. */
export function coneRoof(ctx: BuildContext, centre: Vec3, radius: number, height: number, segments: number, o: { material?: AssetMaterialName; color?: Rgb } = {}): void {
  const material = o.material ?? ctx.look.roof.material;
  const color = o.color ?? ctx.look.roof.color;
  frustum(ctx.b, material, centre, [centre[0], centre[1] + height, centre[2]], radius, 0, segments, color, { capFrom: true });
  if (ctx.lod === 0) frustum(ctx.b, 'metal', [centre[0], centre[1] + height * 0.95, centre[2]], [centre[0], centre[1] + height + 0.8, centre[2]], 0.06, 0.02, 4, ctx.look.metal);
}

/** A four-sided pyramid over a square of side `size` (axis-aligned) at height `base`. */
export function pyramidRoof(ctx: BuildContext, centre: Vec3, size: number, height: number, o: { material?: AssetMaterialName; color?: Rgb } = {}): void {
  const material = o.material ?? ctx.look.roof.material;
  const color = o.color ?? ctx.look.roof.color;
  const h = size / 2;
  const [cx, cy, cz] = centre;
  const apex: Vec3 = [cx, cy + height, cz];
  const corners: Vec3[] = [[cx - h, cy, cz - h], [cx + h, cy, cz - h], [cx + h, cy, cz + h], [cx - h, cy, cz + h]];
  for (let i = 0; i < 4; i++) {
    const a = corners[i];
    const c = corners[(i + 1) % 4];
    const mid: Vec3 = [(a[0] + c[0]) / 2 - cx, height * 0.5, (a[2] + c[2]) / 2 - cz];
    facet(ctx.b, material, [a, c, apex], mid, i % 2 === 0 ? color : shade(color, 0.94));
  }
  facet(ctx.b, material, corners, [0, -1, 0], shade(color, 0.6));
}
