/**
 * The editor `worldsmith serve` answers at `/`: editor/app/editor-main.ts bundled by esbuild on
 * first request (kept in memory), and its HTML.
 */
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../editor/app/editor-main.ts', import.meta.url));

export async function buildEditorPage(): Promise<{ html: string; script: string }> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ entryPoints: [ENTRY], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', minify: true, write: false, logLevel: 'silent' });
  const { EDITOR_PAGE_HTML } = await import('../../editor/app/editor-page-html.ts');
  return { html: EDITOR_PAGE_HTML, script: result.outputFiles[0].text };
}
