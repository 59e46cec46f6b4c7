/**
 * A solid drawn from its side elevation: the band between `bottom[i]` and `top[i]` at each
 * `xs[i]` (rising x), extruded from z0 to z1 — both sides, the top, the underside (optional: a
 * wall standing on the ground needs none) and the two ends. Two samples at the same x make a
 * step in the top. Arched bridges and broken wall tops are profiles: six triangles a sample where
 * a box per sample would cost twelve.
 */
import type { Rgb } from '../biomes/color.ts';
import { shade } from '../assets/mesh-builder.ts';
import type { AssetMaterialName } from '../assets/asset-materials.ts';
import { facet, type BuildContext } from './build-context.ts';

export interface ProfileColors {
  side: Rgb;
  top: Rgb;
  under?: Rgb;
}

export function extrudedProfile(ctx: BuildContext, material: AssetMaterialName, xs: number[], bottom: number[], top: number[], z0: number, z1: number, colors: ProfileColors): void {
  const { b } = ctx;
  for (let i = 0; i < xs.length - 1; i++) {
    const [xa, xb] = [xs[i], xs[i + 1]];
    const [ba, bb, ta, tb] = [bottom[i], bottom[i + 1], top[i], top[i + 1]];
    if (xb - xa < 1e-4) {
      // Two samples at one x: a step in the top, its riser facing the lower side.
      if (Math.abs(tb - ta) > 1e-4) facet(b, material, [[xa, ta, z0], [xa, tb, z0], [xa, tb, z1], [xa, ta, z1]], [ta > tb ? 1 : -1, 0, 0], shade(colors.side, 0.92));
      continue;
    }
    facet(b, material, [[xa, ba, z1], [xb, bb, z1], [xb, tb, z1], [xa, ta, z1]], [0, 0, 1], colors.side);
    facet(b, material, [[xa, ba, z0], [xb, bb, z0], [xb, tb, z0], [xa, ta, z0]], [0, 0, -1], shade(colors.side, 0.97));
    facet(b, material, [[xa, ta, z0], [xb, tb, z0], [xb, tb, z1], [xa, ta, z1]], [0, 1, 0], colors.top);
    if (colors.under) facet(b, material, [[xa, ba, z0], [xb, bb, z0], [xb, bb, z1], [xa, ba, z1]], [0, -1, 0], colors.under);
  }
  const last = xs.length - 1;
  facet(b, material, [[xs[0], bottom[0], z0], [xs[0], bottom[0], z1], [xs[0], top[0], z1], [xs[0], top[0], z0]], [-1, 0, 0], colors.side);
  facet(b, material, [[xs[last], bottom[last], z0], [xs[last], bottom[last], z1], [xs[last], top[last], z1], [xs[last], top[last], z0]], [1, 0, 0], colors.side);
}
