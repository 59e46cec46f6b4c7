/**
 * Draws a world's placed objects (scatter instances, structure pieces) into a preview raster: each
 * object's asset at a level of detail chosen by distance, turned and scaled, lit like the terrain
 * (the key light and a hemispheric ambient). Grass and flowers are skipped far from the camera,
 * where they would be under a pixel.
 */
import type { Asset, Vec3 } from '../assets/asset.ts';
import { project, type Camera, type Projected, type Raster } from '../preview/raster.ts';
import type { Sky } from '../sky/light-the-sky.ts';
import type { World } from './world.ts';

interface Placement {
  asset: Asset;
  x: number;
  y: number;
  z: number;
  yaw: number;
  scale: number;
}

export function drawWorldObjects(raster: Raster, camera: Camera, world: World, sky: Sky): void {
  const placements: Placement[] = [];
  for (const set of world.scatter) {
    for (let i = 0; i < set.count; i++) {
      placements.push({ asset: set.asset, x: set.positions[i * 3], y: set.positions[i * 3 + 1], z: set.positions[i * 3 + 2], yaw: set.yaws[i], scale: set.scales[i] });
    }
  }
  for (const s of world.structures) for (const p of s.pieces) placements.push({ asset: p.asset, x: p.x, y: p.y, z: p.z, yaw: p.yaw, scale: 1 });

  const extent = Math.max(world.terrain.width, world.terrain.depth);
  const key = sky.key;
  const keyScale = key.intensity / 3;
  const a: Projected = { x: 0, y: 0, depth: 0 };
  const b: Projected = { x: 0, y: 0, depth: 0 };
  const c: Projected = { x: 0, y: 0, depth: 0 };
  const corners = [a, b, c];
  const lit = new Float32Array(9);
  for (const p of placements) {
    const distance = Math.hypot(p.x - camera.eye[0], p.y - camera.eye[1], p.z - camera.eye[2]);
    const small = p.asset.kind === 'grass' || p.asset.kind === 'flowers';
    if (small && distance > extent * 0.6) continue;
    // Pixels the object spans on screen decide its level of detail.
    const height = (p.asset.bounds.max[1] - p.asset.bounds.min[1]) * p.scale;
    const pixels = (height * camera.focal) / Math.max(1, distance);
    if (pixels < 0.8) continue;
    const level = pixels > 60 ? 0 : pixels > 15 ? 1 : p.asset.lods.length - 1;
    const lod = p.asset.lods[Math.min(level, p.asset.lods.length - 1)];
    const cos = Math.cos(p.yaw);
    const sin = Math.sin(p.yaw);
    for (const part of lod.parts) {
      const pos = part.positions;
      const nor = part.normals;
      for (let t = 0; t < part.indices.length; t += 3) {
        for (let k = 0; k < 3; k++) {
          const v = part.indices[t + k];
          const lx = pos[v * 3] * p.scale;
          const ly = pos[v * 3 + 1] * p.scale;
          const lz = pos[v * 3 + 2] * p.scale;
          const world: Vec3 = [p.x + lx * cos + lz * sin, p.y + ly, p.z - lx * sin + lz * cos];
          project(camera, world, corners[k]);
          const nx = nor[v * 3] * cos + nor[v * 3 + 2] * sin;
          const ny = nor[v * 3 + 1];
          const nz = -nor[v * 3] * sin + nor[v * 3 + 2] * cos;
          const lambert = Math.max(0, nx * key.direction[0] + ny * key.direction[1] + nz * key.direction[2]);
          const hemi = 0.5 + 0.5 * ny;
          for (let ch = 0; ch < 3; ch++) {
            const ambient = sky.ambient.intensity * (sky.ambient.sky[ch] * hemi + sky.ambient.ground[ch] * (1 - hemi));
            lit[k * 3 + ch] = part.colors[v * 3 + ch] * (key.color[ch] * lambert * keyScale * 2.2 + ambient * 1.4);
          }
        }
        raster.triangle(a, b, c, lit, 0, lit, 3, lit, 6);
      }
    }
  }
}

