/**
 * The sample game page `worldsmith serve` answers at `/play` (at `/` with --no-editor): samples/play/play-page.ts (a Babylon.js
 * game on the client library) bundled by esbuild on first request, kept in memory.
 */
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../samples/play/play-page.ts', import.meta.url));

export async function buildSamplePage(): Promise<{ html: string; script: string }> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ entryPoints: [ENTRY], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', minify: true, write: false, logLevel: 'silent' });
  const { PLAY_PAGE_HTML } = await import('../../samples/play/play-page-html.ts');
  return { html: PLAY_PAGE_HTML, script: result.outputFiles[0].text };
}
