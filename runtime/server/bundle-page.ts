/**
 * A browser page the server answers: its TypeScript entry bundled (engine-bridge's
 * bundleBrowserScript, as the renderer's pages are) and its HTML — the editor at `/` and the sample
 * game at `/play`. Made on first request and kept by the caller.
 */
import { fileURLToPath } from 'node:url';
import { bundleBrowserScript } from '../../engine-bridge/render/page-bundle.ts';

export async function bundlePage(entry: URL, html: () => Promise<string>): Promise<{ html: string; script: string }> {
  return { html: await html(), script: await bundleBrowserScript(fileURLToPath(entry)) };
}
