/**
 * The 3D preview on `#preview`: a Babylon engine (antialiased, drawing buffer kept so the canvas
 * can be snapshotted for the compare view), a world .glb loaded from its bytes with the bundled
 * meshopt decoder, the world's own key light plus a hemispheric fill, its sky colour and fog, the
 * camera (preview-camera.ts), the overlays (preview-overlays.ts) and the counts for the stats.
 *
 * Once the loaded world has been drawn, `document.body.dataset.previewWorld` names it and
 * `previewFrames` counts the frames drawn since — tests wait on these.
 */
import '@babylonjs/loaders/glTF/index.js';
import {
  Color3,
  Color4,
  Engine,
  HemisphericLight,
  ImageProcessingConfiguration,
  LoadAssetContainerAsync,
  Matrix,
  Scene,
  Vector3,
  type AbstractMesh,
  type AssetContainer,
} from '@babylonjs/core';
import type { ChunkIndex } from './api-types.ts';
import { readGlbEnvironment, toGamma } from './glb-environment.ts';
import { installMeshoptDecoder } from './meshopt-decoder.ts';
import { PreviewCamera, type CameraMode, type WorldBounds } from './preview-camera.ts';
import { PreviewOverlays, type OverlayName } from './preview-overlays.ts';
import { countPreview, type PreviewCounts } from './preview-stats.ts';
import { hasRoleWithin } from './world-node-roles.ts';

const SKY = new Color4(0.55, 0.68, 0.85, 1);

export class WorldPreview {
  readonly engine: Engine;
  readonly scene: Scene;
  readonly camera: PreviewCamera;
  readonly overlays: PreviewOverlays;
  private container: AssetContainer | null = null;
  private fill: HemisphericLight;
  private worldId: string | null = null;
  private frames = 0;
  private counts: PreviewCounts | null = null;
  private drawUntil = 0;
  private loadingUntil = 0;
  private readonly lastView = new Matrix();
  private chunkIndexFor: (worldId: string) => Promise<ChunkIndex>;

  constructor(
    readonly canvas: HTMLCanvasElement,
    labelLayer: HTMLElement,
    chunkIndexFor: (worldId: string) => Promise<ChunkIndex>,
  ) {
    this.chunkIndexFor = chunkIndexFor;
    this.engine = new Engine(canvas, true, { preserveDrawingBuffer: true, stencil: true, antialias: true });
    this.scene = new Scene(this.engine);
    this.scene.clearColor = SKY;
    this.scene.imageProcessingConfiguration.toneMappingEnabled = true;
    this.scene.imageProcessingConfiguration.toneMappingType = ImageProcessingConfiguration.TONEMAPPING_ACES;
    this.scene.imageProcessingConfiguration.exposure = 1.1;
    this.fill = new HemisphericLight('preview-fill', new Vector3(0, 1, 0), this.scene);
    this.fill.intensity = 0.55;
    this.fill.groundColor = new Color3(0.3, 0.28, 0.24);
    this.fill.specular = Color3.Black();
    this.camera = new PreviewCamera(this.scene, canvas);
    this.overlays = new PreviewOverlays(this.scene, labelLayer, () => this.chunkIndexFor(this.worldId ?? ''));

    this.engine.runRenderLoop(() => {
      if (canvas.clientWidth === 0 || canvas.clientHeight === 0) return;
      // Drawn on demand: when the camera moved, something changed, or the scene is still loading
      // (for a while: a scene that never says ready must not keep the page drawing).
      // A still world costs nothing, which a software-rendered browser (CI) needs to stay responsive.
      const camera = this.scene.activeCamera;
      camera?.update();
      const view = camera?.getViewMatrix() ?? null;
      const moved = view !== null && !view.equals(this.lastView);
      const now = performance.now();
      if (!moved && now > this.drawUntil && (this.scene.isReady() || now > this.loadingUntil)) return;
      if (view) this.lastView.copyFrom(view);
      this.scene.render(false);
      if (this.container && this.worldId) {
        this.frames++;
        document.body.dataset.previewWorld = this.worldId;
        document.body.dataset.previewFrames = String(this.frames);
      }
    });
    new ResizeObserver(() => {
      this.engine.resize();
      this.requestDraw();
    }).observe(canvas);
  }

  /** Draws for a moment even if the camera stays still (after a change of the scene). */
  requestDraw(milliseconds = 600): void {
    this.drawUntil = Math.max(this.drawUntil, performance.now() + milliseconds);
    this.loadingUntil = Math.max(this.loadingUntil, performance.now() + milliseconds + 8000);
  }

