/**
 * Babylon.js decodes EXT_meshopt_compression with a script it fetches from its CDN, which the
 * editor cannot reach. This hands Babylon's glTF loader a decoder built on the bundled
 * `meshoptimizer` package instead, replacing `MeshoptCompression.Default` (the instance the loader
 * asks). The same pattern as engine-bridge/babylon/install-meshopt-decoder.ts, which the editor may
 * not import. Idempotent.
 */
import { MeshoptCompression } from '@babylonjs/core/Meshes/Compression/meshoptCompression.js';
import { MeshoptDecoder } from 'meshoptimizer';

type Mode = 'ATTRIBUTES' | 'TRIANGLES' | 'INDICES';
type Filter = 'NONE' | 'OCTAHEDRAL' | 'QUATERNION' | 'EXPONENTIAL' | 'COLOR';

class BundledMeshoptDecoder {
  async decodeGltfBufferAsync(source: Uint8Array, count: number, stride: number, mode: Mode, filter?: string): Promise<Uint8Array> {
    await MeshoptDecoder.ready;
    const target = new Uint8Array(count * stride);
    MeshoptDecoder.decodeGltfBuffer(target, count, stride, source, mode, (filter as Filter | undefined) ?? 'NONE');
    return target;
  }

  dispose(): void {}
}

let installed = false;

export async function installMeshoptDecoder(): Promise<void> {
  await MeshoptDecoder.ready;
  if (installed) return;
  (MeshoptCompression as unknown as { _Default: unknown })._Default = new BundledMeshoptDecoder();
  installed = true;
}
