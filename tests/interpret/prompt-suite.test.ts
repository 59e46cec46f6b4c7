/**
 * The public prompt suite (/work/shared/prompts/worlds.txt): each prompt must give a spec a
 * designer recognises. The prompts are copied here so the suite runs without the shared folder;
 * when it is there, the copy is checked against it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { WorldSpec } from '../../generators/spec/index.ts';
import { dominantBiome, luminance, read, rgb, level } from './read-prompt.ts';

const SHARED_PROMPTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/prompts/worlds.txt');

/**
 * Words of the suite the interpreter knows it cannot use, with the reason. Everything else must
 * be understood (the list is empty today: each word below is matched, with a note, instead).
 * - "shallow" (pools): WorldSpec has no water depth — matched with a note.
 * - "smoking" (crater): WorldSpec cannot show an active volcano — matched with a note.
 * - "rice" (hills): WorldSpec has no crops — read as grassland, with a note.
 */
const ALLOWED_UNUSED: Record<string, string> = {};

interface SuiteCase {
  prompt: string;
  check: (s: WorldSpec) => void;
}

const near = (value: number, target: number, tolerance = 0.06) => expect(Math.abs(value - target)).toBeLessThanOrEqual(tolerance);

const SUITE: SuiteCase[] = [
  {
    prompt: 'a misty pine valley with a river and a ruined watchtower at dawn',
    check: (s) => {
      expect(dominantBiome(s)).toBe('taiga');
      expect(s.terrain.landform).toBe('valley');
      expect(s.water.rivers).toBeGreaterThanOrEqual(1);
      expect(s.structures).toMatchObject([{ type: 'tower', condition: 'ruined' }]);
      expect(s.time.hour).toBe(6);
      near(s.weather.fog, 0.35);
      expect(s.vegetation.treeKinds).toContain('conifer');
    },
  },
  {
    prompt: 'dense temperate forest on rolling hills with a lake, a stone bridge and a ruined tower',
    check: (s) => {
      expect(dominantBiome(s)).toBe('temperate-forest');
      expect(s.vegetation.trees).toBeGreaterThan(0.85);
      expect(s.terrain.relief).toBeGreaterThan(0.25);
      expect(s.terrain.relief).toBeLessThan(0.45);
      expect(s.water.lakes).toBeGreaterThanOrEqual(1);
      expect(s.water.rivers).toBeGreaterThanOrEqual(1);
      expect(s.structures).toMatchObject([
        { type: 'bridge', material: 'stone', placement: 'water-crossing' },
        { type: 'tower', condition: 'ruined' },
      ]);
    },
  },
  {
    prompt: 'a volcanic island with black sand beaches and a smoking crater at dusk',
    check: (s) => {
      expect(dominantBiome(s)).toBe('volcanic');
      expect(s.biomes.coast).toBeGreaterThan(0);
      expect(s.terrain.landform).toBe('island');
      near(s.water.sea, 0.5);
      expect(s.terrain.features).toContain('volcano');
      expect(luminance(s.palette.colors.sand)).toBeLessThan(0.15);
      near(s.time.hour, 19, 0.5);
    },
  },
  {
    prompt: 'endless golden savanna with scattered acacia trees under a storm',
    check: (s) => {
      expect(dominantBiome(s)).toBe('savanna');
      expect(s.size.width).toBe(2048);
      expect(s.size.cellSize).toBe(2);
      const grass = rgb(s.palette.colors.grass);
      expect(grass.r).toBeGreaterThan(grass.b + 80);
      expect(s.vegetation.trees).toBeLessThan(0.25);
      expect(s.vegetation.treeKinds).toEqual(['acacia']);
      expect(s.weather.kind).toBe('storm');
    },
  },
  {
    prompt: 'a swamp of twisted trees and shallow pools in thick fog',
    check: (s) => {
      expect(dominantBiome(s)).toBe('swamp');
      expect(s.vegetation.treeKinds).toContain('twisted');
      expect(s.water.lakes).toBeGreaterThanOrEqual(2);
      expect(s.weather.fog).toBeGreaterThanOrEqual(0.8);
      expect(s.terrain.relief).toBeLessThan(0.15);
    },
  },
  {
    prompt: 'snowy mountain pass with a frozen lake and a small wooden village',
    check: (s) => {
      expect(dominantBiome(s)).toBe('mountains');
      expect(s.terrain.landform).toBe('valley');
      expect(s.weather.kind).toBe('snow');
      expect(s.time.season).toBe('winter');
      expect(s.water.frozen).toBe(true);
      expect(s.water.lakes).toBe(1);
      expect(s.structures).toMatchObject([{ type: 'village', material: 'wood' }]);
      expect(s.size.width).toBe(512); // "small" describes the village, not the world
    },
  },
  {
    prompt: 'red sandstone mesas and a dry canyon at noon, no vegetation',
    check: (s) => {
      expect(dominantBiome(s)).toBe('canyon');
      expect(s.terrain.landform).toBe('canyon');
      expect(s.terrain.features).toContain('mesas');
      const rock = rgb(s.palette.colors.rock);
      expect(rock.r).toBeGreaterThan(rock.g + 50);
      expect(s.water.rivers).toBe(0);
      expect([s.vegetation.trees, s.vegetation.shrubs, s.vegetation.grass]).toEqual([0, 0, 0]);
      expect(s.time.hour).toBe(12);
    },
  },
  {
    prompt: 'a tropical jungle river winding between steep green cliffs with a hidden temple',
    check: (s) => {
      expect(dominantBiome(s)).toBe('jungle');
      expect(s.water.rivers).toBeGreaterThanOrEqual(1);
      expect(s.water.meander).toBeGreaterThanOrEqual(0.8);
      expect(s.terrain.cliffs).toBeGreaterThanOrEqual(0.6);
      const rock = rgb(s.palette.colors.rock);
      expect(rock.g).toBeGreaterThan(rock.r);
      expect(s.structures).toMatchObject([{ type: 'temple', placement: 'hidden' }]);
    },
  },
  {
    prompt: 'gentle grassland meadow with wildflowers, a farmhouse and a winding path, clear sky',
    check: (s) => {
      expect(dominantBiome(s)).toBe('grassland');
      expect(s.terrain.relief).toBeLessThan(0.35);
      expect(s.vegetation.flowers).toBeGreaterThanOrEqual(0.4);
      expect(s.structures).toMatchObject([{ type: 'farmhouse' }]);
      expect(s.gameplay.paths).toBe(true);
      expect(s.weather.kind).toBe('clear');
      expect(s.water.meander).toBe(0.5); // "winding" describes the path; WorldSpec shapes only rivers
    },
  },
  {
    prompt: 'rugged highland moor with standing stones in light rain',
    check: (s) => {
      expect(dominantBiome(s)).toBe('grassland');
      expect(s.biomes.mountains).toBeGreaterThan(0);
      expect(s.terrain.roughness).toBeGreaterThanOrEqual(0.7);
      expect(s.structures).toMatchObject([{ type: 'standing-stones' }]);
      expect(s.weather.kind).toBe('rain');
      expect(s.weather.intensity).toBeLessThanOrEqual(0.3);
    },
  },
  {
    prompt: 'a coastal archipelago of small rocky islands with a lighthouse at sunset',
    check: (s) => {
      expect(dominantBiome(s)).toBe('coast');
      expect(s.terrain.landform).toBe('archipelago');
      near(s.water.sea, 0.65);
      expect(s.rocks.density).toBeGreaterThanOrEqual(0.6);
      expect(s.structures).toMatchObject([{ type: 'lighthouse', placement: 'coast' }]);
      expect(s.time.hour).toBe(18.5);
      expect(s.size.width).toBe(512);
    },
  },
  {
    prompt: 'dark birch forest at night with a full moon and a ruined chapel',
    check: (s) => {
      expect(dominantBiome(s)).toBe('temperate-forest');
      expect(s.vegetation.treeKinds).toEqual(['birch']);
      expect(s.palette.mood).toBe('gloomy');
      expect(s.time.hour).toBe(23);
      expect(s.time.moon).toBe(1);
      expect(s.structures).toMatchObject([{ type: 'chapel', condition: 'ruined' }]);
    },
  },
  {
    prompt: 'flat salt desert with a lone tower and distant mountains',
    check: (s) => {
      expect(dominantBiome(s)).toBe('desert');
      expect(s.terrain.landform).toBe('basin');
      expect(s.terrain.relief).toBeLessThan(0.15);
      expect(s.terrain.features).not.toContain('dunes');
      expect(luminance(s.palette.colors.sand)).toBeGreaterThan(0.85);
      expect(s.structures).toMatchObject([{ type: 'tower', count: 1 }]);
    },
  },
  {
    prompt: 'terraced rice hills with a village and a river, early morning mist',
    check: (s) => {
      expect(s.terrain.features).toContain('terraces');
      expect(s.terrain.relief).toBeGreaterThanOrEqual(0.4);
      expect(s.structures).toMatchObject([{ type: 'village' }]);
      expect(s.water.rivers).toBeGreaterThanOrEqual(1);
      expect(s.time.hour).toBe(7.5);
      near(s.weather.fog, 0.35);
    },
  },
  {
    prompt: 'a very sparse tundra plain with few dead trees under heavy snowfall',
    check: (s) => {
      expect(dominantBiome(s)).toBe('tundra');
      expect(s.terrain.landform).toBe('plain');
      expect(level(s.vegetation.trees)).toBeLessThan(level(read('a sparse tundra plain with few dead trees under heavy snowfall').spec.vegetation.trees));
      expect(s.vegetation.trees).toBeGreaterThan(0);
      expect(s.vegetation.dead).toBeGreaterThanOrEqual(0.7);
      expect(s.weather.kind).toBe('snow');
      expect(s.weather.intensity).toBeGreaterThanOrEqual(0.8);
    },
  },
  {
    prompt: 'a deep gorge with a waterfall, a rope bridge and dense ferns',
    check: (s) => {
      expect(dominantBiome(s)).toBe('canyon');
      expect(s.terrain.landform).toBe('canyon');
      expect(s.terrain.cliffs).toBeGreaterThan(0.8);
      expect(s.water.waterfalls).toBe(1);
      expect(s.water.rivers).toBeGreaterThanOrEqual(1);
      expect(s.structures).toMatchObject([{ type: 'bridge', material: 'rope', placement: 'water-crossing' }]);
      expect(s.vegetation.shrubs).toBeGreaterThan(0.75);
    },
  },
  {
    prompt: 'autumn maple forest around a calm lake with a wooden pier',
    check: (s) => {
      expect(dominantBiome(s)).toBe('temperate-forest');
      expect(s.time.season).toBe('autumn');
      expect(s.vegetation.treeKinds).toEqual(['maple']);
      expect(s.palette.mood).toBe('serene');
      expect(s.water.lakes).toBe(1);
      expect(s.structures).toMatchObject([{ type: 'pier', material: 'wood', placement: 'lake' }]);
    },
  },
  {
    prompt: 'rolling dunes, an oasis with palm trees and a ruined fortress',
    check: (s) => {
      expect(dominantBiome(s)).toBe('desert');
      expect(s.terrain.features).toContain('dunes');
      expect(s.water.lakes).toBeGreaterThanOrEqual(1);
      expect(s.vegetation.treeKinds).toEqual(['palm']);
      expect(s.gameplay.pointsOfInterest).toMatchObject([{ kind: 'oasis' }]);
      expect(s.structures).toMatchObject([{ type: 'fortress', condition: 'ruined' }]);
    },
  },
  {
    prompt: 'alpine meadow below jagged peaks, a castle on a ridge',
    check: (s) => {
      expect(s.biomes.mountains).toBeGreaterThan(0);
      expect(s.biomes.grassland).toBeGreaterThan(0);
      expect(s.terrain.ridges).toBeGreaterThanOrEqual(0.8);
      expect(s.terrain.relief).toBeGreaterThanOrEqual(0.6);
      expect(s.structures).toMatchObject([{ type: 'castle', placement: 'ridge' }]);
    },
  },
  {
    prompt: 'a burnt forest of dead trees on grey hills, no water, overcast',
    check: (s) => {
      expect(dominantBiome(s)).toBe('temperate-forest');
      expect(s.palette.mood).toBe('burnt');
      expect(s.vegetation.dead).toBeGreaterThanOrEqual(0.7);
      expect(s.palette.colors.rock).toBe('#808080');
      expect([s.water.sea, s.water.rivers, s.water.lakes, s.water.waterfalls]).toEqual([0, 0, 0, 0]);
      expect(s.weather.kind).toBe('overcast');
    },
  },
];

describe('the public prompt suite', () => {
  it.each(SUITE.map((c) => [c.prompt, c] as const))('%s', (_prompt, c) => {
    const { spec, explanation } = read(c.prompt);
    c.check(spec);
    const unexplained = explanation.unused.filter((u) => !(u.word in ALLOWED_UNUSED));
    expect(unexplained).toEqual([]);
  });

  it.runIf(existsSync(SHARED_PROMPTS))('covers every prompt of the shared suite', () => {
    const shared = readFileSync(SHARED_PROMPTS, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(SUITE.map((c) => c.prompt)).toEqual(shared);
  });
});
