/**
 * Filmed cutscenes in the store: `<store>/cutscenes/<job id>/` with a fixed set of file names. A
 * cutscene is written into `<id>.tmp-<pid>` and renamed whole, so a reader sees all of it or none
 * of it; temp directories a crash left are removed at start. Reads take only ids of the job id
 * form and names of the fixed set: no request string becomes any other path.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { removeTempEntries, writeDirectoryAtomic } from '../store/atomic-files.ts';
import { JOB_ID_PATTERN } from './job-store.ts';

export const CUTSCENE_FILES = ['cutscene.mp4', 'cutscene.glb', 'timeline.json', 'contact-sheet.png', 'plan.json'] as const;
export type CutsceneFileName = (typeof CUTSCENE_FILES)[number];

export const CUTSCENE_CONTENT_TYPES: Record<CutsceneFileName, string> = {
  'cutscene.mp4': 'video/mp4',
  'cutscene.glb': 'model/gltf-binary',
  'timeline.json': 'application/json',
  'contact-sheet.png': 'image/png',
  'plan.json': 'application/json',
};

export interface CutsceneFiles {
  write(id: string, files: Record<CutsceneFileName, Uint8Array | string>): Promise<void>;
  /** The file's path when the cutscene is whole and has it; undefined otherwise. */
  pathOf(id: string, name: string): Promise<string | undefined>;
  read(id: string, name: string): Promise<Uint8Array | undefined>;
}

export async function openCutsceneFiles(storeDir: string): Promise<CutsceneFiles> {
  const root = join(storeDir, 'cutscenes');
  await mkdir(root, { recursive: true });
  await removeTempEntries(root);
  const valid = (id: string, name: string) => JOB_ID_PATTERN.test(id) && (CUTSCENE_FILES as readonly string[]).includes(name);
  const pathOf = async (id: string, name: string) => {
    if (!valid(id, name)) return undefined;
    const path = join(root, id, name);
    return (await stat(path).catch(() => undefined))?.isFile() ? path : undefined;
  };
  return {
    async write(id, files) {
      if (!JOB_ID_PATTERN.test(id)) throw new Error(`not a cutscene id: ${id}`);
      await writeDirectoryAtomic(root, id, Object.entries(files).map(([name, data]) => ({ name, data })));
    },
    pathOf,
    async read(id, name) {
      const path = await pathOf(id, name);
      return path ? new Uint8Array(await readFile(path)) : undefined;
    },
  };
}
