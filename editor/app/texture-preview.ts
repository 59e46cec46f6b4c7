/**
 * The texture lab's live preview (`#texture-preview`): a sphere and a plane wearing the set as a
 * PBR material — base colour as albedo, the normal map as bump, the packed ORM image (glTF order:
 * R occlusion, G roughness, B metallic) as metallic-roughness and occlusion — tiled 2× on the
 * sphere and 3× on the plane, turning slowly. Its own engine, drawn only while the tab shows it.
 */
import { ArcRotateCamera, Color3, Color4, DirectionalLight, Engine, HemisphericLight, MeshBuilder, PBRMaterial, Scene, Texture, Vector3, type Mesh } from '@babylonjs/core';
import type { TextureSummary } from './api-types.ts';

export class TexturePreview {
  private readonly engine: Engine;
  private readonly scene: Scene;
  private readonly sphere: Mesh;
  private readonly plane: Mesh;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.engine = new Engine(canvas, true, { preserveDrawingBuffer: true, antialias: true });
    this.scene = new Scene(this.engine);
    this.scene.clearColor = new Color4(0.07, 0.08, 0.09, 1);
    const camera = new ArcRotateCamera('texture-camera', -Math.PI / 2.4, Math.PI / 2.7, 5.2, new Vector3(0, 0.2, 0), this.scene);
    camera.lowerRadiusLimit = 2;
    camera.upperRadiusLimit = 12;
    camera.wheelPrecision = 60;
    camera.attachControl(canvas, true);
    const sky = new HemisphericLight('texture-fill', new Vector3(0.2, 1, -0.3), this.scene);
    sky.intensity = 0.7;
    sky.groundColor = new Color3(0.2, 0.2, 0.22);
    const sun = new DirectionalLight('texture-key', new Vector3(-0.6, -0.8, 0.5), this.scene);
    sun.intensity = 2.2;
    this.sphere = MeshBuilder.CreateSphere('texture-sphere', { diameter: 1.6, segments: 48 }, this.scene);
    this.sphere.position.set(-0.2, 0.8, 0);
    this.plane = MeshBuilder.CreateGround('texture-plane', { width: 4.2, height: 4.2, subdivisions: 1 }, this.scene);
    this.plane.position.y = -0.05;
    this.scene.onBeforeRenderObservable.add(() => {
      const turn = this.engine.getDeltaTime() * 0.00025;
      this.sphere.rotation.y += turn;
      this.plane.rotation.y += turn * 0.4;
    });
    this.engine.runRenderLoop(() => {
      if (canvas.clientWidth > 0 && canvas.clientHeight > 0) this.scene.render();
    });
    new ResizeObserver(() => this.engine.resize()).observe(canvas);
  }

  show(set: TextureSummary): void {
    this.sphere.material?.dispose(false, true);
    this.plane.material?.dispose(false, true);
    this.sphere.material = this.material(set, 2);
    this.plane.material = this.material(set, 3);
    this.canvas.dataset.textureId = set.id;
  }

  private material(set: TextureSummary, repeat: number): PBRMaterial {
    const url = (name: string) => set.maps.find((map) => map.name === name)?.url;
    const texture = (name: string) => {
      const at = url(name);
      if (!at) return null;
      const t = new Texture(at, this.scene);
      t.uScale = repeat;
      t.vScale = repeat;
      return t;
    };
    const material = new PBRMaterial(`texture/${set.id}/${repeat}`, this.scene);
    material.albedoTexture = texture('basecolor');
    const normal = texture('normal');
    if (normal) {
      material.bumpTexture = normal;
      // glTF normal maps (OpenGL, +Y up) in Babylon's left-handed scene, as its glTF loader does.
      material.invertNormalMapX = true;
      material.invertNormalMapY = false;
    }
    const orm = texture('orm');
    if (orm) {
      material.metallicTexture = orm;
      material.useAmbientOcclusionFromMetallicTextureRed = true;
      material.useRoughnessFromMetallicTextureGreen = true;
      material.useMetallnessFromMetallicTextureBlue = true;
      material.metallic = 1;
      material.roughness = 1;
    } else {
      material.metallic = 0;
      material.roughness = 0.8;
    }
    return material;
  }
}
