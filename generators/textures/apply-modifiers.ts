/**
 * The words that change any family, applied to its drawn layers in a fixed order:
 *   colour     the main surface (the family's tint mask) takes the colour, keeping its light and
 *              dark; joints and mortar keep theirs (a painted surface takes it in its paint)
 *   lightness  dark / light
 *   weathered  "old", "weathered": colours fade and lose contrast, dirt gathers in hollows, edges
 *              wear light, the surface roughens and its relief softens
 *   cracked    cracks cut into the height: stretches of cellular borders at two scales, kept
 *              where a noise field allows, so they run and branch instead of tiling a net
 *   painted    a coat of paint (the colour word's, else a weathered green) chipped off at the
 *              high edges and in patches
 *   rusty      rust patches grow from hollows and noise, through any paint: orange-brown, rough,
 *              no longer metallic
 *   mossy      moss in hollows and shaded patches, a little raised
 *   wet        darker (bright surfaces less), more saturated, much smoother; very wet fills the
 *              hollows with puddles
 *   polished   smooth and glossy, the relief's fine grain softened
 * Strengths are 0..1 ("slightly" ≈ 0.35, plain ≈ 0.7, "very" = 1).
 */
import { hexToRgb, type Rgb } from '../biomes/color.ts';
import type { Rng } from '../seed/rng.ts';
import { cellularField } from './cellular-noise.ts';
import { blurWrapped, clamp01, smoothstep } from './field-ops.ts';
import type { MaterialLayers } from './material-layers.ts';
import type { MaterialRecipe } from './material-recipe.ts';
import { noiseField } from './periodic-noise.ts';

const PAINT_DEFAULT = '#4d6b52';
const MOSS: Rgb = [0.33, 0.43, 0.14];
const RUST: Rgb = [0.5, 0.23, 0.1];
const DIRT: Rgb = [0.28, 0.22, 0.15];

export function applyModifiers(layers: MaterialLayers, recipe: MaterialRecipe, rng: Rng): void {
  // A painted surface takes the colour in its paint, not underneath it.
  if (recipe.color && recipe.painted <= 0) applyColour(layers, hexToRgb(recipe.color.hex));
  if (recipe.lightness !== 0) applyLightness(layers, recipe.lightness);
  if (recipe.weathered > 0) applyWeathering(layers, recipe.weathered, rng.fork('weathered'));
  if (recipe.cracked > 0) applyCracks(layers, recipe.cracked, rng.fork('cracked'));
  if (recipe.painted > 0) applyPaint(layers, recipe.painted, hexToRgb(recipe.color?.hex ?? PAINT_DEFAULT), rng.fork('painted'));
  if (recipe.rusty > 0) applyRust(layers, recipe.rusty, rng.fork('rusty'));
  if (recipe.mossy > 0) applyMoss(layers, recipe.mossy, rng.fork('mossy'));
  if (recipe.wet > 0) applyWetness(layers, recipe.wet, rng.fork('wet'));
  if (recipe.polished > 0) applyPolish(layers, recipe.polished);
}

function applyColour(layers: MaterialLayers, target: Rgb): void {
  const { albedo, tintMask } = layers;
  const n = layers.size * layers.size;
  const mean = [0, 0, 0];
  let weight = 0;
  for (let i = 0; i < n; i++) {
    const w = tintMask ? tintMask[i] : 1;
    mean[0] += albedo[i * 3] * w;
    mean[1] += albedo[i * 3 + 1] * w;
    mean[2] += albedo[i * 3 + 2] * w;
    weight += w;
  }
  if (weight <= 0) return;
  const meanLuma = (0.2126 * mean[0] + 0.7152 * mean[1] + 0.0722 * mean[2]) / weight;
  const factor = mean.map((m, c) => target[c] / Math.max(1e-3, m / weight));
  for (let i = 0; i < n; i++) {
    const w = 0.92 * (tintMask ? tintMask[i] : 1);
    if (w <= 0) continue;
    const luma = 0.2126 * albedo[i * 3] + 0.7152 * albedo[i * 3 + 1] + 0.0722 * albedo[i * 3 + 2];
    // Keep the pixel's light and dark relative to the mean, in the new colour.
    const relative = luma / Math.max(1e-3, meanLuma);
    for (let c = 0; c < 3; c++) {
      const byChannel = albedo[i * 3 + c] * factor[c];
      const byLuma = target[c] * relative;
      const recoloured = 0.5 * byChannel + 0.5 * byLuma;
      albedo[i * 3 + c] = clamp01(albedo[i * 3 + c] + (recoloured - albedo[i * 3 + c]) * w);
    }
  }
}

