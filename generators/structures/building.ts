/**
 * A rectangular building — house, barn, hall, chapel nave, barracks: walls on a stone base
 * course, a door and windows on its faces, a gable or flat roof, a chimney. Ruined, its walls are
 * four broken runs with the doorway still open, the roof gone, a beam or two fallen in.
 *
 * Faces: front is +z (z = depth/2), back −z, right +x, left −x. The ridge runs along x.
 */
import type { Rgb } from '../biomes/color.ts';
import { box, shade } from '../assets/mesh-builder.ts';
import type { AssetMaterialName } from '../assets/asset-materials.ts';
import { compose, rotationX, rotationY, translation } from '../assets/transform.ts';
import type { BuildContext } from './build-context.ts';
import { doorOnFace, inRect, rubble, wallRun, windowOnFace, type Opening } from './masonry.ts';
import { pitchedRoof } from './roofs.ts';

export type Side = 'front' | 'back' | 'left' | 'right';

export interface BuildingOptions {
  width: number;
  depth: number;
  wallHeight: number;
  roof: 'gable' | 'flat' | 'none';
  /** Ridge height above the eaves (gable roofs). */
  pitchHeight?: number;
  door?: { side: Side; at: number; width: number; height: number; kind?: 'door' | 'gate' };
  windows?: Array<{ side: Side; at: number; y: number; width: number; height: number }>;
  chimney?: boolean;
  material?: AssetMaterialName;
  color?: Rgb;
  /** Dark corner posts and beams on the faces (timber and half-timbered walls). */
  frame?: boolean;
  /** How broken a ruin is, 0.5–0.9; undefined uses the context's condition. */
  broken?: number;
}

const SIDE_YAW: Record<Side, number> = { front: 0, right: Math.PI / 2, back: Math.PI, left: -Math.PI / 2 };

/** Half the building's extent across a side's face, and the face's distance from the centre. */
function sideFrame(o: BuildingOptions, side: Side): { half: number; face: number } {
  return side === 'front' || side === 'back' ? { half: o.width / 2, face: o.depth / 2 } : { half: o.depth / 2, face: o.width / 2 };
}

export function building(ctx: BuildContext, key: string, o: BuildingOptions): void {
  if (ctx.ruined || o.broken) brokenBuilding(ctx, key, o);
  else wholeBuilding(ctx, key, o);
}

function wholeBuilding(ctx: BuildContext, key: string, o: BuildingOptions): void {
  const { b, lod, look } = ctx;
  const material = o.material ?? look.wall.material;
  const color = o.color ?? look.wall.color;
  const base = 0.45;
  box(b, 'stone', [o.width + 0.16, base, o.depth + 0.16], shade(look.stone, 0.9), [0, base / 2, 0]);
  box(b, material, [o.width, o.wallHeight - base, o.depth], color, [0, base + (o.wallHeight - base) / 2, 0]);
  ctx.solid([0, o.wallHeight / 2, 0], [o.width, o.wallHeight, o.depth]);
  if (o.frame && lod === 0 && !ctx.crowd) {
    const beam = shade(look.darkWood, 1.1);
    for (const sx of [-1, 1]) for (const sz of [-1, 1]) box(b, 'wood', [0.24, o.wallHeight - base, 0.24], beam, [sx * (o.width / 2), base + (o.wallHeight - base) / 2, sz * (o.depth / 2)]);
    for (const side of ['front', 'back', 'left', 'right'] as Side[]) {
      const { half, face } = sideFrame(o, side);
      ctx.at(0, 0, 0, SIDE_YAW[side], () => {
        box(b, 'wood', [half * 2, 0.18, 0.06], beam, [0, o.wallHeight - 0.12, face + 0.03]);
        box(b, 'wood', [half * 2, 0.16, 0.06], beam, [0, base + 0.1, face + 0.03]);
      });
    }
  }
  if (!o.frame && material !== 'wood' && lod === 0 && !ctx.crowd) quoins(ctx, o, material, color);
  if (o.door) {
    const d = o.door;
    const { face } = sideFrame(o, d.side);
    ctx.at(0, 0, 0, SIDE_YAW[d.side], () => {
      if (d.kind === 'gate') box(b, 'wood', [d.width, d.height, 0.1], look.darkWood, [d.at, d.height / 2, face + 0.05]);
      else ctx.at(d.at, 0, 0, 0, () => doorOnFace(ctx, 0, face, d.width, d.height));
    });
  }
  for (const w of o.windows ?? []) {
    const { face } = sideFrame(o, w.side);
    ctx.at(0, 0, 0, SIDE_YAW[w.side], () => {
      windowOnFace(ctx, w.at, w.y, face, w.width, w.height, ctx.look.timber ? look.darkWood : look.stone);
      if (lod === 0 && !ctx.crowd) box(b, 'stone', [w.width + 0.3, 0.1, 0.22], look.stone, [w.at, w.y - w.height / 2 - 0.12, face + 0.08]);
    });
  }
  if (o.roof === 'gable') {
    const pitch = o.pitchHeight ?? o.depth * 0.45;
    pitchedRoof(ctx, { width: o.width, depth: o.depth, eaves: o.wallHeight, pitchHeight: pitch, gableMaterial: material, gableColor: color });
    if (o.chimney && lod < 2) {
      const rng = ctx.random(`${key}/chimney`);
      const x = (rng.chance(0.5) ? 1 : -1) * (o.width / 2 - 0.8);
      const z = rng.range(-0.2, 0.2) * o.depth;
      const top = o.wallHeight + pitch + 0.9;
      box(b, 'stone', [0.7, top - o.wallHeight + 0.2, 0.7], shade(look.stone, 0.85), [x, (top + o.wallHeight - 0.2) / 2, z]);
      ctx.solid([x, (top + o.wallHeight) / 2, z], [0.7, top - o.wallHeight, 0.7]);
    }
  } else if (o.roof === 'flat') {
    box(b, material, [o.width + 0.3, 0.25, o.depth + 0.3], shade(color, 0.9), [0, o.wallHeight + 0.125, 0]);
    if (lod === 0) {
      for (const side of ['front', 'back', 'left', 'right'] as Side[]) {
        const { half, face } = sideFrame(o, side);
        ctx.at(0, 0, 0, SIDE_YAW[side], () => box(b, material, [half * 2 + 0.3, 0.5, 0.2], color, [0, o.wallHeight + 0.5, face + 0.05]));
      }
      // Roof beams poking out of the walls, front and back, as on an adobe house.
      const beams = Math.max(2, Math.floor(o.width / 1.3));
      for (let i = 0; i < beams; i++) {
        const x = -o.width / 2 + ((i + 0.5) * o.width) / beams;
        for (const s of [1, -1]) box(b, 'wood', [0.18, 0.18, 0.5], look.darkWood, [x, o.wallHeight - 0.35, s * (o.depth / 2 + 0.2)]);
      }
    }
  }
}

