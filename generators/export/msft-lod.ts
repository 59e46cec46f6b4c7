/**
 * MSFT_lod for glTF-Transform (which does not ship it): a node lists lower-detail nodes to show
 * at a distance, with `extras.MSFT_screencoverage` giving the share of the screen below which each
 * LOD takes over. The lower-LOD nodes are in the file but not in the scene, so a viewer that
 * ignores the extension shows LOD0 only — and one that knows it (Babylon.js, engine importers)
 * gets the chain. Declared used, not required.
 * Spec: https://github.com/KhronosGroup/glTF/tree/main/extensions/2.0/Vendor/MSFT_lod
 */
import {
  Extension,
  ExtensionProperty,
  type IProperty,
  Node,
  PropertyType,
  type ReaderContext,
  RefList,
  type WriterContext,
} from '@gltf-transform/core';

export const MSFT_LOD = 'MSFT_lod';

interface ILod extends IProperty {
  lods: RefList<Node>;
  coverage: number[];
}

export class Lod extends ExtensionProperty<ILod> {
  static override EXTENSION_NAME = MSFT_LOD;
  declare extensionName: typeof MSFT_LOD;
  declare propertyType: 'Lod';
  declare parentTypes: [PropertyType.NODE];

  protected init(): void {
    this.extensionName = MSFT_LOD;
    this.propertyType = 'Lod';
    this.parentTypes = [PropertyType.NODE];
  }

  protected override getDefaults() {
    return Object.assign(super.getDefaults(), { lods: new RefList<Node>(), coverage: [] as number[] });
  }

  addLod(node: Node): this {
    return this.addRef('lods', node);
  }

  listLods(): Node[] {
    return this.listRefs('lods');
  }

  /** Screen coverage thresholds, one per level including LOD0 (falling). */
  setCoverage(coverage: number[]): this {
    return this.set('coverage', coverage);
  }

  getCoverage(): number[] {
    return this.get('coverage');
  }
}

export class MSFTLod extends Extension {
  static override readonly EXTENSION_NAME = MSFT_LOD;
  override readonly extensionName = MSFT_LOD;

  createLod(): Lod {
    return new Lod(this.document.getGraph());
  }

  read(context: ReaderContext): this {
    const nodeDefs = context.jsonDoc.json.nodes ?? [];
    nodeDefs.forEach((nodeDef, index) => {
      const def = nodeDef.extensions?.[MSFT_LOD] as { ids?: number[] } | undefined;
      if (!def) return;
      const lod = this.createLod();
      for (const id of def.ids ?? []) lod.addLod(context.nodes[id]);
      const coverage = (nodeDef.extras as { MSFT_screencoverage?: number[] } | undefined)?.MSFT_screencoverage;
      if (coverage) lod.setCoverage(coverage);
      context.nodes[index].setExtension(MSFT_LOD, lod);
    });
    return this;
  }

  write(context: WriterContext): this {
    const json = context.jsonDoc.json;
    for (const node of this.document.getRoot().listNodes()) {
      const lod = node.getExtension<Lod>(MSFT_LOD);
      if (!lod) continue;
      const nodeDef = json.nodes![context.nodeIndexMap.get(node)!];
      nodeDef.extensions = { ...(nodeDef.extensions ?? {}), [MSFT_LOD]: { ids: lod.listLods().map((n) => context.nodeIndexMap.get(n)!) } };
      if (lod.getCoverage().length > 0) nodeDef.extras = { ...(nodeDef.extras ?? {}), MSFT_screencoverage: lod.getCoverage() };
    }
    return this;
  }
}
