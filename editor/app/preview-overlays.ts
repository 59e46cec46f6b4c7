/**
 * What the preview can show on top of the world, each behind a toggle: the colliders and the
 * navmesh (hidden in the file by their transparent material; shown here with translucent
 * materials of their own), the points of interest, spawn and paths (tall emissive markers with
 * HTML labels that follow them on screen), and the chunk grid (a wire box per chunk of the
 * chunked export, from its index.json).
 */
import {
  Color3,
  Matrix,
  MeshBuilder,
  StandardMaterial,
  TransformNode,
  Vector3,
  type AbstractMesh,
  type AssetContainer,
  type Material,
  type Scene,
} from '@babylonjs/core';
import type { ChunkIndex } from './api-types.ts';
import { h } from './element.ts';
import { hasRoleWithin, roleOf, worldsmithExtras } from './world-node-roles.ts';

export type OverlayName = 'colliders' | 'navmesh' | 'poi' | 'chunks';

interface Label {
  element: HTMLElement;
  anchor: TransformNode;
}

function flatMaterial(scene: Scene, name: string, color: Color3, alpha: number, wireframe: boolean): StandardMaterial {
  const material = new StandardMaterial(name, scene);
  material.diffuseColor = color;
  material.emissiveColor = color.scale(0.6);
  material.specularColor = Color3.Black();
  material.alpha = alpha;
  material.wireframe = wireframe;
  material.backFaceCulling = false;
  material.zOffset = -2;
  return material;
}

export class PreviewOverlays {
  private container: AssetContainer | null = null;
  private worldSize = 256;
  private readonly on: Record<OverlayName, boolean> = { colliders: false, navmesh: false, poi: false, chunks: false };
  private readonly originals = new Map<AbstractMesh, Material | null>();
  private readonly built: Record<OverlayName, Array<TransformNode | AbstractMesh>> = { colliders: [], navmesh: [], poi: [], chunks: [] };
  private labels: Label[] = [];
  private readonly materials: Record<'collider' | 'navmesh' | 'path' | 'poi' | 'spawn' | 'chunk', StandardMaterial>;

  constructor(
    private readonly scene: Scene,
    private readonly labelLayer: HTMLElement,
    private readonly loadChunkIndex: () => Promise<ChunkIndex>,
  ) {
    this.materials = {
      collider: flatMaterial(scene, 'overlay/collider', new Color3(1, 0.55, 0.1), 0.55, true),
      navmesh: flatMaterial(scene, 'overlay/navmesh', new Color3(0.1, 0.75, 1), 0.45, false),
      path: flatMaterial(scene, 'overlay/path', new Color3(1, 0.9, 0.2), 1, false),
      poi: flatMaterial(scene, 'overlay/poi', new Color3(1, 0.25, 0.6), 0.9, false),
      spawn: flatMaterial(scene, 'overlay/spawn', new Color3(0.2, 1, 0.4), 0.9, false),
      chunk: flatMaterial(scene, 'overlay/chunk', new Color3(0.9, 0.9, 1), 1, false),
    };
    for (const material of Object.values(this.materials)) material.disableLighting = true;
    this.materials.path.zOffset = -4;
    scene.onAfterRenderObservable.add(() => this.placeLabels());
  }

  /** A newly loaded world: overlays of the last one are dropped, the toggles that are on are redrawn. */
  async setWorld(container: AssetContainer, worldSize: number): Promise<void> {
    for (const name of Object.keys(this.on) as OverlayName[]) this.clear(name);
    this.originals.clear();
    this.container = container;
    this.worldSize = worldSize;
    for (const name of Object.keys(this.on) as OverlayName[]) if (this.on[name]) await this.draw(name);
  }

  async toggle(name: OverlayName, on: boolean): Promise<void> {
    this.on[name] = on;
    if (on) await this.draw(name);
    else this.clear(name);
  }

  private meshesWithRole(roles: string[]): AbstractMesh[] {
    return (this.container?.meshes ?? []).filter((mesh) => mesh.getTotalVertices() > 0 && hasRoleWithin(mesh, roles));
  }

  /** Shows a hidden helper mesh with `material`, keeping its primitive mode (paths are line strips). */
  private reveal(mesh: AbstractMesh, material: StandardMaterial): void {
    if (!this.originals.has(mesh)) this.originals.set(mesh, mesh.material);
    const original = this.originals.get(mesh);
    const own = original && original.fillMode !== material.fillMode ? material.clone(`${material.name}/${original.fillMode}`) : material;
    if (original && own !== material) own.fillMode = original.fillMode;
    mesh.material = own;
    mesh.isPickable = false;
  }

  private conceal(mesh: AbstractMesh): void {
    if (!this.originals.has(mesh)) return;
    const shown = mesh.material;
    mesh.material = this.originals.get(mesh) ?? null;
    if (shown && !Object.values(this.materials).includes(shown as StandardMaterial)) shown.dispose();
  }

  private async draw(name: OverlayName): Promise<void> {
    this.clear(name);
    if (!this.container) return;
    if (name === 'colliders') this.drawColliders();
    if (name === 'navmesh') for (const mesh of this.meshesWithRole(['navmesh'])) this.reveal(mesh, this.materials.navmesh);
    if (name === 'poi') this.drawMarkers();
    if (name === 'chunks') await this.drawChunks();
  }