/** Dressed corner stones on a masonry building, long and short by turns (LOD0). */
function quoins(ctx: BuildContext, o: BuildingOptions, material: AssetMaterialName, color: Rgb): void {
  const course = 0.55;
  for (let y = 0.45 + course / 2, i = 0; y < o.wallHeight - course / 2; y += course * 2, i++) {
    for (const [sx, sz] of [[-1, -1], [1, -1], [1, 1], [-1, 1]]) {
      const size: [number, number, number] = i % 2 === 0 ? [0.7, course * 0.9, 0.45] : [0.45, course * 0.9, 0.7];
      box(ctx.b, material, size, shade(color, 1.1), [sx * (o.width / 2 - size[0] / 2 + 0.04), y, sz * (o.depth / 2 - size[2] / 2 + 0.04)]);
    }
  }
}

function brokenBuilding(ctx: BuildContext, key: string, o: BuildingOptions): void {
  const { b, lod, look } = ctx;
  const rng = ctx.random(`${key}/ruin`);
  const broken = o.broken ?? rng.range(0.45, 0.8);
  const thickness = ctx.look.timber ? 0.3 : 0.6;
  const hw = o.width / 2;
  const hd = o.depth / 2;
  const material = o.material ?? look.wall.material;
  const color = o.color ?? look.wall.color;
  const gap = (side: Side): Opening[] => {
    const d = o.door;
    if (!d || d.side !== side) return [];
    const { half } = sideFrame(o, side);
    return [{ at: half + thickness / 2 + d.at, width: d.width, bottom: 0, top: d.height, kind: 'door' }];
  };
  // Runs go round the outside with their outside on +1; each reaches half a thickness past its
  // corners so the corners close.
  const e = thickness / 2;
  const runs: Array<[Side, [number, number], [number, number]]> = [
    ['front', [-hw - e, hd], [hw + e, hd]],
    ['right', [hw, hd + e], [hw, -hd - e]],
    ['back', [hw + e, -hd], [-hw - e, -hd]],
    ['left', [-hw, -hd - e], [-hw, hd + e]],
  ];
  for (const [side, from, to] of runs) {
    wallRun(ctx, `${key}/${side}`, from, to, { height: o.wallHeight, thickness, broken, openings: gap(side), material, color, outside: 1 });
  }
  if (lod === 2 || ctx.crowd) return;
  // Roof timbers fallen in.
  if (o.roof === 'gable' && lod === 0) {
    for (let i = 0; i < 1; i++) {
      const x = rng.range(-hw * 0.6, hw * 0.6);
      b.within(compose(translation(x, 0.6, rng.range(-0.3, 0.3)), rotationY(rng.range(-0.5, 0.5) + Math.PI / 2), rotationX(rng.range(0.15, 0.35))), () =>
        box(b, 'wood', [0.22, 0.22, o.depth * 0.9], shade(look.darkWood, 0.8), [0, 0, 0]),
      );
    }
  }
  rubble(ctx, `${key}/inside`, { count: Math.round(o.width * o.depth * 0.06), where: inRect(-hw + 0.6, hw - 0.6, -hd + 0.6, hd - 0.6), size: [0.25, 0.6], material, color });
}
