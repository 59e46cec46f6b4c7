/** Document → .glb bytes, in memory (no file system): the CLI and server decide where they go. */
import { NodeIO, type Document } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import { ExportError } from './export-error.ts';
import { MSFTLod } from './msft-lod.ts';

/** An I/O that knows every extension Worldsmith writes, with the meshopt encoder and decoder. */
export async function worldsmithIO(): Promise<NodeIO> {
  await Promise.all([MeshoptEncoder.ready, MeshoptDecoder.ready]);
  return new NodeIO()
    .registerExtensions([...ALL_EXTENSIONS, MSFTLod])
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder });
}

export async function writeGlb(doc: Document): Promise<Uint8Array> {
  try {
    return await (await worldsmithIO()).writeBinary(doc);
  } catch (cause) {
    throw new ExportError(`Could not write the glb: ${(cause as Error).message}`, { cause });
  }
}