function applyLightness(layers: MaterialLayers, lightness: number): void {
  const { albedo } = layers;
  for (let i = 0; i < albedo.length; i++) {
    albedo[i] = lightness < 0 ? albedo[i] * (1 + 0.55 * lightness) : albedo[i] + (1 - albedo[i]) * 0.45 * lightness;
  }
}

function applyWeathering(layers: MaterialLayers, amount: number, rng: Rng): void {
  const { size, albedo, height, roughness } = layers;
  const grime = noiseField(size, rng, { cells: 4, octaves: 4 });
  const soft = blurWrapped(height, size, Math.max(1, size / 256));
  const hollow = blurWrapped(height, size, Math.max(2, size / 48));
  for (let i = 0; i < height.length; i++) {
    const luma = 0.2126 * albedo[i * 3] + 0.7152 * albedo[i * 3 + 1] + 0.0722 * albedo[i * 3 + 2];
    const dirt = clamp01((hollow[i] - height[i]) * 6 + 0.35 * grime[i]) * amount;
    const wear = smoothstep(0.75, 1, height[i]) * amount * 0.4;
    for (let c = 0; c < 3; c++) {
      let v = albedo[i * 3 + c];
      v = v + (luma - v) * 0.4 * amount; // faded
      v = 0.5 * 0.85 + (v - 0.5 * 0.85) * (1 - 0.25 * amount); // less contrast
      v = v + (DIRT[c] - v) * dirt * 0.6;
      v = v + (1 - v) * wear * 0.5;
      albedo[i * 3 + c] = clamp01(v);
    }
    height[i] = height[i] + (soft[i] - height[i]) * 0.6 * amount - 0.04 * amount * Math.max(0, grime[i]);
    roughness[i] = clamp01(roughness[i] + 0.12 * amount);
  }
}

function applyCracks(layers: MaterialLayers, amount: number, rng: Rng): void {
  const { size, albedo, height, roughness } = layers;
  const coarse = cellularField(size, rng, { cells: 4 });
  const fine = cellularField(size, rng, { cells: 11 });
  const reach = noiseField(size, rng, { cells: 3, octaves: 3 });
  const branches = noiseField(size, rng, { cells: 6, octaves: 2 });
  const wobble = noiseField(size, rng, { cells: 24, octaves: 2 });
  const width = 0.012 + 0.018 * amount;
  // More of the network survives the stronger the word.
  const keepMain = 0.25 - 0.55 * amount;
  const keepBranch = 0.45 - 0.5 * amount;
  for (let i = 0; i < height.length; i++) {
    const border = coarse.f2[i] - coarse.f1[i] + 0.02 * wobble[i];
    const main = (1 - smoothstep(0, width, border)) * smoothstep(keepMain, keepMain + 0.15, reach[i]);
    const twig = fine.f2[i] - fine.f1[i] + 0.015 * wobble[i];
    const branch = (1 - smoothstep(0, width * 0.6, twig)) * smoothstep(keepBranch, keepBranch + 0.1, branches[i]) * smoothstep(keepMain - 0.1, keepMain + 0.2, reach[i]);
    const crack = Math.max(main, 0.7 * branch);
    if (crack <= 0) continue;
    height[i] = Math.max(0, height[i] - crack * 0.35);
    for (let c = 0; c < 3; c++) albedo[i * 3 + c] *= 1 - 0.55 * crack;
    roughness[i] = clamp01(roughness[i] + 0.1 * crack);
  }
}

function applyRust(layers: MaterialLayers, amount: number, rng: Rng): void {
  const { size, albedo, height, roughness, metallic } = layers;
  const patches = noiseField(size, rng, { cells: 4, octaves: 5, gain: 0.55 });
  const grain = noiseField(size, rng, { cells: 48, octaves: 2 });
  const hollow = blurWrapped(height, size, Math.max(2, size / 64));
  const threshold = 0.35 - 0.6 * amount;
  for (let i = 0; i < height.length; i++) {
    const r = smoothstep(threshold, threshold + 0.2, 1.6 * patches[i] + (hollow[i] - height[i]) * 4);
    if (r <= 0) continue;
    const shade = 0.8 + 0.35 * grain[i] + 0.15 * patches[i];
    for (let c = 0; c < 3; c++) albedo[i * 3 + c] += (RUST[c] * shade - albedo[i * 3 + c]) * r;
    roughness[i] += (0.88 - roughness[i]) * r;
    metallic[i] *= 1 - r;
    height[i] = clamp01(height[i] + 0.05 * r * (0.5 + grain[i]));
  }
}

