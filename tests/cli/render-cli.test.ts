import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, scratchDir } from '../helpers/cli-harness.ts';

describe('worldsmith render', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let glb: string;
  beforeAll(async () => {
    dir = await scratchDir();
    const out = join(dir.path, 'world');
    const made = await cli(['generate', 'a small island with a lighthouse at noon', '--seed', '5', '--out', out, '--no-preview', '--no-textures']);
    expect(made.code, made.err).toBe(0);
    glb = join(out, 'world.glb');
  }, 120_000);
  afterAll(() => dir.remove());

  it('writes a PNG of the requested size from the spawn', async () => {
    const frame = join(dir.path, 'spawn.png');
    const result = await cli(['render', glb, '--view', 'spawn', '--size', '160x90', '--out', frame]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/160×90/);
    const meta = await sharp(await readFile(frame)).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([160, 90, 'png']);
  }, 120_000);

  it('refuses bad input with exit code 2, before starting a browser', async () => {
    const frame = join(dir.path, 'never.png');
    const notGlb = join(dir.path, 'not.glb');
    await writeFile(notGlb, 'hello');
    for (const [args, message] of [
      [['render', glb, '--camera', '1,2:3,4,5', '--out', frame], /--camera must be X,Y,Z:TX,TY,TZ/],
      [['render', glb, '--size', 'big', '--out', frame], /--size must be WIDTHxHEIGHT/],
      [['render', glb, '--view', 'sky', '--out', frame], /--view must be overview or spawn/],
      [['render', join(dir.path, 'missing.glb'), '--out', frame], /Cannot read/],
      [['render', notGlb, '--out', frame], /not a binary glTF/],
      [['render', glb], /needs --out/],
    ] as const) {
      const result = await cli([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
    }
    await expect(readFile(frame)).rejects.toThrow();
  });

  it('says which browser is missing when --browser names nothing runnable (exit 1)', async () => {
    const result = await cli(['render', glb, '--browser', join(dir.path, 'no-such-chromium'), '--out', join(dir.path, 'x.png')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no-such-chromium \(from --browser\) is not an executable file/);
  });
});
