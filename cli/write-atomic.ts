/**
 * Writes a set of files so that a reader never sees a half-written one: each goes to a temp name
 * in the same directory, and only when all are complete are they renamed into place. On any
 * failure (or an abort) the temps are removed and nothing is replaced.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let sequence = 0;

export async function writeFilesAtomically(files: Array<{ path: string; data: Uint8Array | string }>, signal?: AbortSignal): Promise<void> {
  const temps: Array<{ temp: string; path: string }> = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.tmp-${process.pid}-${sequence++}`);
      temps.push({ temp, path: file.path });
      await writeFile(temp, file.data);
      signal?.throwIfAborted();
    }
    for (const { temp, path } of temps) await rename(temp, path);
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
}
