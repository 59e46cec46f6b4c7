/**
 * Metal: bare brushed steel sheet. Fine streaks run across the image (noise with far more cells
 * down than across, so each cell is a long thin streak), over broad, faint bands of the brushing;
 * a few shallow dents press into the sheet and faint scratches cross it at random. Sometimes the
 * sheet is made of panels: recessed seams with a whole number of rivets along each edge. All of it
 * is metallic; roughness follows the brushing (0.3–0.5). Seams, dents and scratches are hollows
 * and rivet heads stand proud, so rust gathers and paint chips where it should. Noise is periodic,
 * stamps wrap and panels come in whole counts, so the sheet tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, forEachInDisc, forEachNearSegment, sampleWrapped, smoothstep } from '../field-ops.ts';

const STEEL = [0.66, 0.67, 0.69] as const;

export const metal: MaterialFamily = {
  id: 'metal',
  phrases: ['metal', 'steel', 'iron', 'sheet metal', 'metal plate', 'aluminium', 'aluminum'],
  tileMetres: 1.5,
  normalStrength: 8,
  metallic: true,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const n = size * size;
    const brush = noiseField(size, rng.fork('brush'), { cells: 2, cellsY: cellsFor(192, scale), octaves: 2, gain: 0.7 });
    const small = Math.min(size, 256);
    const bands = noiseField(small, rng.fork('bands'), { cells: 1, cellsY: cellsFor(12, scale), octaves: 3 });
    const cloud = noiseField(small, rng.fork('cloud'), { cells: 3, octaves: 3 });

    // Relief stamps: dents (smooth hollows) and scratches (fine grooves), with how each pixel's
    // colour and roughness are marked.
    const relief = new Float32Array(n);
    const mark = new Float32Array(n);
    const dents = rng.fork('dents');
    const dentCount = dents.int(2, 6);
    for (let d = 0; d < dentCount; d++) {
      const radius = size * dents.range(0.035, 0.09) * Math.min(2, scale);
      const depth = dents.range(0.12, 0.25);
      forEachInDisc(size, dents.range(0, size), dents.range(0, size), radius, (index, dx, dy) => {
        const t = 1 - (dx * dx + dy * dy) / (radius * radius);
        relief[index] -= depth * t * t;
      });
    }
    const scratches = rng.fork('scratches');
    const scratchCount = scratches.int(18, 36);
    const scratchWidth = Math.max(0.6, size * 0.0012);
    for (let s = 0; s < scratchCount; s++) {
      const length = size * scratches.range(0.04, 0.3);
      const angle = scratches.range(0, Math.PI);
      const x0 = scratches.range(0, size);
      const y0 = scratches.range(0, size);
      const strength = scratches.range(0.3, 1);
      forEachNearSegment(size, x0, y0, x0 + Math.cos(angle) * length, y0 + Math.sin(angle) * length, scratchWidth, (index, along, across) => {
        const fade = Math.min(1, along * 6, (1 - along) * 3);
        const v = (1 - Math.abs(across) / scratchWidth) * fade * strength;
        // Where scratches cross, the deeper one wins.
        if (v > mark[index]) {
          relief[index] -= 0.02 * (v - mark[index]);
          mark[index] = v;
        }
      });
    }

    // Panels, on about half the sheets: seams in whole counts, rivets in whole counts per edge.
    const panels = rng.fork('panels');
    const seam = new Float32Array(n);
    const rivet = new Float32Array(n);
    if (panels.chance(0.5)) {
      const across = cellsFor(panels.pick([1, 2]), scale);
      const down = cellsFor(panels.pick([1, 2]), scale);
      const panelW = size / across;
      const panelH = size / down;
      const phaseX = panelW * panels.range(0.3, 0.7);
      const phaseY = panelH * panels.range(0.3, 0.7);
      const seamW = Math.max(0.8, size * 0.0035);
      const bevel = size * 0.01;
      for (let y = 0, i = 0; y < size; y++) {
        let dy = (y + 0.5 - phaseY) % panelH;
        if (dy < 0) dy += panelH;
        const toRow = Math.min(dy, panelH - dy);
        for (let x = 0; x < size; x++, i++) {
          let dx = (x + 0.5 - phaseX) % panelW;
          if (dx < 0) dx += panelW;
          const toEdge = Math.min(toRow, dx, panelW - dx);
          seam[i] = (1 - smoothstep(seamW * 0.4, seamW, toEdge)) + 0.3 * (1 - smoothstep(seamW, bevel, toEdge));
        }
      }
      const rivetR = Math.max(1.2, size * 0.0095);
      const inset = rivetR * 2.6;
      const perEdgeX = cellsFor(panels.pick([6, 8]), scale);
      const perEdgeY = Math.max(1, Math.round((perEdgeX * panelH) / panelW));
      const stamp = (cx: number, cy: number): void =>
        forEachInDisc(size, cx, cy, rivetR * 1.35, (index, dx, dy) => {
          const r = Math.sqrt(dx * dx + dy * dy) / rivetR;
          rivet[index] = Math.max(rivet[index], r < 1 ? Math.sqrt(1 - r * r) : -0.25 * (1.35 - r) / 0.35);
        });
      for (let j = 0; j < down; j++) {
        for (let k = 0; k < across; k++) {
          const left = phaseX + k * panelW;
          const top = phaseY + j * panelH;
          // Rivets along each panel's top and left edges, both sides of the seam.
          for (let r = 0; r < perEdgeX; r++) {
            const x = left + ((r + 0.5) / perEdgeX) * panelW;
            stamp(x, top + inset);
            stamp(x, top - inset);
          }
          for (let r = 0; r < perEdgeY; r++) {
            const y = top + ((r + 0.5) / perEdgeY) * panelH;
            stamp(left + inset, y);
            stamp(left - inset, y);
          }
        }
      }
    }

    const { height, albedo, roughness, metallic } = layers;
    const ks = small / size;
    for (let y = 0, i = 0; y < size; y++) {
      const sy = (y + 0.5) * ks - 0.5;
      for (let x = 0; x < size; x++, i++) {
        const sx = (x + 0.5) * ks - 0.5;
        const b = brush[i];
        const band = sampleWrapped(bands, small, sx, sy);
        const c = sampleWrapped(cloud, small, sx, sy);
        const sm = seam[i];
        const rv = rivet[i];
        const mk = mark[i];
        const head = Math.max(0, rv);
        height[i] = clamp01(0.6 + 0.006 * b + 0.006 * band + relief[i] - 0.2 * Math.min(1, sm) + 0.16 * head + 0.05 * Math.min(0, rv));
        const shade = (1 + 0.05 * b + 0.04 * band + 0.04 * c) * (1 - 0.45 * Math.min(1, sm)) * (1 + 0.12 * mk) * (1 - 0.3 * Math.max(0, -rv)) * (1 + 0.06 * head);
        albedo[i * 3] = clamp01(STEEL[0] * shade);
        albedo[i * 3 + 1] = clamp01(STEEL[1] * shade);
        albedo[i * 3 + 2] = clamp01(STEEL[2] * shade);
        roughness[i] = clamp01(0.4 + 0.07 * b + 0.04 * band + 0.03 * c + 0.12 * Math.min(1, sm) - 0.1 * mk - 0.08 * head);
        metallic[i] = 1;
      }
    }
    return layers;
  },
};

