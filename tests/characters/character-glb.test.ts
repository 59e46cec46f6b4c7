import { NullEngine } from '@babylonjs/core/Engines/nullEngine.js';
import { LoadAssetContainerAsync } from '@babylonjs/core/Loading/sceneLoader.js';
import { Scene } from '@babylonjs/core/scene.js';
import '@babylonjs/loaders/glTF/index.js';
import { Document } from '@gltf-transform/core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCharacter, designCharacter, JOINT_NAMES, WALK_CYCLE_SECONDS, WALK_SPEED_METRES_PER_SECOND, type CharacterIdentity } from '../../generators/characters/index.ts';
import { addClipAnimation, addPerformance } from '../../generators/export/character-animations.ts';
import { addCharacterToDocument } from '../../generators/export/character-nodes.ts';
import { ExportError } from '../../generators/export/export-error.ts';
import { validateGlb } from '../../generators/export/validate-glb.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import type { CharacterFrame } from '../../generators/shots/timeline.ts';
import { readGlb } from '../helpers/decode-glb.ts';

const FPS = 30;

/** Walk 1.5 s along +x (yaw π/2), then idle 1 s: the kind of performance a timeline gives. */
function performance(): CharacterFrame[] {
  const frames: CharacterFrame[] = [];
  for (let i = 0; i < 75; i++) {
    const t = i / FPS;
    const walking = t < 1.5;
    const x = WALK_SPEED_METRES_PER_SECOND * Math.min(t, 1.5);
    frames.push({ position: [x, 0.5, 2], yaw: Math.PI / 2, clip: walking ? 'walk' : 'idle', clipTime: walking ? t : t - 1.5 });
  }
  return frames;
}

async function characterGlb(identities: CharacterIdentity[]): Promise<{ glb: Uint8Array; doc: Document }> {
  const doc = new Document();
  doc.createBuffer();
  const scene = doc.createScene('cutscene');
  doc.getRoot().setDefaultScene(scene);
  const cutscene = doc.createAnimation('cutscene');
  const group = doc.createNode('Characters');
  scene.addChild(group);
  for (const identity of identities) {
    const model = buildCharacter(designCharacter(identity));
    const nodes = addCharacterToDocument(doc, group, model, { name: identity.id });
    // One character: the clips keep their own names; several: each is prefixed with its character.
    const prefix = identities.length > 1 ? `${identity.id}/` : '';
    addClipAnimation(doc, nodes, model, 'idle', { name: `${prefix}idle` });
    addClipAnimation(doc, nodes, model, 'walk', { name: `${prefix}walk` });
    addPerformance(doc, cutscene, nodes, model, performance(), FPS);
  }
  return { glb: await writeGlb(doc), doc };
}

