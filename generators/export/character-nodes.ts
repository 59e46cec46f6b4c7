/**
 * A character as glTF: a root node (placed and turned by the cutscene), the 20 joints under it
 * (`<name>/hips`, `<name>/spine`, …, the bind offsets as translations, rotations identity), a
 * skinned mesh — one primitive per material, POSITION, NORMAL, COLOR_0 (linear), JOINTS_0,
 * WEIGHTS_0 — and a Skin with inverse bind matrices (pure translations: the bind pose has no
 * rotations). Materials are `Character/<name>`: white, vertex-coloured, shared by every character
 * in the document.
 *
 * The mesh node sits under the root, beside the hips: glTF ignores a skinned mesh node's own
 * transform (the joints place the vertices), so the validator notes it as a warning, not an error;
 * Babylon.js places a skinned mesh beside its skeleton's root in just this way.
 */
import type { Document, Material, Node, Scene, Skin } from '@gltf-transform/core';
import { CHARACTER_MATERIALS, type CharacterMaterialName, type CharacterModel } from '../characters/character-model.ts';
import { ExportError } from './export-error.ts';
import { roleExtras } from './node-roles.ts';

export interface CharacterNodes {
  /** Place and turn the character with this node (feet at its origin, facing its +z). */
  root: Node;
  /** In JOINT_NAMES order: hips first. */
  joints: Node[];
  /** The skinned mesh's node. */
  mesh: Node;
  skin: Skin;
}

export interface AddCharacterOptions {
  /** Node and mesh names start with it; default the design's id. */
  name?: string;
}

export function addCharacterToDocument(doc: Document, parent: Node | Scene, model: CharacterModel, options: AddCharacterOptions = {}): CharacterNodes {
  const name = options.name ?? model.design.id;
  if (!name || /[\s/]/.test(name)) {
    throw new ExportError(`addCharacterToDocument: the name "${name}" cannot name nodes; give a name without spaces or slashes (e.g. "knight-2").`);
  }
  const buffer = doc.getRoot().listBuffers()[0] ?? doc.createBuffer();
  const d = model.design;
  const root = doc.createNode(name).setExtras(roleExtras('character', { id: d.id, archetype: d.archetype, identitySeed: d.identitySeed, height: d.proportions.height, triangles: model.triangles }));
  parent.addChild(root);

  const joints = model.joints.map((joint) =>
    doc
      .createNode(`${name}/${joint.name}`)
      .setTranslation([...joint.translation])
      .setExtras(roleExtras('character-joint', { joint: joint.name })),
  );
  model.joints.forEach((joint, i) => (joint.parent < 0 ? root : joints[joint.parent]).addChild(joints[i]));

  const inverseBind = new Float32Array(model.joints.length * 16);
  model.joints.forEach((joint, i) => {
    const m = inverseBind.subarray(i * 16, i * 16 + 16);
    m[0] = m[5] = m[10] = m[15] = 1;
    m[12] = -joint.position[0];
    m[13] = -joint.position[1];
    m[14] = -joint.position[2];
  });
  const skin = doc
    .createSkin(`${name}/skin`)
    .setSkeleton(joints[0])
    .setInverseBindMatrices(doc.createAccessor(`${name}/inverseBindMatrices`, buffer).setType('MAT4').setArray(inverseBind));
  for (const node of joints) skin.addJoint(node);

  const mesh = doc.createMesh(`${name}/mesh`);
  for (const part of model.parts) {
    const prefix = `${name}/${part.material}`;
    const count = part.positions.length / 3;
    const accessor = (suffix: string, type: 'SCALAR' | 'VEC3' | 'VEC4', array: Float32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>) =>
      doc.createAccessor(`${prefix}/${suffix}`, buffer).setType(type).setArray(array);
    mesh.addPrimitive(
      doc
        .createPrimitive()
        .setAttribute('POSITION', accessor('POSITION', 'VEC3', Float32Array.from(part.positions)))
        .setAttribute('NORMAL', accessor('NORMAL', 'VEC3', Float32Array.from(part.normals)))
        .setAttribute('COLOR_0', accessor('COLOR_0', 'VEC3', Float32Array.from(part.colors)))
        .setAttribute('JOINTS_0', accessor('JOINTS_0', 'VEC4', Uint8Array.from(part.joints)))
        .setAttribute('WEIGHTS_0', accessor('WEIGHTS_0', 'VEC4', Float32Array.from(part.weights)))
        .setIndices(accessor('indices', 'SCALAR', count > 65535 ? Uint32Array.from(part.indices) : Uint16Array.from(part.indices)))
        .setMaterial(characterMaterial(doc, part.material)),
    );
  }
  const meshNode = doc
    .createNode(`${name}/mesh`)
    .setMesh(mesh)
    .setSkin(skin)
    .setExtras(roleExtras('character-mesh'));
  root.addChild(meshNode);
  return { root, joints, mesh: meshNode, skin };
}

/** `Character/<name>`, made once per document. */
function characterMaterial(doc: Document, name: CharacterMaterialName): Material {
  const full = `Character/${name}`;
  const existing = doc.getRoot().listMaterials().find((m) => m.getName() === full);
  if (existing) return existing;
  const def = CHARACTER_MATERIALS[name];
  return doc
    .createMaterial(full)
    .setBaseColorFactor([1, 1, 1, 1])
    .setRoughnessFactor(def.roughness)
    .setMetallicFactor(def.metallic)
    .setDoubleSided(def.doubleSided);
}


