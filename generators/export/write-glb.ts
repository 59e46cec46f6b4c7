/** Document → .glb bytes, in memory (no file system): the CLI and server decide where they go. */
import { NodeIO, type Document } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { ExportError } from './export-error.ts';

export async function writeGlb(doc: Document): Promise<Uint8Array> {
  try {
    const io = new NodeIO().registerExtensions(ALL_EXTENSIONS);
    return await io.writeBinary(doc);
  } catch (cause) {
    throw new ExportError(`Could not write the glb: ${(cause as Error).message}`, { cause });
  }
}
