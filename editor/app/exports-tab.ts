/**
 * The Exports tab (`#exports`): a download link for each thing made for the open world — the
 * world glb, the chunked zip, the spec, each texture set, the current shot plan and the last
 * cutscene's mp4 and glb — each marked `data-export` with what it is.
 */
import { worldUrls } from './api-client.ts';
import { h } from './element.ts';
import type { EditorState } from './editor-state.ts';

let planUrl: string | null = null;

export function renderExports(panel: HTMLElement, state: EditorState): void {
  const id = state.worldId;
  if (!id) return void panel.replaceChildren(h('p', { class: 'muted' }, 'Open or generate a world first.'));
  const link = (kind: string, href: string, file: string, label: string, note: string) =>
    h('div', { class: 'export' }, h('a', { href, download: file, dataset: { export: kind } }, label), h('span', { class: 'muted' }, note));
  const items: HTMLElement[] = [
    link('world-glb', worldUrls.glb(id), `${id}.glb`, `${id}.glb`, 'the whole world: terrain, water, plants, structures, colliders, navmesh, gameplay'),
    link('chunks-zip', worldUrls.chunksZip(id), `${id}-chunks.zip`, 'chunks.zip', 'the streamable chunk set (three levels of detail) and its index.json'),
    link('spec', worldUrls.spec(id), `${id}.spec.json`, 'spec.json', 'the WorldSpec: the same spec and seed make the same bytes'),
  ];
  const sets = new Map([...state.library, ...state.texturesMade].map((t) => [t.id, t]));
  for (const set of sets.values()) items.push(link('texture-set', set.zipUrl, `${set.id}.zip`, `${set.name} (texture set)`, `${set.description} · ${set.size}px`));
  if (state.plan) {
    if (planUrl) URL.revokeObjectURL(planUrl);
    planUrl = URL.createObjectURL(new Blob([JSON.stringify(state.plan, null, 2)], { type: 'application/json' }));
    items.push(link('plan', planUrl, 'plan.json', 'plan.json', `the shot plan: ${state.plan.shots.length} shots`));
  }
  if (state.cutscene && state.cutscene.worldId === id) {
    items.push(link('mp4', state.cutscene.files.mp4, 'cutscene.mp4', 'cutscene.mp4', 'the last rendered film'));
    items.push(link('cutscene-glb', state.cutscene.files.glb, 'cutscene.glb', 'cutscene.glb', 'its characters and shot cameras, animated'));
  }
  panel.replaceChildren(...items);
}
