import { Document, NodeIO } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { MSFT_LOD, MSFTLod, type Lod } from '../../generators/export/msft-lod.ts';
import { validateGlb } from '../../generators/export/validate-glb.ts';

describe('MSFT_lod', () => {
  it('writes ids and screen coverage, validates, and reads back', async () => {
    const doc = new Document();
    const buffer = doc.createBuffer();
    const mesh = (n: number) =>
      doc.createMesh(`m${n}`).addPrimitive(
        doc.createPrimitive().setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, n])).setBuffer(buffer)),
      );
    const lods = doc.createExtension(MSFTLod);
    const low = doc.createNode('low').setMesh(mesh(1));
    const high = doc.createNode('high').setMesh(mesh(0)).setExtension(MSFT_LOD, lods.createLod().addLod(low).setCoverage([0.5, 0.1]));
    doc.createScene().addChild(high);
    const io = new NodeIO().registerExtensions([MSFTLod]);
    const glb = await io.writeBinary(doc);
    expect((await validateGlb(glb)).errors).toBe(0);
    const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + new DataView(glb.buffer, glb.byteOffset).getUint32(12, true))));
    const highDef = json.nodes.find((n: { name: string }) => n.name === 'high');
    expect(highDef.extensions.MSFT_lod.ids).toEqual([json.nodes.findIndex((n: { name: string }) => n.name === 'low')]);
    expect(highDef.extras.MSFT_screencoverage).toEqual([0.5, 0.1]);
    const read = await io.readBinary(glb);
    const readHigh = read.getRoot().listNodes().find((n) => n.getName() === 'high')!;
    expect(readHigh.getExtension<Lod>(MSFT_LOD)!.listLods().map((n) => n.getName())).toEqual(['low']);
  });
});