  private drawColliders(): void {
    for (const mesh of this.meshesWithRole(['colliders'])) this.reveal(mesh, this.materials.collider);
    // Structure boxes are empty nodes with a size: a box each, placed by the node itself.
    const nodes = [...(this.container?.transformNodes ?? []), ...(this.container?.meshes ?? [])];
    for (const node of nodes) {
      const extras = worldsmithExtras(node);
      if (extras?.role !== 'collider' || extras.shape !== 'box' || !Array.isArray(extras.size)) continue;
      const [x, y, z] = (extras.size as number[]).map(Number);
      const box = MeshBuilder.CreateBox(`overlay/collider-box/${node.name}`, { width: x, height: y, depth: z }, this.scene);
      box.material = this.materials.collider;
      box.parent = node;
      box.isPickable = false;
      this.built.colliders.push(box);
    }
  }

  private drawMarkers(): void {
    for (const mesh of this.meshesWithRole(['path'])) this.reveal(mesh, this.materials.path);
    const height = Math.max(6, this.worldSize * 0.05);
    const nodes = [...(this.container?.transformNodes ?? []), ...(this.container?.meshes ?? [])];
    for (const node of nodes) {
      const role = roleOf(node);
      if (worldsmithExtras(node)?.role !== role || (role !== 'point-of-interest' && role !== 'spawn')) continue;
      const extras = worldsmithExtras(node)!;
      node.computeWorldMatrix(true);
      const base = node.getAbsolutePosition().clone();
      const material = role === 'spawn' ? this.materials.spawn : this.materials.poi;
      const pole = MeshBuilder.CreateCylinder(`overlay/marker/${node.name}`, { height, diameter: height * 0.06, tessellation: 8 }, this.scene);
      pole.position = base.add(new Vector3(0, height / 2, 0));
      const head = MeshBuilder.CreateSphere(`overlay/marker-head/${node.name}`, { diameter: height * 0.18, segments: 8 }, this.scene);
      head.position = base.add(new Vector3(0, height, 0));
      for (const mesh of [pole, head]) {
        mesh.material = material;
        mesh.isPickable = false;
        this.built.poi.push(mesh);
      }
      const text = role === 'spawn' ? 'spawn' : String(extras.label ?? node.name.split('/').pop());
      const element = h('div', { class: `preview-label ${role}` }, text, extras.kind ? h('small', {}, ` ${String(extras.kind)}`) : null);
      this.labelLayer.append(element);
      this.labels.push({ element, anchor: head });
    }
  }

  private async drawChunks(): Promise<void> {
    const index = await this.loadChunkIndex();
    if (!this.on.chunks) return;
    for (const chunk of index.chunks) {
      // glTF x is drawn at −x (see preview-camera.ts).
      const [x0, y0, z0] = chunk.bounds.min;
      const [x1, y1, z1] = chunk.bounds.max;
      const a = [-x0, -x1];
      const corners = (y: number) => [new Vector3(a[0], y, z0), new Vector3(a[1], y, z0), new Vector3(a[1], y, z1), new Vector3(a[0], y, z1), new Vector3(a[0], y, z0)];
      const lines = [corners(y0), corners(y1), ...[0, 1, 2, 3].map((i) => [corners(y0)[i], corners(y1)[i]])];
      const box = MeshBuilder.CreateLineSystem(`overlay/chunk/${chunk.id}`, { lines }, this.scene);
      box.color = new Color3(0.95, 0.95, 1);
      box.isPickable = false;
      this.built.chunks.push(box);
    }
  }

  private clear(name: OverlayName): void {
    for (const node of this.built[name]) node.dispose(false, false);
    this.built[name] = [];
    if (name === 'poi') {
      for (const label of this.labels) label.element.remove();
      this.labels = [];
    }
    const roles = name === 'colliders' ? ['colliders'] : name === 'navmesh' ? ['navmesh'] : name === 'poi' ? ['path'] : [];
    if (roles.length) for (const mesh of this.meshesWithRole(roles)) this.conceal(mesh);
  }

  private placeLabels(): void {
    if (!this.labels.length) return;
    const camera = this.scene.activeCamera;
    const engine = this.scene.getEngine();
    if (!camera) return;
    const viewport = camera.viewport.toGlobal(engine.getRenderWidth(), engine.getRenderHeight());
    const scale = this.labelLayer.clientWidth / Math.max(1, engine.getRenderWidth());
    const transform = this.scene.getTransformMatrix();
    for (const { element, anchor } of this.labels) {
      const at = anchor.getAbsolutePosition();
      const projected = Vector3.Project(at, Matrix.IdentityReadOnly, transform, viewport);
      const visible = projected.z > 0 && projected.z < 1;
      element.style.display = visible ? '' : 'none';
      if (visible) element.style.transform = `translate(${(projected.x * scale).toFixed(1)}px, ${(projected.y * scale).toFixed(1)}px) translate(-50%, -130%)`;
    }
  }
}
