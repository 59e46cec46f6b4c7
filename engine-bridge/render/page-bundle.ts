/**
 * The browser pages as scripts, each bundled by esbuild from its entry under `page/` (Babylon.js,
 * its glTF loader and the meshopt decoder included; the video page adds mediabunny): the still
 * renderer's `render-page.ts` and the video renderer's `video-page.ts`. Bundling takes a few
 * seconds, so each result is kept in memory for the process and on disk under the system's temp
 * directory, keyed by a hash of every page source and the installed library versions.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
/** Sources outside `page/` the pages import. */
const SHARED_SOURCES = ['../babylon/install-meshopt-decoder.ts', 'glb-info.ts', '../../generators/shots/timeline.ts'];
const LIBRARIES = ['@babylonjs/core', '@babylonjs/loaders', 'meshoptimizer', 'mediabunny'];

export type PageEntry = 'render-page' | 'video-page' | 'live-page';

const cached = new Map<PageEntry, Promise<string>>();

export function pageScript(entry: PageEntry): Promise<string> {
  let script = cached.get(entry);
  if (!script) {
    script = build(entry);
    cached.set(entry, script);
  }
  return script;
}

/** A browser page's entry and all it imports as one minified script for current Chromium (esbuild). */
export async function bundleBrowserScript(entryFile: string): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ entryPoints: [entryFile], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', minify: true, write: false, logLevel: 'silent' });
  return result.outputFiles[0].text;
}

/** The still renderer's page. */
export function renderPageScript(): Promise<string> {
  return pageScript('render-page');
}

/** The version in the package.json of `name`, found upward from one of its files. */
async function packageVersion(file: string, name: string): Promise<string> {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const json = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (json.name === name) return json.version ?? '?';
    } catch {
      // No package.json here; go up.
    }
  }
  return '?';
}

async function build(entry: PageEntry): Promise<string> {
  const require = createRequire(import.meta.url);
  const versions = await Promise.all(LIBRARIES.map((name) => packageVersion(require.resolve(name), name)));
  const pageSources = (await readdir(join(here, 'page'))).filter((f) => f.endsWith('.ts')).sort().map((f) => `page/${f}`);
  const hash = createHash('sha256');
  hash.update(entry);
  for (const file of [...pageSources, ...SHARED_SOURCES]) hash.update(file).update(await readFile(join(here, file)));
  hash.update(versions.join(','));
  const key = hash.digest('hex').slice(0, 16);
  const file = join(tmpdir(), 'worldsmith-render', `${entry}-${key}.js`);
  try {
    return await readFile(file, 'utf8');
  } catch {
    // Not bundled yet.
  }
  const script = await bundleBrowserScript(join(here, `page/${entry}.ts`));
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  await writeFile(temp, script);
  await rename(temp, file);
  return script;
}
