import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/cli-harness.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../cli/bin.js');

describe('determinism across processes', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dir = await scratchDir();
  });
  afterAll(async () => dir.remove());

  it('the same prompt and seed give byte-identical files (world.glb, navmesh, every chunk) in two separate processes', async () => {
    const prompt = 'a small coastal archipelago of rocky islands with a lighthouse at sunset';
    const [a, b] = await Promise.all(
      ['a', 'b'].map((name) => run(process.execPath, [BIN, 'generate', prompt, '--seed', '5', '--chunks', '--out', join(dir.path, name), '--no-preview'])),
    );
    expect(a.stdout).toContain('validator 0 errors');
    expect(b.stdout).toContain('validator 0 errors');
    const glbA = await readFile(join(dir.path, 'a', 'world.glb'));
    const glbB = await readFile(join(dir.path, 'b', 'world.glb'));
    expect(glbA.length).toBeGreaterThan(10_000);
    expect(glbA.equals(glbB)).toBe(true);
    const files = ['navmesh.bin', 'chunks/index.json', ...(await readdir(join(dir.path, 'a', 'chunks'))).map((f) => `chunks/${f}`)];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const [x, y] = await Promise.all([readFile(join(dir.path, 'a', file)), readFile(join(dir.path, 'b', file))]);
      expect(x.equals(y), file).toBe(true);
    }
  });

  it('exits with 2 and a message on a bad spec, without a stack trace', async () => {
    const bad = join(dir.path, 'bad.json');
    await writeFile(bad, JSON.stringify({ seed: 'x' }));
    const failed = await run(process.execPath, [BIN, 'generate', '--spec', bad, '--out', join(dir.path, 'c')]).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('/seed: not a whole number');
    expect(failed.stderr).not.toContain('    at ');
  });
});
