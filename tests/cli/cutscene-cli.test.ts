import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../engine-bridge/video/probe-media.ts';
import { buildCharacter } from '../../generators/characters/build-character.ts';
import { designCharacter } from '../../generators/characters/design-character.ts';
import { validateGlb } from '../../generators/export/validate-glb.ts';
import type { Timeline } from '../../generators/shots/timeline.ts';
import { cli, scratchDir } from '../helpers/cli-harness.ts';

/**
 * plan → cutscene on a small world, end to end: the MP4 (H.264 + AAC, planned frames and length),
 * the cutscene glb (valid; the same character mesh as its identity alone gives), the timeline and
 * the contact sheet; and bad plans refused before any browser starts.
 */
describe('worldsmith plan and cutscene', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let world: string;
  let planPath: string;
  let cut: string;
  let result: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    dir = await scratchDir();
    world = join(dir.path, 'world');
    await writeFile(join(dir.path, 'spec.json'), JSON.stringify({ seed: 7, size: { width: 160, depth: 160, cellSize: 2 }, structures: [{ type: 'tower' }], characters: [{ id: 'knight', archetype: 'knight' }], time: { hour: 11 } }));
    const made = await cli(['generate', '--spec', join(dir.path, 'spec.json'), '--out', world, '--no-preview', '--no-textures']);
    expect(made.code, made.err).toBe(0);
    planPath = join(dir.path, 'plan.json');
    const planned = await cli(['plan', 'orbit around the tower for 1 second; close-up of the knight for 1 second', '--world', world, '--out', planPath]);
    expect(planned.code, planned.err).toBe(0);
    cut = join(dir.path, 'cut');
    result = await cli(['cutscene', planPath, '--world', world, '--out', cut, '--size', '320x180', '--fps', '24']);
  }, 600_000);
  afterAll(() => dir.remove());

  it('plans the storyboard against the world, with each shot’s framing written in', async () => {
    const plan = JSON.parse(await readFile(planPath, 'utf8'));
    expect(plan.shots.map((s: { type: string; subject: string }) => [s.type, s.subject])).toEqual([
      ['orbit', 'structure:tower'],
      ['close-up', 'character:knight'],
    ]);
    for (const shot of plan.shots) expect(Object.keys(shot.rig)).toEqual(expect.arrayContaining(['distance', 'height', 'azimuthDegrees']));
    expect(plan.world).toEqual({ seed: 7 });
  });

  it('writes an MP4 that plays: H.264 yuv420p and AAC, the planned frames and length, moov first', async () => {
    expect(result.code, result.err).toBe(0);
    const probe = await probeMedia(join(cut, 'cutscene.mp4'), { countFrames: true });
    const video = probe.streams.find((s) => s.type === 'video')!;
    const audio = probe.streams.find((s) => s.type === 'audio')!;
    expect([video.codec, video.pixelFormat, video.width, video.height, video.frameRate]).toEqual(['h264', 'yuv420p', 320, 180, 24]);
    expect(video.frames).toBe(48);
    expect(video.readFrames).toBe(48);
    expect(audio.codec).toBe('aac');
    expect(Math.abs(probe.duration! - 2)).toBeLessThan(0.05);
    expect(Math.abs(audio.duration! - 2)).toBeLessThan(0.05);
    const bytes = await readFile(join(cut, 'cutscene.mp4'));
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
  });

  it('writes a valid cutscene glb whose knight is the mesh her identity gives, once, with cameras per shot', async () => {
    const glb = new Uint8Array(await readFile(join(cut, 'cutscene.glb')));
    const summary = await validateGlb(glb, 5);
    expect(summary.errors).toBe(0);
    const timeline = JSON.parse(await readFile(join(cut, 'timeline.json'), 'utf8')) as Timeline;
    const doc = await new NodeIO().readBinary(glb);
    const root = doc.getRoot();
    expect(root.listAnimations().map((a) => a.getName())).toContain('cutscene');
    expect(root.listCameras()).toHaveLength(timeline.shots.length);
    const meshes = root.listMeshes().filter((m) => m.getName().startsWith('knight'));
    expect(meshes).toHaveLength(1);
    const alone = buildCharacter(designCharacter(timeline.characters[0].identity));
    const positions = meshes[0].listPrimitives().reduce((n, p) => n + p.getAttribute('POSITION')!.getCount(), 0);
    expect(positions).toBe(alone.parts.reduce((n, p) => n + p.positions.length / 3, 0));
  });

  it('writes a contact sheet with one captioned frame per shot', async () => {
    const meta = await sharp(await readFile(join(cut, 'contact-sheet.png'))).metadata();
    expect(meta.width).toBe(800);
    expect(meta.height).toBeGreaterThan(200);
  });

  it('refuses a plan that cannot be filmed before starting a browser (exit 2), writing nothing', async () => {
    const plan = JSON.parse(await readFile(planPath, 'utf8'));
    const cases: Array<[unknown, RegExp]> = [
      [{ ...plan, shots: [{ ...plan.shots[0], subject: 'structure:castle' }] }, /no structure "castle".*structure-1 \(tower\)/s],
      [{ ...plan, shots: [{ ...plan.shots[0], durationSeconds: 0 }] }, /\/shots\/0\/durationSeconds/],
      [{ ...plan, shots: [{ ...plan.shots[0], type: 'dolly', rig: { distance: 60, height: -45, azimuthDegrees: 0 } }] }, /cannot be framed/],
    ];
    for (const [bad, message] of cases) {
      const badPath = join(dir.path, 'bad-plan.json');
      await writeFile(badPath, JSON.stringify(bad));
      const started = performance.now();
      const out = join(dir.path, 'never');
      const refused = await cli(['cutscene', badPath, '--world', world, '--out', out, '--size', '320x180']);
      expect(refused.code, refused.err).toBe(2);
      expect(refused.err).toMatch(message);
      expect(performance.now() - started).toBeLessThan(60_000);
      await expect(readFile(join(out, 'cutscene.mp4'))).rejects.toThrow();
    }
  }, 240_000);
});
