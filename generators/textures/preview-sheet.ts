/**
 * A texture set's preview sheet, as RGB pixels (1280 × 768):
 *
 *   ┌───────────────────────┬───────────┬───────────┐
 *   │                       │ baseColor │  normal   │
 *   │  3 × 3 tiles, lit by  ├───────────┼───────────┤
 *   │  the normal map from  │ roughness │ occlusion │
 *   │  the upper left       ├───────────┼───────────┤
 *   │                       │  height   │ metallic, │
 *   │                       │           │ emissive  │
 *   │                       │           │  or ORM   │
 *   └───────────────────────┴───────────┴───────────┘
 *
 * The tiled view repeats the tile nine times, so a seam in any map would show as a line.
 */
import type { TexturePixels, TextureSet } from './texture-set.ts';

const CELL = 256;
export const PREVIEW_WIDTH = CELL * 5;
export const PREVIEW_HEIGHT = CELL * 3;

export function renderPreviewSheet(set: TextureSet): TexturePixels {
  const data = new Uint8Array(PREVIEW_WIDTH * PREVIEW_HEIGHT * 3);
  const { maps } = set;
  drawTiledLitView(data, set);
  const thumbs: TexturePixels[] = [maps.baseColor, maps.normal, maps.roughness, maps.occlusion, maps.height, maps.emissive ?? maps.metallic ?? maps.orm];
  thumbs.forEach((image, k) => drawThumb(data, image, CELL * 3 + (k % 2) * CELL, Math.floor(k / 2) * CELL));
  return { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, channels: 3, data };
}

/** Box-filtered (or nearest, when smaller) lookup of a thumbnail pixel, `cell` pixels wide. */
function thumbPixel(image: TexturePixels, tx: number, ty: number, out: number[], cell = CELL): void {
  const ratio = image.width / cell;
  const span = Math.max(1, Math.floor(ratio));
  const x0 = Math.floor(tx * ratio);
  const y0 = Math.floor(ty * ratio);
  out[0] = out[1] = out[2] = 0;
  for (let dy = 0; dy < span; dy++) {
    for (let dx = 0; dx < span; dx++) {
      const p = (y0 + dy) * image.width + x0 + dx;
      if (image.channels === 1) {
        const v = image.data[p];
        out[0] += v;
        out[1] += v;
        out[2] += v;
      } else {
        out[0] += image.data[p * 3];
        out[1] += image.data[p * 3 + 1];
        out[2] += image.data[p * 3 + 2];
      }
    }
  }
  const k = span * span;
  out[0] /= k;
  out[1] /= k;
  out[2] /= k;
}

function drawThumb(data: Uint8Array, image: TexturePixels, left: number, top: number): void {
  const px = [0, 0, 0];
  for (let y = 0; y < CELL; y++) {
    for (let x = 0; x < CELL; x++) {
      thumbPixel(image, x, y, px);
      const o = ((top + y) * PREVIEW_WIDTH + left + x) * 3;
      data[o] = Math.round(px[0]);
      data[o + 1] = Math.round(px[1]);
      data[o + 2] = Math.round(px[2]);
    }
  }
}

/**
 * The set lit by its normal map from the upper left, each tile drawn `tile` pixels wide and
 * repeated `repeats` × `repeats` times: how the material reads on a surface, seams included.
 */
export function renderLitTiles(set: TextureSet, tile: number, repeats: number): TexturePixels {
  const width = tile * repeats;
  const data = new Uint8Array(width * width * 3);
  drawLitTiles(data, width, set, tile, repeats);
  return { width, height: width, channels: 3, data };
}

function drawTiledLitView(data: Uint8Array, set: TextureSet): void {
  drawLitTiles(data, PREVIEW_WIDTH, set, CELL, 3);
}

function drawLitTiles(data: Uint8Array, stride: number, set: TextureSet, tile: number, repeats: number): void {
  const { baseColor, normal, occlusion, emissive } = set.maps;
  // Light from the upper left, a little above the surface; OpenGL normals (+Y up the image).
  const light = normalise([-0.5, 0.5, 0.7]);
  const albedo = [0, 0, 0];
  const n = [0, 0, 0];
  const ao = [0, 0, 0];
  const glow = [0, 0, 0];
  for (let y = 0; y < tile; y++) {
    for (let x = 0; x < tile; x++) {
      thumbPixel(baseColor, x, y, albedo, tile);
      thumbPixel(normal, x, y, n, tile);
      thumbPixel(occlusion, x, y, ao, tile);
      if (emissive) thumbPixel(emissive, x, y, glow, tile);
      const nx = n[0] / 127.5 - 1;
      const ny = n[1] / 127.5 - 1;
      const nz = n[2] / 127.5 - 1;
      const lambert = Math.max(0, nx * light[0] + ny * light[1] + nz * light[2]);
      const shade = (0.35 + 0.85 * lambert) * (0.5 + 0.5 * (ao[0] / 255));
      const rgb = [0, 1, 2].map((c) => Math.min(255, Math.round(albedo[c] * shade + (emissive ? glow[c] : 0))));
      for (let ty = 0; ty < repeats; ty++) {
        for (let tx = 0; tx < repeats; tx++) {
          const o = ((ty * tile + y) * stride + tx * tile + x) * 3;
          data[o] = rgb[0];
          data[o + 1] = rgb[1];
          data[o + 2] = rgb[2];
        }
      }
    }
  }
}

function normalise(v: number[]): number[] {
  const l = Math.hypot(v[0], v[1], v[2]);
  return v.map((c) => c / l);
}
