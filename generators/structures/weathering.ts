/**
 * Age on the surfaces of a built LOD: weathered and ruined structures are darker, with moss and
 * damp stains where water lingers — low down, on the tops of walls, in blotches. Applied to the
 * vertex colours after building, so every shape ages the same way and every LOD alike.
 *
 * Moss needs damp: how much grows scales with the biome (none on desert or canyon stone, a little
 * lichen on tundra and savanna, the most in jungle and swamp).
 *
 * Moss follows 3D value noise at a 1.8 m scale (hashed from the seed) so it reads as patches,
 * not per-vertex speckle; grime follows noise stretched 7× vertically, as rain streaks. Flat-shaded
 * boxes get smooth gradients across a face.
 */
import type { Rgb } from '../biomes/color.ts';
import type { AssetLod } from '../assets/asset.ts';
import { linear } from '../assets/mesh-builder.ts';
import type { AssetMaterialName } from '../assets/asset-materials.ts';
import { mix32 } from '../seed/derive-seed.ts';
import type { StructureCondition } from './build-context.ts';
import type { Biome } from '../spec/world-spec-schema.ts';

const AGEING: ReadonlySet<AssetMaterialName> = new Set<AssetMaterialName>(['stone', 'wood', 'plaster', 'roof-tiles', 'thatch', 'rock']);
const MOSS = linear('#4a5a2c');
const GRIME = linear('#2e2a24');

const AGE: Record<StructureCondition, { darken: number; moss: number; grime: number }> = {
  intact: { darken: 1, moss: 0.1, grime: 0.08 },
  weathered: { darken: 0.8, moss: 0.75, grime: 0.55 },
  ruined: { darken: 0.72, moss: 0.85, grime: 0.6 },
};

/** How much moss a biome grows on old stone and wood, relative to a temperate forest. */
const MOSS_BY_BIOME: Record<Biome, number> = {
  'temperate-forest': 1,
  taiga: 0.9,
  jungle: 1.15,
  desert: 0,
  savanna: 0.15,
  tundra: 0.35,
  swamp: 1.15,
  mountains: 0.6,
  canyon: 0.05,
  coast: 0.7,
  volcanic: 0.1,
  grassland: 0.8,
};

export function weatherLod(lod: AssetLod, condition: StructureCondition, biome: Biome, seed: number): AssetLod {
  const age = { ...AGE[condition], moss: Math.min(1, AGE[condition].moss * MOSS_BY_BIOME[biome]) };
  const parts = lod.parts.map((part) => {
    if (!AGEING.has(part.material)) return part;
    const colors = new Float32Array(part.colors.length);
    const p = part.positions;
    const n = part.normals;
    for (let v = 0; v < p.length; v += 3) {
      const x = p[v];
      const y = p[v + 1];
      const z = p[v + 2];
      const blotch = valueNoise(x / 1.8, y / 1.8, z / 1.8, seed);
      const fine = valueNoise(x / 0.6, y / 0.6, z / 0.6, seed ^ 0x5bd1e995);
      // Rain streaks: noise stretched down the walls.
      const streak = valueNoise(x / 0.7, y / 5, z / 0.7, seed ^ 0x27d4eb2f);
      const damp = Math.exp(-Math.max(0, y) / 1.6);
      const up = Math.max(0, n[v + 1]);
      const moss = smoothstep(0.45, 0.85, blotch + 0.3 * up + 0.3 * damp) * age.moss;
      const grime = clamp01(smoothstep(0.4, 0.8, streak) * 0.7 + 0.3 * damp + 0.2 * fine) * age.grime;
      const c: Rgb = [part.colors[v], part.colors[v + 1], part.colors[v + 2]];
      for (let k = 0; k < 3; k++) {
        let value = c[k] * age.darken * (0.93 + 0.14 * fine);
        value += (MOSS[k] - value) * moss;
        value += (GRIME[k] - value) * grime;
        colors[v + k] = clamp01(value);
      }
    }
    return { ...part, colors };
  });
  return { parts, triangles: lod.triangles };
}

/** Smooth 3D value noise in 0..1. */
export function valueNoise(x: number, y: number, z: number, seed: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const z0 = Math.floor(z);
  const tx = smooth(x - x0);
  const ty = smooth(y - y0);
  const tz = smooth(z - z0);
  const at = (i: number, j: number, k: number) => lattice(x0 + i, y0 + j, z0 + k, seed);
  const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
  const x00 = lerp(at(0, 0, 0), at(1, 0, 0), tx);
  const x10 = lerp(at(0, 1, 0), at(1, 1, 0), tx);
  const x01 = lerp(at(0, 0, 1), at(1, 0, 1), tx);
  const x11 = lerp(at(0, 1, 1), at(1, 1, 1), tx);
  return lerp(lerp(x00, x10, ty), lerp(x01, x11, ty), tz);
}

function lattice(i: number, j: number, k: number, seed: number): number {
  const h = mix32(Math.imul(i, 0x8da6b343) ^ Math.imul(j, 0xd8163841) ^ Math.imul(k, 0xcb1ab31f) ^ seed);
  return h / 4294967296;
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

function smoothstep(a: number, b: number, x: number): number {
  const t = clamp01((x - a) / (b - a));
  return t * t * (3 - 2 * t);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
