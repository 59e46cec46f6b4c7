import { describe, expect, it } from 'vitest';
import type { Asset } from '../../generators/assets/asset.ts';
import { isAssetMaterial } from '../../generators/assets/asset-materials.ts';
import { luminance } from '../../generators/biomes/color.ts';
import { STRUCTURE_TYPES, type StructureType } from '../../generators/spec/world-spec-schema.ts';
import {
  createStructure,
  createWell,
  resolveMaterial,
  STRUCTURE_FOOTPRINTS,
  STRUCTURE_TRIANGLE_BUDGET,
  StructureError,
  type BuildingMaterial,
  type StructureCondition,
} from '../../generators/structures/index.ts';

const CONDITIONS: StructureCondition[] = ['intact', 'weathered', 'ruined'];
const SEEDS = [1, 7, 4242];
/** Every material a type draws differently; the rest use their default. */
const MATERIALS: Partial<Record<StructureType, BuildingMaterial[]>> = {
  tower: ['stone', 'wood'],
  wall: ['stone', 'wood'],
  windmill: ['brick', 'wood'],
  house: ['wood', 'stone', 'sandstone'],
  village: ['wood', 'brick'],
  bridge: ['stone', 'wood', 'rope'],
  temple: ['stone', 'sandstone'],
  pier: ['wood', 'stone'],
  fortress: ['sandstone'],
};
const ROOFS = new Set(['roof-tiles', 'thatch']);

const cases = STRUCTURE_TYPES.flatMap((type) => (MATERIALS[type] ?? [resolveMaterial(type, 'auto', 'temperate-forest')]).map((material) => ({ type, material })));

function reachesDown(type: StructureType): boolean {
  return type === 'bridge' || type === 'pier';
}

/**
 * The contract every asset keeps (see generators/assets/asset.ts), plus a structure's own. Checked
 * in plain loops and reported as a list, so a broken asset names every problem at once.
 */
function problemsOf(asset: Asset, type: StructureType, reach = reachesDown(type)): string[] {
  const problems: string[] = [];
  const fail = (what: string) => {
    if (problems.length < 12) problems.push(`${asset.id}: ${what}`);
  };
  if (asset.kind !== 'structure') fail(`kind ${asset.kind}`);
  if (asset.lods.length < 3) fail(`${asset.lods.length} LODs`);
  const counts = asset.lods.map((l) => l.triangles);
  for (let i = 1; i < counts.length; i++) if (counts[i] >= counts[i - 1]) fail(`triangles not falling: ${counts.join('/')}`);
  if (counts[0] > STRUCTURE_TRIANGLE_BUDGET[type]) fail(`LOD0 has ${counts[0]} triangles, over ${STRUCTURE_TRIANGLE_BUDGET[type]}`);
  if (asset.lodDistances.length !== asset.lods.length - 1 || !(asset.lodDistances[1] > asset.lodDistances[0])) fail(`lodDistances ${asset.lodDistances}`);
  const { min, max } = asset.bounds;
  for (const [li, lod] of asset.lods.entries()) {
    let triangles = 0;
    for (const part of lod.parts) {
      if (!isAssetMaterial(part.material)) fail(`material ${part.material}`);
      const n = part.positions.length / 3;
      if (n <= 2 || part.normals.length !== n * 3 || part.colors.length !== n * 3) fail(`LOD${li} ${part.material}: ${n} vertices, buffers mismatched`);
      for (let i = 0; i < n * 3; i++) {
        if (!Number.isFinite(part.positions[i]) || !Number.isFinite(part.normals[i])) fail(`LOD${li} ${part.material}: not finite at ${i}`);
        if (!(part.colors[i] >= 0 && part.colors[i] <= 1)) fail(`LOD${li} ${part.material}: colour ${part.colors[i]}`);
      }
      for (let v = 0; v < n; v++) {
        const length = Math.hypot(part.normals[v * 3], part.normals[v * 3 + 1], part.normals[v * 3 + 2]);
        if (Math.abs(length - 1) > 1e-4) fail(`LOD${li} ${part.material}: normal of length ${length}`);
        for (let a = 0; a < 3; a++) {
          const p = part.positions[v * 3 + a];
          if (p < min[a] - 1e-4 || p > max[a] + 1e-4) fail(`LOD${li} vertex outside the bounds on axis ${a}: ${p}`);
        }
      }
      for (let t = 0; t < part.indices.length; t += 3) {
        const [a, b, c] = [part.indices[t], part.indices[t + 1], part.indices[t + 2]];
        if (Math.max(a, b, c) >= n) fail(`LOD${li} index out of range`);
        // Winding agrees with the normals: nothing is inside out.
        const P = part.positions;
        const e1 = [P[b * 3] - P[a * 3], P[b * 3 + 1] - P[a * 3 + 1], P[b * 3 + 2] - P[a * 3 + 2]];
        const e2 = [P[c * 3] - P[a * 3], P[c * 3 + 1] - P[a * 3 + 1], P[c * 3 + 2] - P[a * 3 + 2]];
        const face = [e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]];
        if (Math.hypot(face[0], face[1], face[2]) < 1e-6) continue;
        let dot = 0;
        for (const v of [a, b, c]) dot += face[0] * part.normals[v * 3] + face[1] * part.normals[v * 3 + 1] + face[2] * part.normals[v * 3 + 2];
        if (dot <= 0) fail(`LOD${li} ${part.material} triangle ${t / 3} is inside out`);
      }
      triangles += part.indices.length / 3;
    }
    if (triangles !== lod.triangles) fail(`LOD${li} counts ${lod.triangles} triangles, has ${triangles}`);
  }
  // Stands on the ground: reaches y = 0, sunk no deeper than rubble and leaning stones are.
  if (min[1] > 0.05) fail(`floats: lowest point ${min[1]}`);
  if (!reach && min[1] < -1) fail(`sunk: lowest point ${min[1]}`);
  if (asset.collider.shape !== 'boxes' || asset.collider.boxes.length === 0) {
    fail('collider is not boxes');
    return problems;
  }
  for (const box of asset.collider.boxes) {
    if (!(box.size[0] > 0 && box.size[1] > 0 && box.size[2] > 0)) fail(`collider box of size ${box.size}`);
    for (const sx of [-1, 1]) {
      for (const sz of [-1, 1]) {
        const lx = (sx * box.size[0]) / 2;
        const lz = (sz * box.size[2]) / 2;
        const x = box.center[0] + lx * Math.cos(box.yaw) + lz * Math.sin(box.yaw);
        const z = box.center[2] - lx * Math.sin(box.yaw) + lz * Math.cos(box.yaw);
        if (x < min[0] - 0.3 || x > max[0] + 0.3 || z < min[2] - 0.3 || z > max[2] + 0.3) fail(`collider corner (${x.toFixed(2)}, ${z.toFixed(2)}) outside the bounds`);
      }
    }
    if (box.center[1] - box.size[1] / 2 < min[1] - 0.3 || box.center[1] + box.size[1] / 2 > max[1] + 0.3) fail(`collider box ${box.center[1]}±${box.size[1] / 2} outside the bounds in height`);
  }
  return problems;
}

