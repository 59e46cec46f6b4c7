/**
 * The editor's entry (bundled as /editor.js): builds the preview, the job feed and every tab, loads
 * the WorldSpec schema the form is made from, and marks `document.body.dataset.ready = "1"` once it
 * has. `window.__editor.previewCamera()` reports the preview camera in glTF metres, for tests.
 */
import { api } from './api-client.ts';
import { markIdle } from './busy-state.ts';
import { mountCutscenePlanner } from './cutscene-planner.ts';
import { mountCutsceneRender } from './cutscene-render.ts';
import { mountTabs, onTabChange } from './editor-tabs.ts';
import { onStateChange, state } from './editor-state.ts';
import { byId } from './element.ts';
import { mountErrorBanner, showError } from './error-banner.ts';
import { renderExports } from './exports-tab.ts';
import { JobFeed } from './job-feed.ts';
import { mountJobsPanel } from './jobs-panel.ts';
import { mountPlayTab } from './play-tab.ts';
import type { CameraMode } from './preview-camera.ts';
import type { OverlayName } from './preview-overlays.ts';
import type { JsonSchema } from './spec-form.ts';
import { mountTextureLab } from './texture-lab.ts';
import { mountWorldTab } from './world-tab.ts';
import { refreshWorldPicker } from './world-picker.ts';
import { WorldPreview } from './world-preview.ts';

declare global {
  interface Window {
    __editor: { previewCamera(): { position: [number, number, number]; target: [number, number, number] } };
  }
}

function mountPreviewControls(preview: WorldPreview): void {
  byId<HTMLSelectElement>('camera-mode').addEventListener('change', (event) => preview.setCameraMode((event.target as HTMLSelectElement).value as CameraMode));
  const toggles: Array<[string, OverlayName]> = [
    ['toggle-colliders', 'colliders'],
    ['toggle-navmesh', 'navmesh'],
    ['toggle-poi', 'poi'],
    ['toggle-chunks', 'chunks'],
  ];
  for (const [id, overlay] of toggles) {
    const box = byId<HTMLInputElement>(id);
    box.addEventListener('change', () => preview.toggleOverlay(overlay, box.checked).catch(showError));
  }
}

async function main(): Promise<void> {
  markIdle();
  mountErrorBanner();
  mountTabs();
  const preview = new WorldPreview(byId<HTMLCanvasElement>('preview'), byId('preview-labels'), (worldId) => api.chunkIndex(worldId));
  window.__editor = { previewCamera: () => preview.camera.view() };
  mountPreviewControls(preview);

  const feed = new JobFeed();
  mountJobsPanel(byId('jobs'), feed, showError);
  mountTextureLab();
  mountCutscenePlanner(preview);
  mountCutsceneRender(feed);
  mountPlayTab();
  onStateChange((s) => renderExports(byId('exports'), s));
  onTabChange((opened) => opened === 'exports' && renderExports(byId('exports'), state));

  const [schema] = await Promise.all([
    api.schema() as Promise<JsonSchema>,
    feed.start(),
    refreshWorldPicker(byId<HTMLSelectElement>('world-select'), null).catch(showError),
  ]);
  mountWorldTab(preview, feed, schema);
  document.body.dataset.ready = '1';
}

main().catch((error) => {
  showError(error);
  document.body.dataset.failed = '1';
});
