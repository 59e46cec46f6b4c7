import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, scratchDir } from '../helpers/cli-harness.ts';

const SMALL_SPEC = { seed: 9, size: { width: 160, depth: 128, cellSize: 2 }, water: { rivers: 1, lakes: 1 } };

describe('worldsmith CLI', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dir = await scratchDir();
  });
  afterAll(async () => dir.remove());

  it('lists its verbs, and refuses an unknown one with exit code 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const verb of ['demo', 'interpret', 'generate', 'validate', 'schema']) expect(help.out).toContain(verb);
    const unknown = await cli(['generat']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unknown verb "generat"');
    expect((await cli(['generate', '--help'])).out).toContain('Example');
  });

  it('prints the JSON Schema', async () => {
    const { code, out } = await cli(['schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(out);
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.properties.terrain.properties.relief).toMatchObject({ minimum: 0, maximum: 1, default: 0.5 });
  });

  it('interprets a prompt, as text or JSON', async () => {
    const text = await cli(['interpret', 'a volcanic island at dusk', '--seed', '4']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('"landform": "island"');
    const json = JSON.parse((await cli(['interpret', 'a volcanic island at dusk', '--seed', '4', '--json'])).out);
    expect(json.spec.seed).toBe(4);
    expect(json.explanation.matches.length).toBeGreaterThan(0);
  });

  it('refuses bad command lines with a pointer to --help', async () => {
    const noOut = await cli(['generate', 'a forest']);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--out');
    const badSeed = await cli(['generate', 'a forest', '--out', dir.path, '--seed', '1.5']);
    expect(badSeed.code).toBe(2);
    expect(badSeed.err).toContain('--seed must be a whole number from 0 to 4294967295 (got "1.5")');
    const dashSeed = await cli(['generate', 'a forest', '--out', dir.path, '--seed', '-3']);
    expect(dashSeed.code).toBe(2);
    expect(dashSeed.err).toContain("'--seed'");
    expect(dashSeed.err).not.toContain('..');
    const unknownFlag = await cli(['generate', 'a forest', '--out', dir.path, '--sead', '3']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.err).toContain('worldsmith generate --help');
    const empty = await cli(['interpret', '   ']);
    expect(empty.code).toBe(2);
  });

  it('refuses a bad spec file before writing anything', async () => {
    const out = join(dir.path, 'bad');
    const badSpec = join(dir.path, 'bad-spec.json');
    await writeFile(badSpec, JSON.stringify({ seed: 1, terrain: { relief: 4 }, size: { width: 0 } }));
    const invalid = await cli(['generate', '--spec', badSpec, '--out', out]);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('/terrain/relief: too large (got 4); allowed: a number from 0 to 1');
    expect(invalid.err).toContain('/size/width');
    const broken = join(dir.path, 'broken.json');
    await writeFile(broken, '{"seed": 1,');
    const notJson = await cli(['generate', '--spec', broken, '--out', out]);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('not valid JSON');
    const missing = await cli(['generate', '--spec', join(dir.path, 'nope.json'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('ENOENT');
    await expect(readdir(out)).rejects.toThrow();
  });

  it('generates world.glb, spec.json, report.json and relief.png, and validates them', async () => {
    const specFile = join(dir.path, 'small.json');
    await writeFile(specFile, JSON.stringify(SMALL_SPEC));
    const out = join(dir.path, 'small');
    const result = await cli(['generate', '--spec', specFile, '--out', out]);
    expect(result.err).not.toContain('unexpected');
    expect(result.code).toBe(0);
    expect(result.out).toContain('validator 0 errors');
    const files = (await readdir(out)).sort();
    expect(files).toEqual(['navmesh.bin', 'relief.png', 'report.json', 'spec.json', 'view.png', 'world.glb']);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.files['world.glb']).toBe((await readFile(join(out, 'world.glb'))).length);
    expect(report.validation.errors).toBe(0);
    expect(Object.keys(report.timings)).toEqual(expect.arrayContaining(['shape', 'erosion', 'water', 'document', 'glb', 'validate']));
    const spec = JSON.parse(await readFile(join(out, 'spec.json'), 'utf8'));
    expect(spec.size).toEqual(SMALL_SPEC.size);
    const png = await sharp(join(out, 'relief.png')).metadata();
    expect([png.width, png.height]).toEqual([81, 65]);
    const view = await sharp(join(out, 'view.png')).stats();
    // Not blank: the picture has real contrast (sky, lit slopes, shade).
    expect(Math.max(...view.channels.slice(0, 3).map((c) => c.stdev))).toBeGreaterThan(10);

    const check = await cli(['validate', join(out, 'world.glb')]);
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/0 errors, 0 warnings/);
  });

  it('regenerates from its own spec.json to the same bytes, with --seed overriding', async () => {
    const specFile = join(dir.path, 'small.json');
    await writeFile(specFile, JSON.stringify(SMALL_SPEC));
    const first = join(dir.path, 'first');
    await cli(['generate', '--spec', specFile, '--out', first, '--no-preview']);
    const again = join(dir.path, 'again');
    await cli(['generate', '--spec', join(first, 'spec.json'), '--out', again, '--no-preview']);
    expect((await readFile(join(again, 'world.glb'))).equals(await readFile(join(first, 'world.glb')))).toBe(true);
    const reseeded = join(dir.path, 'reseeded');
    await cli(['generate', '--spec', specFile, '--out', reseeded, '--seed', '10', '--no-preview']);
    expect(JSON.parse(await readFile(join(reseeded, 'spec.json'), 'utf8')).seed).toBe(10);
    expect((await readFile(join(reseeded, 'world.glb'))).equals(await readFile(join(first, 'world.glb')))).toBe(false);
  });

  it('writes nothing and says so when interrupted', async () => {
    const specFile = join(dir.path, 'small.json');
    await writeFile(specFile, JSON.stringify(SMALL_SPEC));
    const out = join(dir.path, 'interrupted');
    const controller = new AbortController();
    setImmediate(() => controller.abort(new Error('SIGINT')));
    const result = await cli(['generate', '--spec', specFile, '--out', out], controller.signal);
    expect(result.code).toBe(130);
    expect(result.err).toContain('interrupted; nothing was written');
    const left = await readdir(out).catch(() => []);
    expect(left).toEqual([]);
  });

  it('reports a broken glb as invalid', async () => {
    const broken = join(dir.path, 'broken.glb');
    await writeFile(broken, Buffer.from('glTF\u0002\u0000\u0000\u0000garbage'));
    const result = await cli(['validate', broken]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/[1-9]\d* errors/);
    expect((await cli(['validate', join(dir.path, 'absent.glb')])).code).toBe(2);
  });
});