function expectWellFormed(asset: Asset, type: StructureType, reach?: boolean): void {
  expect(problemsOf(asset, type, reach)).toEqual([]);
}

function meanLuminance(asset: Asset, materials: ReadonlySet<string>): number {
  let sum = 0;
  let n = 0;
  for (const part of asset.lods[0].parts) {
    if (!materials.has(part.material)) continue;
    for (let i = 0; i < part.colors.length; i += 3) {
      sum += luminance([part.colors[i], part.colors[i + 1], part.colors[i + 2]]);
      n++;
    }
  }
  return sum / n;
}

describe('createStructure', () => {
  describe.each(cases)('$type ($material)', ({ type, material }) => {
    it.each(CONDITIONS)('%s: well-formed, within budget, on the ground, for several seeds', (condition) => {
      for (const seed of SEEDS) expectWellFormed(createStructure(type, seed, { condition, material }), type);
    });

    it('is deterministic per seed, and seeds differ', () => {
      const a = createStructure(type, 11, { material });
      const b = createStructure(type, 11, { material });
      const c = createStructure(type, 12, { material });
      expect(a.id).toBe(b.id);
      expect(a.lods.map((l) => l.parts.map((p) => [...p.positions, ...p.colors]))).toEqual(b.lods.map((l) => l.parts.map((p) => [...p.positions, ...p.colors])));
      expect(c.id).not.toBe(a.id);
      expect(c.lods[0].parts.map((p) => [...p.positions])).not.toEqual(a.lods[0].parts.map((p) => [...p.positions]));
    });

    it('ruined: no roof, no lit lamp, fewer triangles than intact; weathered: darker', () => {
      for (const seed of SEEDS) {
        const intact = createStructure(type, seed, { condition: 'intact', material });
        const weathered = createStructure(type, seed, { condition: 'weathered', material });
        const ruined = createStructure(type, seed, { condition: 'ruined', material });
        const materials = new Set(ruined.lods.flatMap((l) => l.parts.map((p) => p.material)));
        for (const roof of ROOFS) expect(materials.has(roof as never), `${ruined.id} has ${roof}`).toBe(false);
        expect(materials.has('lamp')).toBe(false);
        expect(ruined.lods[0].triangles, `${ruined.id}`).toBeLessThan(intact.lods[0].triangles);
        const aged = new Set(['stone', 'wood', 'plaster']);
        expect(meanLuminance(weathered, aged)).toBeLessThan(meanLuminance(intact, aged));
      }
    });

    it('keeps its ground-level masses inside its nominal footprint', () => {
      const { width, depth } = STRUCTURE_FOOTPRINTS[type];
      for (const seed of SEEDS) {
        const asset = createStructure(type, seed, { material });
        if (asset.collider.shape !== 'boxes') throw new Error('boxes expected');
        for (const box of asset.collider.boxes) {
          if (box.center[1] - box.size[1] / 2 > 1) continue;
          const reach = Math.abs(Math.cos(box.yaw)) * box.size[0] / 2 + Math.abs(Math.sin(box.yaw)) * box.size[2] / 2;
          const reachZ = Math.abs(Math.sin(box.yaw)) * box.size[0] / 2 + Math.abs(Math.cos(box.yaw)) * box.size[2] / 2;
          expect(Math.abs(box.center[0]) + reach, `${asset.id} x`).toBeLessThanOrEqual(width / 2 + 0.6);
          expect(Math.abs(box.center[2]) + reachZ, `${asset.id} z`).toBeLessThanOrEqual(depth / 2 + 0.6);
        }
      }
    });
  });

  it('a lighthouse has a lit lamp; intact houses, chapels and castles have roofs', () => {
    const lamp = createStructure('lighthouse', 3);
    expect(lamp.lods[0].parts.some((p) => p.material === 'lamp')).toBe(true);
    for (const type of ['house', 'chapel', 'farmhouse'] as const) {
      expect(createStructure(type, 3).lods[0].parts.some((p) => ROOFS.has(p.material))).toBe(true);
    }
  });

  it('a foundation depth adds a stone plinth, or timber stilts, reaching that far down', () => {
    const plinth = createStructure('house', 5, { material: 'stone', foundationDepth: 3.2 });
    expect(plinth.bounds.min[1]).toBeCloseTo(-3.2, 3);
    expectWellFormed(plinth, 'house', true);
    const stilts = createStructure('house', 5, { material: 'wood', foundationDepth: 2.5 });
    expect(stilts.bounds.min[1]).toBeCloseTo(-2.5, 3);
    expectWellFormed(stilts, 'house', true);
    expect(plinth.id).not.toBe(createStructure('house', 5, { material: 'stone' }).id);
    const well = createWell(5, { foundationDepth: 1 });
    expect(well.bounds.min[1]).toBeCloseTo(-1, 3);
  });

  it('bridges and piers span what they are told and reach down to the bed', () => {
    for (const material of ['stone', 'wood', 'rope'] as const) {
      const bridge = createStructure('bridge', 2, { material, span: 31, foundationDepth: 6 });
      expect(bridge.bounds.max[0] - bridge.bounds.min[0]).toBeGreaterThan(30.5);
      expect(bridge.bounds.max[0] - bridge.bounds.min[0]).toBeLessThan(32);
      if (material !== 'rope') expect(bridge.bounds.min[1]).toBeLessThanOrEqual(-5.9);
    }
    const pier = createStructure('pier', 2, { span: 14, foundationDepth: 2.5 });
    expect(pier.bounds.max[2] - pier.bounds.min[2]).toBeGreaterThan(13.5);
    expect(pier.bounds.min[1]).toBeCloseTo(-2.5, 3);
  });

  it('palette overrides recolour the walls', () => {
    const plain = createStructure('tower', 9, { material: 'stone' });
    const red = createStructure('tower', 9, { material: 'stone', palette: { stone: '#aa2020' } });
    expect(red.id).not.toBe(plain.id);
    const redness = (a: Asset) => {
      const part = a.lods[0].parts.find((p) => p.material === 'stone')!;
      return part.colors[0] - part.colors[2];
    };
    expect(redness(red)).toBeGreaterThan(redness(plain) + 0.05);
  });

  it('refuses options it cannot build from, saying which', () => {
    expect(() => createStructure('bridge', 1, { span: -4 })).toThrow(StructureError);
    expect(() => createStructure('bridge', 1, { span: -4 })).toThrow(/span -4/);
    expect(() => createStructure('house', 1.5)).toThrow(/seed 1.5/);
    expect(() => createStructure('house', 1, { palette: { roof: 'red' } })).toThrow(/palette.roof/);
  });
});

describe('resolveMaterial', () => {
  it('picks by type and biome when auto', () => {
    expect(resolveMaterial('fortress', 'auto', 'desert')).toBe('sandstone');
    expect(resolveMaterial('castle', 'auto', 'temperate-forest')).toBe('stone');
    expect(resolveMaterial('bridge', 'auto', 'jungle')).toBe('rope');
    expect(resolveMaterial('village', 'auto', 'taiga')).toBe('wood');
    expect(resolveMaterial('pier', 'auto', 'coast')).toBe('wood');
  });

  it('keeps what was asked when the type can be made of it, and swaps what it cannot', () => {
    expect(resolveMaterial('house', 'brick', 'desert')).toBe('brick');
    expect(resolveMaterial('bridge', 'rope', 'desert')).toBe('rope');
    expect(resolveMaterial('tower', 'rope', 'taiga')).toBe('wood');
    expect(resolveMaterial('castle', 'wood', 'grassland')).toBe('stone');
    expect(resolveMaterial('standing-stones', 'wood', 'desert')).toBe('sandstone');
  });
});
