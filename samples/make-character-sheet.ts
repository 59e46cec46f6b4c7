/**
 * `npx tsx samples/make-character-sheet.ts`: every character archetype in a row, and one
 * archetype in several seeds and trait words, mid-stride on a ground plane, rendered by the render
 * bridge (Babylon.js in headless Chromium) — written to samples/gallery/characters.jpg.
 *
 * The renderer draws a skinned mesh as its joints stand, so each character's pose (a phase of its
 * walk, or of its idle) is baked into its joint nodes' rotations; the file has no animations.
 */
import { mkdir } from 'node:fs/promises';
import { Document, type Node } from '@gltf-transform/core';
import { KHRLightsPunctual } from '@gltf-transform/extensions';
import sharp from 'sharp';
import { renderStill } from '../engine-bridge/render/render-still.ts';
import type { RenderCamera } from '../engine-bridge/render/page/render-job.ts';
import { buildCharacter, designCharacter, sampleClip, type CharacterIdentity, type ClipName } from '../generators/characters/index.ts';
import { addCharacterToDocument } from '../generators/export/character-nodes.ts';
import { rotationFromTo } from '../generators/export/key-light.ts';
import { writeGlb } from '../generators/export/write-glb.ts';
import { CHARACTER_ARCHETYPES } from '../generators/spec/world-spec-schema.ts';

const OUT = 'samples/gallery/characters.jpg';
const SIZE = { width: 1280, height: 460 };
const CAPTION = 26;

interface Placed {
  identity: CharacterIdentity;
  clip: ClipName;
  phase: number;
  caption: string;
}

const archetypes: Placed[] = CHARACTER_ARCHETYPES.map((archetype, i) => ({
  identity: { id: archetype, archetype, identitySeed: 1000 + i * 37 },
  clip: 'walk',
  phase: i % 2 === 0 ? 0.12 : 0.62,
  caption: archetype,
}));
const variants: Placed[] = [
  ...[11, 12, 13, 14, 15, 16].map((seed, i) => ({
    identity: { id: `villager-${seed}`, archetype: 'villager' as const, identitySeed: seed },
    clip: (i % 3 === 2 ? 'idle' : 'walk') as ClipName,
    phase: i % 2 === 0 ? 0.3 : 0.8,
    caption: `villager #${seed}`,
  })),
  { identity: { id: 'wanderer-red', archetype: 'wanderer', identitySeed: 21, traits: ['she', 'red cloak', 'hooded'] }, clip: 'walk', phase: 0.1, caption: 'she, red cloak, hooded' },
  { identity: { id: 'knight-tall', archetype: 'knight', identitySeed: 22, traits: ['tall', 'blue surcoat'] }, clip: 'idle', phase: 0.25, caption: 'tall, blue surcoat' },
  { identity: { id: 'monk-bearded', archetype: 'monk', identitySeed: 23, traits: ['old', 'bearded', 'white robe'] }, clip: 'walk', phase: 0.55, caption: 'old, bearded, white robe' },
  { identity: { id: 'child-green', archetype: 'child', identitySeed: 24, traits: ['girl', 'green dress'] }, clip: 'walk', phase: 0.35, caption: 'girl, green dress' },
];

const rows: Buffer[] = [];
for (const row of [archetypes.slice(0, 6), archetypes.slice(6), variants.slice(0, 5), variants.slice(5)]) rows.push(await renderRow(row));
await mkdir('samples/gallery', { recursive: true });
await sharp({ create: { width: SIZE.width, height: rows.length * (SIZE.height + CAPTION), channels: 3, background: '#111' } })
  .composite(rows.map((input, i) => ({ input, left: 0, top: i * (SIZE.height + CAPTION) })))
  .jpeg({ quality: 88 })
  .toFile(OUT);
console.log(`wrote ${OUT}`);

