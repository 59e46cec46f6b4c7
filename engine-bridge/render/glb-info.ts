/**
 * What the renderer needs to know about a Worldsmith .glb before loading it, read from the glb's JSON
 * chunk alone (no decoding): the world's size and height range (for a default camera) and the
 * environment — sky colours, ambient light and fog — from the scene's extras.
 */
import { RenderError } from './render-error.ts';

/** Linear RGB colours, as the world's sky stage writes them. */
export interface GlbEnvironment {
  zenith: [number, number, number];
  horizon: [number, number, number];
  ambient: { sky: [number, number, number]; ground: [number, number, number]; intensity: number } | null;
  /** Exponential fog: density per metre (e^(−density · distance)). */
  fog: { color: [number, number, number]; density: number } | null;
}

export interface GlbInfo {
  /** World size in metres, when the glb says (Worldsmith worlds do). */
  size: { width: number; depth: number } | null;
  heightRange: [number, number] | null;
  environment: GlbEnvironment | null;
  /** The player's start (`Gameplay/Spawn`): position and the yaw they face. */
  spawn: { position: [number, number, number]; yaw: number } | null;
}

export function readGlbInfo(glb: Uint8Array, where = 'the .glb'): GlbInfo {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  if (glb.byteLength < 20 || view.getUint32(0, true) !== 0x46546c67) {
    throw new RenderError('RENDER_INPUT', `${where} is not a binary glTF (.glb) file: it does not start with "glTF". Give a .glb that worldsmith generate wrote, or any glTF 2.0 binary.`);
  }
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength))) as {
    asset?: { extras?: { worldsmith?: { spec?: { size?: { width: number; depth: number } }; stats?: { heightRange?: [number, number] } } } };
    scenes?: Array<{ extras?: { worldsmith?: { environment?: Record<string, unknown> } } }>;
    scene?: number;
    nodes?: Array<{ name?: string; translation?: [number, number, number]; extras?: { worldsmith?: { role?: string; yaw?: number } } }>;
  };
  const spawnNode = json.nodes?.find((n) => n.extras?.worldsmith?.role === 'spawn');
  const worldsmith = json.asset?.extras?.worldsmith;
  const env = json.scenes?.[json.scene ?? 0]?.extras?.worldsmith?.environment;
  return {
    size: worldsmith?.spec?.size ? { width: worldsmith.spec.size.width, depth: worldsmith.spec.size.depth } : null,
    heightRange: worldsmith?.stats?.heightRange ?? null,
    environment: env ? environmentOf(env) : null,
    spawn: spawnNode ? { position: spawnNode.translation ?? [0, 0, 0], yaw: Number(spawnNode.extras?.worldsmith?.yaw ?? 0) } : null,
  };
}

function environmentOf(env: Record<string, unknown>): GlbEnvironment {
  const rgb = (v: unknown, fallback: [number, number, number]): [number, number, number] =>
    Array.isArray(v) && v.length >= 3 ? [Number(v[0]), Number(v[1]), Number(v[2])] : fallback;
  const ambient = env.ambient as { sky?: number[]; ground?: number[]; intensity?: number } | undefined;
  const fog = env.fog as { color?: number[]; density?: number } | null | undefined;
  return {
    zenith: rgb(env.zenith, [0.25, 0.45, 0.8]),
    horizon: rgb(env.horizon, [0.7, 0.8, 0.9]),
    ambient: ambient ? { sky: rgb(ambient.sky, [0.5, 0.6, 0.8]), ground: rgb(ambient.ground, [0.3, 0.3, 0.25]), intensity: Number(ambient.intensity ?? 0.3) } : null,
    fog: fog ? { color: rgb(fog.color, [0.8, 0.8, 0.8]), density: Number(fog.density ?? 0) } : null,
  };
}
