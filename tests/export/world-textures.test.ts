import { NullEngine } from '@babylonjs/core/Engines/nullEngine.js';
import { LoadAssetContainerAsync } from '@babylonjs/core/Loading/sceneLoader.js';
import { Scene } from '@babylonjs/core/scene.js';
import '@babylonjs/loaders/glTF/index.js';
import type { Document, Material } from '@gltf-transform/core';
import type { Transform } from '@gltf-transform/extensions';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { installMeshoptDecoder } from '../../engine-bridge/babylon/install-meshopt-decoder.ts';
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import { buildWorldDocument } from '../../generators/export/build-world-document.ts';
import { validateGlb } from '../../generators/export/validate-glb.ts';
import { DETAIL_LEVEL, detailBaseColor, encodeWorldTextures } from '../../generators/export/world-textures.ts';
import { writeGlb } from '../../generators/export/write-glb.ts';
import { generateWorld } from '../../generators/world/generate-world.ts';
import type { World } from '../../generators/world/world.ts';
import { readGlb } from '../helpers/decode-glb.ts';
import { smallSpec } from '../helpers/world-specs.ts';

describe('a world wearing its texture sets', () => {
  let world: World;
  let glb: Uint8Array;
  let doc: Document;
  beforeAll(async () => {
    ({ world } = await generateWorld(
      smallSpec({ size: { width: 256, depth: 256, cellSize: 1 }, biomes: { 'temperate-forest': 0.6, grassland: 0.4 }, structures: [{ type: 'house' }] }),
    ));
    const textures = await encodeWorldTextures(world.textures!, encodeImageWithSharp);
    glb = await writeGlb((await buildWorldDocument(world, { textures })).doc);
    doc = await readGlb(glb);
  }, 60_000);

  it('validates with no errors and no warnings', async () => {
    const report = await validateGlb(glb);
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(0);
  });

  it('gives every ground class and textured asset material a detail, normal and ORM texture, repeating in metres', () => {
    const materials = new Map(doc.getRoot().listMaterials().map((m) => [m.getName(), m]));
    const ground = [...materials.values()].filter((m) => m.getName().startsWith('Ground/'));
    expect(ground.length).toBeGreaterThan(0);
    const textured = (m: Material) => m.getBaseColorTexture() !== null && m.getNormalTexture() !== null && m.getMetallicRoughnessTexture() === m.getOcclusionTexture();
    for (const m of ground) expect(textured(m), m.getName()).toBe(true);
    for (const name of ['Asset/bark', 'Asset/wood']) expect(textured(materials.get(name)!), name).toBe(true);
    for (const name of ['Asset/foliage', 'Asset/grass']) if (materials.has(name)) expect(materials.get(name)!.getBaseColorTexture()).toBeNull();
    // Repeat: the transform scale times the tile size is the UV unit in metres.
    const forest = materials.get('Ground/temperate-forest')!;
    const transform = forest.getBaseColorTextureInfo()!.getExtension<Transform>('KHR_texture_transform')!;
    const set = world.textures!.get('ground/temperate-forest')!;
    expect(transform.getScale()[0] * set.tileMetres).toBeCloseTo(Math.max(world.terrain.width, world.terrain.depth) / 2, 3);
  });

  it('embeds power-of-two JPEG images, each once and each used', async () => {
    const textures = doc.getRoot().listTextures();
    const texturedMaterials = doc.getRoot().listMaterials().filter((m) => m.getBaseColorTexture() !== null);
    expect(textures.length).toBe(texturedMaterials.length * 3);
    for (const texture of textures) {
      expect(texture.getMimeType()).toBe('image/jpeg');
      const meta = await sharp(texture.getImage()!).metadata();
      expect(meta.width).toBe(meta.height);
      expect(Math.log2(meta.width!) % 1).toBe(0);
    }
  });

  it('gives textured primitives UVs and unit tangents perpendicular to their normals', () => {
    let checked = 0;
    for (const mesh of doc.getRoot().listMeshes()) {
      for (const primitive of mesh.listPrimitives()) {
        if (!primitive.getMaterial()?.getNormalTexture()) continue;
        const uv = primitive.getAttribute('TEXCOORD_0');
        const tangent = primitive.getAttribute('TANGENT')!;
        const normal = primitive.getAttribute('NORMAL')!;
        expect(uv, mesh.getName()).not.toBeNull();
        const t = [0, 0, 0, 0];
        const n = [0, 0, 0];
        for (let i = 0; i < tangent.getCount(); i += 37) {
          tangent.getElement(i, t);
          normal.getElement(i, n);
          expect(Math.hypot(t[0], t[1], t[2])).toBeCloseTo(1, 1);
          expect(Math.abs(t[0] * n[0] + t[1] * n[1] + t[2] * n[2])).toBeLessThan(0.05);
          expect(Math.abs(t[3])).toBe(1);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('makes detail textures neutral around DETAIL_LEVEL and raises vertex colours to match', () => {
    const set = world.textures!.get('ground/grassland')!;
    const detail = detailBaseColor(set);
    const mean = [0, 0, 0];
    for (let i = 0; i < detail.data.length; i += 3) for (let c = 0; c < 3; c++) mean[c] += detail.data[i + c] / 255 / (detail.data.length / 3);
    for (const m of mean) expect(m).toBeGreaterThan(DETAIL_LEVEL - 0.05);
    for (const m of mean) expect(m).toBeLessThan(DETAIL_LEVEL + 0.01);
  });

  it('loads in Babylon.js with the textures on the materials', async () => {
    await installMeshoptDecoder();
    const engine = new NullEngine();
    const scene = new Scene(engine);
    const container = await LoadAssetContainerAsync(glb, scene, { pluginExtension: '.glb' });
    const ground = container.materials.find((m) => m.name === 'Ground/grassland') as unknown as { albedoTexture: unknown; bumpTexture: unknown } | undefined;
    expect(ground?.albedoTexture).toBeTruthy();
    expect(ground?.bumpTexture).toBeTruthy();
    scene.dispose();
    engine.dispose();
  });

  it('is left out without an encoder: vertex colours only', async () => {
    const plain = await buildWorldDocument(world);
    expect(plain.doc.getRoot().listTextures()).toHaveLength(0);
  });
});
