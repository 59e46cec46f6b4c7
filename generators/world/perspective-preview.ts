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
import { bilinear, heightAt } from '../terrain/heightfield.ts';
import type { ReliefImage } from '../terrain/shade-relief.ts';
import { ICE_COLOR, WATER_COLOR } from './relief-preview.ts';
import type { World } from './world.ts';
import type { Vec3 } from '../assets/asset.ts';
import { lookAt, project, Raster, type Projected } from '../preview/raster.ts';
import { drawWorldObjects } from './draw-objects.ts';

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
  /** Look at this point (world metres) instead of the world's centre — for close-ups. */
  target?: { x: number; z: number };
  /** Camera distance from the target, metres (default: the whole world in view). */
  distance?: number;
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
  const distance = options.distance ?? extent * 0.95;
  const target: Vec3 = options.target
    ? [options.target.x, heightAt(field, options.target.x, options.target.z) + distance * 0.08, options.target.z]
    : [0, top * 0.35, 0];
  const requestedPitch = ((options.pitch ?? 28) * Math.PI) / 180;
  const pitch = options.target ? clearSightPitch(world, target, azimuth, requestedPitch, distance) : requestedPitch;
  const eye: Vec3 = [
    target[0] - Math.sin(azimuth) * Math.cos(pitch) * distance,
    target[1] + Math.sin(pitch) * distance,
    target[2] + Math.cos(azimuth) * Math.cos(pitch) * distance,
  ];
  const camera = lookAt(eye, target, options.fov ?? 50, width, height);
  const screen: Projected[] = Array.from({ length: n }, (_, v) => project(camera, [px[v], py[v], pz[v]]));

  // Frame: sky gradient behind, then the terrain.
  const raster = new Raster(width, height);
  raster.fillGradient(sky.zenith, sky.horizon);
  for (let j = 0; j < gz - 1; j++) {
    for (let i = 0; i < gx - 1; i++) {
      const a = j * gx + i;
      const b = a + 1;
      const c = a + gx;
      const e = c + 1;
      raster.triangle(screen[a], screen[c], screen[e], vertexColor, a * 3, vertexColor, c * 3, vertexColor, e * 3);
      raster.triangle(screen[a], screen[e], screen[b], vertexColor, a * 3, vertexColor, e * 3, vertexColor, b * 3);
    }
  }

  // Plants, rocks and structures.
  drawWorldObjects(raster, camera, world, sky);

  // Water: flat quads over cells with water in them, lit by sky reflection, drawn translucent.
  const waterHex = spec.palette.colors.water ?? (world.water.frozen ? ICE_COLOR : WATER_COLOR);
  const waterAlbedo = hexToRgb(waterHex).map(srgbToLinear) as Rgb;
  const waterLit: Rgb = [0, 0, 0];
  for (let c = 0; c < 3; c++) waterLit[c] = waterAlbedo[c] * (key.color[c] * keyScale * 1.2 + sky.ambient.intensity) * 0.8 + sky.horizon[c] * 0.25;
  const quad: Projected[] = [{ x: 0, y: 0, depth: 0 }, { x: 0, y: 0, depth: 0 }, { x: 0, y: 0, depth: 0 }, { x: 0, y: 0, depth: 0 }];
  for (let j = 0; j < gz - 1; j++) {
    for (let i = 0; i < gx - 1; i++) {
      const corners = [j * gx + i, j * gx + i + 1, (j + 1) * gx + i, (j + 1) * gx + i + 1];
      let level = -Infinity;
      for (const v of corners) if (!Number.isNaN(waterY[v]) && waterY[v] > level) level = waterY[v];
      if (level === -Infinity || corners.every((v) => py[v] >= level)) continue;
      corners.forEach((v, k) => project(camera, [px[v], level, pz[v]], quad[k]));
      const [q0, q1, q2, q3] = quad;
      const alpha = world.water.frozen ? 1 : 0.85;
      raster.triangle(q0, q2, q3, waterLit, 0, waterLit, 0, waterLit, 0, alpha);
      raster.triangle(q0, q3, q1, waterLit, 0, waterLit, 0, waterLit, 0, alpha);
    }
  }

  // Fog over distance. A close-up gets the world's own fog, as a player standing there would. An
  // overview counts it from the nearest ground in view, as if the viewer stood at the world's
  // edge, and thins it so the farthest ground is at most 75% fogged: an overview of a foggy world
  // still shows the world, fading into the fog. Then a camera-like exposure: dark scenes (night)
  // are brightened toward a mid-dark grey, bright ones are left alone. Then sRGB bytes.
  const pixels = new Uint8Array(width * height * 4);
  let nearest = Infinity;
  let farthest = 0;
  for (const z of raster.depth) {
    if (!Number.isFinite(z)) continue;
    nearest = Math.min(nearest, z);
    farthest = Math.max(farthest, z);
  }
  const overview = options.target === undefined;
  const fogStart = overview && Number.isFinite(nearest) ? nearest : 0;
  const density = overview ? Math.min(sky.fog.density, Math.log(4) / Math.max(1, farthest - fogStart)) : sky.fog.density;
  const fogged = new Float32Array(width * height * 3);
  let luminanceSum = 0;
  let covered = 0;
  for (let p = 0; p < width * height; p++) {
    const z = raster.depth[p];
    const fog = Number.isFinite(z) ? 1 - Math.exp(-density * Math.max(0, z - fogStart)) : 0;
    for (let c = 0; c < 3; c++) fogged[p * 3 + c] = raster.color[p * 3 + c] * (1 - fog) + sky.fog.color[c] * fog;
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

/**
 * A close-up camera can end up inside a mountainside: steepen the pitch, 4° at a time, until the
 * line from the eye to the target clears the terrain by 2 m everywhere along it.
 */
function clearSightPitch(world: World, target: Vec3, azimuth: number, pitch: number, distance: number): number {
  const field = world.terrain;
  const halfWidth = field.width / 2;
  const halfDepth = field.depth / 2;
  const step = (4 * Math.PI) / 180;
  for (let tilt = pitch; tilt < (85 * Math.PI) / 180; tilt += step) {
    let clear = true;
    for (let k = 1; k <= 24 && clear; k++) {
      const t = k / 24;
      const x = target[0] - Math.sin(azimuth) * Math.cos(tilt) * distance * t;
      const z = target[2] + Math.cos(azimuth) * Math.cos(tilt) * distance * t;
      if (Math.abs(x) > halfWidth || Math.abs(z) > halfDepth) continue;
      clear = target[1] + Math.sin(tilt) * distance * t >= heightAt(field, x, z) + 2;
    }
    if (clear) return tilt;
  }
  return (85 * Math.PI) / 180;
}

/** Looks down a valley or canyon (from its high end toward its low end), else north-east. */
function defaultAzimuth(world: World): number {
  const axis = world.landmarks.axis;
  if (!axis || axis.length < 2) return 40;
  const from = axis[0];
  const to = axis[axis.length - 1];
  return (Math.atan2(to.x - from.x, -(to.z - from.z)) * 180) / Math.PI;
}

