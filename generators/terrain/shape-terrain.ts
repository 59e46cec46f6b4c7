/**
 * The terrain before erosion: landform + layered noise + features, in metres.
 *
 * Layers, per sample:
 *  1. domain warp: the sample point is pushed by two low-octave fBm fields (`warp`);
 *  2. hills: fBm, with persistence from `roughness`; crests: ridged multifractal, mixed in by `ridges`;
 *  3. the landform sets a base elevation and how much of that relief to add (`relief`);
 *  4. terracing (`plateaus`, `cliffs`) and features (volcano, dunes). Mesas and terraces are
 *     stamped after erosion (see stamp-features.ts) so they keep flat tops and crisp risers.
 *
 * Hill wavelength grows with the world (0.45 × the shorter side, 100–1000 m) so any world shows
 * a handful of hills across; octaves continue down to about two cells.
 */
import { gridSamples } from '../spec/world-spec-rules.ts';
import type { WorldSpec } from '../spec/world-spec-schema.ts';
import type { Rng } from '../seed/rng.ts';
import { clamp, createGradientNoise, fbm, lerp, ridged, smoothstep } from './gradient-noise.ts';
import { createHeightfield, type Heightfield } from './heightfield.ts';
import { quantile } from './quantile.ts';
import { landformAxis, sampleLandform, type LandformParams } from './landforms.ts';
import { duneProfile, smoothMax, terrace, volcanoHeight } from './terrain-features.ts';

export interface ShapeTerrainResult {
  field: Heightfield;
  /** Where the volcano's vent is, if the spec asked for one (world metres). */
  vent?: { x: number; z: number };
  /** A valley's or canyon's floor line from its high end to its low end (world metres). */
  axis?: Array<{ x: number; z: number }>;
}

