/**
 * A directory `worldsmith generate` wrote → its World again, for the verbs that film it (`plan`,
 * `cutscene`): spec.json is parsed and the world regenerated from it (deterministic: the same spec
 * gives the same world that world.glb holds; textures are not needed and are skipped), and
 * world.glb is read for rendering. The spec's seed and Worldsmith's version are checked against the
 * glb's, so a world.glb from another spec or version is refused rather than filmed wrong.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseWorldSpec, type WorldSpec } from '../generators/spec/index.ts';
import { WORLDSMITH_VERSION } from '../generators/version.ts';
import { generateWorld } from '../generators/world/generate-world.ts';
import type { ProgressListener } from '../generators/world/progress.ts';
import type { World } from '../generators/world/world.ts';
import { UsageError } from './usage-error.ts';

export interface WorldDirectory {
  spec: WorldSpec;
  world: World;
  /** world.glb's bytes (only when asked for). */
  glb: Uint8Array | null;
}

export async function readWorldDirectory(dir: string, verb: string, options: { glb: boolean; signal?: AbortSignal; onProgress?: ProgressListener }): Promise<WorldDirectory> {
  const specPath = join(dir, 'spec.json');
  let specText: string;
  try {
    specText = await readFile(specPath, 'utf8');
  } catch (error) {
    throw new UsageError(`--world ${dir} has no readable spec.json (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): give a directory that \`worldsmith generate\` wrote.`, verb);
  }
  let input: unknown;
  try {
    input = JSON.parse(specText);
  } catch (error) {
    throw new UsageError(`${specPath} is not JSON: ${(error as Error).message}.`, verb);
  }
  const spec = parseWorldSpec(input, { source: specPath });
  let glb: Uint8Array | null = null;
  if (options.glb) {
    const glbPath = join(dir, 'world.glb');
    try {
      glb = new Uint8Array(await readFile(glbPath));
    } catch (error) {
      throw new UsageError(`--world ${dir} has no readable world.glb (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): generate it with \`worldsmith generate --spec ${specPath} --out ${dir}\`.`, verb);
    }
    checkGlbMatches(glb, spec, glbPath, verb);
  }
  const { world } = await generateWorld(spec, { textures: false, signal: options.signal, onProgress: options.onProgress });
  return { spec, world, glb };
}

function checkGlbMatches(glb: Uint8Array, spec: WorldSpec, path: string, verb: string): void {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  if (glb.byteLength < 20 || view.getUint32(0, true) !== 0x46546c67) throw new UsageError(`${path} is not a .glb file.`, verb);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + view.getUint32(12, true)))) as {
    asset?: { extras?: { worldsmith?: { version?: string; spec?: { seed?: number } } } };
  };
  const made = json.asset?.extras?.worldsmith;
  if (made?.spec?.seed !== undefined && made.spec.seed !== spec.seed) {
    throw new UsageError(`${path} was made from seed ${made.spec.seed} but spec.json says seed ${spec.seed}: regenerate the directory so they match.`, verb);
  }
  if (made?.version && made.version !== WORLDSMITH_VERSION) {
    throw new UsageError(`${path} was made by Worldsmith ${made.version}, this is ${WORLDSMITH_VERSION}: regenerate it (worldsmith generate --spec …) so the cutscene films the same world.`, verb);
  }
}
