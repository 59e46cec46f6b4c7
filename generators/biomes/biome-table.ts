/**
 * What each biome is like: where it prefers to be (its affinity to height, slope, moisture and
 * water), its ground colours, rock and sand, how rough its ground is, and how cold it is (which
 * sets its snow line). Colours are sRGB hex, as a designer would pick them.
 */
import type { Biome, PaletteTarget } from '../spec/world-spec-schema.ts';

export interface SiteConditions {
  /** Height above the sea (or the lowest ground) as a share of the usable height, 0..1. */
  elevation: number;
  /** Rise over run. */
  slope: number;
  /** 0 dry .. 1 wet. */
  moisture: number;
  /** 0 freezing .. 1 hot: colder with real height and in winter, varying across the map. */
  temperature: number;
  /** 1 at the water's edge, falling to 0 about 60 m away. */
  nearWater: number;
  /** 1 on a low sea shore, 0 inland. */
  coastal: number;
  /** 1 near a volcano's vent, 0 far from it. */
  nearVent: number;
}

/** Natural cover, 0 none .. 1 as dense as it grows: what "auto" means in a spec. */
export interface NaturalCover {
  trees: number;
  shrubs: number;
  grass: number;
  flowers: number;
  rocks: number;
}

export interface BiomeLook {
  /** Ground colour low and high on the biome's range. */
  ground: readonly [string, string];
  /** Which palette override recolours this ground. */
  groundTarget: PaletteTarget;
  rock: string;
  sand: string;
  /** glTF roughness of the ground. */
  roughness: number;
  /** 0 hot .. 1 cold: lowers the snow line. */
  cold: number;
  /** How the biome scores a site (added to the log of its mix weight). */
  affinity: (s: SiteConditions) => number;
  cover: NaturalCover;
}

const cover = (trees: number, shrubs: number, grass: number, flowers: number, rocks: number): NaturalCover => ({
  trees,
  shrubs,
  grass,
  flowers,
  rocks,
});

export const BIOME_TABLE: Record<Biome, BiomeLook> = {
  'temperate-forest': {
    ground: ['#4d6b2c', '#5e6f3a'],
    groundTarget: 'grass',
    rock: '#7d7a72',
    sand: '#c9b98f',
    roughness: 0.9,
    cold: 0.35,
    affinity: (s) => 0.6 * s.moisture - 1.2 * Math.max(0, s.elevation - 0.7),
    cover: cover(0.7, 0.5, 0.45, 0.12, 0.3),
  },
  taiga: {
    ground: ['#3f5530', '#56603f'],
    groundTarget: 'grass',
    rock: '#6f706d',
    sand: '#b7ab8c',
    roughness: 0.9,
    cold: 0.5,
    affinity: (s) => 0.8 * (s.elevation - 0.3) + 1.2 * (0.45 - s.temperature),
    cover: cover(0.7, 0.35, 0.3, 0.05, 0.45),
  },
  jungle: {
    ground: ['#2f6a1f', '#3f7a2a'],
    groundTarget: 'grass',
    rock: '#5f6656',
    sand: '#d9c9a0',
    roughness: 0.85,
    cold: 0,
    affinity: (s) => 1.0 * (s.moisture - 0.5) - 1.0 * Math.max(0, s.elevation - 0.6) + 1.2 * (s.temperature - 0.6),
    cover: cover(0.9, 0.8, 0.5, 0.2, 0.25),
  },
  desert: {
    ground: ['#d8b77a', '#cfa66a'],
    groundTarget: 'sand',
    rock: '#a8805a',
    sand: '#dcc089',
    roughness: 0.95,
    cold: 0,
    affinity: (s) => -1.2 * (s.moisture - 0.4) + 0.8 * (s.temperature - 0.5),
    cover: cover(0.05, 0.1, 0.1, 0.02, 0.3),
  },
  savanna: {
    ground: ['#b39a4e', '#a08a48'],
    groundTarget: 'grass',
    rock: '#8c7356',
    sand: '#d2b98a',
    roughness: 0.95,
    cold: 0.05,
    affinity: (s) => -0.5 * (s.moisture - 0.4) - 1.0 * s.slope + 0.8 * (s.temperature - 0.5),
    cover: cover(0.15, 0.3, 0.85, 0.1, 0.2),
  },
  tundra: {
    ground: ['#8a8f74', '#a7a89a'],
    groundTarget: 'grass',
    rock: '#75736f',
    sand: '#a9a392',
    roughness: 0.9,
    cold: 0.9,
    affinity: (s) => 0.8 * (s.elevation - 0.4) + 1.6 * (0.4 - s.temperature),
    cover: cover(0.08, 0.2, 0.3, 0.05, 0.45),
  },
  swamp: {
    ground: ['#454a26', '#56592f'],
    groundTarget: 'soil',
    rock: '#5c5a4d',
    sand: '#6b6445',
    roughness: 0.55,
    cold: 0.2,
    affinity: (s) => 2.5 * s.nearWater - 3 * s.slope - 2 * Math.max(0, s.elevation - 0.25),
    cover: cover(0.45, 0.6, 0.6, 0.05, 0.1),
  },
  mountains: {
    ground: ['#6d7350', '#8b8a80'],
    groundTarget: 'grass',
    rock: '#7b7a78',
    sand: '#aaa08a',
    roughness: 0.85,
    cold: 0.65,
    affinity: (s) => 3.0 * (s.elevation - 0.45) + 1.5 * s.slope,
    cover: cover(0.3, 0.3, 0.4, 0.05, 0.6),
  },
  canyon: {
    ground: ['#b8744a', '#c58a5a'],
    groundTarget: 'rock',
    rock: '#a4532f',
    sand: '#d29a6a',
    roughness: 0.9,
    cold: 0.05,
    affinity: (s) => 1.0 * s.slope + 0.5 * (s.elevation - 0.3),
    cover: cover(0.08, 0.15, 0.1, 0.02, 0.55),
  },
  coast: {
    ground: ['#7c8c4a', '#6c7c45'],
    groundTarget: 'grass',
    rock: '#7f7c75',
    sand: '#e0cfa0',
    roughness: 0.9,
    cold: 0.25,
    affinity: (s) => 3.0 * s.coastal - 1.0 * (s.elevation - 0.15),
    cover: cover(0.3, 0.35, 0.5, 0.1, 0.35),
  },
  volcanic: {
    ground: ['#3b3634', '#4a4440'],
    groundTarget: 'soil',
    rock: '#2a2726',
    sand: '#2e2b2a',
    roughness: 0.8,
    cold: 0.2,
    affinity: (s) => 2.0 * (s.elevation - 0.3) + 2.5 * s.nearVent,
    cover: cover(0.1, 0.15, 0.15, 0.02, 0.8),
  },
  grassland: {
    ground: ['#6e9a3a', '#7f9c45'],
    groundTarget: 'grass',
    rock: '#85817a',
    sand: '#cdbb8c',
    roughness: 0.92,
    cold: 0.3,
    affinity: (s) => -1.5 * s.slope - 0.5 * (s.elevation - 0.3) + 0.3,
    cover: cover(0.1, 0.25, 0.85, 0.4, 0.2),
  },
};

export const SNOW_COLOR = '#eef2f6';
export const MUD_COLOR = '#5a4a36';