export function shapeTerrain(spec: Pick<WorldSpec, 'size' | 'terrain'>, rng: Rng): ShapeTerrainResult {
  const { nx, nz } = gridSamples(spec);
  const field = createHeightfield(nx, nz, spec.size.width, spec.size.depth);
  const t = spec.terrain;
  const features = new Set(t.features);

  const baseNoise = createGradientNoise(rng.fork('hills'));
  const ridgeNoise = createGradientNoise(rng.fork('ridges'));
  const warpNoiseX = createGradientNoise(rng.fork('warp-x'));
  const warpNoiseZ = createGradientNoise(rng.fork('warp-z'));
  const shapeNoise = createGradientNoise(rng.fork('landform'));
  const featureNoise = createGradientNoise(rng.fork('features'));

  const shorter = Math.min(field.width, field.depth);
  const half = shorter / 2;
  const wavelength = hillWavelength(field);
  const cell = Math.min(field.dx, field.dz);
  const octaves = clamp(Math.ceil(Math.log2(wavelength / (2 * cell))), 3, 10);
  // Persistence below 0.5 so slopes come mostly from the hills, not from the finest octaves.
  const gain = 0.3 + 0.2 * t.roughness;
  const warpAmount = 0.55 * t.warp;

  const layout = rng.fork('layout');
  const landform: LandformParams = {
    landform: t.landform,
    cliffs: t.cliffs,
    angle: layout.pick([0, Math.PI / 2, Math.PI, -Math.PI / 2]) + layout.range(-0.35, 0.35),
    phase: layout.range(0, Math.PI * 2),
    centreX: layout.range(-0.08, 0.08),
    centreZ: layout.range(-0.08, 0.08),
  };
  const duneAngle = layout.range(0, Math.PI);
  const duneWavelength = layout.range(55, 80);
  const duneAmplitude = Math.min(14, 0.2 * t.maxHeight) / t.maxHeight;
  const plateauStep = 1 / (3 + Math.round(3 * (1 - t.plateaus)));
  const volcano = features.has('volcano')
    ? {
        x: landform.centreX * 0.5,
        z: landform.centreZ * 0.5,
        params: { radius: t.landform === 'island' ? 0.75 : 0.9, height: 0.92 },
      }
    : undefined;

  const lowFrequency = t.landform === 'archipelago' ? 2.4 : 1.1;
  const cliffBands = ['valley', 'canyon', 'basin', 'plateau'].includes(t.landform) ? 0.4 : 1;
  const heights = field.heights;
  const count = nx * nz;
  // Pass 1: the noise relief, then its spread measured so `relief` maps onto real heights
  // (fBm alone rarely strays far from 0, which would leave hills a fifth of the height asked for).
  const detailField = new Float32Array(count);
  const warpedX = new Float32Array(count);
  const warpedZ = new Float32Array(count);
  for (let iz = 0; iz < nz; iz++) {
    const z = -field.depth / 2 + iz * field.dz;
    for (let ix = 0; ix < nx; ix++) {
      const x = -field.width / 2 + ix * field.dx;
      let qx = x / wavelength;
      let qz = z / wavelength;
      if (warpAmount > 0) {
        const wx = fbm(warpNoiseX, qx * 0.7, qz * 0.7, { octaves: 4, gain: 0.5 });
        const wz = fbm(warpNoiseZ, qx * 0.7 + 5.2, qz * 0.7 + 1.3, { octaves: 4, gain: 0.5 });
        qx += warpAmount * wx;
        qz += warpAmount * wz;
      }
      const hills = 0.5 + 0.5 * fbm(baseNoise, qx, qz, { octaves, gain });
      const crest = t.ridges > 0 ? ridged(ridgeNoise, qx * 0.9 + 3.1, qz * 0.9 - 7.7, { octaves, gain: gain + 0.05 }) : 0;
      const i = iz * nx + ix;
      detailField[i] = lerp(hills, crest, t.ridges);
      warpedX[i] = qx;
      warpedZ[i] = qz;
    }
  }
  const detailLow = quantile(detailField, 0.01, 40_000);
  const detailHigh = quantile(detailField, 0.99, 40_000);
  const detailSpan = Math.max(1e-6, detailHigh - detailLow);

  const lowNoiseAt = (u: number, v: number) => fbm(shapeNoise, u * lowFrequency, v * lowFrequency, { octaves: 3, gain: 0.5 });

  // Pass 2: landform, terracing and features.
  for (let iz = 0; iz < nz; iz++) {
    const z = -field.depth / 2 + iz * field.dz;
    for (let ix = 0; ix < nx; ix++) {
      const x = -field.width / 2 + ix * field.dx;
      const i = iz * nx + ix;
      const u = x / half;
      const v = z / half;
      const qx = warpedX[i];
      const qz = warpedZ[i];
      const detail = clamp((detailField[i] - detailLow) / detailSpan, 0, 1.15);

      const shape = sampleLandform(landform, u, v, lowNoiseAt(u, v));
      let h = shape.base + shape.amplitude * t.relief * detail;

      if (t.plateaus > 0) h = lerp(h, terrace(h, plateauStep, 0.5 + 0.5 * t.cliffs), t.plateaus);
      // Cliffs without plateaus: a few sharp escarpment bands. Walled landforms (valley, canyon,
      // basin, plateau) already steepen their walls by `cliffs`, so they get fainter bands.
      else if (t.cliffs > 0) h = lerp(h, terrace(h, 0.18, 0.95), 0.45 * t.cliffs * cliffBands);

      if (volcano) {
        const r = Math.hypot(u - volcano.x, v - volcano.z);
        const angle = Math.atan2(v - volcano.z, u - volcano.x);
        const gully = ridged(featureNoise, Math.cos(angle) * 6 + r * 2, Math.sin(angle) * 6 - r * 2, { octaves: 3, gain: 0.5 });
        h = smoothMax(h, volcanoHeight(r, gully, volcano.params), 0.06);
      }
      if (features.has('dunes')) {
        const along = (x * Math.cos(duneAngle) + z * Math.sin(duneAngle)) / duneWavelength;
        const bend = 0.6 * fbm(featureNoise, qx * 2 + 40, qz * 2 + 40, { octaves: 2, gain: 0.5 });
        const size = 0.6 + 0.4 * (0.5 + 0.5 * fbm(featureNoise, qx * 3 - 20, qz * 3, { octaves: 2, gain: 0.5 }));
        h += duneAmplitude * size * duneProfile(along + bend);
      }

      // Soft ceiling: peaks approach maxHeight without a flat cut.
      if (h > 0.85) h = 0.85 + 0.15 * Math.tanh((h - 0.85) / 0.15);
      heights[i] = clamp(h, 0, 1) * t.maxHeight;
    }
  }
  const axis = landformAxis(landform, lowNoiseAt, { halfU: field.width / 2 / half, halfV: field.depth / 2 / half });
  return {
    field,
    vent: volcano ? { x: volcano.x * half, z: volcano.z * half } : undefined,
    axis: axis?.map((p) => ({ x: p.u * half, z: p.v * half })),
  };
}

/** Wavelength of the largest hills, metres: 0.45 × the shorter side, within 100–1000 m. */
export function hillWavelength(size: { width: number; depth: number }): number {
  return clamp(0.45 * Math.min(size.width, size.depth), 100, 1000);
}
