import { access } from 'node:fs/promises';
import { readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import { readGlbInfo } from '../../engine-bridge/render/glb-info.ts';
import { RenderError } from '../../engine-bridge/render/render-error.ts';
import { overviewCamera, renderStill } from '../../engine-bridge/render/render-still.ts';
import { buildWorldDocument } from '../../generators/export/build-world-document.ts';
import { encodeWorldTextures } from '../../generators/export/world-textures.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import { smallSpec } from '../helpers/world-specs.ts';

/**
 * The render bridge against a committed reference, drawn by the embedded Chromium (SwiftShader) —
 * the renderer every machine has. Regenerate it after a deliberate change to worlds or rendering:
 * UPDATE_REFERENCES=1 npx vitest run tests/render
 */
const REFERENCE = 'tests/fixtures/render/small-world-overview.png';
const SIZE = { width: 320, height: 180 };

async function pixels(png: Uint8Array): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('renderStill (Babylon.js in headless Chromium)', () => {
  let glb: Uint8Array;
  let first: Awaited<ReturnType<typeof renderStill>>;
  beforeAll(async () => {
    const { world } = await generateWorld(
      smallSpec({ size: { width: 256, depth: 256, cellSize: 2 }, time: { hour: 12 }, weather: { kind: 'clear' }, water: { rivers: 1 }, structures: [{ type: 'house' }] }),
    );
    const textures = await encodeWorldTextures(world.textures!, encodeImageWithSharp);
    glb = await writeGlb((await buildWorldDocument(world, { textures })).doc);
    first = await renderStill(glb, { ...SIZE, browser: {} });
  }, 240_000);

  it('draws the world: sky above, lit ground below, every texture loaded', async () => {
    const { data, width, height } = await pixels(first.png);
    expect([width, height]).toEqual([SIZE.width, SIZE.height]);
    expect(first.stats.textures).toBeGreaterThan(5);
    const at = (x: number, y: number) => [0, 1, 2].map((c) => data[(y * width + x) * 3 + c]);
    // The top row is the sky's horizon colour; the middle of the frame is the world, not sky.
    const sky = at(width / 2, 2);
    const ground = at(width / 2, Math.round(height * 0.6));
    expect(Math.hypot(sky[0] - ground[0], sky[1] - ground[1], sky[2] - ground[2])).toBeGreaterThan(30);
    // Not flat: the lower half has detail (terrain, trees, texture).
    let sum = 0;
    let sq = 0;
    let n = 0;
    for (let y = height / 2; y < height; y++) for (let x = 0; x < width; x++) {
      const v = data[(y * width + x) * 3 + 1];
      sum += v;
      sq += v * v;
      n++;
    }
    expect(Math.sqrt(sq / n - (sum / n) ** 2)).toBeGreaterThan(8);
  });

  it('gives the same pixels again', async () => {
    const again = await renderStill(glb, { ...SIZE, browser: {} });
    expect(Buffer.compare(Buffer.from(again.png), Buffer.from(first.png))).toBe(0);
  }, 120_000);

  it('matches the committed reference within a tolerance', async () => {
    if (process.env.UPDATE_REFERENCES) await writeFile(REFERENCE, first.png);
    await access(REFERENCE);
    const got = await pixels(first.png);
    const want = await pixels(new Uint8Array(await readFile(REFERENCE)));
    expect([got.width, got.height]).toEqual([want.width, want.height]);
    let total = 0;
    let far = 0;
    for (let i = 0; i < got.data.length; i++) {
      const d = Math.abs(got.data[i] - want.data[i]);
      total += d;
      if (d > 48) far++;
    }
    // Mean difference under 2 levels; under 1% of samples off by more than 48.
    expect(total / got.data.length).toBeLessThan(2);
    expect(far / got.data.length).toBeLessThan(0.01);
  });

  it('frames the overview from the world size in the glb', () => {
    const info = readGlbInfo(glb);
    expect(info.size).toEqual({ width: 256, depth: 256 });
    expect(info.spawn).not.toBeNull();
    expect(first.camera).toEqual(overviewCamera(info.size, info.heightRange));
  });

  it('refuses a file that is not a glb, and a frame size out of range, before starting a browser', async () => {
    await expect(renderStill(new TextEncoder().encode('{"asset":{}}'))).rejects.toMatchObject({ code: 'RENDER_INPUT' });
    await expect(renderStill(glb, { width: 0, height: 100 })).rejects.toBeInstanceOf(RenderError);
  });

  it('reports a glb Babylon.js cannot read as a RenderError, and cleans up', async () => {
    // A valid header and JSON, pointing at a buffer that is not there.
    const json = new TextEncoder().encode(JSON.stringify({ asset: { version: '2.0' }, buffers: [{ byteLength: 64, uri: 'missing.bin' }], bufferViews: [{ buffer: 0, byteLength: 64 }], accessors: [{ bufferView: 0, componentType: 5126, count: 4, type: 'VEC3' }], meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }], nodes: [{ mesh: 0 }], scenes: [{ nodes: [0] }] }).padEnd(288, ' '));
    const broken = new Uint8Array(12 + 8 + json.length);
    const view = new DataView(broken.buffer);
    view.setUint32(0, 0x46546c67, true);
    view.setUint32(4, 2, true);
    view.setUint32(8, broken.length, true);
    view.setUint32(12, json.length, true);
    view.setUint32(16, 0x4e4f534a, true);
    broken.set(json, 20);
    await expect(renderStill(broken, { ...SIZE, browser: {}, timeoutMs: 60_000 })).rejects.toMatchObject({ code: 'RENDER_PAGE' });
  }, 120_000);
});

