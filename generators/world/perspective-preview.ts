/**
 * A perspective picture of a World without a GPU: a small software rasterizer. The terrain
 * (resampled to at most ~360 cells a side) is drawn as Gouraud-shaded triangles with a z-buffer,
 * lit by the world's own key light and ambient sky, with water surfaces on top, the sky gradient
 * behind and the world's fog over distance. Raw RGBA pixels out; the CLI encodes them.
 *
 * It is a preview — no shadows, no vegetation — honest enough to see whether a world reads as
 * its prompt until the render bridge (engine-bridge) draws it with Babylon.js.
 */
import { hexToRgb, linearToSrgb, srgbToLinear, type Rgb } from '../biomes/color.ts';
import { bilinear } from '../terrain/heightfield.ts';
import type { ReliefImage } from '../terrain/shade-relief.ts';
import { ICE_COLOR, WATER_COLOR } from './relief-preview.ts';
import type { World } from './world.ts';

export interface PerspectiveOptions {
  width?: number;
  height?: number;
  /**
   * Camera azimuth in degrees (0 looks north, 90 east). Default: down a valley's or canyon's floor
   * line when the world has one, else north-east from the south-west.
   */
  azimuth?: number;
  /** Camera pitch below the horizon, degrees. */
  pitch?: number;
  /** Vertical field of view, degrees. */
  fov?: number;
}

const MAX_CELLS = 360;