  get loadedWorld(): string | null {
    return this.worldId;
  }

  get loadedCounts(): PreviewCounts | null {
    return this.counts;
  }

  /** Replaces the world on screen with the glb in `bytes` and frames it from above a corner. */
  async showWorld(worldId: string, bytes: Uint8Array): Promise<PreviewCounts> {
    await installMeshoptDecoder();
    // Full detail only: Babylon's MSFT_lod loading streams LOD2 → LOD1 → LOD0 and disposes each level
    // (and materials they share) as the next arrives, which left plants drawn with disposed materials.
    const container = await LoadAssetContainerAsync(bytes, this.scene, {
      pluginExtension: '.glb',
      name: `${worldId}.glb`,
      pluginOptions: { gltf: { extensionOptions: { MSFT_lod: { maxLODsToLoad: 1 } } } },
    });
    this.unload();
    container.addAllToScene();
    this.container = container;
    this.worldId = worldId;
    this.frames = 0;
    delete document.body.dataset.previewWorld;
    document.body.dataset.previewFrames = '0';
    this.applyEnvironment(bytes);

    const ground = container.meshes.filter((mesh) => hasRoleWithin(mesh, ['terrain']) && mesh.getTotalVertices() > 0);
    const bounds = this.boundsOf(ground.length ? ground : container.meshes);
    this.camera.setWorld(ground, bounds);
    this.camera.frameOverview(bounds);
    await this.overlays.setWorld(container, Math.max(bounds.max.x - bounds.min.x, bounds.max.z - bounds.min.z));
    this.counts = countPreview(container.meshes, bytes.byteLength);
    this.requestDraw(1500);
    return this.counts;
  }

  setCameraMode(mode: CameraMode): void {
    this.camera.setMode(mode);
    this.requestDraw();
  }

  async toggleOverlay(name: OverlayName, on: boolean): Promise<void> {
    await this.overlays.toggle(name, on);
    this.requestDraw();
  }

  /** The canvas as a PNG data URL, freshly drawn (for the compare view). */
  snapshot(): string | null {
    if (!this.container || this.canvas.clientWidth === 0) return null;
    this.scene.render();
    return this.canvas.toDataURL('image/png');
  }

  /** Resolves once the loaded world has been drawn `count` more times. */
  framesDrawn(count = 2): Promise<void> {
    const target = this.frames + count;
    this.requestDraw();
    return new Promise((resolve) => {
      const check = () => {
        if (this.frames >= target || this.canvas.clientWidth === 0) return resolve();
        this.requestDraw();
        requestAnimationFrame(check);
      };
      check();
    });
  }

  private unload(): void {
    if (!this.container) return;
    this.container.removeAllFromScene();
    this.container.dispose();
    this.container = null;
    this.counts = null;
  }

  private applyEnvironment(bytes: Uint8Array): void {
    const env = readGlbEnvironment(bytes);
    this.scene.clearColor = env ? new Color4(...toGamma(env.horizon), 1) : SKY;
    if (env?.ambient) {
      this.fill.diffuse = new Color3(...env.ambient.sky);
      this.fill.groundColor = new Color3(...env.ambient.ground);
      this.fill.intensity = Math.max(0.35, env.ambient.intensity);
    }
    if (env?.fog && env.fog.density > 0) {
      // Thinner than in the film: the overview looks across the whole world and must stay readable.
      this.scene.fogMode = Scene.FOGMODE_EXP;
      this.scene.fogDensity = env.fog.density * 0.5;
      this.scene.fogColor = new Color3(...toGamma(env.fog.color));
    } else {
      this.scene.fogMode = Scene.FOGMODE_NONE;
    }
  }

  private boundsOf(meshes: AbstractMesh[]): WorldBounds {
    const min = new Vector3(Infinity, Infinity, Infinity);
    const max = new Vector3(-Infinity, -Infinity, -Infinity);
    for (const mesh of meshes) {
      if (mesh.getTotalVertices() === 0) continue;
      mesh.computeWorldMatrix(true);
      const box = mesh.getBoundingInfo().boundingBox;
      min.minimizeInPlace(box.minimumWorld);
      max.maximizeInPlace(box.maximumWorld);
    }
    if (!Number.isFinite(min.x)) return { min: new Vector3(-128, 0, -128), max: new Vector3(128, 40, 128) };
    return { min, max };
  }
}
