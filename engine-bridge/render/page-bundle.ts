/**
 * The render page as one script, bundled by esbuild from `page/render-page.ts` (Babylon.js, its
 * glTF loader and the meshopt decoder included). Bundling takes a few seconds, so the result is
 * kept in memory for the process and on disk under the system's temp directory, keyed by a hash of
 * the page's sources and the installed Babylon.js and meshoptimizer versions.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const PAGE_SOURCES = ['page/render-page.ts', 'page/render-job.ts', 'page/instance-lods.ts', '../babylon/install-meshopt-decoder.ts', 'glb-info.ts'];

let cached: Promise<string> | undefined;

export function renderPageScript(): Promise<string> {
  cached ??= build();
  return cached;
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

async function build(): Promise<string> {
  const require = createRequire(import.meta.url);
  const versions = await Promise.all(['@babylonjs/core', '@babylonjs/loaders', 'meshoptimizer'].map((name) => packageVersion(require.resolve(name), name)));
  const hash = createHash('sha256');
  for (const file of PAGE_SOURCES) hash.update(await readFile(join(here, file)));
  hash.update(versions.join(','));
  const key = hash.digest('hex').slice(0, 16);
  const file = join(tmpdir(), 'worldsmith-render', `page-${key}.js`);
  try {
    return await readFile(file, 'utf8');
  } catch {
    // Not bundled yet.
  }
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(here, 'page/render-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const script = result.outputFiles[0].text;
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  await writeFile(temp, script);
  await rename(temp, file);
  return script;
}
