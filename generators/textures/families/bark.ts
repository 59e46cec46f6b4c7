/**
 * Bark: the trunk's skin, with the grain of the tree running down the image. Deep furrows are the
 * zero lines of a periodic noise stretched along y (few cells down, many across) taken ridged, so
 * they run long and wavy and now and then join and part, leaving the interlaced ridges of bark
 * between them; the ridges' rough plates are broken by short horizontal checks and split into
 * segments by the borders of a stretched cellular field. Plate tops weather grey, the furrows are
 * dark brown with a little reddish inner bark in the deepest. Every field is periodic with whole
 * cells across the tile, so the bark tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, enlargeColour, formSizes, resampleWrapped, sampleWrapped, smoothstep } from '../field-ops.ts';

const PLATE = [0.43, 0.37, 0.31] as const;
const WEATHERED = [0.53, 0.5, 0.46] as const;
const FURROW = [0.15, 0.1, 0.07] as const;
const INNER = [0.36, 0.2, 0.11] as const;

export const bark: MaterialFamily = {
  id: 'bark',
  phrases: ['bark', 'tree bark', 'trunk'],
  tileMetres: 1.5,
  normalStrength: 8,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const across = cellsFor(11, scale);
    const down = cellsFor(1.2, scale);
    // The form is composed at half size (a quarter of the pixels) and enlarged; fine fibres are
    // drawn at full size.
    const { half, small } = formSizes(size);
    const grain = noiseField(half, rng.fork('furrows'), { cells: across, cellsY: down, octaves: 2, gain: 0.3 });
    // Distance (pixels) to the grain noise's zero lines, |n| / |∇n|: furrows of an even width.
    const furrowDistance = new Float32Array(half * half);
    for (let y = 0, i = 0; y < half; y++) {
      const up = ((y + half - 1) % half) * half;
      const down = ((y + 1) % half) * half;
      for (let x = 0; x < half; x++, i++) {
        const left = y * half + ((x + half - 1) % half);
        const right = y * half + ((x + 1) % half);
        const gx = (grain[right] - grain[left]) / 2;
        const gy = (grain[down + x] - grain[up + x]) / 2;
        furrowDistance[i] = Math.abs(grain[i]) / Math.max(1e-6, Math.hypot(gx, gy));
      }
    }
    const plateTone = noiseField(small, rng.fork('plate-tone'), { cells: across, cellsY: cellsFor(4, scale), octaves: 2 });
    const rough = noiseField(half, rng.fork('rough'), { cells: across * 4, cellsY: down * 3, octaves: 3, gain: 0.6, ridged: true });
    const checks = noiseField(half, rng.fork('checks'), { cells: across, cellsY: cellsFor(48, scale), octaves: 2, ridged: true });
    const wobble = noiseField(small, rng.fork('wobble'), { cells: across, cellsY: down * 4, octaves: 3 });
    const weather = noiseField(small, rng.fork('weather'), { cells: 3, cellsY: 2, octaves: 3 });

    const n = half * half;
    const formH = new Float32Array(n);
    const formR = new Float32Array(n);
    const formG = new Float32Array(n);
    const formB = new Float32Array(n);
    const ks = small / half;
    const shift = (half / across) * 0.18;
    const furrowWidth = (half / across) * 0.2;
    for (let y = 0, i = 0; y < half; y++) {
      const sy = (y + 0.5) * ks - 0.5;
      for (let x = 0; x < half; x++, i++) {
        const sx = (x + 0.5) * ks - 0.5;
        const w = sampleWrapped(wobble, small, sx, sy);
        // Furrows: the ridged noise's crest lines, looked up wobbled sideways.
        const ro = rough[i];
        const dist = sampleWrapped(furrowDistance, half, x + w * shift, y) / furrowWidth;
        const furrow = 1 - smoothstep(0, 0.6 + 0.8 * ro, dist);
        const check = smoothstep(0.92, 0.99, checks[i]) * (1 - furrow) * smoothstep(0.2, 0.5, ro);
        const ridge = 1 - furrow;
        const top = Math.min(1, Math.pow(Math.min(dist, 1.5) / 1.5, 0.6));
        const h = 0.04 + 0.6 * top + 0.2 * (ro - 0.4) * ridge - 0.1 * check;
        formH[i] = h;
        const tone = 0.98 + 0.16 * sampleWrapped(plateTone, small, sx, sy);
        const grey = clamp01(smoothstep(0.5, 0.75, h) * (0.5 + 0.7 * sampleWrapped(weather, small, sx, sy)));
        let red = (PLATE[0] + (WEATHERED[0] - PLATE[0]) * grey) * tone * (0.9 + 0.15 * ro);
        let green = (PLATE[1] + (WEATHERED[1] - PLATE[1]) * grey) * tone * (0.9 + 0.15 * ro);
        let blue = (PLATE[2] + (WEATHERED[2] - PLATE[2]) * grey) * tone * (0.9 + 0.15 * ro);
        // Furrows dark, with reddish inner bark at the bottom of the deepest.
        const dark = clamp01(furrow * furrow * 1.1 + check * 0.3);
        const inner = smoothstep(0.8, 1, furrow) * smoothstep(0.3, 0.8, ro + 0.4) * 0.4;
        const fr = FURROW[0] + (INNER[0] - FURROW[0]) * inner;
        const fg = FURROW[1] + (INNER[1] - FURROW[1]) * inner;
        const fb = FURROW[2] + (INNER[2] - FURROW[2]) * inner;
        red += (fr - red) * dark;
        green += (fg - green) * dark;
        blue += (fb - blue) * dark;
        formR[i] = red;
        formG[i] = green;
        formB[i] = blue;
      }
    }
    const { height, albedo, roughness } = layers;
    resampleWrapped(formH, half, size, height);
    enlargeColour(formR, formG, formB, half, size, albedo);
    const fibres = noiseField(size, rng.fork('fibres'), { cells: cellsFor(64, scale), cellsY: cellsFor(8, scale), octaves: 2 });

    for (let i = 0; i < size * size; i++) {
      const f = fibres[i];
      const h = height[i];
      height[i] = clamp01(h + 0.04 * f);
      const s = 1 + 0.12 * f;
      albedo[i * 3] = clamp01(albedo[i * 3] * s);
      albedo[i * 3 + 1] = clamp01(albedo[i * 3 + 1] * s);
      albedo[i * 3 + 2] = clamp01(albedo[i * 3 + 2] * s);
      roughness[i] = clamp01(0.9 + 0.05 * f - 0.04 * h);
    }
    return layers;
  },
};

