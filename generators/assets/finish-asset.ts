/**
 * What every vegetation and rock factory does last: check the LOD ladder, take the bounds of all
 * LODs, and set the switch distances from the asset's size.
 *
 * Switch distances come from screen coverage: an asset `size` metres across fills a share `f` of
 * a 60° vertical field of view at d = size / (2 · tan 30° · f). Trees switch to LOD1 at a quarter
 * of the screen and to LOD2 at 8 % (a 14 m oak: 48 m and 150 m); grass, seen by the ten thousand,
 * switches later in screen terms (6 % and 2.5 %: 7 m and 17 m for a 0.5 m clump).
 */
import { WorldsmithError } from '../worldsmith-error.ts';
import { boundsOf, type Asset, type AssetKind, type AssetLod, type Collider } from './asset.ts';

/** A factory was given options it cannot honour, or broke its own LOD contract. */
export class AssetError extends WorldsmithError {}

const TAN_HALF_FOV = Math.tan(Math.PI / 6);

export function finishAsset(id: string, kind: AssetKind, lods: AssetLod[], collider: Collider, screenShares: readonly number[]): Asset {
  if (lods.length < 3) throw new AssetError('ASSET_LODS', `${id}: made ${lods.length} LODs; every asset needs at least 3.`);
  for (let i = 1; i < lods.length; i++) {
    if (!(lods[i].triangles < lods[i - 1].triangles)) {
      throw new AssetError('ASSET_LODS', `${id}: LOD${i} has ${lods[i].triangles} triangles, LOD${i - 1} ${lods[i - 1].triangles}; counts must fall.`);
    }
  }
  if (screenShares.length !== lods.length - 1) {
    throw new AssetError('ASSET_LODS', `${id}: ${screenShares.length} screen shares for ${lods.length} LODs; give one per LOD after LOD0.`);
  }
  const bounds = boundsOf(lods);
  const size = Math.max(bounds.max[0] - bounds.min[0], bounds.max[1] - bounds.min[1], bounds.max[2] - bounds.min[2]);
  const lodDistances = screenShares.map((share) => round2(size / (2 * TAN_HALF_FOV * share)));
  return { id, kind, lods, bounds, collider, lodDistances };
}

/**
 * Scales LODs uniformly about the origin so LOD0's highest point is at `height` (for shapes whose
 * bumps and lumps make their top hard to know before they are drawn). Normals are unchanged by a
 * uniform scale.
 */
export function fitHeight(lods: AssetLod[], height: number): AssetLod[] {
  let top = 0;
  for (const part of lods[0].parts) for (let i = 1; i < part.positions.length; i += 3) top = Math.max(top, part.positions[i]);
  const k = height / Math.max(1e-6, top);
  return lods.map((lod) => ({
    ...lod,
    parts: lod.parts.map((part) => ({ ...part, positions: part.positions.map((v) => v * k) })),
  }));
}

/** Checks a `#rrggbb` option before any work; `where` names it in the message. */
export function checkHex(value: string | null | undefined, where: string): void {
  if (value === null || value === undefined) return;
  if (!/^#[0-9a-fA-F]{6}$/.test(value)) {
    throw new AssetError('ASSET_OPTIONS', `${where} is ${JSON.stringify(value)}; give an sRGB colour as #rrggbb, e.g. "#4b6b2a".`);
  }
}

/** Checks a number option lies in [min, max]. */
export function checkRange(value: number, min: number, max: number, where: string): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new AssetError('ASSET_OPTIONS', `${where} is ${value}; give a number from ${min} to ${max}.`);
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