describe('characters as glTF', () => {
  const engine = new NullEngine();
  afterAll(() => engine.dispose());
  const knight: CharacterIdentity = { id: 'knight', archetype: 'knight', identitySeed: 12 };
  const wizard: CharacterIdentity = { id: 'wizard', archetype: 'wizard', identitySeed: 5, traits: ['red cloak'] };

  it('writes the same bytes for the same identities, other bytes for another seed', async () => {
    const a = await characterGlb([knight, wizard]);
    const b = await characterGlb([knight, wizard]);
    expect(Buffer.from(b.glb).equals(Buffer.from(a.glb))).toBe(true);
    const c = await characterGlb([{ ...knight, identitySeed: 13 }, wizard]);
    expect(Buffer.from(c.glb).equals(Buffer.from(a.glb))).toBe(false);
  });

  it('passes the Khronos validator with zero errors', async () => {
    const { glb } = await characterGlb([knight, wizard]);
    const report = await validateGlb(glb);
    expect(report.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(report.errors).toBe(0);
  });

  it('stores normalised rotations, strictly rising times and the performance on the root', async () => {
    const { glb } = await characterGlb([knight]);
    const doc = await readGlb(glb);
    const animations = doc.getRoot().listAnimations();
    expect(animations.map((a) => a.getName()).sort()).toEqual(['cutscene', 'idle', 'walk']);
    for (const animation of animations) {
      for (const sampler of animation.listSamplers()) {
        expect(sampler.getInterpolation()).toBe('LINEAR');
        const times = [...sampler.getInput()!.getArray()!];
        for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
      }
      for (const channel of animation.listChannels()) {
        if (channel.getTargetPath() !== 'rotation') continue;
        const values = channel.getSampler()!.getOutput()!.getArray()!;
        for (let i = 0; i < values.length; i += 4) expect(Math.hypot(values[i], values[i + 1], values[i + 2], values[i + 3])).toBeCloseTo(1, 5);
      }
    }
    const walk = animations.find((a) => a.getName() === 'walk')!;
    const walkTimes = walk.listSamplers()[0].getInput()!.getArray()!;
    expect(walkTimes[walkTimes.length - 1]).toBeCloseTo(WALK_CYCLE_SECONDS, 5);
    // The walk loop closes: last key = first key on every channel.
    for (const channel of walk.listChannels()) {
      const out = channel.getSampler()!.getOutput()!;
      const first = out.getElement(0, []);
      const last = out.getElement(out.getCount() - 1, []);
      first.forEach((v, k) => expect(last[k]).toBeCloseTo(v, 5));
    }
    const cutscene = animations.find((a) => a.getName() === 'cutscene')!;
    const root = doc.getRoot().listNodes().find((n) => n.getName() === 'knight')!;
    const rootChannels = cutscene.listChannels().filter((c) => c.getTargetNode() === root);
    expect(rootChannels.map((c) => c.getTargetPath()).sort()).toEqual(['rotation', 'translation']);
    const rotation = rootChannels.find((c) => c.getTargetPath() === 'rotation')!.getSampler()!.getOutput()!.getElement(0, []);
    expect(Math.abs(rotation[1])).toBeCloseTo(Math.sin(Math.PI / 4), 5);
    const translation = rootChannels.find((c) => c.getTargetPath() === 'translation')!.getSampler()!.getOutput()!;
    expect(translation.getElement(74, [])[0]).toBeCloseTo(WALK_SPEED_METRES_PER_SECOND * 1.5, 4);
    expect(cutscene.listChannels()).toHaveLength(2 + 1 + JOINT_NAMES.length);
  });

  it('loads in Babylon.js with a skeleton and idle, walk and cutscene animation groups', async () => {
    const scene = new Scene(engine);
    const one = await LoadAssetContainerAsync((await characterGlb([knight])).glb, scene, { pluginExtension: '.glb' });
    expect(one.skeletons).toHaveLength(1);
    expect(one.skeletons[0].bones.map((b) => b.name)).toEqual(JOINT_NAMES.map((j) => `knight/${j}`));
    expect(one.animationGroups.map((g) => g.name).sort()).toEqual(['cutscene', 'idle', 'walk']);
    const walk = one.animationGroups.find((g) => g.name === 'walk')!;
    // Babylon's glTF loader counts animation time in 60ths of a second.
    expect((walk.to - walk.from) / 60).toBeCloseTo(WALK_CYCLE_SECONDS, 3);
    expect(one.meshes.filter((m) => m.skeleton).length).toBeGreaterThan(2);
    expect(one.materials.map((m) => m.name)).toContain('Character/skin');
    const two = await LoadAssetContainerAsync((await characterGlb([knight, wizard])).glb, scene, { pluginExtension: '.glb' });
    expect(two.skeletons).toHaveLength(2);
    expect(two.animationGroups.map((g) => g.name).sort()).toEqual(['cutscene', 'knight/idle', 'knight/walk', 'wizard/idle', 'wizard/walk']);
    scene.dispose();
  });

  it('refuses a performance it cannot write, naming the frame', async () => {
    const doc = new Document();
    const model = buildCharacter(designCharacter(knight));
    const nodes = addCharacterToDocument(doc, doc.createScene(), model, { name: 'k' });
    const animation = doc.createAnimation('cutscene');
    expect(() => addPerformance(doc, animation, nodes, model, [], 30)).toThrow(ExportError);
    const bad = performance();
    bad[3] = { ...bad[3], yaw: Number.NaN };
    expect(() => addPerformance(doc, animation, nodes, model, bad, 30)).toThrow(/frame 3/);
    expect(() => addClipAnimation(doc, nodes, model, 'walk', { fps: 0 })).toThrow(/fps 0/);
    expect(() => addCharacterToDocument(doc, doc.createScene(), model, { name: 'a b' })).toThrow(ExportError);
  });
});
