/** Reads a glb (meshopt and quantization included) back into a Document, with every extension Worldsmith writes. */
import type { Document } from '@gltf-transform/core';
import { worldsmithIO } from '../../generators/export/write-glb.ts';

export async function readGlb(glb: Uint8Array): Promise<Document> {
  return (await worldsmithIO()).readBinary(glb);
}

export function roleOf(node: { getExtras(): unknown }): string | undefined {
  return (node.getExtras() as { worldsmith?: { role?: string } }).worldsmith?.role;
}

/** World-space positions of a node's mesh (applies the node's scale and translation; no rotation). */
export function worldPositions(node: import('@gltf-transform/core').Node): Float64Array {
  const primitive = node.getMesh()!.listPrimitives()[0];
  const accessor = primitive.getAttribute('POSITION')!;
  const [sx, sy, sz] = node.getScale();
  const [tx, ty, tz] = node.getTranslation();
  const out = new Float64Array(accessor.getCount() * 3);
  const element = [0, 0, 0];
  for (let i = 0; i < accessor.getCount(); i++) {
    accessor.getElement(i, element);
    out[i * 3] = element[0] * sx + tx;
    out[i * 3 + 1] = element[1] * sy + ty;
    out[i * 3 + 2] = element[2] * sz + tz;
  }
  return out;
}
