/**
 * The sample game page `worldsmith serve` answers at `/play` (at `/` with --no-editor):
 * samples/play/play-page.ts (a Babylon.js game on the client library) bundled on first request,
 * kept in memory.
 */
import { bundlePage } from './bundle-page.ts';

export function buildSamplePage(): Promise<{ html: string; script: string }> {
  return bundlePage(new URL('../../samples/play/play-page.ts', import.meta.url), async () => (await import('../../samples/play/play-page-html.ts')).PLAY_PAGE_HTML);
}
