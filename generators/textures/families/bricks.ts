/**
 * Bricks: courses in running bond (each course offset by half a brick), mortar joints recessed
 * between them, every brick its own shade, edges chipped and faces pitted. Whole bricks across the
 * tile and an even number of courses, so the bond tiles.
 */
import { cellsFor, type MaterialFamily } from '../material-family.ts';
import { createLayers, setAlbedo } from '../material-layers.ts';
import { noiseField } from '../periodic-noise.ts';
import { clamp01, smoothstep } from '../field-ops.ts';

const BRICK = [0.6, 0.27, 0.18] as const;
const MORTAR = [0.72, 0.69, 0.63] as const;

export const bricks: MaterialFamily = {
  id: 'bricks',
  phrases: ['brick', 'bricks', 'brickwork', 'brick wall'],
  tileMetres: 1.2,
  normalStrength: 5,
  metallic: false,
  draw({ size, rng, scale }) {
    const layers = createLayers(size);
    const across = cellsFor(4, scale);
    const courses = 2 * cellsFor(6, scale);
    const brickW = size / across;
    const courseH = size / courses;
    const joint = Math.max(1, courseH * 0.12);
    const shade = Array.from({ length: across * courses }, () => rng.range(0.78, 1.15));
    const hueShift = Array.from({ length: across * courses }, () => rng.range(-0.04, 0.04));
    const chips = noiseField(size, rng, { cells: 8, octaves: 4 });
    const pits = noiseField(size, rng, { cells: 64, octaves: 2 });
    const stain = noiseField(size, rng, { cells: 3, octaves: 3 });
    const tintMask = new Float32Array(size * size);
    for (let y = 0, i = 0; y < size; y++) {
      const course = Math.floor(y / courseH);
      const inCourseY = y + 0.5 - course * courseH;
      const offset = course % 2 === 0 ? 0 : brickW / 2;
      for (let x = 0; x < size; x++, i++) {
        const bx = (((x + 0.5 + offset) % size) + size) % size;
        const column = Math.floor(bx / brickW);
        const inBrickX = bx - column * brickW;
        // Distance to the nearest joint, roughened so edges look chipped.
        const edge = Math.min(inCourseY, courseH - inCourseY, inBrickX, brickW - inBrickX) + chips[i] * joint * 0.9;
        const brickness = smoothstep(joint * 0.5, joint * 1.3, edge);
        const k = course * across + column;
        const face = 0.75 + 0.25 * smoothstep(0, joint * 3, edge) + 0.05 * pits[i];
        layers.height[i] = clamp01(0.25 + brickness * (face - 0.25) - Math.max(0, -pits[i]) * 0.08 * brickness);
        const s = shade[k] * (0.92 + 0.12 * stain[i]) * (1 - 0.1 * Math.max(0, -pits[i]));
        const r = BRICK[0] * s * (1 + hueShift[k]);
        const g = BRICK[1] * s;
        const b = BRICK[2] * s * (1 - hueShift[k]);
        const m = 0.9 + 0.1 * pits[i];
        setAlbedo(layers, i, r + (MORTAR[0] * m - r) * (1 - brickness), g + (MORTAR[1] * m - g) * (1 - brickness), b + (MORTAR[2] * m - b) * (1 - brickness));
        layers.roughness[i] = 0.78 + 0.12 * (1 - brickness) + 0.05 * pits[i];
        tintMask[i] = brickness;
      }
    }
    layers.tintMask = tintMask;
    return layers;
  },
};