function applyPaint(layers: MaterialLayers, amount: number, paint: Rgb, rng: Rng): void {
  const { size, albedo, height, roughness, metallic } = layers;
  const chips = noiseField(size, rng, { cells: 6, octaves: 5, gain: 0.6 });
  const brush = noiseField(size, rng, { cells: 2, cellsY: 64, octaves: 2 });
  const edges = blurWrapped(height, size, Math.max(1, size / 128));
  // Heavier wear ("slightly painted" is mostly worn away); high edges chip first.
  const keep = 0.25 + 0.75 * amount;
  for (let i = 0; i < height.length; i++) {
    const exposed = (height[i] - edges[i]) * 8 + (0.5 - 0.5 * chips[i]) - keep;
    const p = 1 - smoothstep(-0.05, 0.05, exposed);
    if (p <= 0) continue;
    const shade = 0.96 + 0.06 * brush[i];
    for (let c = 0; c < 3; c++) albedo[i * 3 + c] += (paint[c] * shade - albedo[i * 3 + c]) * p;
    roughness[i] += (0.5 - roughness[i]) * p;
    metallic[i] *= 1 - p;
    height[i] = clamp01(height[i] + 0.02 * p);
  }
}

function applyMoss(layers: MaterialLayers, amount: number, rng: Rng): void {
  const { size, albedo, height, roughness, metallic } = layers;
  const patches = noiseField(size, rng, { cells: 4, octaves: 4 });
  const tufts = noiseField(size, rng, { cells: 40, octaves: 3 });
  const hollow = blurWrapped(height, size, Math.max(2, size / 40));
  // Patches decide where moss grows; hollows (joints, cracks) catch it first, tops last.
  const threshold = 0.9 - 1.2 * amount;
  for (let i = 0; i < height.length; i++) {
    const m = smoothstep(threshold, threshold + 0.25, 1.8 * patches[i] + (hollow[i] - height[i]) * 2.5 + 0.15 * tufts[i]);
    if (m <= 0) continue;
    const shade = 0.75 + 0.3 * tufts[i];
    for (let c = 0; c < 3; c++) albedo[i * 3 + c] += (MOSS[c] * shade - albedo[i * 3 + c]) * m;
    roughness[i] += (0.95 - roughness[i]) * m;
    metallic[i] *= 1 - m;
    height[i] = clamp01(height[i] + m * (0.06 + 0.05 * tufts[i]));
  }
}

function applyWetness(layers: MaterialLayers, amount: number, rng: Rng): void {
  const { size, albedo, height, roughness } = layers;
  const lowest = blurWrapped(height, size, Math.max(2, size / 24));
  const spread = noiseField(size, rng, { cells: 3, octaves: 3 });
  for (let i = 0; i < height.length; i++) {
    const luma = 0.2126 * albedo[i * 3] + 0.7152 * albedo[i * 3 + 1] + 0.0722 * albedo[i * 3 + 2];
    // Water pools in the hollows first; very wet fills them into puddles.
    const puddle = amount > 0.6 ? smoothstep(0, 0.08, lowest[i] - height[i] - 0.02 + 0.04 * spread[i]) * (amount - 0.6) * 2.5 : 0;
    // Water darkens porous, dark surfaces most; bright snow and ice turn slushy grey only a little.
    const darken = 1 - (0.38 * amount + 0.1 * puddle) * (1 - 0.65 * luma);
    for (let c = 0; c < 3; c++) {
      const v = albedo[i * 3 + c];
      albedo[i * 3 + c] = clamp01((luma + (v - luma) * (1 + 0.25 * amount)) * darken);
    }
    roughness[i] = clamp01(roughness[i] * (1 - 0.55 * amount) * (1 - 0.9 * puddle) + 0.03);
  }
}

function applyPolish(layers: MaterialLayers, amount: number): void {
  const { size, height, roughness } = layers;
  const soft = blurWrapped(height, size, Math.max(1, size / 200));
  for (let i = 0; i < height.length; i++) {
    roughness[i] = clamp01(roughness[i] * (1 - 0.75 * amount) + 0.04);
    height[i] += (soft[i] - height[i]) * 0.7 * amount;
  }
}
