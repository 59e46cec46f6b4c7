/**
 * Writing into the store so that a reader — or a server restarted after a crash — sees a file or a
 * directory whole or not at all: written under `<name>.tmp-<pid>`, then renamed. Temp entries a
 * crash left are removed when a store directory is opened.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, data);
  await rename(temp, path);
}

/** `root/name/` with exactly these files, replacing what was there, in one rename. */
export async function writeDirectoryAtomic(root: string, name: string, files: Iterable<{ name: string; data: Uint8Array | string }>): Promise<void> {
  const temp = join(root, `${name}.tmp-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp);
  for (const file of files) await writeFile(join(temp, file.name), file.data);
  await rm(join(root, name), { recursive: true, force: true });
  await rename(temp, join(root, name));
}

/** Removes the temp files and directories an interrupted write left in `dir`. */
export async function removeTempEntries(dir: string): Promise<void> {
  for (const name of await readdir(dir)) if (name.includes('.tmp-')) await rm(join(dir, name), { recursive: true, force: true });
}
