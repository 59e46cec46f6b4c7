/**
 * What a shot sounds like around it, as levels of the ambience beds: water from the distance to the
 * nearest water (rivers and lakes, the sea), birds from trees nearby and the biome (fewer at night
 * and in rain), insects on warm nights and in jungles and swamps, rain from the weather, wind from
 * the weather, the biome's openness and the camera's height above the ground.
 */
import type { Biome } from '../spec/world-spec-schema.ts';
import type { World } from '../world/world.ts';
import type { WorldQuery } from '../world/world-query.ts';
import type { Ambience, Vec3 } from './timeline.ts';

const BIRDS: Partial<Record<Biome, number>> = { 'temperate-forest': 1, jungle: 1, taiga: 0.7, savanna: 0.6, grassland: 0.6, swamp: 0.5, coast: 0.5, mountains: 0.3 };
const INSECTS: Partial<Record<Biome, number>> = { jungle: 0.8, swamp: 0.9, savanna: 0.6, grassland: 0.4, 'temperate-forest': 0.3 };
const OPEN: Partial<Record<Biome, number>> = { desert: 0.8, tundra: 0.8, mountains: 0.9, coast: 0.7, volcanic: 0.6, grassland: 0.5, savanna: 0.5, canyon: 0.6 };

export function shotAmbience(world: World, query: WorldQuery, listener: Vec3, subject: Vec3, hour: number): Ambience {
  const weather = world.spec.weather;
  const t = world.terrain;
  const index = (x: number, z: number) => {
    const i = Math.max(0, Math.min(t.nx - 1, Math.round((x + t.width / 2) / t.dx)));
    const j = Math.max(0, Math.min(t.nz - 1, Math.round((z + t.depth / 2) / t.dz)));
    return j * t.nx + i;
  };
  // Heard where the subject is, as the camera is usually near it; far aerial cameras hear less.
  const waterDistance = Math.min(world.water.distance[index(subject[0], subject[2])], world.water.distance[index(listener[0], listener[2])]);
  const water = world.water.frozen ? 0 : clamp01(1 - waterDistance / 80) * (world.water.rivers.length + world.water.lakes.length > 0 || world.water.seaLevel !== null ? 1 : 0);
  const biome = query.biomeAt(subject[0], subject[2]);
  const trees = query.objectsIn({ minX: subject[0] - 40, maxX: subject[0] + 40, minZ: subject[2] - 40, maxZ: subject[2] + 40 }).filter((o) => o.kind === 'tree').length;
  const night = hour < 5.5 || hour > 20;
  const dawn = hour >= 5 && hour < 9;
  const wet = weather.kind === 'rain' || weather.kind === 'storm';
  const rain = wet ? clamp01(0.35 + 0.65 * weather.intensity) : 0;
  const birds = night || wet || world.spec.time.season === 'winter' ? 0 : clamp01(((BIRDS[biome] ?? 0.15) * 0.6 + Math.min(1, trees / 40) * 0.5) * (dawn ? 1.3 : 1));
  const insects = night ? clamp01((INSECTS[biome] ?? 0.2) + (world.spec.time.season === 'summer' ? 0.3 : 0)) * (wet ? 0.3 : 1) : clamp01((INSECTS[biome] ?? 0) * 0.4);
  const altitude = Math.max(0, listener[1] - query.heightAt(listener[0], listener[2]));
  const windy = weather.kind === 'storm' ? 1 : weather.kind === 'sandstorm' ? 1 : weather.kind === 'snow' ? 0.6 : 0.2;
  const wind = clamp01(0.15 + 0.35 * (OPEN[biome] ?? 0.2) + 0.5 * windy * Math.max(0.4, weather.intensity) + Math.min(0.3, altitude / 300));
  return { wind: r(wind), water: r(water), birds: r(birds), rain: r(rain), insects: r(insects) };
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

function r(x: number): number {
  return Math.round(x * 1000) / 1000;
}
