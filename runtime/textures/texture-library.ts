/**
 * The texture lab's store: PBR sets made from a description (generators/textures), kept under
 * `<store>/textures/<id>/` (PNG maps, material.json, preview.png; the directory renamed into place
 * when whole), and each world's library — the sets a designer saved to it — in
 * `<store>/worlds/<world id>/library.json`.
 *
 * A set's id is `tex-<seed>-<sha256(description, size)[0:8]>`: the same description, size and seed
 * are the same set, made once.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import { seedFromText } from '../../generators/seed/derive-seed.ts';
import { describeMaterial } from '../../generators/textures/describe-material.ts';
import { findFamily } from '../../generators/textures/families/index.ts';
import type { MaterialRecipe } from '../../generators/textures/material-recipe.ts';
import { makeWorldTexturesInWorker } from '../../generators/textures/textures-in-worker.ts';
import { makeTextureSetFiles, type MaterialJson } from '../../generators/textures/texture-set-files.ts';
import { makeTextureSet, type TextureSet } from '../../generators/textures/texture-set.ts';
import { ServerError } from '../server-error.ts';
import { removeTempEntries, writeDirectoryAtomic, writeFileAtomic } from '../store/atomic-files.ts';

export const TEXTURE_LAB_SIZES = [256, 512, 1024] as const;
const TEXTURE_ID_PATTERN = /^tex-\d{1,10}-[0-9a-f]{8}$/;
/** Larger sets are made in a worker thread (~0.3–0.6 s of CPU at 1024²); smaller ones (≤ 0.15 s) here. */
const INLINE_MAX_SIZE = 512;

/** The same pixels either way; a big set does not stop the server's event loop (streams, other requests). */
async function makeSet(recipe: MaterialRecipe, size: number, seed: number): Promise<TextureSet> {
  if (size <= INLINE_MAX_SIZE) return makeTextureSet(recipe, { size, seed });
  const made = (await makeWorldTexturesInWorker([{ key: 'lab', recipe, size, seed }])).get('lab')!;
  const { familyId, ...rest } = made;
  return { ...rest, family: findFamily(familyId)! };
}
const FILE_NAME_PATTERN = /^[a-z0-9]+\.(png|json)$/;

export interface TextureSummary {
  id: string;
  name: string;
  description: string;
  family: string;
  size: number;
  seed: number;
  tileMetres: number;
  words: Array<{ words: string; meaning: string }>;
  unused: string[];
  notes: string[];
  maps: Array<{ name: string; url: string }>;
  previewUrl: string;
  materialUrl: string;
  zipUrl: string;
}

export interface TextureLibrary {
  make(input: { description: string; size: number; seed?: number }): Promise<TextureSummary>;
  get(id: string): Promise<TextureSummary | undefined>;
  /** The set's files by name, when the set exists. */
  files(id: string): Promise<Array<{ name: string; bytes: Uint8Array }> | undefined>;
  file(id: string, name: string): Promise<Uint8Array | undefined>;
  worldLibrary(worldId: string): Promise<TextureSummary[]>;
  saveToWorld(worldId: string, textureId: string): Promise<TextureSummary[]>;
}

export async function openTextureLibrary(storeDir: string): Promise<TextureLibrary> {
  const root = join(storeDir, 'textures');
  await mkdir(root, { recursive: true });
  await removeTempEntries(root);
  const making = new Map<string, Promise<TextureSummary>>();

  const summaryOf = (id: string, material: MaterialJson, fileNames: string[]): TextureSummary => {
    const url = (name: string) => `/api/textures/${id}/${name}`;
    const maps = Object.values(material.maps).filter((name): name is string => typeof name === 'string');
    return {
      id,
      name: material.name,
      description: material.description ?? '',
      family: material.family,
      size: material.size,
      seed: material.seed,
      tileMetres: material.tileMetres,
      words: material.explanation?.used.map((u) => ({ words: u.words, meaning: u.meaning })) ?? [],
      unused: material.explanation?.unused ?? [],
      notes: material.explanation?.notes ?? [],
      maps: [...new Set(maps)].filter((name) => fileNames.includes(name)).map((name) => ({ name: name.replace(/\.png$/, ''), url: url(name) })),
      previewUrl: url('preview.png'),
      materialUrl: url('material.json'),
      zipUrl: url('set.zip'),
    };
  };

  const read = async (id: string): Promise<TextureSummary | undefined> => {
    if (!TEXTURE_ID_PATTERN.test(id)) return undefined;
    try {
      const material = JSON.parse(await readFile(join(root, id, 'material.json'), 'utf8')) as MaterialJson;
      return summaryOf(id, material, await readdir(join(root, id)));
    } catch {
      return undefined;
    }
  };

  const libraryPath = (worldId: string) => join(storeDir, 'worlds', worldId, 'library.json');
  const readLibrary = async (worldId: string): Promise<string[]> => {
    try {
      const ids = (JSON.parse(await readFile(libraryPath(worldId), 'utf8')) as { textures?: unknown }).textures;
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string' && TEXTURE_ID_PATTERN.test(id)) : [];
    } catch {
      return [];
    }
  };

  const library: TextureLibrary = {
    async make({ description, size, seed: givenSeed }) {
      const text = description.trim();
      const seed = givenSeed ?? seedFromText(text.toLowerCase());
      const id = `tex-${seed}-${createHash('sha256').update(JSON.stringify([text.toLowerCase(), size])).digest('hex').slice(0, 8)}`;
      const existing = await read(id);
      if (existing) return existing;
      let promise = making.get(id);
      if (!promise) {
        promise = (async () => {
          const explanation = describeMaterial(text);
          const set = await makeSet(explanation.recipe, size, seed);
          const { files, material } = await makeTextureSetFiles(set, { format: 'png', encode: encodeImageWithSharp, description: { text, explanation } });
          await writeDirectoryAtomic(root, id, files.map((f) => ({ name: f.name, data: f.bytes })));
          return summaryOf(id, material, files.map((f) => f.name));
        })().finally(() => making.delete(id));
        making.set(id, promise);
      }
      return promise;
    },
    get: read,
    async files(id) {
      if (!(await read(id))) return undefined;
      const names = (await readdir(join(root, id))).filter((n) => FILE_NAME_PATTERN.test(n)).sort();
      return Promise.all(names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(root, id, name))) })));
    },
    async file(id, name) {
      if (!TEXTURE_ID_PATTERN.test(id) || !FILE_NAME_PATTERN.test(name)) return undefined;
      const path = join(root, id, name);
      if (!(await stat(path).catch(() => undefined))?.isFile()) return undefined;
      return new Uint8Array(await readFile(path));
    },
    async worldLibrary(worldId) {
      const summaries = await Promise.all((await readLibrary(worldId)).map(read));
      return summaries.filter((s): s is TextureSummary => s !== undefined);
    },
    async saveToWorld(worldId, textureId) {
      if (!(await read(textureId))) throw new ServerError('FILE_UNKNOWN', `No texture set "${textureId.slice(0, 80)}": make it first with POST /api/textures.`, { path: '/textureId' });
      const ids = await readLibrary(worldId);
      if (!ids.includes(textureId)) ids.push(textureId);
      const path = libraryPath(worldId);
      await mkdir(join(storeDir, 'worlds', worldId), { recursive: true });
      await writeFileAtomic(path, `${JSON.stringify({ textures: ids }, null, 2)}\n`);
      return library.worldLibrary(worldId);
    },
  };
  return library;
}
