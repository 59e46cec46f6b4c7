/**
 * A browser page the server answers: its TypeScript entry bundled by esbuild (iife, minified, for
 * current Chromium) and its HTML — the editor at `/` and the sample game at `/play`. Made on first
 * request and kept by the caller.
 */
import { fileURLToPath } from 'node:url';

export async function bundlePage(entry: URL, html: () => Promise<string>): Promise<{ html: string; script: string }> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ entryPoints: [fileURLToPath(entry)], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', minify: true, write: false, logLevel: 'silent' });
  return { html: await html(), script: result.outputFiles[0].text };
}
