/**
 * The live renderer (the stream server's `render` frames and the world model's true frames): one
 * world kept open in headless Chromium, frames drawn on demand — the same camera gives the same
 * pixels, different cameras different ones, and bad input is refused before a browser starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLiveRenderer, type LiveRenderer } from '../../engine-bridge/render/live-renderer.ts';
import { RenderError } from '../../engine-bridge/render/render-error.ts';
import { buildWorldDocument } from '../../generators/export/build-world-document.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { shotLighting } from '../../generators/shots/shot-lighting.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { cameraOf } from '../../models/dataset/write-dataset.ts';
import { smallSpec } from '../helpers/world-specs.ts';

describe('openLiveRenderer', () => {
  let renderer: LiveRenderer;
  let spawn: { x: number; y: number; z: number; yaw: number };
  let glb: Uint8Array;
  beforeAll(async () => {
    const spec = smallSpec({ size: { width: 256, depth: 256, cellSize: 2 }, time: { hour: 12 }, weather: { kind: 'clear' }, water: { rivers: 1 } });
    const world = await generateWorld(spec);
    glb = await writeGlb((await buildWorldDocument(world.world)).doc);
    spawn = world.world.gameplay.spawn;
    renderer = await openLiveRenderer(glb, { width: 64, height: 64, lighting: shotLighting(world.world.spec, 12) });
  }, 240_000);
  afterAll(async () => {
    await renderer?.close();
  });

  it('draws the same pixels for the same camera and different ones for another, in one call or many', async () => {
    const eye = { x: spawn.x, y: spawn.y + 1.7, z: spawn.z, yaw: spawn.yaw, pitch: 0 };
    const [a, b] = await renderer.draw([cameraOf(eye), cameraOf({ ...eye, yaw: eye.yaw + Math.PI })]);
    const [again] = await renderer.draw([cameraOf(eye)]);
    expect(a.length).toBe(64 * 64 * 3);
    expect(Buffer.from(again).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(false);
    // Not one flat colour: sky and ground.
    const distinct = new Set<number>();
    for (let i = 0; i < a.length; i += 3) distinct.add((a[i] << 16) | (a[i + 1] << 8) | a[i + 2]);
    expect(distinct.size).toBeGreaterThan(50);
  });

  it('refuses bad sizes and cameras, and draws nothing once closed', async () => {
    await expect(openLiveRenderer(glb, { width: 7, height: 64, lighting: shotLighting(smallSpec({}), 12) })).rejects.toThrow(RenderError);
    expect(() => renderer.draw([{ position: [0, NaN, 0], target: [0, 0, 1], fovDegrees: 60 }])).toThrow(/finite position/);
  });
});
