import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, scratchDir } from '../helpers/cli-harness.ts';

describe('worldsmith texture', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dir = await scratchDir();
  });
  afterAll(() => dir.remove());

  it('writes a full PBR set, material.json and a preview sheet', async () => {
    const out = join(dir.path, 'bricks');
    const result = await cli(['texture', 'old mossy red bricks', '--size', '512', '--seed', '3', '--out', out]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/bricks, 512×512, seed 3/);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(['ao.png', 'basecolor.png', 'height.png', 'material.json', 'normal.png', 'orm.png', 'preview.png', 'roughness.png']);
    for (const name of files.filter((f) => f.endsWith('.png') && f !== 'preview.png')) {
      const meta = await sharp(join(out, name)).metadata();
      expect([meta.width, meta.height, meta.format], name).toEqual([512, 512, 'png']);
      // The height map keeps 16 bits; the others are 8-bit.
      expect(meta.depth, name).toBe(name === 'height.png' ? 'ushort' : 'uchar');
    }
    const material = JSON.parse(await readFile(join(out, 'material.json'), 'utf8'));
    expect(material).toMatchObject({ family: 'bricks', seed: 3, size: 512, format: 'png', heightBits: 16, maps: { orm: 'orm.png', normal: 'normal.png', height: 'height.png' } });
    expect(material.normalConvention).toMatch(/OpenGL/);
    expect(material.gltf.pbrMetallicRoughness.metallicRoughnessTexture).toBe('orm.png');
    expect(material.explanation.used.map((u: { words: string }) => u.words)).toEqual(['old', 'mossy', 'red', 'bricks']);
    const preview = await sharp(join(out, 'preview.png')).metadata();
    expect([preview.width, preview.height]).toEqual([1280, 768]);
  });

  it('writes byte-identical files for the same description and seed', async () => {
    const a = join(dir.path, 'a');
    const b = join(dir.path, 'b');
    expect((await cli(['texture', 'rusty metal', '--size', '512', '--seed', '8', '--format', 'webp', '--out', a])).code).toBe(0);
    expect((await cli(['texture', 'rusty metal', '--size', '512', '--seed', '8', '--format', 'webp', '--out', b])).code).toBe(0);
    const files = (await readdir(a)).sort();
    expect(files).toContain('metallic.webp');
    for (const name of files) expect(Buffer.compare(await readFile(join(a, name)), await readFile(join(b, name))), name).toBe(0);
  });

  it('writes JPEG maps on request and lava glows', async () => {
    const out = join(dir.path, 'lava');
    expect((await cli(['texture', 'lava', '--size', '512', '--format', 'jpg', '--out', out])).code).toBe(0);
    expect(await readdir(out)).toContain('emissive.jpg');
    expect((await sharp(join(out, 'basecolor.jpg')).metadata()).format).toBe('jpeg');
  });

  it('refuses bad sizes, formats and descriptions with exit code 2 and writes nothing', async () => {
    const out = join(dir.path, 'refused');
    for (const args of [
      ['texture', 'bricks', '--size', '300', '--out', out],
      ['texture', 'bricks', '--size', '4096', '--out', out],
      ['texture', 'bricks', '--format', 'tiff', '--out', out],
      ['texture', '', '--out', out],
      ['texture', 'glorp wibble', '--out', out],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(/--size must be one of 512, 1024, 2048|--format must be one of|Known families|Name one family/);
    }
    await expect(readdir(out)).rejects.toThrow();
  });
});
