/**
 * The stream server's world catalog: ids as the model's datasets give them, worlds kept in the
 * store and found again by a restarted server or another process sharing the store, generated once
 * in a worker (concurrent loads share it), files written atomically, bad ids refused.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorldCatalog, worldIdOf } from '../../runtime/worlds/world-catalog.ts';
import { scratchDir } from '../helpers/cli-harness.ts';
import { smallSpec } from '../helpers/world-specs.ts';

describe('world catalog', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dir = await scratchDir();
  });
  afterAll(async () => dir.remove());

  it('keeps worlds in the store, finds them after a restart and from another process, and generates each once', async () => {
    const spec = smallSpec({ seed: 5 });
    const first = await openWorldCatalog({ store: dir.path });
    const added = await first.add({ spec });
    expect(added).toMatchObject({ id: worldIdOf(spec), seed: 5, status: 'known' });
    expect(added.id).toMatch(/^world-5-[0-9a-f]{8}$/);
    expect((await first.add({ spec })).id).toBe(added.id);
    const [a, b] = await Promise.all([first.load(added.id), first.load(added.id)]);
    expect(a).toBe(b);
    expect(first.get(added.id)!.status).toBe('ready');
    // The World came back from the worker whole: the query answers from it.
    const spawn = a.world.gameplay.spawn;
    expect(a.query.heightAt(spawn.x, spawn.z)).toBeCloseTo(spawn.y, 0);
    const files = await readdir(join(dir.path, 'worlds', added.id));
    expect(files.sort()).toEqual(['chunks', 'spec.json', 'stats.json', 'world.glb']);
    expect(Buffer.from(await readFile(join(dir.path, 'worlds', added.id, 'world.glb'))).equals(Buffer.from(a.glb))).toBe(true);
    expect(JSON.parse(await readFile(join(dir.path, 'worlds', added.id, 'chunks', 'index.json'), 'utf8')).format).toBe('worldsmith-chunks');

    // A restart: the same worlds; a half-written or foreign directory is not one.
    await mkdir(join(dir.path, 'worlds', 'world-9-00000000'), { recursive: true });
    await writeFile(join(dir.path, 'worlds', 'world-9-00000000', 'spec.json'), '{"seed": 9, "size"');
    const restarted = await openWorldCatalog({ store: dir.path });
    expect(restarted.list().map((w) => w.id)).toEqual([added.id]);
    // It knows the world was generated (stats.json is written last), without generating it again.
    expect(restarted.get(added.id)!.stats).toEqual(a.stats);
    expect(restarted.get(added.id)!.stats!.glbBytes).toBe(a.glb.byteLength);

    // Another process adds a world to the shared store: this one finds it when asked.
    const other = await openWorldCatalog({ store: dir.path });
    const second = await other.add({ prompt: 'a small island', seed: 3 });
    expect(restarted.get(second.id)).toBeUndefined();
    expect((await restarted.find(second.id))?.seed).toBe(3);
  });

  it('reports the generation\'s stages, stops it when the caller that started it cancels, and can start again', async () => {
    const catalog = await openWorldCatalog({ store: dir.path });
    const { id } = await catalog.add({ spec: smallSpec({ seed: 11 }) });
    const controller = new AbortController();
    const stages: string[] = [];
    const first = catalog.load(id, { signal: controller.signal, onProgress: (e) => stages.push(e.stage) });
    await new Promise((r) => setTimeout(r, 300));
    controller.abort(new Error('cancelled by the test'));
    await expect(first).rejects.toThrow(/cancelled/);
    await new Promise((r) => setTimeout(r, 50));
    expect(catalog.get(id)!.status).toBe('known');
    expect(await readdir(join(dir.path, 'worlds', id))).toEqual(['spec.json']);
    const seen: string[] = [];
    const world = await catalog.load(id, { onProgress: (e) => seen.push(e.stage) });
    expect(world.stats.glbBytes).toBe(world.glb.byteLength);
    expect(seen).toEqual(expect.arrayContaining(['shape', 'scatter', 'glb', 'chunks']));
    expect(catalog.get(id)!.status).toBe('ready');
    expect(await catalog.storedFile(id, 'world.glb')).toEqual(world.glb);
    expect(await catalog.storedFile(id, 'chunks/../spec.json')).toBeUndefined();
    expect(await catalog.storedFile(id, 'chunks/index.json')).toBeDefined();
  });

  it('refuses unknown ids, and never turns one into a path', async () => {
    const catalog = await openWorldCatalog({ store: dir.path });
    await expect(catalog.load('world-1-deadbeef')).rejects.toThrow(/No world "world-1-deadbeef".*POST \/api\/worlds/);
    await expect(catalog.load('../../etc')).rejects.toThrow(/No world/);
    expect(await catalog.find('../worlds/../../x')).toBeUndefined();
  });
});
