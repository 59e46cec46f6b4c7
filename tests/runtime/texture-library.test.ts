/**
 * The texture lab's store: a 1024² set made in a worker thread has exactly the bytes of one made in
 * process; a set is made once per description, size and seed; files are read only by the names a
 * set has; a world's library keeps what was saved to it.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import { describeMaterial } from '../../generators/textures/describe-material.ts';
import { makeTextureSetFiles } from '../../generators/textures/texture-set-files.ts';
import { makeTextureSet } from '../../generators/textures/texture-set.ts';
import { openTextureLibrary, type TextureLibrary } from '../../runtime/textures/texture-library.ts';

let dir: string;
let library: TextureLibrary;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ws-textures-'));
  library = await openTextureLibrary(dir);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('texture library', () => {
  it('makes a large set in a worker thread with the same bytes as in process', async () => {
    const made = await library.make({ description: 'red bricks', size: 1024, seed: 1 });
    expect(made).toMatchObject({ family: 'bricks', size: 1024, seed: 1 });
    const explanation = describeMaterial('red bricks');
    const { files } = await makeTextureSetFiles(makeTextureSet(explanation.recipe, { size: 1024, seed: 1 }), { format: 'png', encode: encodeImageWithSharp, description: { text: 'red bricks', explanation } });
    for (const f of files) expect(Buffer.from((await library.file(made.id, f.name))!).equals(Buffer.from(f.bytes)), f.name).toBe(true);
    // Made once: asked again, the same set from the store.
    expect((await library.make({ description: 'red bricks', size: 1024, seed: 1 })).id).toBe(made.id);
    expect((await readdir(join(dir, 'textures'))).filter((n) => n.startsWith(made.id))).toEqual([made.id]);
  });

  it('reads only the files a set has, and keeps each world\'s library', async () => {
    const made = await library.make({ description: 'wet cobblestone', size: 256 });
    expect(await library.file(made.id, '../../etc/passwd')).toBeUndefined();
    expect(await library.file(made.id, 'nothing.png')).toBeUndefined();
    expect(await library.file('tex-1-../../x', 'basecolor.png')).toBeUndefined();
    expect(await library.worldLibrary('world-1-aaaaaaaa')).toEqual([]);
    expect((await library.saveToWorld('world-1-aaaaaaaa', made.id)).map((t) => t.id)).toEqual([made.id]);
    expect((await library.saveToWorld('world-1-aaaaaaaa', made.id)).map((t) => t.id)).toEqual([made.id]);
    await expect(library.saveToWorld('world-1-aaaaaaaa', 'tex-1-00000000')).rejects.toThrow(/make it first/);
    const reopened = await openTextureLibrary(dir);
    expect((await reopened.worldLibrary('world-1-aaaaaaaa')).map((t) => t.name)).toEqual(['wet cobblestone']);
  });
});
