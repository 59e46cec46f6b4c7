/**
 * The editor `worldsmith serve` answers at `/`: editor/app/editor-main.ts bundled on first request
 * (kept in memory), and its HTML.
 */
import { bundlePage } from './bundle-page.ts';

export function buildEditorPage(): Promise<{ html: string; script: string }> {
  return bundlePage(new URL('../../editor/app/editor-main.ts', import.meta.url), async () => (await import('../../editor/app/editor-page-html.ts')).EDITOR_PAGE_HTML);
}
