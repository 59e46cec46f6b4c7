/**
 * The preview's camera: one UniversalCamera (WASD / arrows, mouse drag to look, Q/E down/up) in
 * two modes. `fly` moves freely at a speed scaled to the world's size; `walk` is slower and keeps
 * the eye 1.7 m above the ground, found each frame by a ray cast down onto the terrain meshes.
 * `frameOverview` puts it above a corner of the world looking at its centre.
 *
 * Babylon's glTF loader draws a glTF point (x, y, z) at (−x, y, z) (its root node mirrors Z and
 * turns about Y for the left-handed scene), so the camera is reported in glTF metres — what the
 * server's shot plans speak — by flipping x back.
 */
import { Ray, UniversalCamera, Vector3, type AbstractMesh, type Scene } from '@babylonjs/core';

export type CameraMode = 'fly' | 'walk';

export const EYE_HEIGHT = 1.7;

export interface WorldBounds {
  min: Vector3;
  max: Vector3;
}

type Vec3 = [number, number, number];

const KEY = { w: 87, a: 65, s: 83, d: 68, q: 81, e: 69, up: 38, down: 40, left: 37, right: 39 };

export class PreviewCamera {
  readonly camera: UniversalCamera;
  private mode: CameraMode = 'fly';
  private ground: AbstractMesh[] = [];
  private worldSize = 256;
  private bounds: WorldBounds | null = null;

  constructor(
    private readonly scene: Scene,
    canvas: HTMLCanvasElement,
  ) {
    this.camera = new UniversalCamera('preview-camera', new Vector3(0, 100, -200), scene);
    this.camera.keysUp = [KEY.w, KEY.up];
    this.camera.keysDown = [KEY.s, KEY.down];
    this.camera.keysLeft = [KEY.a, KEY.left];
    this.camera.keysRight = [KEY.d, KEY.right];
    this.camera.keysDownward = [KEY.q];
    this.camera.keysUpward = [KEY.e];
    this.camera.angularSensibility = 2500;
    this.camera.inertia = 0.7;
    this.camera.fov = 0.9;
    this.camera.minZ = 0.3;
    this.camera.setTarget(Vector3.Zero());
    this.camera.attachControl(canvas, true);
    scene.activeCamera = this.camera;
    scene.onBeforeRenderObservable.add(() => this.keepOnGround());
  }

  /** The meshes a walker stands on (the terrain chunks) and the world's extent. */
  setWorld(ground: AbstractMesh[], bounds: WorldBounds): void {
    this.ground = ground;
    this.bounds = bounds;
    this.worldSize = Math.max(bounds.max.x - bounds.min.x, bounds.max.z - bounds.min.z, 16);
    this.camera.maxZ = this.worldSize * 12;
    this.applySpeed();
  }

  setMode(mode: CameraMode): void {
    this.mode = mode;
    this.applySpeed();
    if (mode !== 'walk') return;
    // Step down onto the ground, facing level: from the overview's corner, at the world's centre.
    const position = this.camera.position.clone();
    if (this.groundHeight(position.x, position.z) === null && this.bounds) {
      const centre = Vector3.Center(this.bounds.min, this.bounds.max);
      position.x = centre.x;
      position.z = centre.z;
    }
    const forward = this.camera.getDirection(Vector3.Forward());
    const level = new Vector3(forward.x, 0, forward.z);
    if (level.lengthSquared() < 1e-6) level.set(0, 0, 1);
    position.y = (this.groundHeight(position.x, position.z) ?? 0) + EYE_HEIGHT;
    this.camera.position = position;
    this.camera.setTarget(position.add(level.normalize().scale(10)));
  }

  /** Above a corner of the world, looking at its centre. */
  frameOverview(bounds: WorldBounds): void {
    const centre = Vector3.Center(bounds.min, bounds.max);
    const size = this.worldSize;
    const height = bounds.max.y + size * 0.38;
    this.camera.position = new Vector3(bounds.min.x - size * 0.08, height, bounds.min.z - size * 0.08);
    this.camera.setTarget(new Vector3(centre.x, bounds.min.y + (bounds.max.y - bounds.min.y) * 0.35, centre.z));
  }

  /** Position and a point looked at, in glTF metres. */
  view(): { position: Vec3; target: Vec3 } {
    const toGltf = (v: Vector3): Vec3 => [-v.x, v.y, v.z];
    const position = this.camera.position;
    const target = position.add(this.camera.getDirection(Vector3.Forward()).scale(Math.max(10, this.worldSize * 0.25)));
    return { position: toGltf(position), target: toGltf(target) };
  }

  private applySpeed(): void {
    this.camera.speed = this.mode === 'walk' ? 0.35 : Math.max(0.5, this.worldSize / 180);
  }

  /** Ground height under (x, z), or null off the terrain. */
  groundHeight(x: number, z: number): number | null {
    if (!this.ground.length) return null;
    const ray = new Ray(new Vector3(x, 100000, z), new Vector3(0, -1, 0), 200000);
    const hit = this.scene.pickWithRay(ray, (mesh) => this.ground.includes(mesh));
    return hit?.hit && hit.pickedPoint ? hit.pickedPoint.y : null;
  }

  private keepOnGround(): void {
    if (this.mode !== 'walk') return;
    const position = this.camera.position;
    const ground = this.groundHeight(position.x, position.z);
    if (ground !== null) position.y = ground + EYE_HEIGHT;
  }
}
