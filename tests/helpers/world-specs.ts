/** Small specs and a fast-check arbitrary over valid specs, sized so a world takes well under a second. */
import fc from 'fast-check';
import {
  BIOMES,
  LANDFORMS,
  parseWorldSpec,
  SEASONS,
  TERRAIN_FEATURES,
  WEATHER_KINDS,
  type WorldSpec,
  type WorldSpecInput,
} from '../../generators/spec/index.ts';

export function smallSpec(overrides: Partial<WorldSpecInput> & { seed?: number } = {}): WorldSpec {
  return parseWorldSpec({ seed: 42, size: { width: 192, depth: 160, cellSize: 2 }, ...overrides } as WorldSpecInput);
}

export const arbitraryWorldSpec: fc.Arbitrary<WorldSpec> = fc
  .record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    width: fc.integer({ min: 48, max: 256 }),
    depth: fc.integer({ min: 48, max: 256 }),
    cellSize: fc.constantFrom(1.5, 2, 3, 4),
    landform: fc.constantFrom(...LANDFORMS),
    features: fc.subarray([...TERRAIN_FEATURES]),
    maxHeight: fc.integer({ min: 5, max: 600 }),
    relief: fc.double({ min: 0, max: 1, noNaN: true }),
    roughness: fc.double({ min: 0, max: 1, noNaN: true }),
    ridges: fc.double({ min: 0, max: 1, noNaN: true }),
    plateaus: fc.double({ min: 0, max: 1, noNaN: true }),
    cliffs: fc.double({ min: 0, max: 1, noNaN: true }),
    erosion: fc.double({ min: 0, max: 1, noNaN: true }),
    sea: fc.double({ min: 0, max: 0.9, noNaN: true }),
    rivers: fc.integer({ min: 0, max: 3 }),
    lakes: fc.integer({ min: 0, max: 4 }),
    frozen: fc.boolean(),
    biomes: fc.uniqueArray(fc.constantFrom(...BIOMES), { minLength: 1, maxLength: 4 }),
    hour: fc.double({ min: 0, max: 24, noNaN: true }),
    season: fc.constantFrom(...SEASONS),
    weather: fc.constantFrom(...WEATHER_KINDS),
  })
  .map((r) =>
    parseWorldSpec({
      seed: r.seed,
      size: { width: r.width, depth: r.depth, cellSize: r.cellSize },
      terrain: {
        landform: r.landform,
        features: r.features,
        maxHeight: r.maxHeight,
        relief: r.relief,
        roughness: r.roughness,
        ridges: r.ridges,
        plateaus: r.plateaus,
        cliffs: r.cliffs,
        erosion: r.erosion,
      },
      water: { sea: r.sea, rivers: r.rivers, lakes: r.lakes, waterfalls: r.rivers > 0 ? 1 : 0, frozen: r.frozen },
      biomes: Object.fromEntries(r.biomes.map((b, i) => [b, 1 / (i + 1)])),
      time: { hour: r.hour, season: r.season },
      weather: { kind: r.weather },
    }),
  );
