/**
 * The Textures tab: a description becomes a tileable PBR set (POST /api/textures), shown as its
 * maps, the server's preview.png and the live preview (texture-preview.ts), with what each word did
 * and what was not used; `#texture-save` adds it to the open world's library (POST
 * /api/worlds/:id/library), listed in `#texture-library`.
 */
import { api } from './api-client.ts';
import type { TextureSummary } from './api-types.ts';
import { whileBusy } from './busy-state.ts';
import { byId, h } from './element.ts';
import { clearError, showError } from './error-banner.ts';
import { onStateChange, state, updateState } from './editor-state.ts';
import { TexturePreview } from './texture-preview.ts';

function renderMaps(panel: HTMLElement, set: TextureSummary): void {
  const figure = (name: string, url: string) => h('figure', { dataset: { map: name } }, h('img', { src: url, alt: name, title: `${set.name}: ${name}` }), h('figcaption', {}, name));
  panel.replaceChildren(...set.maps.map((map) => figure(map.name, map.url)), figure('preview', set.previewUrl));
}

function renderWords(panel: HTMLElement, set: TextureSummary): void {
  const list = (items: string[]) => h('ul', {}, ...items.map((item) => h('li', {}, item)));
  const parts: Array<HTMLElement | null> = [
    h('div', {}, h('b', {}, set.name), h('span', { class: 'muted' }, ` · ${set.family} · ${set.size}px · tiles every ${set.tileMetres} m · seed ${set.seed}`)),
    set.words.length ? h('div', {}, h('h2', {}, 'Words'), list(set.words.map((w) => `“${Array.isArray(w.words) ? w.words.join(' ') : w.words}” → ${w.meaning}`))) : h('p', { class: 'muted' }, 'No word changed the defaults.'),
    set.unused.length ? h('div', {}, h('h2', {}, 'Not used'), h('p', {}, set.unused.join(', '))) : null,
    set.notes.length ? h('div', {}, h('h2', {}, 'Notes'), list(set.notes)) : null,
    h('div', {}, h('a', { href: set.zipUrl, download: `${set.id}.zip`, class: 'texture-zip' }, 'download the set (zip)')),
  ];
  panel.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
}

function renderLibrary(panel: HTMLElement, textures: TextureSummary[]): void {
  if (!state.worldId) return void panel.replaceChildren(h('p', { class: 'muted' }, 'Open a world to see its library.'));
  if (!textures.length) return void panel.replaceChildren(h('p', { class: 'muted' }, `${state.worldId} has no saved textures yet.`));
  panel.replaceChildren(
    ...textures.map((t) => h('div', { class: 'library-item', dataset: { textureId: t.id } }, h('img', { src: t.previewUrl, alt: '' }), h('span', { class: 'grow' }, t.name, h('div', { class: 'muted' }, t.description)), h('a', { href: t.zipUrl, download: `${t.id}.zip` }, 'zip'))),
  );
}

export function mountTextureLab(): void {
  const description = byId<HTMLInputElement>('texture-description');
  const size = byId<HTMLSelectElement>('texture-size');
  const make = byId<HTMLButtonElement>('texture-make');
  const save = byId<HTMLButtonElement>('texture-save');
  const library = byId('texture-library');
  let preview: TexturePreview | null = null;
  let current: TextureSummary | null = null;

  const act = (button: HTMLButtonElement, work: () => Promise<void>) => async () => {
    button.disabled = true;
    clearError();
    try {
      await whileBusy(work);
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
      save.disabled = !current || !state.worldId;
    }
  };

  make.addEventListener(
    'click',
    act(make, async () => {
      if (!description.value.trim()) throw new Error('Describe the surface first, e.g. “mossy cobblestone, wet”.');
      current = await api.makeTexture(description.value.trim(), Number(size.value));
      updateState({ texturesMade: [...state.texturesMade.filter((t) => t.id !== current!.id), current] });
      renderMaps(byId('texture-maps'), current);
      renderWords(byId('texture-words'), current);
      preview ??= new TexturePreview(byId<HTMLCanvasElement>('texture-preview'));
      preview.show(current);
    }),
  );
  description.addEventListener('keydown', (event) => event.key === 'Enter' && make.click());

  save.addEventListener(
    'click',
    act(save, async () => {
      if (!current || !state.worldId) return;
      const { textures } = await api.saveToLibrary(state.worldId, current.id);
      updateState({ library: textures });
    }),
  );

  let libraryOf: string | null = null;
  onStateChange((s) => {
    save.disabled = !current || !s.worldId;
    if (s.worldId !== libraryOf) {
      libraryOf = s.worldId;
      if (s.worldId) api.library(s.worldId).then(({ textures }) => s.worldId === libraryOf && updateState({ library: textures }), () => undefined);
    }
    renderLibrary(library, s.library);
  });
}
