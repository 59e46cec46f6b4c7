/**
 * Babylon.js decodes EXT_meshopt_compression with a decoder script it fetches from a CDN, which
 * Node (and an offline browser) cannot do. This hands Babylon's loader a decoder built on the
 * `meshoptimizer` npm package instead: `MeshoptCompression.Default` — the instance the glTF loader
 * asks — is replaced by one that decodes synchronously in-process. Idempotent.
 */
import { MeshoptCompression } from '@babylonjs/core/Meshes/Compression/meshoptCompression.js';
import { MeshoptDecoder } from 'meshoptimizer';

type Mode = 'ATTRIBUTES' | 'TRIANGLES' | 'INDICES';
type Filter = 'NONE' | 'OCTAHEDRAL' | 'QUATERNION' | 'EXPONENTIAL' | 'COLOR';

class PackagedMeshoptDecoder {
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
  (MeshoptCompression as unknown as { _Default: unknown })._Default = new PackagedMeshoptDecoder();
  installed = true;
}