async function renderRow(row: Placed[]): Promise<Buffer> {
  const spacing = 0.95;
  const doc = new Document();
  doc.createBuffer();
  const scene = doc.createScene('characters');
  doc.getRoot().setDefaultScene(scene);
  addGround(doc, scene);
  addSun(doc, scene);
  const xs = row.map((_, i) => (i - (row.length - 1) / 2) * spacing);
  row.forEach((placed, i) => {
    const model = buildCharacter(designCharacter(placed.identity));
    const nodes = addCharacterToDocument(doc, scene, model, { name: placed.identity.id });
    const cycle = placed.clip === 'walk' ? 1.1 : 4;
    const pose = sampleClip(model, placed.clip, placed.phase * cycle);
    nodes.joints.forEach((joint, j) => joint.setRotation(pose.rotations[j]));
    const hips = model.joints[0].translation;
    nodes.joints[0].setTranslation([hips[0] + pose.hipsOffset[0], hips[1] + pose.hipsOffset[1], hips[2] + pose.hipsOffset[2]]);
    const yaw = 0.45;
    nodes.root.setTranslation([xs[i], 0, 0]).setRotation([0, Math.sin(yaw / 2), 0, Math.cos(yaw / 2)]);
  });
  const width = 5 * spacing + 1.1;
  const fov = 24;
  const aspect = SIZE.width / SIZE.height;
  const distance = width / 2 / (Math.tan((fov * Math.PI) / 360) * aspect) + 0.6;
  const camera: RenderCamera = { position: [0, 1.25, distance], target: [0, 0.98, 0], fovDegrees: fov };
  const still = await renderStill(await writeGlb(doc), {
    ...SIZE,
    camera,
    environment: {
      zenith: [0.32, 0.46, 0.72],
      horizon: [0.62, 0.7, 0.78],
      ambient: { sky: [0.55, 0.62, 0.78], ground: [0.32, 0.29, 0.24], intensity: 0.75 },
      fog: null,
    },
  });
  console.log(`row of ${row.length}: ${Math.round(still.ms.total)} ms (${still.browser.kind})`);
  const captions = row
    .map((placed, i) => {
      const x = project(camera, [xs[i], 0, 0.35]).x;
      return `<text x="${x.toFixed(1)}" y="18" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="${placed.caption.length > 14 ? 9.5 : 12}" fill="#eee">${placed.caption}</text>`;
    })
    .join('');
  const caption = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE.width}" height="${CAPTION}"><rect width="100%" height="100%" fill="#111"/>${captions}</svg>`);
  return sharp({ create: { width: SIZE.width, height: SIZE.height + CAPTION, channels: 3, background: '#111' } })
    .composite([
      { input: Buffer.from(still.png), left: 0, top: 0 },
      { input: caption, left: 0, top: SIZE.height },
    ])
    .png()
    .toBuffer();
}

function addGround(doc: Document, scene: ReturnType<Document['createScene']>): Node {
  const buffer = doc.getRoot().listBuffers()[0];
  const s = 30;
  const positions = new Float32Array([-s, 0, -s, s, 0, -s, s, 0, s, -s, 0, s]);
  const normals = new Float32Array([0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0]);
  const material = doc.createMaterial('Ground').setBaseColorFactor([0.2, 0.24, 0.14, 1]).setRoughnessFactor(0.95).setMetallicFactor(0);
  const primitive = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor('ground/POSITION', buffer).setType('VEC3').setArray(positions))
    .setAttribute('NORMAL', doc.createAccessor('ground/NORMAL', buffer).setType('VEC3').setArray(normals))
    .setIndices(doc.createAccessor('ground/indices', buffer).setType('SCALAR').setArray(new Uint16Array([0, 2, 1, 0, 3, 2])))
    .setMaterial(material);
  const node = doc.createNode('Ground').setMesh(doc.createMesh('Ground').addPrimitive(primitive));
  scene.addChild(node);
  return node;
}

function addSun(doc: Document, scene: ReturnType<Document['createScene']>): void {
  const light = doc.createExtension(KHRLightsPunctual).createLight('Sun').setType('directional').setColor([1, 0.95, 0.88]).setIntensity(3);
  const toward = normalize([-0.45, 0.8, 0.55]);
  scene.addChild(doc.createNode('Sun').setRotation(rotationFromTo([0, 0, -1], [-toward[0], -toward[1], -toward[2]])).setExtension('KHR_lights_punctual', light));
}

function normalize(v: [number, number, number]): [number, number, number] {
  const l = Math.hypot(...v);
  return [v[0] / l, v[1] / l, v[2] / l];
}

/** Where a glTF point lands on the frame (pinhole, vertical field of view), for the captions. */
function project(camera: RenderCamera, p: [number, number, number]): { x: number; y: number } {
  const f = normalize([camera.target[0] - camera.position[0], camera.target[1] - camera.position[1], camera.target[2] - camera.position[2]]);
  const r = normalize([-f[2], 0, f[0]]);
  const u: [number, number, number] = [r[1] * f[2] - r[2] * f[1], r[2] * f[0] - r[0] * f[2], r[0] * f[1] - r[1] * f[0]];
  const d = [p[0] - camera.position[0], p[1] - camera.position[1], p[2] - camera.position[2]];
  const z = d[0] * f[0] + d[1] * f[1] + d[2] * f[2];
  const k = SIZE.height / 2 / Math.tan((camera.fovDegrees * Math.PI) / 360);
  return { x: SIZE.width / 2 + (k * (d[0] * r[0] + d[1] * r[1] + d[2] * r[2])) / z, y: SIZE.height / 2 - (k * (d[0] * u[0] + d[1] * u[1] + d[2] * u[2])) / z };
}
