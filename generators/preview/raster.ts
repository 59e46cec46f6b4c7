/**
 * A small software rasterizer for previews (no GPU, no browser): a pinhole camera, z-buffered
 * triangles with per-vertex colours (Gouraud), optional translucency, then linear → sRGB bytes.
 * Colours are linear RGB throughout.
 */
import { linearToSrgb, type Rgb } from '../biomes/color.ts';
import type { Vec3 } from '../assets/asset.ts';

export interface Camera {
  eye: Vec3;
  forward: Vec3;
  right: Vec3;
  up: Vec3;
  /** Pixels per unit at depth 1. */
  focal: number;
  width: number;
  height: number;
}

/** A camera at `eye` looking at `target` with a vertical field of view in degrees. */
export function lookAt(eye: Vec3, target: Vec3, fovDegrees: number, width: number, height: number): Camera {
  const f = normalise([target[0] - eye[0], target[1] - eye[1], target[2] - eye[2]]);
  const right = normalise([-f[2], 0, f[0]]);
  const up: Vec3 = [right[1] * f[2] - right[2] * f[1], right[2] * f[0] - right[0] * f[2], right[0] * f[1] - right[1] * f[0]];
  return { eye, forward: f, right, up, focal: height / 2 / Math.tan((fovDegrees * Math.PI) / 360), width, height };
}

/** Screen position (pixels) and depth along the view direction. */
export interface Projected {
  x: number;
  y: number;
  depth: number;
}

export function project(camera: Camera, p: Vec3, out: Projected = { x: 0, y: 0, depth: 0 }): Projected {
  const dx = p[0] - camera.eye[0];
  const dy = p[1] - camera.eye[1];
  const dz = p[2] - camera.eye[2];
  const depth = dx * camera.forward[0] + dy * camera.forward[1] + dz * camera.forward[2];
  out.x = camera.width / 2 + (camera.focal * (dx * camera.right[0] + dy * camera.right[1] + dz * camera.right[2])) / depth;
  out.y = camera.height / 2 - (camera.focal * (dx * camera.up[0] + dy * camera.up[1] + dz * camera.up[2])) / depth;
  out.depth = depth;
  return out;
}

export class Raster {
  readonly color: Float32Array;
  readonly depth: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.color = new Float32Array(width * height * 3);
    this.depth = new Float32Array(width * height).fill(Infinity);
  }

  /** A vertical gradient from `top` to `bottom` (linear colours) behind everything. */
  fillGradient(top: Rgb, bottom: Rgb, until = 0.6): void {
    for (let y = 0; y < this.height; y++) {
      const t = Math.min(1, y / (this.height * until));
      for (let x = 0; x < this.width; x++) {
        const o = (y * this.width + x) * 3;
        for (let c = 0; c < 3; c++) this.color[o + c] = top[c] + (bottom[c] - top[c]) * t;
      }
    }
  }

  /**
   * One triangle from projected corners and their colours (each `colors[offset..offset+2]`).
   * Opaque triangles write depth; translucent ones (alpha < 1) blend over what is nearer-or-equal.
   */
  triangle(
    a: Projected, b: Projected, c: Projected,
    ca: ArrayLike<number>, oa: number, cb: ArrayLike<number>, ob: number, cc: ArrayLike<number>, oc: number,
    alpha = 1,
  ): void {
    if (a.depth <= 0.05 || b.depth <= 0.05 || c.depth <= 0.05) return;
    const area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    if (Math.abs(area) < 1e-9) return;
    const minX = Math.max(0, Math.floor(Math.min(a.x, b.x, c.x)));
    const maxX = Math.min(this.width - 1, Math.ceil(Math.max(a.x, b.x, c.x)));
    const minY = Math.max(0, Math.floor(Math.min(a.y, b.y, c.y)));
    const maxY = Math.min(this.height - 1, Math.ceil(Math.max(a.y, b.y, c.y)));
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX; x <= maxX; x++) {
        const w0 = ((b.x - x) * (c.y - y) - (b.y - y) * (c.x - x)) / area;
        const w1 = ((c.x - x) * (a.y - y) - (c.y - y) * (a.x - x)) / area;
        const w2 = 1 - w0 - w1;
        if (w0 < 0 || w1 < 0 || w2 < 0) continue;
        // Depth is not linear in screen space under perspective; its reciprocal is.
        const z = 1 / (w0 / a.depth + w1 / b.depth + w2 / c.depth);
        const p = y * this.width + x;
        if (z >= this.depth[p]) continue;
        for (let k = 0; k < 3; k++) {
          const value = w0 * ca[oa + k] + w1 * cb[ob + k] + w2 * cc[oc + k];
          this.color[p * 3 + k] = alpha >= 1 ? value : this.color[p * 3 + k] * (1 - alpha) + value * alpha;
        }
        if (alpha >= 1) this.depth[p] = z;
      }
    }
  }

  /** Linear colours × exposure → RGBA sRGB bytes. */
  toPixels(exposure = 1): Uint8Array {
    const pixels = new Uint8Array(this.width * this.height * 4);
    for (let p = 0; p < this.width * this.height; p++) {
      for (let c = 0; c < 3; c++) pixels[p * 4 + c] = Math.round(255 * Math.min(1, Math.max(0, linearToSrgb(this.color[p * 3 + c] * exposure))));
      pixels[p * 4 + 3] = 255;
    }
    return pixels;
  }
}

export function normalise(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}
