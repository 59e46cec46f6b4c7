/**
 * Landforms and water must come out as their names say: measured on the heightfield, not by eye.
 */
import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { describeWorld } from '../../generators/world/world.ts';
import { sampleX, sampleZ } from '../../generators/terrain/heightfield.ts';
import { smallSpec } from '../helpers/world-specs.ts';

const SIZE = { width: 256, depth: 256, cellSize: 2 };

describe('landforms', () => {
  it('an island is land in the middle and sea at every edge', async () => {
    const { world } = await generateWorld(smallSpec({ size: SIZE, terrain: { landform: 'island' }, water: { sea: 0.5 } }));
    const { terrain, water } = world;
    const sea = water.seaLevel!;
    const edges: number[] = [];
    for (let i = 0; i < terrain.nx; i++) edges.push(terrain.heights[i], terrain.heights[(terrain.nz - 1) * terrain.nx + i]);
    expect(edges.filter((h) => h < sea).length / edges.length).toBeGreaterThan(0.95);
    const centre = terrain.heights[Math.floor(terrain.nz / 2) * terrain.nx + Math.floor(terrain.nx / 2)];
    expect(centre).toBeGreaterThan(sea);
    expect(describeWorld(world).waterShare).toBeGreaterThan(0.45);
    expect(describeWorld(world).waterShare).toBeLessThan(0.56);
  });

  it('a basin is low in the middle and high around the rim', async () => {
    const { world } = await generateWorld(smallSpec({ size: SIZE, terrain: { landform: 'basin', relief: 0.7 } }));
    const { terrain } = world;
    let inner = 0;
    let innerCount = 0;
    let rim = 0;
    let rimCount = 0;
    for (let iz = 0; iz < terrain.nz; iz++) {
      for (let ix = 0; ix < terrain.nx; ix++) {
        const r = Math.hypot(sampleX(terrain, ix), sampleZ(terrain, iz)) / 128;
        const h = terrain.heights[iz * terrain.nx + ix];
        if (r < 0.3) (inner += h), innerCount++;
        if (r > 0.95) (rim += h), rimCount++;
      }
    }
    expect(rim / rimCount).toBeGreaterThan(2 * (inner / innerCount));
  });

  it('a valley with a river has the river along its floor, from edge to edge', async () => {
    const { world } = await generateWorld(smallSpec({ size: SIZE, terrain: { landform: 'valley', relief: 0.7 }, water: { rivers: 1 } }));
    const river = world.water.rivers[0];
    expect(river).toBeDefined();
    const first = river.points[0];
    const last = river.points[river.points.length - 1];
    expect(Math.hypot(last.x - first.x, last.z - first.z)).toBeGreaterThan(200);
    // The river runs well below the mean ground.
    const mean = world.terrain.heights.reduce((s, h) => s + h, 0) / world.terrain.heights.length;
    expect(river.points.every((p) => p.level < mean)).toBe(true);
  });

  it('honours the requested sea share and lake and waterfall counts', async () => {
    const { world } = await generateWorld(
      smallSpec({ size: SIZE, terrain: { relief: 0.7 }, water: { sea: 0.3, lakes: 2, rivers: 1, waterfalls: 1 } }),
    );
    const stats = describeWorld(world);
    expect(stats.waterShare).toBeGreaterThan(0.28);
    expect(world.water.lakes).toHaveLength(2);
    for (const lake of world.water.lakes) expect(lake.samples).toBeGreaterThan(10);
    expect(world.water.waterfalls).toHaveLength(1);
    const fall = world.water.waterfalls[0];
    expect(fall.top - fall.bottom).toBeGreaterThanOrEqual(3);
  });
});

describe('biomes', () => {
  it('give each biome about its weight of the land, and put mountains high', async () => {
    const { world } = await generateWorld(
      smallSpec({ size: SIZE, biomes: { grassland: 1, mountains: 1 }, terrain: { relief: 0.8, maxHeight: 250 } }),
    );
    const shares = describeWorld(world).biomeShares;
    expect(shares.grassland).toBeGreaterThan(0.35);
    expect(shares.mountains).toBeGreaterThan(0.35);
    const { biomes, terrain } = world;
    const mean = (b: number) => {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < biomes.dominant.length; i++) if (biomes.dominant[i] === b) (sum += terrain.heights[i]), count++;
      return sum / count;
    };
    expect(mean(biomes.biomes.indexOf('mountains'))).toBeGreaterThan(mean(biomes.biomes.indexOf('grassland')));
  });

  it('colour the ground by biome and palette: deserts sand-coloured, overrides obeyed', async () => {
    const desert = (await generateWorld(smallSpec({ size: SIZE, biomes: { desert: 1 }, terrain: { relief: 0.1 } }))).world;
    const black = (await generateWorld(smallSpec({ size: SIZE, biomes: { desert: 1 }, terrain: { relief: 0.1 }, palette: { colors: { sand: '#111111' } } }))).world;
    const mean = (colors: Float32Array) => {
      const m = [0, 0, 0];
      for (let i = 0; i < colors.length; i += 3) for (let c = 0; c < 3; c++) m[c] += colors[i + c] / (colors.length / 3);
      return m;
    };
    const [r, g, b] = mean(desert.ground.colors);
    expect(r).toBeGreaterThan(b * 1.8);
    expect(g).toBeGreaterThan(b * 1.3);
    expect(mean(black.ground.colors)[0]).toBeLessThan(r / 4);
  });
});

describe('temperature', () => {
  it('puts taiga on the colder, higher ground and temperate forest below it', async () => {
    const { world } = await generateWorld(
      smallSpec({ size: SIZE, biomes: { 'temperate-forest': 1, taiga: 1 }, terrain: { relief: 0.8, maxHeight: 600 } }),
    );
    const { biomes, terrain } = world;
    const meanHeight = (b: number) => {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < biomes.dominant.length; i++) if (biomes.dominant[i] === b) (sum += terrain.heights[i]), count++;
      return sum / count;
    };
    expect(meanHeight(biomes.biomes.indexOf('taiga'))).toBeGreaterThan(meanHeight(biomes.biomes.indexOf('temperate-forest')));
  });
});

describe('biome shares', () => {
  it.each([1, 2, 3])('match unequal mix weights within 5 points (seed %i)', async (seed) => {
    const { world } = await generateWorld(
      smallSpec({ seed, size: SIZE, biomes: { grassland: 1, mountains: 2 / 3, desert: 1 / 3 }, terrain: { relief: 0.6 } }),
    );
    const shares = describeWorld(world).biomeShares;
    expect(Math.abs(shares.grassland - 3 / 6)).toBeLessThan(0.05);
    expect(Math.abs(shares.mountains - 2 / 6)).toBeLessThan(0.05);
    expect(Math.abs(shares.desert - 1 / 6)).toBeLessThan(0.05);
  });
});
