/**
 * The material of helper geometry — terrain colliders, the navmesh, paths as lines — that games
 * need but viewers should not draw: fully transparent, so a glTF viewer shows nothing, while an
 * importer finds the geometry by its node's role. One per document.
 */
import type { Document, Material } from '@gltf-transform/core';

export const HIDDEN_MATERIAL = 'Worldsmith/Hidden';

export function hiddenMaterial(doc: Document): Material {
  return (
    doc.getRoot().listMaterials().find((m) => m.getName() === HIDDEN_MATERIAL) ??
    doc
      .createMaterial(HIDDEN_MATERIAL)
      .setBaseColorFactor([1, 0, 1, 0])
      .setAlphaMode('BLEND')
      .setDoubleSided(false)
      .setExtras({ worldsmith: { hidden: true } })
  );
}
