/**
 * The world's sky, ambient light and fog, read from the glb's JSON chunk
 * (`scenes[0].extras.worldsmith.environment`, see generators/export/README.md): glTF has no sky or
 * fog of its own, so the preview sets them from here. Colours are linear RGB.
 */

type Rgb = [number, number, number];

export interface WorldEnvironment {
  horizon: Rgb;
  zenith: Rgb;
  ambient: { sky: Rgb; ground: Rgb; intensity: number } | null;
  fog: { color: Rgb; density: number } | null;
}

const rgb = (value: unknown, fallback: Rgb): Rgb => (Array.isArray(value) && value.length >= 3 ? [Number(value[0]), Number(value[1]), Number(value[2])] : fallback);

export function readGlbEnvironment(glb: Uint8Array): WorldEnvironment | null {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  if (glb.byteLength < 20 || view.getUint32(0, true) !== 0x46546c67) return null;
  try {
    const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + view.getUint32(12, true)))) as {
      scene?: number;
      scenes?: Array<{ extras?: { worldsmith?: { environment?: Record<string, unknown> } } }>;
    };
    const env = json.scenes?.[json.scene ?? 0]?.extras?.worldsmith?.environment;
    if (!env) return null;
    const ambient = env.ambient as { sky?: unknown; ground?: unknown; intensity?: number } | undefined;
    const fog = env.fog as { color?: unknown; density?: number } | null | undefined;
    return {
      horizon: rgb(env.horizon, [0.7, 0.8, 0.9]),
      zenith: rgb(env.zenith, [0.25, 0.45, 0.8]),
      ambient: ambient ? { sky: rgb(ambient.sky, [0.5, 0.6, 0.8]), ground: rgb(ambient.ground, [0.3, 0.3, 0.25]), intensity: Number(ambient.intensity ?? 0.3) } : null,
      fog: fog ? { color: rgb(fog.color, [0.8, 0.8, 0.8]), density: Number(fog.density ?? 0) } : null,
    };
  } catch {
    return null;
  }
}

/** Linear → sRGB, for colours Babylon puts on screen as they are (clear colour, fog). */
export function toGamma(c: Rgb): Rgb {
  const f = (x: number) => (x <= 0.0031308 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055);
  return [f(c[0]), f(c[1]), f(c[2])];
}