export function renderPerspectivePreview(world: World, options: PerspectiveOptions = {}): ReliefImage {
  const width = options.width ?? 960;
  const height = options.height ?? 540;
  const field = world.terrain;
  const spec = world.spec;

  // Resampled grid.
  const step = Math.max(1, Math.ceil(Math.max(field.nx, field.nz) / MAX_CELLS));
  const gx = Math.floor((field.nx - 1) / step) + 1;
  const gz = Math.floor((field.nz - 1) / step) + 1;
  const n = gx * gz;
  const px = new Float32Array(n);
  const py = new Float32Array(n);
  const pz = new Float32Array(n);
  const waterY = new Float32Array(n);
  const vertexColor = new Float32Array(n * 3);
  for (let j = 0; j < gz; j++) {
    for (let i = 0; i < gx; i++) {
      const v = j * gx + i;
      const ix = Math.min(field.nx - 1, i * step);
      const iz = Math.min(field.nz - 1, j * step);
      const g = iz * field.nx + ix;
      px[v] = -field.width / 2 + ix * field.dx;
      pz[v] = -field.depth / 2 + iz * field.dz;
      py[v] = field.heights[g];
      waterY[v] = world.water.surface[g];
    }
  }

  // Lighting per vertex: key light (Lambert, soft wrap) + hemispheric ambient, on linear colours.
  const sky = world.sky;
  const key = sky.key;
  const ambientSky = sky.ambient.sky;
  const ambientGround = sky.ambient.ground;
  const keyScale = key.intensity / 3;
  for (let j = 0; j < gz; j++) {
    for (let i = 0; i < gx; i++) {
      const v = j * gx + i;
      const ixg = Math.min(field.nx - 1, i * step);
      const izg = Math.min(field.nz - 1, j * step);
      const hl = bilinear(field.heights, field.nx, field.nz, ixg - step, izg);
      const hr = bilinear(field.heights, field.nx, field.nz, ixg + step, izg);
      const hu = bilinear(field.heights, field.nx, field.nz, ixg, izg - step);
      const hd = bilinear(field.heights, field.nx, field.nz, ixg, izg + step);
      let nxv = -(hr - hl) / (2 * step * field.dx);
      let nyv = 1;
      let nzv = -(hd - hu) / (2 * step * field.dz);
      const length = Math.hypot(nxv, nyv, nzv);
      nxv /= length;
      nyv /= length;
      nzv /= length;
      const lambert = Math.max(0, (nxv * key.direction[0] + nyv * key.direction[1] + nzv * key.direction[2] + 0.15) / 1.15);
      const hemi = 0.5 + 0.5 * nyv;
      const g = Math.min(field.nz - 1, j * step) * field.nx + Math.min(field.nx - 1, i * step);
      for (let c = 0; c < 3; c++) {
        const albedo = world.ground.colors[g * 3 + c];
        const ambient = sky.ambient.intensity * (ambientSky[c] * hemi + ambientGround[c] * (1 - hemi));
        vertexColor[v * 3 + c] = albedo * (key.color[c] * lambert * keyScale * 2.2 + ambient * 1.4);
      }
    }
  }

  // Camera: from outside one corner, above the terrain, looking at the centre.
  let top = 0;
  for (let v = 0; v < n; v++) top = Math.max(top, py[v]);
  const extent = Math.max(field.width, field.depth);
  const azimuth = ((options.azimuth ?? defaultAzimuth(world)) * Math.PI) / 180;
  const pitch = ((options.pitch ?? 28) * Math.PI) / 180;
  const fov = ((options.fov ?? 50) * Math.PI) / 180;
  const distance = extent * 0.95;
  const forward: Rgb = [Math.sin(azimuth) * Math.cos(pitch), -Math.sin(pitch), -Math.cos(azimuth) * Math.cos(pitch)];
  const target: Rgb = [0, top * 0.35, 0];
  const eye: Rgb = [target[0] - forward[0] * distance, target[1] - forward[1] * distance, target[2] - forward[2] * distance];
  const rightVec = normalise([-forward[2], 0, forward[0]]);
  const up = cross(rightVec, forward);
  const focal = height / 2 / Math.tan(fov / 2);

  const sx = new Float32Array(n);
  const sy = new Float32Array(n);
  const sz = new Float32Array(n);
  const project = (x: number, y: number, z: number, out: { x: number; y: number; z: number }) => {
    const dx = x - eye[0];
    const dy = y - eye[1];
    const dz = z - eye[2];
    const depth = dx * forward[0] + dy * forward[1] + dz * forward[2];
    out.x = width / 2 + (focal * (dx * rightVec[0] + dy * rightVec[1] + dz * rightVec[2])) / depth;
    out.y = height / 2 - (focal * (dx * up[0] + dy * up[1] + dz * up[2])) / depth;
    out.z = depth;
  };
  const tmp = { x: 0, y: 0, z: 0 };
  for (let v = 0; v < n; v++) {
    project(px[v], py[v], pz[v], tmp);
    sx[v] = tmp.x;
    sy[v] = tmp.y;
    sz[v] = tmp.z;
  }

  // Frame: sky gradient behind everything.
  const color = new Float32Array(width * height * 3);
  const depthBuffer = new Float32Array(width * height).fill(Infinity);
  for (let y = 0; y < height; y++) {
    const t = Math.min(1, Math.max(0, y / (height * 0.6)));
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) color[o + c] = sky.zenith[c] + (sky.horizon[c] - sky.zenith[c]) * t;
    }
  }

  const drawTriangle = (
    ax: number, ay: number, az: number, bx: number, by: number, bz: number, cx: number, cy: number, cz: number,
    ca: ArrayLike<number>, oa: number, cb: ArrayLike<number>, ob: number, cc: ArrayLike<number>, oc: number,
    alpha: number,
  ) => {
    if (az <= 1 || bz <= 1 || cz <= 1) return;
    const area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    if (Math.abs(area) < 1e-9) return;
    const minX = Math.max(0, Math.floor(Math.min(ax, bx, cx)));
    const maxX = Math.min(width - 1, Math.ceil(Math.max(ax, bx, cx)));
    const minY = Math.max(0, Math.floor(Math.min(ay, by, cy)));
    const maxY = Math.min(height - 1, Math.ceil(Math.max(ay, by, cy)));
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX; x <= maxX; x++) {
        const w0 = ((bx - x) * (cy - y) - (by - y) * (cx - x)) / area;
        const w1 = ((cx - x) * (ay - y) - (cy - y) * (ax - x)) / area;
        const w2 = 1 - w0 - w1;
        if (w0 < 0 || w1 < 0 || w2 < 0) continue;
        const z = w0 * az + w1 * bz + w2 * cz;
        const p = y * width + x;
        if (z >= depthBuffer[p]) continue;
        if (alpha >= 1) depthBuffer[p] = z;
        for (let c = 0; c < 3; c++) {
          const value = w0 * ca[oa + c] + w1 * cb[ob + c] + w2 * cc[oc + c];
          color[p * 3 + c] = alpha >= 1 ? value : color[p * 3 + c] * (1 - alpha) + value * alpha;
        }
        if (alpha < 1) depthBuffer[p] = Math.min(depthBuffer[p], z);
      }
    }
  };

  for (let j = 0; j < gz - 1; j++) {
    for (let i = 0; i < gx - 1; i++) {
      const a = j * gx + i;
      const b = a + 1;
      const c = a + gx;
      const e = c + 1;
      drawTriangle(sx[a], sy[a], sz[a], sx[c], sy[c], sz[c], sx[e], sy[e], sz[e], vertexColor, a * 3, vertexColor, c * 3, vertexColor, e * 3, 1);
      drawTriangle(sx[a], sy[a], sz[a], sx[e], sy[e], sz[e], sx[b], sy[b], sz[b], vertexColor, a * 3, vertexColor, e * 3, vertexColor, b * 3, 1);
    }
  }

  // Water: flat quads over cells with water in them, lit by sky reflection, drawn translucent.
  const waterHex = spec.palette.colors.water ?? (world.water.frozen ? ICE_COLOR : WATER_COLOR);
  const waterAlbedo = hexToRgb(waterHex).map(srgbToLinear) as Rgb;
  const waterLit: Rgb = [0, 0, 0];
  for (let c = 0; c < 3; c++) waterLit[c] = waterAlbedo[c] * (key.color[c] * keyScale * 1.2 + sky.ambient.intensity) * 0.8 + sky.horizon[c] * 0.25;
  const quad = [{ x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 0 }];
  for (let j = 0; j < gz - 1; j++) {
    for (let i = 0; i < gx - 1; i++) {
      const corners = [j * gx + i, j * gx + i + 1, (j + 1) * gx + i, (j + 1) * gx + i + 1];
      let level = -Infinity;
      for (const v of corners) if (!Number.isNaN(waterY[v]) && waterY[v] > level) level = waterY[v];
      if (level === -Infinity || corners.every((v) => py[v] >= level)) continue;
      corners.forEach((v, k) => project(px[v], level, pz[v], quad[k]));
      const [q0, q1, q2, q3] = quad;
      drawTriangle(q0.x, q0.y, q0.z, q2.x, q2.y, q2.z, q3.x, q3.y, q3.z, waterLit, 0, waterLit, 0, waterLit, 0, world.water.frozen ? 1 : 0.85);
      drawTriangle(q0.x, q0.y, q0.z, q3.x, q3.y, q3.z, q1.x, q1.y, q1.z, waterLit, 0, waterLit, 0, waterLit, 0, world.water.frozen ? 1 : 0.85);
    }
  }

  // Fog over distance — counted from the world's near edge, as if the viewer stood there, and
  // thinned to a visibility of at least 0.6 × the world's size, so an overview of a foggy world
  // still shows the world. Then a camera-like exposure: dark scenes (night) are brightened toward
  // a mid-dark grey, bright ones are left alone. Then sRGB bytes.
  const pixels = new Uint8Array(width * height * 4);
  const density = Math.min(sky.fog.density, 3.912 / (0.6 * extent));
  const fogStart = Math.max(0, distance - extent * 0.6);
  const fogged = new Float32Array(width * height * 3);
  let luminanceSum = 0;
  let covered = 0;
  for (let p = 0; p < width * height; p++) {
    const z = depthBuffer[p];
    const fog = Number.isFinite(z) ? 1 - Math.exp(-density * Math.max(0, z - fogStart)) : 0;
    for (let c = 0; c < 3; c++) fogged[p * 3 + c] = color[p * 3 + c] * (1 - fog) + sky.fog.color[c] * fog;
    if (Number.isFinite(z)) {
      luminanceSum += 0.2126 * fogged[p * 3] + 0.7152 * fogged[p * 3 + 1] + 0.0722 * fogged[p * 3 + 2];
      covered++;
    }
  }
  const meanLuminance = covered > 0 ? luminanceSum / covered : 0.18;
  const exposure = Math.min(6, Math.max(1, 0.06 / Math.max(1e-4, meanLuminance)));
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) pixels[p * 4 + c] = Math.round(255 * Math.min(1, Math.max(0, linearToSrgb(fogged[p * 3 + c] * exposure))));
    pixels[p * 4 + 3] = 255;
  }
  return { width, height, pixels };
}

/** Looks down a valley or canyon (from its high end toward its low end), else north-east. */
function defaultAzimuth(world: World): number {
  const axis = world.landmarks.axis;
  if (!axis || axis.length < 2) return 40;
  const from = axis[0];
  const to = axis[axis.length - 1];
  return (Math.atan2(to.x - from.x, -(to.z - from.z)) * 180) / Math.PI;
}

function normalise(v: Rgb): Rgb {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}

function cross(a: Rgb, b: Rgb): Rgb {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
